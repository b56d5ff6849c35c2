package core

import (
	"errors"
	"testing"
)

func TestBreachRule(t *testing.T) {
	withEmail := StrengthRequest{Password: "correct horse battery staple", Email: "a@b.c"}
	emailField := StrengthRequest{Password: "correct horse battery staple", FormFields: []FormField{{"email", "a@b.c"}}}
	noEmail := StrengthRequest{Password: "correct horse battery staple", FormFields: []FormField{{"text", "Jane"}, {"email", " "}}}
	weak := StrengthRequest{Password: "password", Email: "a@b.c"}
	errDown := errors.New("down")
	for _, c := range []struct {
		name     string
		rule     BreachRule
		req      StrengthRequest
		found    bool
		err      error
		checked  bool   // the checker was called
		outcome  string // breach_check
		on       bool   // breach_detection_on_create
		valid    bool
		breached bool
	}{
		{"off", BreachRule{}, withEmail, true, nil, false, BreachSkipped, false, true, false},
		{"off, without email too", BreachRule{WithoutEmail: true}, noEmail, true, nil, false, BreachSkipped, false, true, false},
		{"no email: Stytch skips", BreachRule{Enabled: true}, noEmail, true, nil, false, BreachSkipped, true, true, false},
		{"no email, WithoutEmail", BreachRule{Enabled: true, WithoutEmail: true}, noEmail, false, nil, true, BreachOK, true, true, false},
		{"email: ok", BreachRule{Enabled: true}, withEmail, false, nil, true, BreachOK, true, true, false},
		{"email field: breached", BreachRule{Enabled: true}, emailField, true, nil, true, BreachBreached, true, false, true},
		{"a failed check is no breach", BreachRule{Enabled: true}, withEmail, true, errDown, true, BreachUnavailable, true, true, false},
		{"weak passwords are checked", BreachRule{Enabled: true}, weak, true, nil, true, BreachBreached, true, false, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			resp, err := StrengthCheck(c.req)
			if err != nil {
				t.Fatal(err)
			}
			if due := c.rule.Due(c.req); due != c.checked {
				t.Errorf("Due = %v, want %v", due, c.checked)
			}
			checked := false
			err = c.rule.Check(c.req, &resp, func(pw string) (bool, error) {
				checked = true
				if pw != c.req.Password {
					t.Errorf("checker got %q", pw)
				}
				return c.found, c.err
			})
			if err != c.err || checked != c.checked {
				t.Errorf("Check: err %v, checked %v; want %v, %v", err, checked, c.err, c.checked)
			}
			if resp.BreachCheck != c.outcome || resp.BreachDetectionOnCreate != c.on || resp.ValidPassword != c.valid || resp.BreachedPassword != c.breached {
				t.Errorf("breach_check %q on %v valid %v breached %v; want %q %v %v %v",
					resp.BreachCheck, resp.BreachDetectionOnCreate, resp.ValidPassword, resp.BreachedPassword, c.outcome, c.on, c.valid, c.breached)
			}
		})
	}
}

// Mark leaves a due check to its caller, marked BreachDue; ApplyBreach
// then gives what Check gives.
func TestBreachRuleMark(t *testing.T) {
	req := StrengthRequest{Password: "correct horse battery staple", FormFields: []FormField{{"email", "a@b.c"}}}
	for _, rule := range []BreachRule{{}, {Enabled: true}, {Enabled: true, WithoutEmail: true}} {
		for _, r := range []StrengthRequest{req, {Password: req.Password}} {
			marked, _ := StrengthCheck(r)
			checked := marked
			due := rule.Mark(r, &marked)
			rule.Check(r, &checked, func(string) (bool, error) { return true, nil })
			if due != rule.Due(r) || due != (marked.BreachCheck == BreachDue) {
				t.Errorf("%+v: Mark = %v, breach_check %q, Due %v", rule, due, marked.BreachCheck, rule.Due(r))
			}
			if due {
				marked.ApplyBreach(BreachBreached)
			}
			marked.RequestID, marked.CalcTimeMs = checked.RequestID, checked.CalcTimeMs
			if string(marked.AppendJSON(nil)) != string(checked.AppendJSON(nil)) {
				t.Errorf("%+v: Mark then ApplyBreach\n%s\nCheck\n%s", rule, marked.AppendJSON(nil), checked.AppendJSON(nil))
			}
		}
	}
}
