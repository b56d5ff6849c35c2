package zxcvbn

import "math"

// searchEntry is a match with its guesses, computed once as zxcvbn caches
// them, kept beside its start so the search's inner loops stay in one array.
type searchEntry struct {
	i int
	g float64
	m *match
}

// state is one entry of zxcvbn's optimal.{m,pi,g} tables: the best
// sequence of l matches found so far covering the password up to k. It
// holds no pointer, so the tables cost the garbage collector nothing.
type state struct {
	g  float64 // l! * pi + 10000^(l-1): what zxcvbn minimises
	pi float64 // the product of the matches' guesses
	l  int32
	// m is the last match, an index in the search's entries, or -1 for a
	// bruteforce match from start to here: that one is made only if it
	// ends up in the answer, as most are not.
	m     int32
	start int32
}

func (s state) bf() bool { return s.m < 0 }

// mostGuessableSequence is zxcvbn's most_guessable_match_sequence: the
// dynamic programme over (end position, number of matches), bruteforce
// filling the gaps. It keeps zxcvbn's update order, comparisons and
// float operations, so ties and NaNs fall the same way. One thing is
// added: bruteforce extensions that zxcvbn would try and reject for sure
// are never tried, which keeps long passwords linear instead of cubic.
func (e *estimator) mostGuessableSequence(pw []uint16, matches []*match) ([]*match, float64) {
	n := len(pw)
	if n == 0 {
		return nil, 1
	}
	mark := e.scr.intsTop
	e.upperBefore = e.scr.takeInts(n + 1)
	e.upperBefore[0] = 0
	for k, c := range pw {
		e.upperBefore[k+1] = e.upperBefore[k]
		if isASCIIUpper(c) {
			e.upperBefore[k+1]++
		}
	}
	defer func() { e.upperBefore = nil; e.scr.dropInts(mark) }()
	s := e.scr.search.reset(n, len(matches))
	counts, flat := s.counts, s.flat
	for _, m := range matches {
		counts[m.j+1]++
	}
	for k := 1; k <= n; k++ {
		counts[k] += counts[k-1]
	}
	fill := append(s.fill[:0], counts[:n]...)
	for _, m := range matches {
		flat[fill[m.j]] = searchEntry{m.i, e.estimateGuesses(m, pw), m}
		fill[m.j]++
	}
	s.fill = fill
	// matches arrive stably sorted by i, so each bucket is too.

	for k := 0; k < n; k++ {
		s.k = k
		bucket := flat[counts[k]:counts[k+1]]
		for x, c := range bucket {
			ci := counts[k] + int32(x)
			if c.i == 0 {
				s.offer(1, c.g, c.g+1, ci, 0)
				continue
			}
			// A match after one with the same span and no more guesses
			// makes, from every state, a candidate no better than the one
			// already offered with the same l, which zxcvbn rejects; only
			// NaN candidates, always taken, can still replace a state.
			// Long repeats bring the same span from several lists.
			onlyNaN := !scanAllBruteforce && dominated(bucket[:x], c.i, c.g)
			if onlyNaN && !s.nanPi[c.i-1] {
				continue
			}
			for _, st := range s.at(c.i - 1) {
				if onlyNaN && !math.IsNaN(st.pi) {
					continue
				}
				l := int(st.l) + 1
				pi := c.g * st.pi
				g := float64(factorial(l)*pi) + pow10000(l-1)
				if s.rejects(l, g) {
					continue
				}
				s.offer(l, pi, g, ci, 0)
			}
		}
		// bruteforce_update(k): a bruteforce run's guesses depend only on
		// its length.
		bf := bruteforceGuessesLen(k + 1)
		s.offer(1, bf, bf+1, -1, 0)
		if scanAllBruteforce {
			s.scanAll()
		} else {
			s.tails.extend(s)
		}
		s.finish()
	}
	s.k = n // every state is final

	// unwind
	k := n - 1
	l := -1
	best := math.Inf(1)
	for _, st := range s.at(k) {
		if st.g < best {
			l, best = int(st.l), st.g
		}
	}
	seq := make([]*match, l)
	guesses := lookupState(s.at(k), l).g
	for k >= 0 {
		st := lookupState(s.at(k), l)
		var m *match
		if st.bf() {
			start := int(st.start)
			m = e.bruteforce(pw, start, k)
			m.guesses, m.flags = bruteforceGuessesLen(k-start+1), hasGuesses
		} else {
			m = flat[st.m].m
		}
		l--
		seq[l] = m
		k = m.i - 1
	}
	return seq, guesses
}

