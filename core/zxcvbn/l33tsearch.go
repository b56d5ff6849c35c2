package zxcvbn

import (
	"math/bits"
)

// l33tPlan is what l33tSearch needs to know about a password's
// substitution lists; it depends on them alone, so it is made once per
// set of substitutes (cachedL33tPlan).
type l33tPlan struct {
	subs [][]l33tPair
	// options[c] lists what c can read as: each letter some list maps it
	// to, and itself when some list leaves it alone.
	options [128][]uint16
	// readers[c] holds, for each reading of c, the lists that read c so,
	// as a bit set: the first list that reads a whole token some way is
	// then the lowest bit left after one AND per substitute in it.
	readers [128][]listSet
	words64 int
}

func newL33tPlan(subs [][]l33tPair) *l33tPlan {
	pl := &l33tPlan{subs: subs, words64: (len(subs) + 63) / 64}
	var present []uint16
	for _, sub := range subs {
		for _, p := range sub {
			if pl.options[p.sub] == nil {
				pl.options[p.sub] = []uint16{}
				present = append(present, p.sub)
			}
		}
	}
	for si, sub := range subs {
		for _, c := range present {
			r := c
			for _, p := range sub {
				if p.sub == c {
					r = p.letter
				}
			}
			pl.options[c] = addUnit(pl.options[c], r)
			pl.readers[c] = addReader(pl.readers[c], r, si, pl.words64)
		}
	}
	return pl
}

// finalSigmaLists returns the lists under which the capital sigma at pw[p]
// lower-cases to final sigma in the substituted password: a cased letter
// before it and none after it, skipping case-ignorables. No substitute is
// case-ignorable, as itself or as the letter it stands for, so the units
// the test looks at are the same under every list; only whether they are
// cased can depend on the list.
func (pl *l33tPlan) finalSigmaLists(pw []uint16, p int) []uint64 {
	casedUnder := func(r rune) []uint64 {
		set := make([]uint64, pl.words64)
		if cased(r) {
			for w := range set {
				set[w] = ^uint64(0)
			}
			return set
		}
		if r < 128 {
			for _, ls := range pl.readers[r] {
				if rune(ls.r) != r { // read as a letter
					for w := range set {
						set[w] |= ls.set[w]
					}
				}
			}
		}
		return set
	}
	b, a := sigmaContext(pw, p)
	if b < 0 {
		return make([]uint64, pl.words64) // final nowhere
	}
	final := casedUnder(b)
	if a >= 0 {
		after := casedUnder(a)
		for w := range final {
			final[w] &^= after[w]
		}
	}
	return final
}

