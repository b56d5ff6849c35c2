package zxcvbn

import (
	"strings"
	"testing"
)

func TestUserInputLengths(t *testing.T) {
	for _, c := range []struct {
		inputs []string
		want   int
	}{
		{nil, 0},
		{[]string{"", "__proto__", "__PROTO__"}, 0},
		{[]string{"ann", "lee", "ANN", "acme"}, 2},
		{[]string{"İ", "ab"}, 1}, // İ lower-cases to two units
		{[]string{"a", "aa", "aaa", "aaaa"}, 4},
	} {
		if got := UserInputLengths(c.inputs); got != c.want {
			t.Errorf("UserInputLengths(%q) = %d, want %d", c.inputs, got, c.want)
		}
	}
}

// isLowerOf and appendLowerJS into a local array are toLowerJS without
// the allocation; they must agree with it, past the array's size too.
func TestIsLowerOf(t *testing.T) {
	long := strings.Repeat("Ab", lowerOnStack)
	for _, s := range []string{"", "abc", "ABC", "İstanbul", "ΑΣ", "ΑΣ Α", "😀X", long, strings.ToLower(long)} {
		u := toUnits(s)
		lower := toLowerJS(u)
		var buf [lowerOnStack]uint16
		if got := appendLowerJS(buf[:0], u); !equalUnits(got, lower) {
			t.Errorf("appendLowerJS(%q) = %q, want %q", s, unitsString(got), unitsString(lower))
		}
		if !isLowerOf(u, lower) {
			t.Errorf("isLowerOf(%q, its lower case) = false", s)
		}
		if equalUnits(u, lower) != isLowerOf(u, u) {
			t.Errorf("isLowerOf(%q, itself) = %v", s, isLowerOf(u, u))
		}
	}
}

// The table of l33t possibilities gives what the sum gives, in and past
// its range, the first time and from the table.
func TestL33tPossibilities(t *testing.T) {
	for _, c := range [][2]int{{1, 1}, {2, 3}, {10, 7}, {63, 63}, {64, 2}, {100, 100}} {
		U, S := c[0], c[1]
		want := 0.0
		for i := 1; i <= min(U, S); i++ {
			want += nCk(float64(U+S), float64(i))
		}
		for round := 0; round < 2; round++ {
			if got := l33tPossibilities(U, S); got != want {
				t.Errorf("l33tPossibilities(%d, %d) = %v, want %v (round %d)", U, S, got, want, round)
			}
		}
	}
}

// A long password with user inputs of many lengths makes thousands of
// l33t matches, which share their substitution extras and the user's
// stored words, and lower-case tokens without allocating: the inputs add
// next to no allocation to the estimate (before: 43,618 against 12,238).
func TestL33tUserInputMatchesShare(t *testing.T) {
	pw := strings.Repeat("4a", 256)
	var inputs []string
	for k := 16; k < 32; k++ {
		inputs = append(inputs, strings.Repeat("a", k))
	}
	opts := &Options{ReferenceYear: 2026}
	Estimate(pw, inputs, opts) // warm the pool
	without := testing.AllocsPerRun(3, func() { Estimate(pw, nil, opts) })
	with := testing.AllocsPerRun(3, func() { Estimate(pw, inputs, opts) })
	if with > without+500 {
		t.Errorf("%v allocations with the inputs, %v without", with, without)
	}
}