// tryBruteforce offers the states ss at i-1, extended by a bruteforce
// match from i to k, in order.
func (s *search) tryBruteforce(i int, ss []tailState) {
	bf := bruteforceGuessesLen(s.k - i + 1)
	for _, st := range ss {
		l := st.l + 1
		pi := bf * st.pi
		s.offer(l, pi, float64(factorial(l)*pi)+pow10000(l-1), -1, i)
	}
}

// scanAll is the reference for the tail index: it tries every start
// whose cheapest state could beat the l=1 state; from 309 units on the
// guesses are MaxFloat64, which cannot, so only NaN states remain there.
func (s *search) scanAll() {
	k := s.k
	limit := s.cur[0].g // the l=1 state, just made sure of
	window := max(1, k-307)
	nonBF := func(states []state) (ss []tailState) {
		for _, st := range states {
			if !st.bf() {
				ss = append(ss, tailState{int(st.l), st.pi})
			}
		}
		return ss
	}
	for _, i := range s.nanAt {
		if i+1 < window {
			s.tryBruteforce(i+1, nonBF(s.at(i)))
		}
	}
	for i := window; i <= k; i++ {
		if !s.nanPi[i-1] && !(float64(bruteforceGuessesLen(k-i+1)*s.minPi[i-1]) < limit) {
			continue
		}
		s.tryBruteforce(i, nonBF(s.at(i-1)))
	}
}

// finish makes the states at k final: they move to the arena, and the
// summaries later positions read are noted.
func (s *search) finish() {
	k := s.k
	s.arena = append(s.arena, s.cur...)
	s.off[k+1] = int32(len(s.arena))
	s.cur, s.pm = s.cur[:0], s.pm[:0]
	states := s.arena[s.off[k]:]
	s.tails.add(k, states)
	s.minPi[k] = math.Inf(1)
	for _, st := range states {
		if st.bf() {
			continue
		}
		if math.IsNaN(st.pi) {
			if !s.nanPi[k] {
				s.nanPi[k] = true
				s.nanAt = append(s.nanAt, k)
			}
			continue
		}
		if st.pi < s.minPi[k] {
			s.minPi[k] = st.pi
		}
	}
}

// dominated tells whether an earlier match in the bucket covers the same
// start with guesses that are a number no greater than g.
func dominated(earlier []searchEntry, i int, g float64) bool {
	for y := len(earlier) - 1; y >= 0; y-- {
		if earlier[y].i != i {
			return false // the bucket is sorted by start
		}
		if earlier[y].g <= g {
			return true
		}
	}
	return false
}

func lookupState(states []state, l int) state {
	for _, s := range states {
		if int(s.l) == l {
			return s
		}
	}
	panic("zxcvbn: missing state")
}

func (e *estimator) bruteforce(pw []uint16, i, j int) *match {
	return &match{kind: kindBruteforce, i: i, j: j}
}

func bruteforceGuessesLen(n int) float64 {
	g := pow10(n)
	if math.IsInf(g, 1) {
		g = math.MaxFloat64
	}
	if n == 1 {
		return jsMax(g, minSubmatchGuessesSingleChar+1)
	}
	return jsMax(g, minSubmatchGuessesMultiChar+1)
}

