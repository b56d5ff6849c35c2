//go:build js && wasm

package clock

import _ "unsafe" // for go:linkname

// now is what package time reads: the runtime defines time.now for it
// (runtime/timestub.go) and, by go.dev/issue/67401, keeps its name and
// signature for the packages outside the standard library that link it.
//
//go:linkname now time.now
func now() (sec int64, nsec int32, mono int64)

// Nanotime is a monotonic reading in nanoseconds, for differences only.
func Nanotime() int64 {
	_, _, mono := now()
	return mono
}

// Year is the current year in UTC: without package time the module knows
// no time zone. The wasm module gives zxcvbn JavaScript's local year
// itself (wasm/main.go), so this is only the default for other callers.
func Year() int {
	sec, _, _ := now()
	return utcYear(sec)
}
