package zxcvbn

import "math/bits"

// repeatMatch is zxcvbn's repeat_match. zxcvbn.js runs the regexes
// /(.+)\1+/g and /(.+?)\1+/g from the same place and keeps the longer
// answer; both find the first position where some square xx starts, the
// greedy one with the longest x and the lazy one with the shortest, each
// repeated as often as it goes on. The dot refuses line terminators. The
// base token is then scored as a password of its own.
func (e *estimator) repeatMatch(pw []uint16) []*match {
	var matches []*match
	n := len(pw)
	sq, mark := newSquareFinder(pw, e.scr)
	defer e.scr.dropInts(mark)
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
		seq, guesses := e.scoreBase(base)
		a := &e.scr.arena
		matches = append(matches, a.match(match{kind: kindRepeat, i: p, j: p + len(token) - 1,
			x: a.extra(matchExtra{base: base, baseGuesses: guesses, baseMatches: seq, repeatCount: float64(len(token) / len(base))})}))
		last = p + len(token)
	}
	return matches
}

// scoreBase scores a repeat's base as a password of its own, once per
// distinct base in an estimate: a long password repeats the same few.
func (e *estimator) scoreBase(base []uint16) ([]*match, float64) {
	key := make([]byte, 2*len(base))
	for x, c := range base {
		key[2*x], key[2*x+1] = byte(c), byte(c>>8)
	}
	if b, ok := e.bases[string(key)]; ok {
		return b.seq, b.guesses
	}
	seq, guesses := e.mostGuessableSequence(base, e.omnimatch(base))
	if e.bases == nil {
		e.bases = map[string]scoredBase{}
	}
	e.bases[string(key)] = scoredBase{seq, guesses}
	return seq, guesses
}

type scoredBase struct {
	seq     []*match
	guesses float64
}

// squareFinder finds squares xx (x of non-terminators) by start. Half-
// lengths below gramLen are tried directly; a longer square at p needs the
// gramLen units at p again at p+L, so only the later places of that gram
// are tried, instead of every length. Grams rather than single units keep
// the chains short on small alphabets such as digits.
type squareFinder struct {
	pw   []uint16
	next []int32 // next[p]: the next place of the gram at p, or -1
	lim  []int32 // lim[p]: the end of p's run of non-terminators
	sc   *scratch
}

const gramLen = 4

func gramAt(pw []uint16, p int) uint64 {
	return uint64(pw[p])<<48 | uint64(pw[p+1])<<32 | uint64(pw[p+2])<<16 | uint64(pw[p+3])
}

// newSquareFinder builds the finder in sc's memory; the caller gives it
// back with sc.dropInts(mark) when done.
func newSquareFinder(pw []uint16, sc *scratch) (f squareFinder, mark int) {
	n := len(pw)
	mark = sc.intsTop
	buf := sc.takeInts(2 * n)
	f = squareFinder{pw: pw, lim: buf[:n:n], next: buf[n:], sc: sc}
	end := n
	for p := n - 1; p >= 0; p-- {
		if isLineTerminator(pw[p]) {
			end = p
		}
		f.lim[p] = int32(end)
		f.next[p] = -1
	}
	grams := n - gramLen + 1
	if grams <= 0 {
		return f, mark
	}
	// An open-addressed table from a gram to its latest place seen,
	// walking down, chains each place to the next one of its gram.
	keys, last := sc.gramTable(1 << bits.Len(uint(2*grams)))
	mask := uint64(len(last) - 1)
	for p := grams - 1; p >= 0; p-- {
		g := gramAt(pw, p)
		h := mix(g) & mask
		for last[h] >= 0 && keys[h] != g {
			h = (h + 1) & mask
		}
		f.next[p] = last[h]
		keys[h], last[h] = g, int32(p)
	}
	return f, mark
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
		maxL := (lim - p) / 2
		square := func(L int) bool { return equalUnits(pw[p:p+L], pw[p+L:p+2*L]) }
		shortest = 0
		for L := 1; L < gramLen && L <= maxL; L++ {
			if square(L) {
				shortest = L
				break
			}
		}
		long := maxL >= gramLen
		for q := f.next[p]; long && shortest == 0 && q >= 0 && int(q)-p <= maxL; q = f.next[q] {
			if L := int(q) - p; L >= gramLen && square(L) {
				shortest = L
			}
		}
		if shortest == 0 {
			continue
		}
		if long {
			// the places in reach, walked down from the farthest
			reach := f.sc.reach[:0]
			for q := f.next[p]; q >= 0 && int(q)-p <= maxL; q = f.next[q] {
				reach = append(reach, q)
			}
			f.sc.reach = reach
			for x := len(reach) - 1; x >= 0; x-- {
				if L := int(reach[x]) - p; L >= gramLen && (L == shortest || square(L)) {
					return p, shortest, L, lim
				}
			}
		}
		for L := min(gramLen-1, maxL); L > shortest; L-- {
			if square(L) {
				return p, shortest, L, lim
			}
		}
		return p, shortest, shortest, lim
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
