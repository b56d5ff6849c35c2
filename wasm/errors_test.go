//go:build js && wasm

package main

import (
	"strconv"
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
		if !checkErrorObject(t, name, r, 400) {
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
		checkErrorObject(t, "a recovered panic", r, 500)
		if r.Get("status_code").Int() != 500 || r.Get("error_type").String() != "internal_server_error" ||
			!strings.Contains(r.Get("error_message").String(), "nil map") {
			t.Fatalf("panic gave %s", toJSON(r))
		}
		mustWork(t, "a recovered panic")
	}
}

// checkErrorObject checks an error object's shape: core.Error's keys in
// its JSON's order (status_code, request_id, error_type, error_message,
// error_url, field), a fresh request_id, Stytch's error_url for the
// status, and the status.
func checkErrorObject(t *testing.T, name string, r js.Value, status int) bool {
	t.Helper()
	want := "status_code,request_id,error_type,error_message,error_url,field"
	if got := strings.Join(objectKeys(r), ","); got != want {
		t.Errorf("%s: keys %s, want %s", name, got, want)
		return false
	}
	ok := true
	if got := r.Get("status_code").Int(); got != status {
		t.Errorf("%s: status_code %d, want %d", name, got, status)
		ok = false
	}
	if id := r.Get("request_id").String(); !strings.HasPrefix(id, "request-id-") || len(id) != len("request-id-")+36 {
		t.Errorf("%s: request_id %q", name, id)
		ok = false
	}
	if got, want := r.Get("error_url").String(), "https://stytch.com/docs/api/errors/"+strconv.Itoa(status); got != want {
		t.Errorf("%s: error_url %q, want %q", name, got, want)
		ok = false
	}
	return ok
}

// The error objects and the exports' error JSON are one shape: the same
// keys, in the same order, with the same values but the request_id.
func TestErrorObjectMatchesExportJSON(t *testing.T) {
	for _, req := range []string{`{}`, `{"password":5}`, `[]`, `{"password":"x","reference_year":-3}`, `{"password":"x","luds":{"min_length":40}}`} {
		obj := jsCall("strengthCheck", req)
		checkErrorObject(t, req, obj, 400)
		raw := callExport(t, strengthNoRule, req)
		fromJSON := jsJSON.Call("parse", raw)
		if a, b := strings.Join(objectKeys(obj), ","), strings.Join(objectKeys(fromJSON), ","); a != b {
			t.Errorf("%s: object keys %s, export JSON keys %s", req, a, b)
		}
		for _, k := range []string{"status_code", "error_type", "error_message", "error_url", "field"} {
			if a, b := toJSON(obj.Get(k)), toJSON(fromJSON.Get(k)); a != b {
				t.Errorf("%s: %s is %s in the object, %s in the export's JSON", req, k, a, b)
			}
		}
		if obj.Get("request_id").String() == fromJSON.Get("request_id").String() {
			t.Errorf("%s: two calls share request_id %s", req, obj.Get("request_id").String())
		}
	}
	// securityLevel refuses reference_year -3 as strengthCheck does.
	r := jsCall("securityLevel", `{"password":"x","reference_year":-3}`)
	if checkErrorObject(t, "securityLevel year -3", r, 400) && r.Get("field").String() != "reference_year" {
		t.Errorf("securityLevel year -3: %s", toJSON(r))
	}
}

func shorten(s string) string {
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}
