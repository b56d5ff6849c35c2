package zxcvbn

import (
	"math/rand"
	"reflect"
	"testing"
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
	}
	user := newUserWords([]string{"l33t", "p4ss", "7ru57"})
	for n := 0; n < 3000; n++ {
		alpha := alphabets[n%len(alphabets)]
		b := make([]byte, 2+r.Intn(30))
		for k := range b {
			b[k] = alpha[r.Intn(len(alpha))]
		}
		pw := toUnits(string(b))
		subs := distinctL33tSubs(l33tSubs(pw))
		if len(subs) == 0 || len(subs[0]) == 0 {
			continue
		}
		want := l33tMatchBySub(pw, &user, subs)
		got := l33tSearch(pw, &user, newL33tPlan(subs))
		if len(got) != len(want) {
			t.Fatalf("%q: %d matches, want %d", b, len(got), len(want))
		}
		for k := range got {
			g, w := got[k].public(), want[k].public()
			if !reflect.DeepEqual(g, w) || got[k].x.l33tList != want[k].x.l33tList {
				t.Fatalf("%q match %d:\n got %+v\nwant %+v", b, k, g, w)
			}
		}
	}
}

// TestL33tCapitalSigma: a substitution next to a capital sigma changes its
// lower case (final ς before "@", σ before the "a" it stands for), so such
// passwords take the per-list path. Expected values recorded from
// zxcvbn@4.4.2 under Node.
func TestL33tCapitalSigma(t *testing.T) {
	cases := []struct {
		pw      string
		user    []string
		guesses float64
		word    string
	}{
		{"ΑΣ@", []string{"ασa"}, 3, "ασa"},
		{"ΑΣΑΣ4", []string{"ασαsa", "ασασa"}, 5, "ασασa"},
	}
	for _, c := range cases {
		r := Estimate(c.pw, c.user, &Options{ReferenceYear: 2026})
		if r.Guesses != c.guesses || len(r.Sequence) != 1 || r.Sequence[0].MatchedWord != c.word || !r.Sequence[0].L33t {
			t.Errorf("%q: guesses %v %s, want %v and one l33t match of %q", c.pw, r.Guesses, seqString(r.Sequence), c.guesses, c.word)
		}
	}
}
