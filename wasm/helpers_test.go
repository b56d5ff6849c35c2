//go:build js && wasm

package main

import (
	"encoding/json"
	"os"
	"syscall/js"
	"testing"
)

// The test binary never runs main, so the globals are set here.
func TestMain(m *testing.M) {
	register()
	os.Exit(m.Run())
}

// jsEval returns the value of a JavaScript expression, for requests Go's
// encoder cannot write (lone surrogates, BigInt, cycles, getters).
func jsEval(expr string) js.Value {
	return js.Global().Get("Function").New("return (" + expr + ");").Invoke()
}

// fromJSON builds a JavaScript value as JSON.parse does.
func fromJSON(t testing.TB, v any) js.Value {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return jsJSON.Call("parse", string(b))
}

func toJSON(v js.Value) string { return jsJSON.Call("stringify", v).String() }

// decodeJS reads a result object into Go through JSON.stringify.
func decodeJS(t testing.TB, v js.Value) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(toJSON(v)), &m); err != nil {
		t.Fatalf("result %s: %v", toJSON(v), err)
	}
	return m
}

// objectKeys is Object.keys(v).
func objectKeys(v js.Value) []string {
	ks := js.Global().Get("Object").Call("keys", v)
	out := make([]string, ks.Length())
	for i := range out {
		out[i] = ks.Index(i).String()
	}
	return out
}

// mustWork checks that a good call still succeeds, as after any failure.
func mustWork(t testing.TB, after string) {
	t.Helper()
	r := js.Global().Call("strengthCheck", jsEval(`{password: "correct horse battery staple", reference_year: 2026}`))
	if got := r.Get("status_code").Int(); got != 200 || r.Get("score").Int() != 4 {
		t.Fatalf("after %s: next strengthCheck gave %s", after, toJSON(r))
	}
	s := js.Global().Call("securityLevel", jsEval(`{password: "Tr0ub4dour&3", mfaEnrolled: true}`))
	if s.Get("securityScore").Type() != js.TypeNumber {
		t.Fatalf("after %s: next securityLevel gave %s", after, toJSON(s))
	}
}
