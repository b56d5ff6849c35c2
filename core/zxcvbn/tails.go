package zxcvbn

import (
	"math"
	"math/bits"
	"sort"
)

// scanAllBruteforce switches the search to its reference loops: every
// bruteforce start, every match; tests compare the two.
var scanAllBruteforce = false

// tailIndex finds the states a bruteforce match ending at k could extend
// without zxcvbn rejecting the result, so that the search does not try
// the hundreds it would reject.
//
// Extending a non-bruteforce state s (l matches, product pi, ending at p)
// by bf(p+1, k) gives g >= (l+1)! * pi * 10^(k-p), and zxcvbn keeps it only
// if g is below pm[l+1], the least g of any state at k with at most l+1
// matches. In logarithms: score(s) = p - log10((l+1)! * pi) must exceed
// k - log10(pm[l+1]). Scores are kept sorted per l, so the states that
// pass are a suffix. pm only falls while k is filled, so the bound taken
// before is a superset, and every candidate then meets zxcvbn's own test.
// A state whose score is below k-309 never passes again: pm is at most
// MaxFloat64, about 10^308.25.
type tailIndex struct {
	byL      [][]scoredState // byL[l]: states with l matches, by ascending score
	lo       int             // byL[:lo] are empty: a long password leaves hundreds behind
	slots    [][]tailState   // slots[k-1-p][:slotN[k-1-p]]: candidates after position p
	slotN    []int32         // kept apart so that emptying a slot writes no slice header
	used     [tailWindow/64 + 1]uint64
	nanCands []tailCandidate
	merged   []tailState // a slot's states with the NaN ones at the same start
	safePM   []float64   // pm over the states no NaN candidate can replace
	sortBuf  []tailState // stableSort's scratch for merged
}

// safeMinima returns, for each l, the least g of the states in cur (by
// ascending l) with at most l matches that no candidate in nan would
// replace, +Inf where there is none. The l=1 state is always among them:
// a NaN candidate extends a state, so it has two matches or more.
func safeMinima(pm []float64, cur []state, nan []tailCandidate) []float64 {
	least := math.Inf(1)
	for _, st := range cur {
		taken := math.IsNaN(st.g)
		for _, c := range nan {
			if c.st.l+1 == int(st.l) {
				taken = true
				break
			}
		}
		for len(pm) <= int(st.l) {
			pm = append(pm, least)
		}
		if !taken && st.g < least {
			least = st.g
			pm[st.l] = least
		}
	}
	if len(pm) == 0 {
		pm = append(pm, least)
	}
	return pm
}

// tailWindow is how far back a bruteforce start can be and still win:
// 10^309 is past MaxFloat64.
const tailWindow = 309

// scoredState points at a state, opt[p][x], final once p is passed.
type scoredState struct {
	score float64
	p, x  int32
}

func (t *tailIndex) add(p int, states []state) {
	for x, s := range states {
		if s.bf() || math.IsNaN(s.pi) {
			continue
		}
		l := int(s.l)
		w := factorial(l+1) * s.pi
		if math.IsInf(w, 1) {
			continue
		}
		for len(t.byL) <= l {
			t.byL = grow(t.byL)
		}
		t.lo = min(t.lo, l)
		sc := scoredState{score: float64(p) - log10Below(w), p: int32(p), x: int32(x)}
		b := t.byL[l]
		at := sort.Search(len(b), func(x int) bool { return b[x].score > sc.score })
		// slices.Insert, by hand: its instance for this type was 4 KB of
		// the wasm module's code.
		b = append(b, scoredState{})
		copy(b[at+1:], b[at:])
		b[at] = sc
		t.byL[l] = b
	}
}

