package zxcvbn

import (
	"math/rand"
	"reflect"
	"testing"
)

// literalDates is date_match as zxcvbn.js spells it: every candidate, then
// the ones inside another dropped.
func (e *estimator) literalDates(pw []uint16) [][3]int {
	type c struct{ i, j, year int }
	var all []c
	for i := 0; i+4 <= len(pw); i++ {
		for j := i + 3; j <= i+7 && j < len(pw); j++ {
			if !allUnits(pw[i:j+1], isDigit) {
				break
			}
			if d, ok := e.bestSplit(pw[i : j+1]); ok {
				all = append(all, c{i, j, d.year})
			}
		}
	}
	for i := 0; i+6 <= len(pw); i++ {
		for j := i + 5; j <= i+9 && j < len(pw); j++ {
			if a, _, b, cc, ok := splitSeparatedDate(pw[i : j+1]); ok {
				if d, ok := e.mapIntsToDMY(a, b, cc); ok {
					all = append(all, c{i, j, d.year})
				}
			}
		}
	}
	var out [][3]int
	for x, m := range all {
		inside := false
		for y, o := range all {
			if x != y && o.i <= m.i && o.j >= m.j {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, [3]int{m.i, m.j, m.year})
		}
	}
	sortTriples(out)
	return out
}

func sortTriples(t [][3]int) {
	for a := 1; a < len(t); a++ {
		for b := a; b > 0 && (t[b][0] < t[b-1][0] || t[b][0] == t[b-1][0] && t[b][1] < t[b-1][1]); b-- {
			t[b], t[b-1] = t[b-1], t[b]
		}
	}
}

func TestDateMatchKeepsOnlyOutermost(t *testing.T) {
	r := rand.New(rand.NewSource(11))
	e := &estimator{referenceYear: 2026, scr: new(scratch)}
	for n := 0; n < 3000; n++ {
		b := make([]byte, r.Intn(30))
		for k := range b {
			b[k] = "0123456789011223/.-_ \\x"[r.Intn(23)]
		}
		pw := toUnits(string(b))
		var got [][3]int
		for _, m := range e.dateMatch(pw) {
			got = append(got, [3]int{m.i, m.j, m.x.year})
		}
		if want := e.literalDates(pw); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: got %v, want %v", b, got, want)
		}
	}
}
