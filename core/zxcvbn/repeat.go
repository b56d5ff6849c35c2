package zxcvbn

import "sort"

// repeatMatch is zxcvbn's repeat_match. zxcvbn.js runs the regexes
// /(.+)\1+/g and /(.+?)\1+/g from the same place and keeps the longer
// answer; both find the first position where some square xx starts, the
// greedy one with the longest x and the lazy one with the shortest, each
// repeated as often as it goes on. The dot refuses line terminators. The
// base token is then scored as a password of its own.
func (e *estimator) repeatMatch(pw []uint16) []*match {
	var matches []*match
	n := len(pw)
	sq := newSquareFinder(pw)
	for last := 0; last < n; {
		p, lazyL, greedyL, lim := sq.first(last)
		if p < 0 {
			break
		}
		lazyLen := lazyL * repeats(pw, p, lazyL, lim)
		greedyLen := greedyL * repeats(pw, p, greedyL, lim)
		var token, base []uint16
		if greedyLen > lazyLen {
			token = pw[p : p+greedyLen]
			base = token[:primitiveRoot(token)]
		} else {
			token = pw[p : p+lazyLen]
			base = token[:lazyL]
		}
		sub := e.omnimatch(base)
		seq, guesses := e.mostGuessableSequence(base, sub)
		matches = append(matches, &match{kind: kindRepeat, i: p, j: p + len(token) - 1, token: token,
			x: &matchExtra{base: base, baseGuesses: guesses, baseMatches: seq, repeatCount: float64(len(token) / len(base))}})
		last = p + len(token)
	}
	return matches
}

// squareFinder finds squares xx (x of non-terminators) by start. A square
// of half-length L at p needs pw[p+L] == pw[p], so only the later places
// of the same unit are tried, from each unit's list of places, instead of
// every length.
type squareFinder struct {
	pw     []uint16
	places map[uint16][]int32 // the places of each unit, ascending
	rank   []int32            // rank[p]: p's index in places[pw[p]]
	lim    []int32            // lim[p]: the end of p's run of non-terminators
}

func newSquareFinder(pw []uint16) *squareFinder {
	n := len(pw)
	f := &squareFinder{pw: pw, places: map[uint16][]int32{}, rank: make([]int32, n), lim: make([]int32, n)}
	end := n
	for p := n - 1; p >= 0; p-- {
		if isLineTerminator(pw[p]) {
			end = p
		}
		f.lim[p] = int32(end)
	}
	for p, c := range pw {
		f.rank[p] = int32(len(f.places[c]))
		f.places[c] = append(f.places[c], int32(p))
	}
	return f
}

// first returns the first p >= from where a square starts, the shortest
// and the longest half-length there, and the end of p's run; p is -1 when
// there is none.
func (f *squareFinder) first(from int) (p, shortest, longest, lim int) {
	pw := f.pw
	for p = from; p < len(pw); p++ {
		if isLineTerminator(pw[p]) {
			continue
		}
		lim = int(f.lim[p])
		maxQ := p + (lim-p)/2 // q = p+L with p+2L <= lim
		places := f.places[pw[p]]
		r := int(f.rank[p])
		shortest = 0
		for x := r + 1; x < len(places) && int(places[x]) <= maxQ; x++ {
			L := int(places[x]) - p
			if equalUnits(pw[p:p+L], pw[p+L:p+2*L]) {
				shortest = L
				break
			}
		}
		if shortest == 0 {
			continue
		}
		hi := r + 1 + sort.Search(len(places)-r-1, func(x int) bool { return int(places[r+1+x]) > maxQ })
		for x := hi - 1; x > r; x-- {
			L := int(places[x]) - p
			if L == shortest || equalUnits(pw[p:p+L], pw[p+L:p+2*L]) {
				return p, shortest, L, lim
			}
		}
	}
	return -1, 0, 0, 0
}

// repeats counts how many times pw[p:p+L] occurs back to back from p.
func repeats(pw []uint16, p, L, lim int) int {
	r := 1
	for p+(r+1)*L <= lim && equalUnits(pw[p:p+L], pw[p+r*L:p+(r+1)*L]) {
		r++
	}
	return r
}

// primitiveRoot is the anchored lazy match /^(.+?)\1+$/: the shortest L
// such that s is s[:L] repeated.
func primitiveRoot(s []uint16) int {
	n := len(s)
	for L := 1; L < n; L++ {
		if n%L != 0 {
			continue
		}
		ok := true
		for k := L; k < n; k++ {
			if s[k] != s[k-L] {
				ok = false
				break
			}
		}
		if ok {
			return L
		}
	}
	return n
}
