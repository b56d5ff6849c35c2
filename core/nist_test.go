package core

import (
	"strings"
	"testing"
)

func TestNISTPolicy(t *testing.T) {
	for _, c := range []struct {
		name        string
		req         StrengthRequest
		valid       bool
		missing     int
		blocklisted string
	}{
		{"15 code points, no rule on their kinds", StrengthRequest{Password: "violet kettle sundial"}, true, 0, ""},
		{"14 is short", StrengthRequest{Password: "violetkettlesu"}, false, 1, ""},
		{"code points, not units", StrengthRequest{Password: "😀😀😀😀😀😀😀😀 kettle"}, true, 0, ""},
		{"8 with multi-factor", StrengthRequest{Password: "kettle9z", MultiFactor: true}, true, 0, ""},
		{"7 with multi-factor is short", StrengthRequest{Password: "kettle9", MultiFactor: true}, false, 1, ""},
		{"a common password", StrengthRequest{Password: "password", MultiFactor: true}, false, 0, BlockCommon},
		{"a common password, however cased", StrengthRequest{Password: "PassWord", MultiFactor: true}, false, 0, BlockCommon},
		{"the user's own words", StrengthRequest{Password: "annabellelee.acme", Email: "annabellelee.acme@example.com"}, false, 0, BlockContext},
		{"a user input", StrengthRequest{Password: "AcmeWidgetsGmbH", UserInputs: []string{"acmewidgetsgmbh"}}, false, 0, BlockContext},
		{"a repeat", StrengthRequest{Password: strings.Repeat("a", 20)}, false, 0, BlockPredicted},
		{"a sequence", StrengthRequest{Password: "abcdefghijklmnop"}, false, 0, BlockPredicted},
		{"common passwords run together", StrengthRequest{Password: "qwertyuiopasdfgh"}, false, 0, BlockCommon},
		{"common passwords and a sequence", StrengthRequest{Password: "trustno1letmeinabcdef"}, false, 0, BlockCommon},
		{"a user's word and a common password", StrengthRequest{Password: "zanzibarquux123456", UserInputs: []string{"zanzibarquux"}}, false, 0, BlockContext},
		{"a passphrase of common words", StrengthRequest{Password: "correcthorsebatterystaple"}, true, 0, ""},
		{"64 and more allowed", StrengthRequest{Password: "violet kettle sundial over the hills and far away, said the otter " + strings.Repeat("x", 0)}, true, 0, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.req.StrengthPolicy = PolicyNIST
			c.req.ReferenceYear = 2026
			resp, err := StrengthCheck(c.req)
			if err != nil {
				t.Fatal(err)
			}
			nr := resp.Feedback.NISTRequirements
			if nr == nil {
				t.Fatal("no nist_requirements")
			}
			if resp.ValidPassword != c.valid || nr.MissingCharacters != c.missing || nr.Blocklisted != c.blocklisted {
				t.Errorf("valid %v, missing %d, blocklisted %q; want %v, %d, %q (score %d)",
					resp.ValidPassword, nr.MissingCharacters, nr.Blocklisted, c.valid, c.missing, c.blocklisted, resp.Score)
			}
		})
	}
	// A breach seen makes it invalid, as in every policy.
	resp, _ := StrengthCheck(StrengthRequest{Password: "violet kettle sundial", StrengthPolicy: PolicyNIST})
	resp.ApplyBreach(BreachBreached)
	if resp.ValidPassword {
		t.Errorf("valid after a breach")
	}
	// Only the nist policy writes nist_requirements; multi_factor decodes.
	req, err := DecodeStrengthRequest([]byte(`{"password":"kettle9z","strength_policy":"nist","multi_factor":true}`))
	if err != nil || !req.MultiFactor {
		t.Fatalf("decode: %+v %v", req, err)
	}
	for policy, want := range map[string]bool{"nist": true, "zxcvbn": false, "luds": false} {
		resp, _ := StrengthCheck(StrengthRequest{Password: "kettle9z", StrengthPolicy: policy})
		if got := strings.Contains(string(resp.AppendJSON(nil)), `"nist_requirements":{"min_length":15,"missing_characters":7,"blocklisted":false,"blocklist_reason":""}`); got != want {
			t.Errorf("%s: nist_requirements written %v", policy, got)
		}
	}
}
