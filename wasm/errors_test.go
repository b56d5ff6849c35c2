//go:build js && wasm

package main

import (
	"strings"
	"syscall/js"
	"testing"

	"github.com/passmeter/passmeter/core"
)

func TestBadRequests(t *testing.T) {
	long := `"` + strings.Repeat("a", 16385) + `"`
	tests := []struct {
		fn, request, field string // request is JavaScript; "-" means no argument
	}{
		{"strengthCheck", "-", ""},
		{"strengthCheck", "undefined", ""},
		{"strengthCheck", "null", ""},
		{"strengthCheck", "42", ""},
		{"strengthCheck", `"hunter2"`, ""},
		{"strengthCheck", `["hunter2"]`, ""},
		{"strengthCheck", "() => 1", ""},
		{"strengthCheck", "{password: 1n}", ""},
		{"strengthCheck", "1n", ""},
		{"strengthCheck", "{password: 'x', user_inputs: 1n}", ""},
		{"strengthCheck", "(() => { const o = {password: 'x'}; o.self = o; return o; })()", ""},
		{"strengthCheck", "{get password() { throw new Error('getter'); }}", ""},
		{"strengthCheck", "{}", "password"},
		{"strengthCheck", "{password: null}", "password"},
		{"strengthCheck", "{password: 12345}", "password"},
		{"strengthCheck", "{password: ['a']}", "password"},
		{"strengthCheck", "{password: " + long + "}", "password"},
		{"strengthCheck", "{password: 'x', email: 7}", "email"},
		{"strengthCheck", "{password: 'x', user_inputs: 'alice'}", "user_inputs"},
		{"strengthCheck", "{password: 'x', user_inputs: {a: 'b'}}", "user_inputs"},
		{"strengthCheck", "{password: 'x', strength_policy: 'pci'}", "strength_policy"},
		{"strengthCheck", "{password: 'x', strength_policy: 3}", "strength_policy"},
		{"strengthCheck", "{password: 'x', strength_policy: 'luds', luds: {min_length: 7}}", "luds"},
		{"strengthCheck", "{password: 'x', strength_policy: 'luds', luds: {min_length: 33}}", "luds"},
		{"strengthCheck", "{password: 'x', strength_policy: 'luds', luds: {min_complexity: -1}}", "luds"},
		{"strengthCheck", "{password: 'x', strength_policy: 'luds', luds: {min_complexity: 5}}", "luds"},
		{"strengthCheck", "{password: 'x', luds: 'strict'}", "luds"},
		{"strengthCheck", "{password: 'x', reference_year: '2026'}", "reference_year"},
		{"strengthCheck", "{password: 'x', reference_year: 1.5}", "reference_year"},
		{"securityLevel", "-", ""},
		{"securityLevel", "null", ""},
		{"securityLevel", "'pw'", ""},
		{"securityLevel", "{password: 5}", "password"},
		{"securityLevel", "{password: " + long + "}", "password"},
		{"securityLevel", "{mfaEnrolled: 'yes'}", "mfaEnrolled"},
		{"securityLevel", "{emailBinded: 1}", "emailBinded"},
		{"securityLevel", "{phoneBinded: null, password: 'x', reference_year: 'now'}", "reference_year"},
	}
	for _, tt := range tests {
		var r js.Value
		if tt.request == "-" {
			r = js.Global().Call(tt.fn)
		} else {
			r = js.Global().Call(tt.fn, jsEval(tt.request))
		}
		name := tt.fn + "(" + shorten(tt.request) + ")"
		want := []string{"status_code", "error_type", "error_message", "field"}
		if got := strings.Join(objectKeys(r), ","); got != strings.Join(want, ",") {
			t.Errorf("%s: keys %s, want %v", name, got, want)
			continue
		}
		field := r.Get("field").String()
		msg := r.Get("error_message").String()
		switch {
		case r.Get("status_code").Int() != 400:
			t.Errorf("%s: %s, want status_code 400", name, toJSON(r))
		case field != tt.field && !strings.HasPrefix(field, tt.field+"."):
			t.Errorf("%s: field %q, want %q (%s)", name, field, tt.field, msg)
		case tt.field != "" && !strings.Contains(msg, tt.field):
			t.Errorf("%s: message %q does not name %s", name, msg, tt.field)
		case !strings.HasPrefix(r.Get("error_type").String(), "invalid_"):
			t.Errorf("%s: error_type %q", name, r.Get("error_type").String())
		}
		mustWork(t, name)
	}
}

// Every JavaScript string is scored, as zxcvbn scores it: surrogate pairs
// written raw or escaped, lone surrogates (high, low, at the end, a pair
// reversed) in the password, the email and user_inputs, and user inputs
// that are numbers, booleans or what zxcvbn skips.
func TestJSStringsAccepted(t *testing.T) {
	for _, req := range []string{
		`{password: "😀🔥 kitten", reference_year: 2026}`,
		`{password: "\ud83d\ude00x", user_inputs: ["\ud83d\udd25"], email: "😀@example.com"}`,
		`{password: "\\ud800 is only text"}`, // a backslash, then "ud800"
		`{password: "abc\ud800def"}`,
		`{password: "\udc00"}`,
		`{password: "abc\ud83d"}`,
		`{password: "\ude00\ud83d"}`,
		`{password: "ok", email: "a\udfffb@example.com"}`,
		`{password: "ok", user_inputs: ["fine", "x\ud800"]}`,
		`{password: "alice1987", user_inputs: [1987, true, null, {a: 1}, ["x"], "alice", -0, 1e21]}`,
	} {
		r := js.Global().Call("strengthCheck", jsEval(req))
		if r.Get("status_code").Int() != 200 {
			t.Errorf("%s: %s", req, toJSON(r))
		}
	}
}

// A panic below a callback becomes a 500 object; the runtime goes on.
func TestPanicRecovered(t *testing.T) {
	js.Global().Set("passmeterPanics", js.FuncOf(bridge(func([]byte, core.BreachRule) (response, error) {
		var m map[string]int
		m["boom"]++ // a nil map write: a runtime panic
		return nil, nil
	})))
	defer js.Global().Delete("passmeterPanics")
	for i := 0; i < 3; i++ {
		r := js.Global().Call("passmeterPanics", jsEval("{password: 'x'}"))
		if r.Get("status_code").Int() != 500 || r.Get("error_type").String() != "internal_error" ||
			!strings.Contains(r.Get("error_message").String(), "nil map") {
			t.Fatalf("panic gave %s", toJSON(r))
		}
		mustWork(t, "a recovered panic")
	}
}

func shorten(s string) string {
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}
