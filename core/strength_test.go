package core

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestDecodeStrengthRequestErrors(t *testing.T) {
	tests := []struct {
		body, field string
	}{
		{`{}`, "password"},
		{`{"password":null}`, "password"},
		{`{"password":5}`, "password"},
		{`{"password":"x","email":7}`, "email"},
		{`{"password":"x","user_inputs":"john"}`, "user_inputs"},
		{`{"password":"x","strength_policy":"pci"}`, "strength_policy"},
		{`{"password":"x","luds":{"min_length":7}}`, "luds.min_length"},
		{`{"password":"x","luds":{"min_complexity":5}}`, "luds.min_complexity"},
		{`{"password":"x","luds":{"min_complexity":0}}`, "luds.min_complexity"},
		{`{"password":"x","luds":{"min_length":0}}`, "luds.min_length"},
		{`{"password":"x","luds":{"min_length":"8"}}`, "luds.min_length"},
		{`{"password":"x","reference_year":"2026"}`, "reference_year"},
		{`{"password":"` + strings.Repeat("a", MaxPasswordLength+1) + `"}`, "password"},
		{`[]`, ""},
		{`"password"`, ""},
		{``, ""},
		{`{"password":"x"} {}`, ""},
		{"{\"password\":\"\xff\"}", ""},
		{"{\"password\":\"\xed\xa0\x80\"}", ""}, // a surrogate's bytes are no UTF-8; its escape is JSON
	}
	for _, tt := range tests {
		_, err := DecodeStrengthRequest([]byte(tt.body))
		var re *Error
		if !errors.As(err, &re) {
			t.Errorf("%.40q: error %v, want an Error", tt.body, err)
			continue
		}
		if re.Field != tt.field {
			t.Errorf("%.40q: field %q, want %q (%v)", tt.body, re.Field, tt.field, err)
		}
		if tt.field != "" && !strings.Contains(re.Error(), tt.field) {
			t.Errorf("%.40q: message %q does not name %q", tt.body, re.Error(), tt.field)
		}
	}
}

// user_inputs are taken as zxcvbn.js takes them: strings, numbers (in
// JavaScript's spelling) and booleans count, in order; anything else is
// left out without taking a rank. Lone surrogates stay (WTF-8).
func TestDecodeUserInputsAsZxcvbn(t *testing.T) {
	tests := []struct {
		inputs string
		want   []string
	}{
		{`["a","b"]`, []string{"a", "b"}},
		{`[1, 2.50, -0, 1e21, 1e-7, 123456789012345678901, true, false]`,
			[]string{"1", "2.5", "0", "1e+21", "1e-7", "123456789012345680000", "true", "false"}},
		{`[null, "x", {"a":1}, [], ["y"], 7]`, []string{"x", "7"}},
		{`["__proto__", "constructor"]`, []string{"__proto__", "constructor"}},
		{`["\ud800", "a\udc00b", "\ud83d\ude00"]`, []string{"\xed\xa0\x80", "a\xed\xb0\x80b", "\U0001F600"}},
		{`[]`, []string{}},
	}
	for _, tt := range tests {
		req, err := DecodeStrengthRequest([]byte(`{"password":"x","user_inputs":` + tt.inputs + `}`))
		if err != nil {
			t.Errorf("%s: %v", tt.inputs, err)
			continue
		}
		if !reflect.DeepEqual(req.UserInputs, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.inputs, req.UserInputs, tt.want)
		}
	}
}

func TestDecodeLoneSurrogates(t *testing.T) {
	req, err := DecodeStrengthRequest([]byte(`{"password":"a\ud800","email":"\udfff@x.io"}`))
	if err != nil {
		t.Fatal(err)
	}
	if req.Password != "a\xed\xa0\x80" || req.Email != "\xed\xbf\xbf@x.io" {
		t.Errorf("password %q, email %q", req.Password, req.Email)
	}
	// The length limit counts the lone surrogate as one unit.
	body := `{"password":"` + strings.Repeat("a", MaxPasswordLength-1) + `\ud800"}`
	if _, err := DecodeStrengthRequest([]byte(body)); err != nil {
		t.Errorf("%d units refused: %v", MaxPasswordLength, err)
	}
	body = `{"password":"` + strings.Repeat("a", MaxPasswordLength) + `\ud800"}`
	if _, err := DecodeStrengthRequest([]byte(body)); err == nil {
		t.Errorf("%d units accepted", MaxPasswordLength+1)
	}
}

