//go:build js && wasm

package main

import (
	"strings"
	"syscall/js"
	"testing"
)

// The answer reaches JavaScript as zxcvbn.js would give it, by both ways
// in: the globals (JSON.parse of the module's text inside Go's call) and
// the exports (the shim's JSON.parse of the same text in linear memory).
func answerBoth(t *testing.T, req string) [2]js.Value {
	t.Helper()
	global := js.Global().Call("strengthCheck", jsEval(req))
	export := jsJSON.Call("parse", callExport(t, strengthNoRule, toJSON(jsEval(req))))
	for _, r := range []js.Value{global, export} {
		if r.Get("status_code").Int() != 200 {
			t.Fatalf("%s: %s", req, toJSON(r))
		}
	}
	return [2]js.Value{global, export}
}

// Every token is the password's own units from i to j, as zxcvbn slices
// it, also where that cuts a surrogate pair (İ lower-cases to two units,
// so the dictionary's indices move by one) or holds a lone surrogate: no
// U+FFFD in their place.
func TestTokensAreThePasswordsUnits(t *testing.T) {
	sliceCheck := jsEval(`(pw, r) => r.sequence.every((m) => m.token === pw.slice(m.i, m.j + 1))`)
	for _, pw := range []string{`"\u0130qwerty\ud83d\ude00"`, `"\u0130\u0130dragon\ud83d\udd25\ud83d\udd25"`, `"\ud800"`,
		`"pass\udc00word\ud83d"`, `"\ude00\ud83d1987"`, `"\u03a3\u0130monkey\ud83d\ude00x"`} {
		for _, r := range answerBoth(t, `{password: `+pw+`, reference_year: 2026}`) {
			if !sliceCheck.Invoke(jsEval(pw), r).Bool() {
				t.Errorf("%s: tokens %s are not the password's units", pw, toJSON(r.Get("sequence")))
			}
		}
	}
}

// crack_times_seconds is zxcvbn's guesses / (100 / 3600) and so on, to the
// bit: Infinity where that overflows (the JSON from the module spells it
// 1e999), never null.
func TestCrackTimesOverflowToInfinity(t *testing.T) {
	check := jsEval(`(r) => Object.is(r.crack_times_seconds.online_throttling_100_per_hour, r.guesses / (100 / 3600)) &&
		Object.is(r.crack_times_seconds.offline_fast_hashing_1e10_per_second, r.guesses / 1e10)`)
	isInf := jsEval(`(r) => r.crack_times_seconds.online_throttling_100_per_hour === Infinity`)
	overflowed := 0
	for _, pw := range []string{randomLetters(1, 330), randomLetters(2, 400), randomLetters(3, 200), "correct horse", strings.Repeat("9", 330)} {
		for _, r := range answerBoth(t, `{password: "`+pw+`", reference_year: 2026}`) {
			if !check.Invoke(r).Bool() {
				t.Errorf("%.20s...: crack times %s for guesses %v", pw, toJSON(r.Get("crack_times_seconds")), r.Get("guesses").Float())
			}
			if isInf.Invoke(r).Bool() {
				overflowed++
			}
		}
	}
	if overflowed == 0 {
		t.Errorf("no password overflowed: the test shows nothing")
	}
}

// randomLetters is n seeded letters a-z: past about 310 of them zxcvbn's
// guesses, bruteforce mostly, reach Number.MAX_VALUE.
func randomLetters(seed uint32, n int) string {
	b := make([]byte, n)
	for k := range b {
		seed = seed*1103515245 + 12345
		b[k] = 'a' + byte(seed>>16%26)
	}
	return string(b)
}

// User inputs JSON cannot carry as zxcvbn sees them are taken as zxcvbn
// takes them: NaN and ±Infinity as their String() (zxcvbn keeps numbers),
// a boxed primitive, a Date, an object with toJSON and a BigInt skipped
// (zxcvbn skips what is not a string, number or boolean). Each request
// must get the answer of its plain twin.
func TestUserInputsBeyondJSON(t *testing.T) {
	same := jsEval(`(a, b) => { const c = (r) => { const { request_id, calc_time_ms, ...rest } = r; return JSON.stringify(rest); };
		return c(strengthCheck(a)) === c(strengthCheck(b)) && strengthCheck(a).status_code === 200; }`)
	for _, tt := range []struct{ exotic, plain string }{
		{`[NaN, "x"]`, `["NaN", "x"]`},
		{`[Infinity, "x"]`, `["Infinity", "x"]`},
		{`[-Infinity]`, `["-Infinity"]`},
		{`[new Number(1987), "alice"]`, `["alice"]`},
		{`[new String("alice"), "bob"]`, `["bob"]`},
		{`[new Date(0), {toJSON() { return "alice"; }}, "bob"]`, `["bob"]`},
		{`[1n, "alice"]`, `["alice"]`},
		{`[undefined, () => 1, Symbol("x"), "alice"]`, `["alice"]`},
	} {
		req := func(inputs string) js.Value {
			return jsEval(`{password: "alice1987nan-infinity", reference_year: 2026, user_inputs: ` + inputs + `}`)
		}
		if !same.Invoke(req(tt.exotic), req(tt.plain)).Bool() {
			t.Errorf("user_inputs %s: answer %s, want that of %s: %s", tt.exotic,
				toJSON(js.Global().Call("strengthCheck", req(tt.exotic))), tt.plain, toJSON(js.Global().Call("strengthCheck", req(tt.plain))))
		}
	}
}
