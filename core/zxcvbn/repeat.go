package zxcvbn

// repeatMatch is zxcvbn's repeat_match. zxcvbn.js runs the regexes
// /(.+)\1+/g and /(.+?)\1+/g from the same place and keeps the longer
// answer; both find the first position where some square xx starts, the
// greedy one with the longest x and the lazy one with the shortest, each
// repeated as often as it goes on. The dot refuses line terminators. The
// base token is then scored as a password of its own.
func (e *estimator) repeatMatch(pw []uint16) []*Match {
	var matches []*Match
	n := len(pw)
	for last := 0; last < n; {
		p, lazyL, lim := firstSquare(pw, last)
		if p < 0 {
			break
		}
		greedyL := longestSquare(pw, p, lim)
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
		matches = append(matches, &Match{
			Pattern:     PatternRepeat,
			I:           p,
			J:           p + len(token) - 1,
			token:       token,
			baseUnits:   base,
			BaseGuesses: guesses,
			BaseMatches: seq,
			RepeatCount: float64(len(token) / len(base)),
		})
		last = p + len(token)
	}
	return matches
}

// firstSquare finds the first position p >= from where a square of
// non-terminators starts, with the shortest half-length there and the end
// of p's run of non-terminators; p is -1 when there is none.
func firstSquare(pw []uint16, from int) (p, half, lim int) {
	n := len(pw)
	lim = from
	for p = from; p < n; p++ {
		if isLineTerminator(pw[p]) {
			continue
		}
		if lim <= p {
			for lim = p; lim < n && !isLineTerminator(pw[lim]); lim++ {
			}
		}
		c := pw[p]
		for L := 1; p+2*L <= lim; L++ {
			if pw[p+L] == c && equalUnits(pw[p:p+L], pw[p+L:p+2*L]) {
				return p, L, lim
			}
		}
	}
	return -1, 0, 0
}

// longestSquare is the greedy choice at p: the longest x with xx at p.
func longestSquare(pw []uint16, p, lim int) int {
	c := pw[p]
	for L := (lim - p) / 2; L > 1; L-- {
		if pw[p+L] == c && equalUnits(pw[p:p+L], pw[p+L:p+2*L]) {
			return L
		}
	}
	return 1
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
