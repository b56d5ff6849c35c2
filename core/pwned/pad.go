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
		for len(es) < size {
			var k key
			for i := range k {
				k[i] = rnd()
			}
			es = append(es, entry{lowBits(k, w), 0})
		}
		slices.SortFunc(es, func(a, b entry) int {
			switch {
			case a.k.less(b.k):
				return -1
			case b.k.less(a.k):
				return 1
			case a.count != b.count: // a real hash wins over padding
				return int(min(b.count, 1)) - int(min(a.count, 1))
			}
			return 0
		})
		es = slices.CompactFunc(es, func(a, b entry) bool { return a.k == b.k })
	}
	return es
}