// extend calls s.tryBruteforce(i, states) for each start i in ascending
// order, with the states at i-1 that bf(i, k) might extend, in ascending l, as
// zxcvbn's bruteforce_update visits them. NaN states are always tried.
func (t *tailIndex) extend(s *search) {
	k, pm := s.k, s.pm
	const slack = 1e-7 // far above the rounding in the real computation
	for len(t.slots) < min(k+1, tailWindow) {
		t.slots = grow(t.slots) // grows with the password, up to the window
		t.slotN = append(t.slotN, 0)
	}
	for t.lo < len(t.byL) && len(t.byL[t.lo]) == 0 {
		t.lo++
	}
	for _, p := range s.nanAt {
		if p >= k {
			continue
		}
		for _, st := range s.at(p) {
			if !st.bf() && math.IsNaN(st.pi) {
				t.nanCands = append(t.nanCands, tailCandidate{p + 1, tailState{int(st.l), st.pi}})
			}
		}
	}
	// A NaN candidate takes the place of the state with its l, so pm can
	// rise while the extensions are tried, and a state it rules out now
	// may stand then. The states no NaN candidate can take stay until the
	// end (a number only gives way to a smaller one): with NaN candidates
	// about, the bound is their least g instead.
	bound := func(l int) float64 { return pm[min(l+1, len(pm)-1)] }
	if len(t.nanCands) > 0 {
		t.safePM = safeMinima(t.safePM[:0], s.cur, t.nanCands)
		bound = func(l int) float64 { return t.safePM[min(l+1, len(t.safePM)-1)] }
	}
	for l := t.lo; l < len(t.byL); l++ {
		b := t.byL[l]
		drop := 0
		for drop < len(b) && b[drop].score < float64(k-tailWindow) {
			drop++
		}
		if drop > 0 {
			b = b[drop:]
			t.byL[l] = b
		}
		if len(b) == 0 || len(pm) == 0 {
			continue
		}
		// g = (l+1)! * pi * bf + 10000^l must stay below pm[l+1].
		room := bound(l) - pow10000(l)
		if !(room > 0) {
			continue
		}
		thr := float64(k) - log10Above(room) - slack
		for y := len(b) - 1; y >= 0 && b[y].score > thr; y-- {
			p := int(b[y].p)
			if p >= k || k-p >= tailWindow {
				continue
			}
			x := k - 1 - p // 0..308
			st := tailState{l, s.at(p)[b[y].x].pi}
			if n := t.slotN[x]; int(n) < len(t.slots[x]) {
				t.slots[x][n] = st
			} else {
				t.slots[x] = append(t.slots[x], st)
			}
			t.slotN[x]++
			t.used[x>>6] |= 1 << (x & 63)
		}
	}
	// slots hold starts from k (x=0, i=k) down to k-308: walk them from
	// the earliest start; each slot got its states in ascending l.
	nan := t.nanCands
	for w := len(t.used) - 1; w >= 0; w-- {
		for t.used[w] != 0 {
			b := 63 - bits.LeadingZeros64(t.used[w])
			t.used[w] &^= 1 << b
			x := w<<6 | b
			i := k - x
			for len(nan) > 0 && nan[0].i < i {
				s.tryBruteforce(nan[0].i, []tailState{nan[0].st})
				nan = nan[1:]
			}
			ss := t.slots[x][:t.slotN[x]] // filled by ascending l
			t.slotN[x] = 0
			if len(nan) > 0 && nan[0].i == i {
				ss = append(t.merged[:0], ss...)
				for len(nan) > 0 && nan[0].i == i {
					ss = append(ss, nan[0].st)
					nan = nan[1:]
				}
				t.sortBuf = stableSort(ss, t.sortBuf, func(a, b tailState) int { return a.l - b.l })
				t.merged = ss
			}
			s.tryBruteforce(i, ss)
		}
	}
	for _, c := range nan {
		s.tryBruteforce(c.i, []tailState{c.st})
	}
	t.nanCands = t.nanCands[:0]
}

// reset empties t for a new password, keeping its memory.
func (t *tailIndex) reset() {
	for l := range t.byL {
		t.byL[l] = t.byL[l][:0]
	}
	t.byL, t.lo = t.byL[:0], 0
	t.slots, t.slotN = t.slots[:0], t.slotN[:0]
	t.used = [len(t.used)]uint64{}
	t.nanCands = t.nanCands[:0]
}

// log10Above and log10Below bound log10(x) for x > 0 within 0.032, from
// its binary exponent and a tangent or a chord of log2 on [0.5, 1): the
// index only needs bounds, as zxcvbn's own test decides, and math.Log10
// was a tenth of a long password's search.
func log10Above(x float64) float64 {
	m, e := math.Frexp(x)
	// log2 is concave: its tangent at 0.75 lies above it.
	return (float64(e) + log2Of075 + (m-0.75)/(0.75*math.Ln2)) * log10Of2
}

func log10Below(x float64) float64 {
	m, e := math.Frexp(x)
	// and its chord from 0.5 to 1 below it.
	return (float64(e) + 2*m - 2) * log10Of2
}

const (
	log2Of075 = -0.41503749927884381 // log2(0.75)
	log10Of2  = 0.30102999566398120
)

// grow lengthens a list of lists by one, reusing an emptied list left
// beyond its length by reset.
func grow[T any](b [][]T) [][]T {
	if len(b) < cap(b) {
		return b[:len(b)+1]
	}
	return append(b, nil)
}

type tailCandidate struct {
	i  int
	st tailState
}

// tailState is what extending a state needs: its count and product.
type tailState struct {
	l  int
	pi float64
}