// l33tSearch finds the matches l33tMatchBySub finds without a dictionary
// pass per substitution list: from each start it walks the word index
// once, branching only where a substitute could stand for a letter or for
// itself, and keeps a substitute's choice consistent within the token (a
// list maps a character one way). Each word found is credited to the
// first list that reads the token that way, which is where zxcvbn.js
// first reports it.
//
// zxcvbn looks words up in the lower case of the substituted password, at
// the password's own indices. Where lower-casing is not one unit for one
// (U+0130 becomes two), the walk reads the lower-cased units and asks of
// each which password unit it came from. A capital sigma's lower case
// depends on its neighbours, which a substitution can make letters: the
// walk tries both forms there and keeps the lists that give the one it
// read.
func l33tSearch(pw []uint16, user *userWords, pl *l33tPlan, a *arena) []*match {
	n := len(pw)
	lower, from := toLowerJSFrom(pw)
	subs, options, readers := pl.subs, &pl.options, &pl.readers
	isSub := func(c uint16) bool { return c < 128 && options[c] != nil }
	// source[q] is the password unit lower[q] came from, for the walk's
	// questions: is it a substitute, is it a capital sigma.
	source := make([]uint16, n)
	for q := range source {
		source[q] = pw[from[q]]
	}
	// final[q], for a capital sigma read at q, holds the lists under which
	// it lower-cases to the final form.
	var final [][]uint64 // made on the first capital sigma (a slice, not a map: no int-keyed map code in the module)
	for q, c := range source {
		if c == 0x3a3 {
			if final == nil {
				final = make([][]uint64, n)
			}
			final[q] = pl.finalSigmaLists(pw, int(from[q]))
		}
	}
	acc := make([]uint64, pl.words64)
	shared := make([]*matchExtra, len(subs))

	x := words()
	var matches []*match
	var choice [128]uint16 // per substitute in the current window: its reading, 0 undecided
	word := make([]uint16, 0, 32)
	var hits []dictHit
	var sigma [2]uint16 // the two lower cases of a capital sigma: σ, ς
	sigma[0], sigma[1] = 0x3c3, 0x3c2
	emit := func(i, j int) {
		// hits for pw[i..j] read as word under choice: credit each to the
		// first list that reads it so. zxcvbn drops a token whose own lower
		// case is the word (no substitution in use), and single units.
		if j == i || isLowerOf(pw[i:j+1], word) {
			return
		}
		for w := range acc {
			acc[w] = ^uint64(0)
		}
		for q := i; q <= j; q++ {
			c := source[q]
			if c == 0x3a3 {
				f := final[q]
				isFinal := word[q-i] == sigma[1]
				for w := range acc {
					if isFinal {
						acc[w] &= f[w]
					} else {
						acc[w] &^= f[w]
					}
				}
				continue
			}
			if !isSub(c) || choice[c] == 0 {
				continue
			}
			set := readerSet(readers[c], choice[c])
			if set == nil {
				return
			}
			for w := range acc {
				acc[w] &= set[w]
			}
		}
		// The matches share one copy of the word; a user input's own
		// stored word is that copy already (lookup found it equal).
		var w []uint16
		for _, h := range hits {
			if h.word != nil {
				w = h.word
				break
			}
		}
		if w == nil {
			w = append([]uint16(nil), word...)
		}
		token := pw[i : j+1]
		credit := func(si int) {
			for _, h := range hits {
				m := a.match(match{kind: kindDictionary, list: uint8(h.list), i: i, j: j, rank: int32(h.rank), word: w})
				if h.proto {
					m.flags = protoKey
				}
				setL33t(m, token, subs[si], si, a, shared)
				matches = append(matches, m)
			}
		}
		if from[j] == int32(j) {
			// The token is the window: every list that reads it so keeps
			// the same substitutions of it, and the first one's match is
			// the one that counts.
			if first := firstList(acc); first >= 0 && first < len(subs) {
				credit(first)
			}
			return
		}
		// Lower-casing moved the window off the token zxcvbn slices at the
		// same indices (İ is two units lower-cased). zxcvbn keeps, of each
		// list, the substitutions the token holds, which can differ between
		// lists that read the window alike: each different keeping is its
		// own match, in list order, and the search takes the cheapest.
		var kept [][]l33tPair
		for wi, bits64 := range acc {
			for ; bits64 != 0; bits64 &= bits64 - 1 {
				si := wi*64 + bits.TrailingZeros64(bits64)
				if si >= len(subs) {
					break
				}
				used := usedSubs(subs[si], token)
				if keptAlready(kept, used) {
					continue
				}
				kept = append(kept, used)
				credit(si)
			}
		}
	}
	var walk func(i, j int, h uint64)
	walk = func(i, j int, h uint64) {
		if j >= n {
			return
		}
		c := source[j]
		reads := lower[j : j+1]
		switch {
		case c == 0x3a3:
			reads = sigma[:]
		case isSub(c) && choice[c] != 0:
			reads = choice[c : c+1]
		case isSub(c):
			reads = options[c]
		}
		for _, r := range reads {
			decided := false
			if isSub(c) && choice[c] == 0 {
				choice[c] = r
				decided = true
			}
			hh := hashStep(h, r)
			word = append(word, r)
			inIndex := x.mayPrefix(hh)
			if inIndex || user.mayPrefix(hh) || startsProtoKey(word) {
				hits = hits[:0]
				if inIndex {
					x.lookup(hh, word, func(list, rank int) {
						hits = append(hits, dictHit{j: j, list: list, rank: rank})
					})
				}
				hits = user.lookup(hh, word, j, hits)
				hits = addProtoHits(hits, word, j)
				if len(hits) > 0 {
					emit(i, j)
				}
				walk(i, j+1, hh)
			}
			word = word[:len(word)-1]
			if decided {
				choice[c] = 0
			}
		}
	}
	for i := 0; i < n; i++ {
		walk(i, i, hashSeed)
	}
	return dedupL33tMatches(sortL33tHits(matches))
}

// sortL33tHits orders matches at the same (i, j) by the list that first
// reported them, then by dictionary, as zxcvbn's stable sort leaves them.
func sortL33tHits(ms []*match) []*match {
	sortMatchesBy(ms, func(a, b *match) bool {
		if a.x.l33tList != b.x.l33tList {
			return a.x.l33tList < b.x.l33tList
		}
		return a.list < b.list
	})
	return ms
}

// firstList is the lowest list in the set, -1 for none.
func firstList(set []uint64) int {
	for w, bits64 := range set {
		if bits64 != 0 {
			return w*64 + bits.TrailingZeros64(bits64)
		}
	}
	return -1
}

func addUnit(s []uint16, c uint16) []uint16 {
	for _, x := range s {
		if x == c {
			return s
		}
	}
	return append(s, c)
}

// listSet is the set of substitution lists that read a substitute as r.
type listSet struct {
	r   uint16
	set []uint64
}

func addReader(sets []listSet, r uint16, list, words64 int) []listSet {
	x := 0
	for x < len(sets) && sets[x].r != r {
		x++
	}
	if x == len(sets) {
		sets = append(sets, listSet{r: r, set: make([]uint64, words64)})
	}
	sets[x].set[list/64] |= 1 << (list % 64)
	return sets
}

func readerSet(sets []listSet, r uint16) []uint64 {
	for _, s := range sets {
		if s.r == r {
			return s.set
		}
	}
	return nil
}

// addProtoHits adds the prototype names for word ending at j, as
// dictionaryMatch does, and sorts the hits.
func addProtoHits(hits []dictHit, word []uint16, j int) []dictHit {
	for _, key := range protoKeys {
		if !equalUnits(key, word) {
			continue
		}
		for list := 0; list <= userInputsList; list++ {
			own := false
			for _, h := range hits {
				if h.list == list {
					own = true
				}
			}
			if !own {
				hits = append(hits, dictHit{j: j, list: list, proto: true})
			}
		}
	}
	sortHits(hits)
	return hits
}

// startsProtoKey reports whether word starts a prototype name, which the
// prefix filters do not know.
func startsProtoKey(word []uint16) bool {
	for _, key := range protoKeys {
		if len(key) >= len(word) && equalUnits(key[:len(word)], word) {
			return true
		}
	}
	return false
}

// keptAlready reports whether used is one of the lists in kept.
func keptAlready(kept [][]l33tPair, used []l33tPair) bool {
	for _, k := range kept {
		if equalPairs(k, used) {
			return true
		}
	}
	return false
}
