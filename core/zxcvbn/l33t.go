package zxcvbn

import (
	"sync"
	"sync/atomic"
)

// l33tTable is zxcvbn's L33T_TABLE, in its key order.
var l33tTable = []struct {
	letter uint16
	subs   string
}{
	{'a', "4@"}, {'b', "8"}, {'c', "({[<"}, {'e', "3"}, {'g', "69"}, {'i', "1!|"},
	{'l', "1|7"}, {'o', "0"}, {'s', "$5"}, {'t', "+7"}, {'x', "%"}, {'z', "2"},
}

type l33tPair struct{ sub, letter uint16 }

// l33tSubs is zxcvbn's enumerate_l33t_subs over the table pruned to the
// substitutes present in pw (relevant_l33t_subtable). Each result lists its
// pairs in the order a JavaScript object would iterate them: digit keys
// first, ascending, then the rest in insertion order.
func l33tSubs(pw []uint16) [][]l33tPair {
	var present [128]bool
	for _, c := range pw {
		if c < 128 {
			present[c] = true
		}
	}
	subs := [][]l33tPair{{}}
	for _, row := range l33tTable {
		var relevant []uint16
		for k := 0; k < len(row.subs); k++ {
			if present[row.subs[k]] {
				relevant = append(relevant, uint16(row.subs[k]))
			}
		}
		if len(relevant) == 0 {
			continue
		}
		var next [][]l33tPair
		for _, chr := range relevant {
			for _, sub := range subs {
				dup := -1
				for k, p := range sub {
					if p.sub == chr {
						dup = k
						break
					}
				}
				if dup == -1 {
					ext := append(append([]l33tPair(nil), sub...), l33tPair{chr, row.letter})
					next = append(next, ext)
					continue
				}
				alt := append([]l33tPair(nil), sub[:dup]...)
				alt = append(alt, sub[dup+1:]...)
				alt = append(alt, l33tPair{chr, row.letter})
				next = append(next, sub, alt)
			}
		}
		subs = dedupL33tSubs(next)
	}
	for _, sub := range subs {
		// A list holds at most one pair per substitute (23 in all).
		insertionSort(sub, func(a, b l33tPair) int {
			da, db := isDigit(a.sub), isDigit(b.sub)
			switch {
			case da && db:
				return int(a.sub) - int(b.sub)
			case da:
				return -1
			case db:
				return 1
			}
			return 0
		})
	}
	return subs
}

// l33tPlans holds the plan for distinctL33tSubs(l33tSubs(pw)) by the set
// of substitutes pw holds, which is all it depends on: with every
// substitute present it is 736 lists and over a millisecond to enumerate.
// Plans are shared, so no one may change them. It keeps plans until they
// hold l33tPlansMaxLists lists in all (a few MB), so that passwords made to
// bring new sets of substitutes cannot grow it without end. A map under a
// lock rather than a sync.Map, whose generic hash trie is 5.6 KB of the
// wasm module's brotli size; the read lock is held for one lookup.
var (
	l33tPlansMu   sync.RWMutex
	l33tPlans     = map[uint32]*l33tPlan{}
	l33tPlansKept atomic.Int64
)

const l33tPlansMaxLists = 1 << 15

func cachedL33tPlan(pw []uint16) *l33tPlan {
	key := substitutesKey(pw)
	l33tPlansMu.RLock()
	pl, ok := l33tPlans[key]
	l33tPlansMu.RUnlock()
	if ok {
		return pl
	}
	pl = newL33tPlan(distinctL33tSubs(l33tSubs(pw)))
	if l33tPlansKept.Add(int64(len(pl.subs))) <= l33tPlansMaxLists {
		l33tPlansMu.Lock()
		l33tPlans[key] = pl
		l33tPlansMu.Unlock()
	}
	return pl
}

// substitutesKey has a bit for each substitute of each l33tTable row
// (23 in all) that pw holds: what relevant_l33t_subtable keeps, so that
// equal keys give equal lists.
func substitutesKey(pw []uint16) uint32 {
	var present [128]bool
	for _, c := range pw {
		if c < 128 {
			present[c] = true
		}
	}
	var key uint32
	bit := 0
	for _, row := range l33tTable {
		for k := 0; k < len(row.subs); k++ {
			if present[row.subs[k]] {
				key |= 1 << bit
			}
			bit++
		}
	}
	return key
}

