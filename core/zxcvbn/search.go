package zxcvbn

import "math"

// state is one entry of zxcvbn's optimal.{m,pi,g} tables: the best
// sequence of l matches found so far covering the password up to k.
type state struct {
	l  int
	g  float64 // l! * pi + 10000^(l-1): what zxcvbn minimises
	pi float64 // the product of the matches' guesses
	m  *match  // the last match, nil for bruteforce
	bf bool    // the last match is bruteforce, from start to here: it is
	// made only if it ends up in the answer, as most are not
	start int
}

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
	// Each match's guesses are computed once, as zxcvbn caches them, and
	// kept beside its start so the search's inner loops stay in one array.
	type entry struct {
		i int
		g float64
		m *match
	}
	counts := make([]int32, n+1)
	for _, m := range matches {
		counts[m.j+1]++
	}
	for k := 1; k <= n; k++ {
		counts[k] += counts[k-1]
	}
	flat := make([]entry, len(matches))
	fill := append([]int32(nil), counts[:n]...)
	for _, m := range matches {
		flat[fill[m.j]] = entry{m.i, e.estimateGuesses(m, n), m}
		fill[m.j]++
	}
	// matches arrive sorted by (i, j), so each bucket is sorted by i.

	opt := make([][]state, n)
	// minPi[k] is the smallest pi among non-bruteforce states at k (NaN
	// ignored), nanPi[k] whether one is NaN: enough to know that every
	// bruteforce extension from k would be rejected.
	minPi := make([]float64, n)
	nanPi := make([]bool, n)
	var nanAt []int
	var tails tailIndex

	// accepts is zxcvbn's test in update: a new (l, g) at k stands unless
	// a state with l' <= l has g' <= g (NaN compares false both ways).
	// pm[l] keeps that prefix minimum for the position being filled, so
	// the test is one lookup; the place a kept state goes is found after.
	var pm []float64
	pmK := -1
	resetPM := func(k int) {
		pm, pmK = pm[:0], k
		for _, st := range opt[k] {
			notePM(&pm, st)
		}
	}
	accepts := func(k, l int, g float64) bool {
		if pmK != k {
			resetPM(k)
		}
		if math.IsNaN(g) || len(pm) == 0 {
			return true
		}
		return !(pm[min(l, len(pm)-1)] <= g)
	}
	var chunk []state
	store := func(k int, st state) {
		states := opt[k]
		pos := len(states)
		for x, s := range states {
			if s.l >= st.l {
				pos = x
				break
			}
		}
		if pos < len(states) && states[pos].l == st.l {
			old := states[pos].g
			states[pos] = st
			if math.IsNaN(st.g) && !math.IsNaN(old) {
				resetPM(k) // a NaN took a number's place: the minimum may rise
			} else {
				notePM(&pm, st)
			}
			return
		}
		if len(states) == cap(states) {
			// Positions hold a few states each: carve their first room from
			// one shared chunk rather than a small allocation apiece.
			if len(chunk) < 2*len(states)+4 {
				chunk = make([]state, max(2*len(states)+4, min(1024, 4*n)))
			}
			grown := chunk[: len(states) : 2*len(states)+4]
			chunk = chunk[2*len(states)+4:]
			copy(grown, states)
			states = grown
		}
		states = append(states, state{})
		copy(states[pos+1:], states[pos:])
		states[pos] = st
		opt[k] = states
		notePM(&pm, st)
	}
	update := func(k int, c entry, l int, prevPi float64) {
		pi := c.g
		if l > 1 {
			pi *= prevPi
		}
		g := float64(factorial(l)*pi) + pow10000(l-1)
		if accepts(k, l, g) {
			store(k, state{l: l, g: g, pi: pi, m: c.m})
		}
	}

	for k := 0; k < n; k++ {
		for _, c := range flat[counts[k]:counts[k+1]] {
			if c.i == 0 {
				update(k, c, 1, 1)
				continue
			}
			for _, s := range opt[c.i-1] {
				update(k, c, s.l+1, s.pi)
			}
		}
		// bruteforce_update(k): a bruteforce run's guesses depend only on
		// its length.
		if bf := bruteforceGuessesLen(k + 1); accepts(k, 1, bf+1) {
			store(k, state{l: 1, g: bf + 1, pi: bf, bf: true})
		}
		limit := opt[k][0].g // the l=1 state, just made sure of
		bruteforceFrom := func(i int) {
			bf := bruteforceGuessesLen(k - i + 1)
			for _, s := range opt[i-1] {
				if s.bf {
					continue
				}
				l := s.l + 1
				pi := bf * s.pi
				g := float64(factorial(l)*pi) + pow10000(l-1)
				if accepts(k, l, g) {
					store(k, state{l: l, g: g, pi: pi, bf: true, start: i})
				}
			}
		}
		if scanAllBruteforce {
			// The reference: try every start whose cheapest state could beat
			// the l=1 state; from 309 units on the guesses are MaxFloat64,
			// which cannot, so only NaN states remain there.
			window := max(1, k-307)
			for _, i := range nanAt {
				if i+1 < window {
					bruteforceFrom(i + 1)
				}
			}
			for i := window; i <= k; i++ {
				if !nanPi[i-1] && !(float64(bruteforceGuessesLen(k-i+1)*minPi[i-1]) < limit) {
					continue
				}
				bruteforceFrom(i)
			}
		} else {
			tails.extend(k, pm, nanAt, opt, func(i int, ss []state) {
				bf := bruteforceGuessesLen(k - i + 1)
				for _, s := range ss {
					l := s.l + 1
					pi := bf * s.pi
					g := float64(factorial(l)*pi) + pow10000(l-1)
					if accepts(k, l, g) {
						store(k, state{l: l, g: g, pi: pi, bf: true, start: i})
					}
				}
			})
		}
		tails.add(k, opt[k])
		minPi[k] = math.Inf(1)
		for _, s := range opt[k] {
			if s.bf {
				continue
			}
			if math.IsNaN(s.pi) {
				if !nanPi[k] {
					nanPi[k] = true
					nanAt = append(nanAt, k)
				}
				continue
			}
			if s.pi < minPi[k] {
				minPi[k] = s.pi
			}
		}
	}

	// unwind
	k := n - 1
	l := -1
	best := math.Inf(1)
	for _, s := range opt[k] {
		if s.g < best {
			l, best = s.l, s.g
		}
	}
	seq := make([]*match, l)
	guesses := lookupState(opt[k], l).g
	for k >= 0 {
		st := lookupState(opt[k], l)
		m := st.m
		if st.bf {
			m = e.bruteforce(pw, st.start, k)
			m.guesses, m.flags = bruteforceGuessesLen(k-st.start+1), hasGuesses
		}
		l--
		seq[l] = m
		k = m.i - 1
	}
	return seq, guesses
}

func lookupState(states []state, l int) state {
	for _, s := range states {
		if s.l == l {
			return s
		}
	}
	panic("zxcvbn: missing state")
}

func (e *estimator) bruteforce(pw []uint16, i, j int) *match {
	return &match{kind: kindBruteforce, i: i, j: j, token: pw[i : j+1]}
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
	for len(p) <= st.l {
		last := math.Inf(1)
		if len(p) > 0 {
			last = p[len(p)-1]
		}
		p = append(p, last)
	}
	for x := st.l; x < len(p); x++ {
		if st.g < p[x] {
			p[x] = st.g
		}
	}
	*pm = p
}
