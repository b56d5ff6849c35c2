package zxcvbn

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// benchInputs are the categories make bench reports, from one seed; the
// same generator feeds the zxcvbn.js side (scripts/bench) through
// BenchPasswords.
func benchInputs(n int) map[string]string {
	r := rand.New(rand.NewSource(int64(n)))
	rnd := func(alpha string) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = alpha[r.Intn(len(alpha))]
		}
		return string(b)
	}
	printable := ""
	for c := 33; c < 127; c++ {
		printable += string(rune(c))
	}
	rep := func(s string) string { return strings.Repeat(s, n/len(s)+1)[:n] }
	return map[string]string{
		"random":  rnd(printable),
		"alnum":   rnd("abcdefghijklmnopqrstuvwxyz0123456789"),
		"digits":  rnd("0123456789"),
		"repeat":  rep("a"),
		"repeat3": rep("abc"),
		"walk":    rep("qwertyuiop"),
		"l33t":    rnd("4@8({[<3691!|70$5+%2"),
		"words":   rep("password"),
		"dates":   rep("19/04/1987"),
	}
}

var benchLengths = []int{8, 16, 32, 100, 256, 1000, 4096}

var benchCategories = []string{"random", "alnum", "digits", "repeat", "repeat3", "walk", "l33t", "words", "dates"}

func BenchmarkEstimate(b *testing.B) {
	words() // the index is built once per process; its cost is measured apart
	for _, n := range benchLengths {
		in := benchInputs(n)
		for _, cat := range benchCategories {
			p := in[cat]
			b.Run(fmt.Sprintf("%s/%d", cat, n), func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					Estimate(p, nil, &Options{ReferenceYear: 2026})
				}
			})
		}
	}
}

func BenchmarkTypical(b *testing.B) {
	words()
	typical := []string{"password", "Tr0ub4dour&3", "correct horse battery staple", "qwerty123", "iloveyou2019",
		"P@ssw0rd!", "dragon1987", "john.smith1990", "zxcvbnm,./", "letmein", "Summer2024!", "aaaaaa", "abc123abc123"}
	for i := 0; i < b.N; i++ {
		Estimate(typical[i%len(typical)], nil, &Options{ReferenceYear: 2026})
	}
}

func BenchmarkIndexBuild(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		b := newIndexBuild()
		b.hash(1 << 30)
		b.place()
	}
}
