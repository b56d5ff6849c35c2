package zxcvbn

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/passmeter/passmeter/core/zxcvbn/data"
)

// sortedBuckets gives each bucket's entries in a canonical order: the
// order within a bucket depends on how the words were numbered, the
// lookups do not.
func sortedBuckets(x *wordIndex) []uint64 {
	var all []uint64
	for b := 0; b+1 < len(x.start); b++ {
		e := slices.Clone(x.entries[x.start[b]:x.start[b+1]])
		slices.Sort(e)
		all = append(all, e...)
	}
	return all
}

func wholeIndex() *wordIndex {
	b := newIndexBuild()
	b.hash(len(data.Text))
	return b.place()
}

// The index built in steps, as the text arrives in pieces of any size,
// is the index built at once.
func TestIndexInSteps(t *testing.T) {
	want := wholeIndex()
	wantEntries := sortedBuckets(want)
	rng := rand.New(rand.NewPCG(1, 2))
	steps := []struct {
		name string
		next func(n int) int
	}{
		{"one byte", func(n int) int { return n + 1 }},
		{"64 KiB", func(n int) int { return n + 64<<10 }},
		{"random", func(n int) int { return n + 1 + rng.IntN(40000) }},
		{"list ends", func(n int) int { return n + len(data.Lists[data.TextOrder[0]]) }},
		{"none", func(n int) int { return len(data.Text) }},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			b := newIndexBuild()
			for n := 0; n < len(data.Text); {
				n = min(st.next(n), len(data.Text))
				b.hash(n)
				if b.k < len(data.TextOrder) && b.at+b.off > n {
					t.Fatalf("hashed to %d with only %d bytes", b.at+b.off, n)
				}
			}
			got := b.place()
			if !slices.Equal(got.start, want.start) || !slices.Equal(got.prefixes, want.prefixes) {
				t.Fatal("buckets or prefix bits differ from the index built at once")
			}
			if !slices.Equal(sortedBuckets(got), wantEntries) {
				t.Fatal("entries differ from the index built at once")
			}
		})
	}
}

// Every word of every list is found with its list and rank.
func TestIndexFindsEveryWord(t *testing.T) {
	x := wholeIndex()
	for li, l := range data.Lists {
		rank := 0
		for w := range splitSpace(l) {
			rank++
			word := make([]uint16, len(w))
			h := uint64(hashSeed)
			for k := range len(w) {
				word[k] = uint16(w[k])
				h = hashStep(h, word[k])
			}
			found := false
			x.lookup(h, word, func(list, r int) {
				if list == li {
					found = found || r == rank
				}
			})
			if !found {
				t.Fatalf("%s: %q not found at rank %d", data.ListNames[li], w, rank)
			}
		}
	}
}

func splitSpace(l string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for len(l) > 0 {
			i := 0
			for l[i] != ' ' {
				i++
			}
			if !yield(l[:i]) {
				return
			}
			l = l[i+1:]
		}
	}
}

// IndexText takes the text in steps and publishes the index once whole.
func TestIndexText(t *testing.T) {
	if !TextComplete() {
		t.Fatal("the native build's text is complete")
	}
	indexMu.Lock()
	saved := index.Load()
	index.Store(nil)
	building = nil
	indexMu.Unlock()
	t.Cleanup(func() { index.Store(saved) })
	for n := 0; n < len(data.Text); n += 100000 {
		IndexText(n)
		if index.Load() != nil {
			t.Fatalf("published after %d of %d bytes", n, len(data.Text))
		}
	}
	IndexText(len(data.Text))
	if index.Load() == nil || building != nil {
		t.Fatal("not published after the whole text")
	}
	if !slices.Equal(sortedBuckets(words()), sortedBuckets(wholeIndex())) {
		t.Fatal("the published index differs")
	}
}
