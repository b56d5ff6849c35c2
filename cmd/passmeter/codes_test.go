package main

import (
	"encoding/json"
	"testing"
)

// feedback.codes on the wire are zxcvbn-ts's keys: a suggestion may share
// its key with a warning ("sequences", "recentYears", "dates").
func TestCheckFeedbackCodes(t *testing.T) {
	tests := []struct{ password, want string }{
		{"abcdefg", `{"suggestions":["anotherWord","sequences"],"warning":"sequences"}`},
		{"2019", `{"suggestions":["anotherWord","recentYears","associatedYears"],"warning":"recentYears"}`},
		{"13/3/1998", `{"suggestions":["anotherWord","dates"],"warning":"dates"}`},
		{"", `{"suggestions":["useWords","noNeed"],"warning":""}`},
	}
	lines := make([]string, len(tests))
	for i, tt := range tests {
		lines[i] = `{"password":"` + tt.password + `","reference_year":2026}`
	}
	for i, a := range runCheckLines(t, lines) {
		fb, _ := a["feedback"].(map[string]any)
		got, _ := json.Marshal(fb["codes"]) // keys sorted
		if string(got) != tests[i].want {
			t.Errorf("%q: codes %s, want %s", tests[i].password, got, tests[i].want)
		}
	}
}
