package pwned

import (
	"math/rand/v2"
	"slices"
)

// HIBP pads a range, when asked with "Add-Padding: true", to a random
// number of lines; these bound ours in the same way.
const (
	padMin    = 800
	padSpread = 200
)

// PaddedSize returns how many lines a padded answer for n hashes has: a
// random size from 800 to 1,000 as HIBP's, and when n is already that
// large, n plus up to 200, so that the size never tells n exactly.
func PaddedSize(n int, rnd func() uint64) int {
	return max(n, padMin) + int(rnd()%(padSpread+1))
}

// DefaultRand is the generator AppendRange's callers use for padding: the
// runtime's per-thread ChaCha8 source, seeded from the operating system.
func DefaultRand() uint64 { return rand.Uint64() }

// pad merges random suffixes with count 0 into es (sorted) until it has
// size entries; none equals a real one.
func pad(es []entry, size int, w uint, rnd func() uint64) []entry {
	for len(es) < size {
		// Random keys sorted by sorting their top 64 bits (plain integers,
		// fast) and fixing the rare tie after.
		m := size - len(es)
		top := make([]uint64, m)
		for i := range top {
			top[i] = rnd()
		}
		slices.Sort(top)
		fill := make([]entry, m)
		for i, t := range top {
			fill[i] = entry{k: keyFromTop(t, rnd(), w)}
		}
		if !slices.IsSortedFunc(fill, cmpEntry) {
			slices.SortFunc(fill, cmpEntry)
		}
		es = mergePadding(es, fill)
	}
	return es
}

// keyFromTop makes a w-bit key whose top 64 bits are t, the rest from r.
func keyFromTop(t, r uint64, w uint) key {
	// w is 140 or 108: the top 64 bits span words 0-1 or 1-2 of the key.
	var k key
	switch {
	case w > 128:
		hi := w - 128 // bits in word 0
		k[0] = t >> (64 - hi)
		k[1] = t<<hi | r>>(64-hi)
		k[2] = r
	default:
		lo := w - 64 // bits in word 1
		k[1] = t >> (64 - lo)
		k[2] = t<<lo | r&(1<<lo-1)
	}
	return k
}

func cmpEntry(a, b entry) int {
	switch {
	case a.k.less(b.k):
		return -1
	case b.k.less(a.k):
		return 1
	}
	return 0
}

// mergePadding merges two sorted lists, dropping padding equal to a real
// hash or to other padding.
func mergePadding(real, fill []entry) []entry {
	out := make([]entry, 0, len(real)+len(fill))
	i, j := 0, 0
	for i < len(real) || j < len(fill) {
		switch {
		case j == len(fill) || i < len(real) && real[i].k.less(fill[j].k):
			out = append(out, real[i])
			i++
		case i < len(real) && real[i].k == fill[j].k:
			j++
		default:
			if n := len(out); n == 0 || out[n-1].k != fill[j].k {
				out = append(out, fill[j])
			}
			j++
		}
	}
	return out
}