// dedupL33tSubs drops repeated substitution lists as zxcvbn.js does. Its
// label joins the sorted strings "sub,letter,position" with their sorted
// position, and none of those characters is a separator, so two labels
// are equal exactly when the lists are equal in order: only those
// collapse.
func dedupL33tSubs(subs [][]l33tPair) [][]l33tPair {
	var out [][]l33tPair
	seen := map[string]bool{}
	key := make([]byte, 0, 64)
	for _, sub := range subs {
		key = key[:0]
		for _, p := range sub {
			key = append(key, byte(p.sub), byte(p.letter))
		}
		if !seen[string(key)] {
			seen[string(key)] = true
			out = append(out, sub)
		}
	}
	return out
}

// l33tMatch is zxcvbn's l33t_match: dictionary words found after undoing
// common substitutions, keeping only tokens that used one and are longer
// than one unit.
//
// zxcvbn.js enumerates up to 736 substitution lists (its dedup keeps lists
// that differ only in order) and runs a full dictionary match for each.
// Lists that map alike yield identical matches, and an identical later
// match changes nothing in the search, so each distinct mapping is
// matched once, in order of first appearance, and a match is kept only
// the first time it is seen.
func l33tMatch(pw []uint16, user *userWords, a *arena) []*match {
	plan := cachedL33tPlan(pw)
	if len(plan.subs) == 0 || len(plan.subs[0]) == 0 {
		return nil
	}
	return l33tSearch(pw, user, plan, a)
}

// setL33t marks m a l33t match of token under sub (list number si),
// keeping the substitutions the token uses in sub's order, as zxcvbn's
// match_sub. shared, when not nil, holds per list number the extra of
// the matches that use their whole list: mostly a token holds every
// substitute of its list, and then its matches share one extra (nothing
// writes to one once made) instead of one each, as a long password with
// user inputs makes hundreds of thousands of l33t matches.
func setL33t(m *match, token []uint16, sub []l33tPair, si int, a *arena, shared []*matchExtra) {
	m.flags |= l33t
	used := usedSubs(sub, token)
	if len(used) < len(sub) || shared == nil {
		m.x = a.extra(matchExtra{sub: used, l33tList: si})
		return
	}
	if shared[si] == nil {
		shared[si] = a.extra(matchExtra{sub: sub, l33tList: si})
	}
	m.x = shared[si]
}

// usedSubs is zxcvbn's match_sub: the pairs of sub whose substitute the
// token holds, in sub's order. When it holds them all that is sub itself,
// not a copy (no one writes to a list once made).
func usedSubs(sub []l33tPair, token []uint16) []l33tPair {
	for k, p := range sub {
		if !containsUnit(token, p.sub) {
			used := append([]l33tPair(nil), sub[:k]...)
			for _, p := range sub[k+1:] {
				if containsUnit(token, p.sub) {
					used = append(used, p)
				}
			}
			return used
		}
	}
	return sub
}

// equalPairs reports whether two substitution lists are the same, pair
// for pair (slices.Equal's shape, without the generic instance in the wasm).
func equalPairs(a, b []l33tPair) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if a[k] != b[k] {
			return false
		}
	}
	return true
}

// dedupL33tMatches sorts by (i, j), keeping the first of identical matches
// (same list, word and substitutions kept).
func dedupL33tMatches(matches []*match) []*match {
	sortMatches(matches)
	out := matches[:0]
	for x, m := range matches {
		dup := false
		for y := x - 1; y >= 0 && matches[y].i == m.i && matches[y].j == m.j; y-- {
			o := matches[y]
			if o.list == m.list && equalUnits(o.word, m.word) && equalPairs(o.x.sub, m.x.sub) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, m)
		}
	}
	return out
}

// distinctL33tSubs keeps the first of each group of substitution lists
// that map every substitute to the same letter.
func distinctL33tSubs(subs [][]l33tPair) [][]l33tPair {
	var out [][]l33tPair
	seen := map[string]bool{}
	for _, sub := range subs {
		var key [128]byte
		for _, p := range sub {
			key[p.sub] = byte(p.letter)
		}
		if !seen[string(key[:])] {
			seen[string(key[:])] = true
			out = append(out, sub)
		}
	}
	return out
}
