//go:build js && wasm

package main

import (
	"encoding/json"
	"slices"
	"strings"
	"syscall/js"
	"testing"

	"github.com/passmeter/passmeter/core"
)

// callExport does what the shim does with the exports: the request's JSON
// into in, one call, the answer's JSON out of out.
func callExport(t testing.TB, export func(uint32) uint32, body string) string {
	t.Helper()
	exportInput(uint32(len(body)))
	n := copy(in[:cap(in)], body)
	size := export(uint32(n))
	return string(out[:size])
}

// The exports answer what the globals answer, as JSON.stringify writes
// their objects: responses and errors, key for key.
func TestExportsAnswerAsTheGlobals(t *testing.T) {
	var bodies []string
	for _, r := range sampleRequests() {
		b, _ := json.Marshal(r)
		bodies = append(bodies, string(b))
	}
	bodies = append(bodies, `{}`, `{"password":42}`, `{"password":"x","luds":{"min_length":2}}`,
		`{"password":"\udc00x"}`, `{"password":"\u0130qwerty\ud83d\ude00","user_inputs":[1e21,true,null]}`,
		`{"password":"`+strings.Repeat("qzjxkv", 60)+`"}`, `[]`, `"pw"`, `{"password":"x","reference_year":1e400}`)
	for _, body := range bodies {
		want := decodeJS(t, jsCall("strengthCheck", body))
		raw := callExport(t, strengthNoRule, asShim(body))
		if !json.Valid([]byte(raw)) {
			t.Fatalf("%s: export gave %q", body, raw)
		}
		// Through JSON.parse, as the shim reads it (1e999 is Infinity).
		got := decodeJS(t, jsJSON.Call("parse", raw))
		if g, w := canonical(t, got), canonical(t, want); g != w {
			t.Errorf("%s:\n export %s\n global %s", body, g, w)
		}
		if want["status_code"] != float64(200) {
			if g, w := jsonKeys([]byte(raw)), objectKeys(jsCall("strengthCheck", body)); !slices.Equal(g, w) {
				t.Errorf("%s: error keys %v, want %v", body, g, w)
			}
		}
	}
	for _, body := range []string{`{}`, `{"password":"Tr0ub4dour&3","mfaEnrolled":true}`, `{"password":7}`} {
		g := canonical(t, decodeJS(t, jsJSON.Call("parse", callExport(t, exportSecurity, asShim(body)))))
		if w := canonical(t, decodeJS(t, jsCall("securityLevel", body))); g != w {
			t.Errorf("securityLevel %s:\n export %s\n global %s", body, g, w)
		}
	}
}

// A request longer than the room asked for is refused, not read past.
func TestExportRefusesLengthBeyondBuffer(t *testing.T) {
	exportInput(8)
	raw := string(out[:exportStrength(uint32(cap(in)+1), 0)])
	var got map[string]any
	if err := json.Unmarshal([]byte(raw), &got); err != nil || got["status_code"] != float64(500) {
		t.Fatalf("got %s (%v), want a 500 error object", raw, err)
	}
	if g := callExport(t, strengthNoRule, `{"password":"x","reference_year":2026}`); !json.Valid([]byte(g)) {
		t.Fatalf("next call gave %q", g)
	}
}

// strengthNoRule is passmeter_strength with no breach rule.
func strengthNoRule(n uint32) uint32 { return exportStrength(n, 0) }

// The breach rule rides on the export (its bits) and marks the response
// by core.BreachRule.Mark; the global takes none.
func TestBreachRuleMarks(t *testing.T) {
	for _, c := range []struct {
		body     string
		bits     uint32
		check    string
		onCreate bool
	}{
		{`{"password":"x","email":"a@b.c"}`, 0, "skipped", false},
		{`{"password":"x","email":"a@b.c"}`, core.BreachRuleEnabled, "due", false},
		{`{"password":"x","form_fields":[{"type":"email","value":"a@b.c"}]}`, core.BreachRuleEnabled, "due", false},
		{`{"password":"x","form_fields":[{"type":"text","value":"Ann"}]}`, core.BreachRuleEnabled, "skipped", true},
		{`{"password":"x"}`, core.BreachRuleEnabled | core.BreachRuleWithoutEmail, "due", false},
		{`{"password":"x"}`, core.BreachRuleWithoutEmail, "skipped", false},
	} {
		raw := callExport(t, func(n uint32) uint32 { return exportStrength(n, c.bits) }, asShim(c.body))
		var got map[string]any
		if err := json.Unmarshal([]byte(raw), &got); err != nil {
			t.Fatalf("%s: %q", c.body, raw)
		}
		if got["breach_check"] != c.check || got["breach_detection_on_create"] != c.onCreate {
			t.Errorf("%s, bits %d: breach_check %v, breach_detection_on_create %v; want %s, %v",
				c.body, c.bits, got["breach_check"], got["breach_detection_on_create"], c.check, c.onCreate)
		}
		if g := decodeJS(t, jsCall("strengthCheck", c.body)); g["breach_check"] != "skipped" || g["breach_detection_on_create"] != false {
			t.Errorf("%s: the global gave breach_check %v", c.body, g["breach_check"])
		}
	}
}

func jsCall(global, body string) js.Value {
	return js.Global().Call(global, jsJSON.Call("parse", body))
}

// asShim is the text the shim hands the exports: JSON.stringify of the
// request object, as the globals see it.
func asShim(body string) string { return toJSON(jsJSON.Call("parse", body)) }

// A panic in a handler comes back as an error object, and the module keeps
// answering.
func TestExportRecoversFromPanic(t *testing.T) {
	exportInput(2)
	n := copy(in[:cap(in)], "{}")
	raw := string(out[:answer(func([]byte, core.BreachRule) (response, error) { panic("boom") }, uint32(n), core.BreachRule{})])
	var got map[string]any
	if err := json.Unmarshal([]byte(raw), &got); err != nil {
		t.Fatalf("got %q: %v", raw, err)
	}
	if got["status_code"] != float64(500) || got["error_type"] != "internal_server_error" || got["field"] != "" ||
		got["error_url"] != "https://stytch.com/docs/api/errors/500" || got["request_id"] == "" {
		t.Fatalf("got %s, want a 500 internal_server_error with an empty field", raw)
	}
	if g := callExport(t, strengthNoRule, `{"password":"x","reference_year":2026}`); !json.Valid([]byte(g)) {
		t.Fatalf("next call gave %q", g)
	}
}
