package zxcvbn

import (
	"math/rand"
	"testing"
)

// naiveFirstSquare is the regexes' search spelled out: every start, every
// half-length, no index.
func naiveFirstSquare(pw []uint16, from int) (p, shortest, longest int) {
	for p = from; p < len(pw); p++ {
		lim := p
		for lim < len(pw) && !isLineTerminator(pw[lim]) {
			lim++
		}
		shortest, longest = 0, 0
		for L := 1; p+2*L <= lim; L++ {
			if equalUnits(pw[p:p+L], pw[p+L:p+2*L]) {
				if shortest == 0 {
					shortest = L
				}
				longest = L
			}
		}
		if shortest > 0 {
			return p, shortest, longest
		}
	}
	return -1, 0, 0
}

func TestSquareFinder(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	alphabets := []string{"ab", "abc", "a\nb", "0123456789", "ab\r\n", "xyzxyzxy"}
	text := func(alpha string, n int) []uint16 {
		b := make([]byte, n)
		for k := range b {
			b[k] = alpha[r.Intn(len(alpha))]
		}
		return toUnits(string(b))
	}
	sc := new(scratch) // one scratch throughout, as in an estimate
	for n := 0; n < 3000; n++ {
		alpha := alphabets[n%len(alphabets)]
		pw := text(alpha, r.Intn(60))
		b := string(utf16Decode(pw))
		f, mark := newSquareFinder(pw, sc)
		// A nested finder, as a repeat's base gets, may grow the stack;
		// the outer one must not notice.
		_, inner := newSquareFinder(text(alpha, r.Intn(200)), sc)
		sc.dropInts(inner)
		for from := 0; from <= len(pw); from++ {
			wp, ws, wl := naiveFirstSquare(pw, from)
			gp, gs, gl, _ := f.first(from)
			if gp != wp || (gp >= 0 && (gs != ws || gl != wl)) {
				t.Fatalf("%q from %d: got (%d,%d,%d), want (%d,%d,%d)", b, from, gp, gs, gl, wp, ws, wl)
			}
		}
		sc.dropInts(mark)
		if sc.intsTop != 0 {
			t.Fatalf("stack top %d after the finders are dropped", sc.intsTop)
		}
	}
}

func utf16Decode(u []uint16) []rune {
	r := make([]rune, len(u))
	for k, c := range u {
		r[k] = rune(c)
	}
	return r
}