func TestStrengthCheck(t *testing.T) {
	tests := []struct {
		name   string
		req    StrengthRequest
		valid  bool
		score  int
		policy string
		luds   *struct{ complexity, chars int }
	}{
		{"weak", StrengthRequest{Password: "password"}, false, 0, "zxcvbn", nil},
		{"strong", StrengthRequest{Password: "correct horse battery staple"}, true, 4, "zxcvbn", nil},
		{"email makes it weak", StrengthRequest{Password: "johnsmith1987", Email: "john.smith@example.com"}, false, -1, "zxcvbn", nil},
		{"luds pass", StrengthRequest{Password: "Passw0rd", StrengthPolicy: "luds"}, true, 0, "luds", &struct{ complexity, chars int }{0, 0}},
		{"luds fail", StrengthRequest{Password: "abc", StrengthPolicy: "luds"}, false, -1, "luds", &struct{ complexity, chars int }{2, 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := StrengthCheck(tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if r.ValidPassword != tt.valid || (tt.score >= 0 && r.Score != tt.score) || r.StrengthPolicy != tt.policy {
				t.Errorf("valid=%v score=%d policy=%s", r.ValidPassword, r.Score, r.StrengthPolicy)
			}
			if r.StatusCode != 200 || !strings.HasPrefix(r.RequestID, "request-id-") || r.BreachCheck != BreachSkipped {
				t.Errorf("status=%d id=%q breach_check=%q", r.StatusCode, r.RequestID, r.BreachCheck)
			}
			if (tt.luds == nil) != (r.Feedback.LUDSRequirements == nil) {
				t.Fatalf("luds_requirements %+v", r.Feedback.LUDSRequirements)
			}
			if tt.luds != nil && (r.Feedback.LUDSRequirements.MissingComplexity != tt.luds.complexity || r.Feedback.LUDSRequirements.MissingCharacters != tt.luds.chars) {
				t.Errorf("luds %+v", *r.Feedback.LUDSRequirements)
			}
		})
	}
}

func TestEmailCountsAsUserInput(t *testing.T) {
	with, _ := StrengthCheck(StrengthRequest{Password: "qponmkzyxwvu", Email: "zyxwvu.qponmk@example.com"})
	without, _ := StrengthCheck(StrengthRequest{Password: "qponmkzyxwvu"})
	if !(with.Guesses < without.Guesses) {
		t.Errorf("guesses with email %v, without %v", with.Guesses, without.Guesses)
	}
	got := emailParts("john.smith@mail.example.com")
	want := []string{"john.smith@mail.example.com", "john.smith", "john", "smith", "mail", "example"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("emailParts = %q, want %q", got, want)
	}
}

func TestApplyBreach(t *testing.T) {
	for _, outcome := range []string{BreachOK, BreachBreached, BreachUnavailable} {
		r, _ := StrengthCheck(StrengthRequest{Password: "correct horse battery staple"})
		r.ApplyBreach(outcome)
		if r.BreachedPassword != (outcome == BreachBreached) || r.ValidPassword == (outcome == BreachBreached) || !r.BreachDetectionOnCreate {
			t.Errorf("%s: %+v", outcome, r)
		}
	}
}

func TestResponseHasEveryField(t *testing.T) {
	r, _ := StrengthCheck(StrengthRequest{Password: "x"})
	b, _ := json.Marshal(r)
	var m map[string]any
	json.Unmarshal(b, &m)
	for _, k := range []string{"valid_password", "score", "breached_password", "strength_policy", "breach_detection_on_create",
		"feedback", "status_code", "request_id", "guesses", "guesses_log10", "crack_times_seconds", "crack_times_display", "sequence", "calc_time_ms", "breach_check"} {
		if _, ok := m[k]; !ok {
			t.Errorf("response lacks %q", k)
		}
	}
	fb := m["feedback"].(map[string]any)
	for _, k := range []string{"warning", "suggestions", "luds_requirements", "codes"} {
		if _, ok := fb[k]; !ok {
			t.Errorf("feedback lacks %q", k)
		}
	}
}

func FuzzDecodeStrengthRequest(f *testing.F) {
	f.Add([]byte(`{"password":"x","email":"a@b.c","user_inputs":["q"],"strength_policy":"luds","luds":{"min_length":9,"min_complexity":2}}`))
	f.Add([]byte(`{"password":5}`))
	f.Add([]byte(`{"password":"JaneAcme1","form_fields":[{"type":"text","value":" Jane  Doe "},{"type":"email","value":"jane@acme.io"},{"value":null}]}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, body []byte) {
		req, err := DecodeStrengthRequest(body)
		if err != nil {
			var re *Error
			if !errors.As(err, &re) {
				t.Fatalf("error %T %v is not an Error", err, err)
			}
			return
		}
		if len(req.Password) > 4*MaxPasswordLength {
			return
		}
		r, err := StrengthCheck(req)
		if err != nil {
			t.Fatalf("decoded request rejected: %v", err)
		}
		if r.Score < 0 || r.Score > 4 || !(r.Guesses >= 1) {
			t.Fatalf("score %d guesses %v", r.Score, r.Guesses)
		}
	})
}
