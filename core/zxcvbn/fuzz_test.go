package zxcvbn

import (
	"reflect"
	"testing"
	"unicode/utf8"
)

// FuzzEstimate checks what must hold for any input: no panic, a score in
// 0-4, guesses of at least 1, a sequence that tiles the password in UTF-16
// units with tokens that are its slices, and the same answer twice.
func FuzzEstimate(f *testing.F) {
	for _, s := range []string{"", "password", "Tr0ub4dour&3", "correct horse battery staple", "qwerty123",
		"aaaaaaa", "abcabcabc", "19/04/1987", "İstanbul", "ΑΣ", "😀😀😀", "p@$$w0rd!|7", "constructor", "__proto__"} {
		f.Add(s, "john")
	}
	f.Fuzz(func(t *testing.T, password, userInput string) {
		if !utf8.ValidString(password) || len(password) > 512 {
			return
		}
		r := Estimate(password, []string{userInput}, &Options{ReferenceYear: 2026})
		if r.Score < 0 || r.Score > 4 {
			t.Fatalf("score %d", r.Score)
		}
		if !(r.Guesses >= 1) {
			t.Fatalf("guesses %v", r.Guesses)
		}
		units := toUnits(password)
		next := 0
		for _, m := range r.Sequence {
			if m.I != next || m.J < m.I || m.J >= len(units) {
				t.Fatalf("match [%d,%d] after %d in %d units", m.I, m.J, next, len(units))
			}
			if m.Token != unitsString(units[m.I:m.J+1]) {
				t.Fatalf("token %q is not the password's [%d,%d]", m.Token, m.I, m.J)
			}
			next = m.J + 1
		}
		if next != len(units) {
			t.Fatalf("sequence covers %d of %d units", next, len(units))
		}
		again := Estimate(password, []string{userInput}, &Options{ReferenceYear: 2026})
		r.CalcTime, again.CalcTime = 0, 0
		if !reflect.DeepEqual(r, again) {
			t.Fatalf("two estimates differ")
		}
	})
}
