package zxcvbn

import (
	"math"
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// TestTailIndexMatchesFullScan checks that skipping the bruteforce
// extensions the tail index rules out changes no answer.
func TestTailIndexMatchesFullScan(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	alphabets := []string{"abcdefghijklmnopqrstuvwxyz", "0123456789", "aeiou1234!@#", "qwertyuiopasdfghjkl", "4@8({[<3691!|70$5+%2ab"}
	var inputs []string
	for n := 0; n < 400; n++ {
		alpha := alphabets[n%len(alphabets)]
		b := make([]byte, 1+r.Intn(120))
		for k := range b {
			b[k] = alpha[r.Intn(len(alpha))]
		}
		inputs = append(inputs, string(b))
	}
	inputs = append(inputs, strings.Repeat("a", 700), strings.Repeat("qwertyuiop", 60), strings.Repeat("password1", 70),
		strings.Repeat("19/04/1987", 50), "constructor__proto__"+strings.Repeat("x1", 200))
	// Prototype names (forward, reversed, l33t) give NaN states, which take
	// a number's place and so can let a rejected extension stand later:
	// "xx__OTORP___password__" once lost its zxcvbn answer that way.
	protoForms := []string{"__proto__", "__OTORP__", "constructor", "rotcurtsnoc", "__pr0t0__", "c0nstruct0r"}
	for n := 0; n < 300; n++ {
		b := []byte{}
		for len(b) < 4+r.Intn(60) {
			switch r.Intn(4) {
			case 0:
				b = append(b, protoForms[r.Intn(len(protoForms))]...)
			case 1:
				b = append(b, []string{"password", "user", "dragon", "1987", "qwerty", "___", "xx"}[r.Intn(7)]...)
			default:
				alpha := alphabets[r.Intn(len(alphabets))]
				b = append(b, alpha[r.Intn(len(alpha))])
			}
		}
		inputs = append(inputs, string(b))
	}
	inputs = append(inputs, "xx__OTORP___password__", "xx__OTORP___user__")
	for _, in := range inputs {
		scanAllBruteforce = true
		want := Estimate(in, []string{"user"}, &Options{ReferenceYear: 2026})
		scanAllBruteforce = false
		got := Estimate(in, []string{"user"}, &Options{ReferenceYear: 2026})
		want.CalcTime, got.CalcTime = 0, 0
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%.60q: tail index %v %s, full scan %v %s", in, got.Guesses, seqString(got.Sequence), want.Guesses, seqString(want.Sequence))
		}
	}
}

// TestScratchReuseChangesNothing scores passwords of very different shapes
// in two orders: the pooled memory one estimate leaves behind must not
// change the next one's answer.
func TestScratchReuseChangesNothing(t *testing.T) {
	inputs := []string{strings.Repeat("a", 900), "patrick7", strings.Repeat("qwertyuiop", 40), "zzzzzzz1",
		"constructor__proto__1990", strings.Repeat("19/04/1987", 30), "", "Tr0ub4dour&3", strings.Repeat("p4ssw0rd", 50)}
	first := make([]Result, len(inputs))
	for x, in := range inputs {
		first[x] = Estimate(in, []string{"patrick"}, &Options{ReferenceYear: 2026})
	}
	for x := len(inputs) - 1; x >= 0; x-- {
		got := Estimate(inputs[x], []string{"patrick"}, &Options{ReferenceYear: 2026})
		got.CalcTime, first[x].CalcTime = 0, 0
		if !reflect.DeepEqual(got, first[x]) {
			t.Errorf("%.40q: %v %s after other passwords, %v %s before", inputs[x], got.Guesses, seqString(got.Sequence), first[x].Guesses, seqString(first[x].Sequence))
		}
	}
}

func TestLog10Bounds(t *testing.T) {
	r := rand.New(rand.NewSource(9))
	for n := 0; n < 100000; n++ {
		x := math.Exp(r.Float64()*1400 - 700)
		lo, want, hi := log10Below(x), math.Log10(x), log10Above(x)
		if !(lo <= want && want <= hi && hi-lo < 0.06) {
			t.Fatalf("%g: %v <= %v <= %v fails", x, lo, want, hi)
		}
	}
}
