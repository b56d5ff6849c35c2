package zxcvbn

import (
	"math/rand/v2"
	"slices"
	"testing"
)

type keyed struct{ key, seq int }

// The sorts give slices.SortStableFunc's order, on lengths around the run
// and merge boundaries and with many equal keys.
func TestStableSortsMatchTheLibrary(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	cmp := func(a, b keyed) int { return a.key - b.key }
	var buf []keyed
	for _, n := range []int{0, 1, 2, 15, 16, 17, 31, 32, 33, 64, 100, 257, 1000} {
		for _, keys := range []int{1, 3, n + 1} {
			s := make([]keyed, n)
			for i := range s {
				s[i] = keyed{rng.IntN(keys), i}
			}
			want := slices.Clone(s)
			slices.SortStableFunc(want, cmp)
			got := slices.Clone(s)
			buf = stableSort(got, buf, cmp)
			if !slices.Equal(got, want) {
				t.Errorf("stableSort, n=%d, %d keys: %v, want %v", n, keys, got, want)
			}
			if n <= 100 {
				got = slices.Clone(s)
				insertionSort(got, cmp)
				if !slices.Equal(got, want) {
					t.Errorf("insertionSort, n=%d, %d keys: %v, want %v", n, keys, got, want)
				}
			}
		}
	}
}

// The buffer holds no pointers once a sort is done.
func TestStableSortClearsItsBuffer(t *testing.T) {
	s := make([]*match, 40)
	for i := range s {
		s[i] = &match{i: 40 - i}
	}
	buf := stableSort(s, nil, func(a, b *match) int { return a.i - b.i })
	for i, m := range buf[:cap(buf)] {
		if m != nil {
			t.Fatalf("buf[%d] still points at a match", i)
		}
	}
	for i := 1; i < len(s); i++ {
		if s[i-1].i > s[i].i {
			t.Fatal("not sorted")
		}
	}
}
