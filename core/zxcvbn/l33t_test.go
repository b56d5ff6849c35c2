package zxcvbn

import (
	"fmt"
	"math/rand"
	"testing"
	"unicode/utf8"
)

// TestL33tSearchMatchesBySub checks the one-pass l33t search against the
// per-list dictionary passes zxcvbn.js makes, on l33t-dense random text.
func TestL33tSearchMatchesBySub(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	alphabets := []string{
		"4@8({[<3691!|70$5+%2",
		"4@8({[<3691!|70$5+%2aeiolstbgcxz",
		"p4$$w0rd1|7!3@abcdefghijklmnopqrstuvwxyz",
		"c0nstructor_proto",
		// lower-casing that is not unit for unit: İ, capital sigma, and
		// what the sigma looks past (case-ignorable ' and U+0301)
		"ΑΣ4@1Σ'\u0301a|7Σİ3",
		"Σ4İ@Σ1ab",
		// İ moves the window off the token, which then holds substitutes
		// (1 for i or l) that lists reading the window alike keep or not
		"İİ1|!7c@rdinal",
	}
	user := newUserWords([]string{"l33t", "p4ss", "7ru57", "ασa", "ας", "aσ", "i\u0307a", "σασ", "ia", "al", "ta"})
	for n := 0; n < 6000; n++ {
		alpha := []rune(alphabets[n%len(alphabets)])
		b := make([]rune, 2+r.Intn(30))
		for k := range b {
			b[k] = alpha[r.Intn(len(alpha))]
		}
		checkL33tSearch(t, string(b), &user)
	}
}

// checkL33tSearch compares l33tSearch with l33tMatchBySub on password.
func checkL33tSearch(t *testing.T, password string, user *userWords) {
	t.Helper()
	pw := toUnits(password)
	subs := distinctL33tSubs(l33tSubs(pw))
	if len(subs) == 0 || len(subs[0]) == 0 {
		return
	}
	want := l33tMatchBySub(pw, user, subs)
	got := l33tSearch(pw, user, newL33tPlan(subs), new(arena))
	if len(got) != len(want) {
		t.Fatalf("%q: %d matches, want %d", password, len(got), len(want))
	}
	for k := range got {
		g, w := got[k].public(pw), want[k].public(pw)
		// printed, as a prototype name's NaN rank is unequal to itself
		if fmt.Sprintf("%+v", *g) != fmt.Sprintf("%+v", *w) || got[k].x.l33tList != want[k].x.l33tList {
			t.Fatalf("%q match %d:\n got %+v\nwant %+v", password, k, g, w)
		}
	}
}

// FuzzL33tSearch compares the one-pass l33t search with the per-list
// passes zxcvbn.js makes, on any text and user input.
func FuzzL33tSearch(f *testing.F) {
	for _, s := range []string{"p4$$w0rd", "ΑΣ4@", "İ4b", "ΣΑΣ4Σ", "Σ'\u03014a", "4@8({[<3691!|70$5+%2", "c0nstruct0r"} {
		f.Add(s, "ασa")
	}
	f.Fuzz(func(t *testing.T, password, userInput string) {
		if !utf8.ValidString(password) || len(password) > 64 {
			return
		}
		user := newUserWords([]string{userInput})
		checkL33tSearch(t, password, &user)
	})
}

// TestL33tLowerCaseNotInPlace: a substitution next to a capital sigma
// changes its lower case (final ς before "@", σ before the "a" it stands
// for), and İ lower-cases to two units, which shifts the word zxcvbn looks
// up against the token. Expected values recorded from zxcvbn@4.4.2 under
// Node.
func TestL33tLowerCaseNotInPlace(t *testing.T) {
	cases := []struct {
		pw      string
		user    []string
		guesses float64
		word    string
	}{
		{"ΑΣ@", []string{"ασa"}, 3, "ασa"},
		{"ΑΣΑΣ4", []string{"ασαsa", "ασασa"}, 5, "ασασa"},
		{"İ4b", []string{"i\u0307a"}, 3, "i\u0307a"},
		// the token "@rdin@|1" holds a 1 the window "c@rdin@|" does not:
		// the list leaving 1 alone keeps fewer substitutions, and wins
		{"İc@rdin@|1", nil, 514000, "cardinal"},
	}
	for _, c := range cases {
		r := Estimate(c.pw, c.user, &Options{ReferenceYear: 2026})
		last := r.Sequence[len(r.Sequence)-1]
		if r.Guesses != c.guesses || last.MatchedWord != c.word || !last.L33t {
			t.Errorf("%q: guesses %v %s, want %v ending in a l33t match of %q", c.pw, r.Guesses, seqString(r.Sequence), c.guesses, c.word)
		}
	}
}

// l33tMatchBySub runs a dictionary match per substitution list, as
// zxcvbn does: the reference l33tSearch is tested against.
func l33tMatchBySub(pw []uint16, user *userWords, subs [][]l33tPair) []*match {
	var matches []*match
	a := new(arena)
	for si, sub := range subs {
		subbed := make([]uint16, len(pw))
		for k, c := range pw {
			subbed[k] = c
			for _, p := range sub {
				if p.sub == c {
					subbed[k] = p.letter
					break
				}
			}
		}
		for _, m := range dictionaryMatch(subbed, user, a, nil) {
			token := pw[m.i : m.j+1]
			if len(token) <= 1 || equalUnits(toLowerJS(token), m.word) {
				continue
			}
			setL33t(m, token, sub, si, a, nil)
			matches = append(matches, m)
		}
	}
	return dedupL33tMatches(matches)
}
