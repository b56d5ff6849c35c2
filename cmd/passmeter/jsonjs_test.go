package main

import (
	"testing"
)

// zxcvbn's crack times overflow for a long random password; the answer
// still comes, with null where JavaScript's JSON.stringify writes null.
func TestCheckLongRandomPassword(t *testing.T) {
	a := runCheckLines(t, []string{`{"password":"` + randomPassword(5, 4096) + `","reference_year":2024}`})[0]
	if a["status_code"] != 200.0 || a["score"] != 4.0 {
		t.Fatalf("status_code %v, score %v", a["status_code"], a["score"])
	}
	times, _ := a["crack_times_seconds"].(map[string]any)
	if v, ok := times["online_throttling_100_per_hour"]; !ok || v != nil {
		t.Errorf("online_throttling_100_per_hour %v, want null", v)
	}
	if g, _ := a["guesses"].(float64); g < 1e300 {
		t.Errorf("guesses %v", g)
	}
}
