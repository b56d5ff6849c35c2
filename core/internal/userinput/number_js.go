//go:build js

package userinput

// numberText, in the wasm module: its callers hand every number in
// user_inputs over as JavaScript's own String() of it (web/src/exports.js's
// replacer, wasm/convert.go for the globals), so a JSON number arrives
// only from a caller of the raw exports that skipped them. JavaScript's
// spelling of a number needs strconv.ParseFloat, 11 KB of the module's
// brotli size (its tables of powers of ten), for nothing the shim sends:
// here a number is kept as the caller wrote it, which is String()'s
// spelling for every integer written plainly, as JSON.stringify writes one.
func numberText(raw string) string {
	return raw
}