// notePM lowers the prefix minima pm[l'] for l' >= st.l by st.g.
func notePM(pm *[]float64, st state) {
	if math.IsNaN(st.g) {
		return
	}
	p := *pm
	sl := int(st.l)
	for len(p) <= sl {
		last := math.Inf(1)
		if len(p) > 0 {
			last = p[len(p)-1]
		}
		p = append(p, last)
	}
	// pm never rises with l: past the first entry at or below g, none is
	// above it.
	for x := sl; x < len(p) && st.g < p[x]; x++ {
		p[x] = st.g
	}
	*pm = p
}

// search holds zxcvbn's optimal tables while they are filled, and the
// buffers that go with them; an estimate reuses one search for every
// password it scores (repeats score their base first), and a pool keeps it
// for the next estimate.
type search struct {
	k     int     // the position being filled
	cur   []state // the states at k, by ascending l
	arena []state // the final states at p < k: arena[off[p]:off[p+1]]
	off   []int32
	pm    []float64 // pm[l]: the least g of the states at k with l' <= l

	counts []int32       // counts[k]: where the matches ending at k start in flat
	flat   []searchEntry // the matches by end, then start
	// flatHigh is the most of flat an estimate used: what release clears.
	flatHigh int
	fill     []int32
	// minPi[k] is the smallest pi among non-bruteforce states at k (NaN
	// ignored), nanPi[k] whether one is NaN: enough to know that every
	// bruteforce extension from k would be rejected.
	minPi []float64
	nanPi []bool
	nanAt []int
	tails tailIndex
}

// reset readies s for a password of n units with m matches.
func (s *search) reset(n, m int) *search {
	s.k = -1
	s.cur, s.arena, s.pm, s.nanAt = s.cur[:0], s.arena[:0], s.pm[:0], s.nanAt[:0]
	s.off = resize(s.off, n+1)
	s.off[0] = 0
	s.counts = resize(s.counts, n+1)
	clear(s.counts)
	s.flat = resize(s.flat, m)
	s.flatHigh = max(s.flatHigh, m)
	s.minPi = resize(s.minPi, n)
	s.nanPi = resize(s.nanPi, n)
	clear(s.nanPi)
	s.tails.reset()
	return s
}

// release drops what s points at, so that a pooled search keeps no match
// (nor the password they point into) alive.
func (s *search) release() {
	clear(s.flat[:s.flatHigh])
	s.flatHigh = 0
}

func resize[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	return b[:n]
}

// at returns the states at p: final for p < k, the ones so far at k.
func (s *search) at(p int) []state {
	if p == s.k {
		return s.cur
	}
	return s.arena[s.off[p]:s.off[p+1]:s.off[p+1]]
}

// offer is zxcvbn's update for a candidate state at k: it stands unless a
// state with l' <= l has g' <= g (NaN compares false both ways), looked up
// in pm; only then is its place found.
func (s *search) offer(l int, pi, g float64, m int32, start int) {
	if !math.IsNaN(g) && len(s.pm) > 0 && s.pm[min(l, len(s.pm)-1)] <= g {
		return
	}
	s.store(state{l: int32(l), g: g, pi: pi, m: m, start: int32(start)})
}

// rejects is offer's test alone, small enough to inline in the hot loop:
// most candidates fail it.
func (s *search) rejects(l int, g float64) bool {
	return len(s.pm) > 0 && s.pm[min(l, len(s.pm)-1)] <= g
}

func (s *search) resetPM() {
	s.pm = s.pm[:0]
	for _, st := range s.cur {
		notePM(&s.pm, st)
	}
}

func (s *search) store(st state) {
	states := s.cur
	pos := len(states)
	for x, o := range states {
		if o.l >= st.l {
			pos = x
			break
		}
	}
	if pos < len(states) && states[pos].l == st.l {
		old := states[pos].g
		states[pos] = st
		if math.IsNaN(st.g) && !math.IsNaN(old) {
			s.resetPM() // a NaN took a number's place: the minimum may rise
		} else {
			notePM(&s.pm, st)
		}
		return
	}
	states = append(states, state{})
	copy(states[pos+1:], states[pos:])
	states[pos] = st
	s.cur = states
	notePM(&s.pm, st)
}
