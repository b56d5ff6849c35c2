package security

import (
	"encoding/json"
	"testing"
)

func TestLevel(t *testing.T) {
	tests := []struct {
		score       int
		passwordSet bool
		want        int
	}{
		{0, false, 0},
		{4, false, 0},
		{-1, true, 1},
		{0, true, 1},
		{1, true, 1},
		{2, true, 2},
		{3, true, 3},
		{4, true, 3},
		{5, true, 3},
	}
	for _, tt := range tests {
		if got := Level(tt.score, tt.passwordSet); got != tt.want {
			t.Errorf("Level(%d, %v) = %d, want %d", tt.score, tt.passwordSet, got, tt.want)
		}
	}
}

func allFactors() []Factors {
	var fs []Factors
	for i := 0; i < 8; i++ {
		fs = append(fs, Factors{MFAEnrolled: i&1 != 0, EmailBound: i&2 != 0, PhoneBound: i&4 != 0})
	}
	return fs
}

// TestScoreProperties walks every level and factor combination.
func TestScoreProperties(t *testing.T) {
	for level := LevelNone; level <= LevelHigh; level++ {
		for _, f := range allFactors() {
			s := Score(level, f)
			if s < 0 || s > 100 {
				t.Errorf("Score(%d, %+v) = %d, out of 0–100", level, f, s)
			}

			// 100 exactly when the password is high and every factor bound.
			full := level == LevelHigh && f.MFAEnrolled && f.EmailBound && f.PhoneBound
			if (s == 100) != full {
				t.Errorf("Score(%d, %+v) = %d", level, f, s)
			}

			// Monotone in every input: strengthening the password or
			// binding a factor never lowers the score (here: raises it).
			if level < LevelHigh {
				if up := Score(level+1, f); up <= s {
					t.Errorf("level %d→%d with %+v: %d→%d", level, level+1, f, s, up)
				}
			}
			bind := []struct {
				name string
				f    Factors
				was  bool
			}{
				{"mfa", Factors{true, f.EmailBound, f.PhoneBound}, f.MFAEnrolled},
				{"email", Factors{f.MFAEnrolled, true, f.PhoneBound}, f.EmailBound},
				{"phone", Factors{f.MFAEnrolled, f.EmailBound, true}, f.PhoneBound},
			}
			for _, b := range bind {
				if b.was {
					continue
				}
				if up := Score(level, b.f); up <= s {
					t.Errorf("binding %s at level %d with %+v: %d→%d", b.name, level, f, s, up)
				}
			}

			// Evaluate agrees, with passwordSet consistent with the level.
			for score := -1; score <= 5; score++ {
				set := level != LevelNone
				if Level(score, set) != level {
					continue
				}
				got := Evaluate(Account{PasswordSet: set, PasswordScore: score, Factors: f})
				want := Info{level, f.MFAEnrolled, set, f.EmailBound, f.PhoneBound, s}
				if got != want {
					t.Errorf("Evaluate(%d, %v, %+v) = %+v, want %+v", score, set, f, got, want)
				}
			}
		}
	}
}

// Monotone in the zxcvbn score itself, through Evaluate.
func TestEvaluateMonotoneInScore(t *testing.T) {
	for _, f := range allFactors() {
		prev := Evaluate(Account{Factors: f}).SecurityScore
		for score := 0; score <= 4; score++ {
			s := Evaluate(Account{PasswordSet: true, PasswordScore: score, Factors: f}).SecurityScore
			if s < prev {
				t.Errorf("score %d with %+v: %d < %d", score, f, s, prev)
			}
			prev = s
		}
	}
}

func TestScoreDocumentedCases(t *testing.T) {
	tests := []struct {
		name              string
		level             int
		mfa, email, phone bool
		want              int
	}{
		{"Authing's documented case: low password, nothing bound", LevelLow, false, false, false, 60},
		{"no password, nothing bound", LevelNone, false, false, false, 0},
		{"no password, everything bound", LevelNone, true, true, true, 30},
		{"middle password, email", LevelMiddle, false, true, false, 72},
		{"high password, nothing bound", LevelHigh, false, false, false, 70},
		{"high password, MFA", LevelHigh, true, false, false, 86},
		{"low password, everything bound", LevelLow, true, true, true, 90},
		{"high password, everything bound", LevelHigh, true, true, true, 100},
		{"level clamped below", -3, false, false, false, 0},
		{"level clamped above", 9, true, true, true, 100},
	}
	for _, tt := range tests {
		if got := Score(tt.level, Factors{tt.mfa, tt.email, tt.phone}); got != tt.want {
			t.Errorf("%s: Score = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestInfoJSON(t *testing.T) {
	b, err := json.Marshal(Evaluate(Account{PasswordSet: true, PasswordScore: 1, Factors: Factors{EmailBound: true}}))
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"passwordSecurityLevel":1,"mfaEnrolled":false,"passwordSet":true,"emailBinded":true,"phoneBinded":false,"securityScore":67}`
	if string(b) != want {
		t.Errorf("JSON\n got %s\nwant %s", b, want)
	}
}
