package zxcvbn

import (
	"github.com/passmeter/passmeter/core/zxcvbn/data"
)

// userInputsList is the index zxcvbn gives its per-call user_inputs list:
// after the six frequency lists.
const userInputsList = len(data.ListNames)

// dictionaryName names list li as zxcvbn does.
func dictionaryName(li int) string {
	if li == userInputsList {
		return "user_inputs"
	}
	return data.ListNames[li]
}

// userWords is zxcvbn's user_inputs dictionary: lower-cased words ranked by
// position, a repeated word keeping its last rank, and no "__proto__":
// zxcvbn builds the dictionary as a plain object, where assigning a number
// to that key stores nothing (the word is still found through the
// prototype, as in every list, see protoKeys), while the rank counter
// still moves on for the inputs after it. Like the frequency
// lists it is found by hash, so that a request with thousands of inputs
// costs a lookup per step of the walk rather than a comparison per input
// per position.
//
// The tables are arrays rather than maps (no map with integer keys is left
// in the WebAssembly module, whose map code for them was 6 KB): a chained
// hash table of the words and a bit set of their prefixes' hashes, which
// may answer yes for a hash no prefix has (about one in 16), costing a
// lookup that finds nothing, never a different answer.
type userWords struct {
	words    [][]uint16
	ranks    []int
	hashes   []uint64 // hashes[w] is the hash of words[w]
	head     []int32  // the first word (+1, 0 for none) of each bucket
	next     []int32  // the next word (+1) of words[w]'s bucket
	prefixes []uint64 // bit mix(h)&(64*len-1) is set for the hash h of every prefix
}

func newUserWords(inputs []string) userWords {
	var u userWords
	seen := map[string]int{}
	for i, in := range inputs {
		lower := toLowerJS(toUnits(in))
		key := unitsString(lower)
		if key == "__proto__" {
			continue
		}
		if k, ok := seen[key]; ok {
			u.ranks[k] = i + 1
			continue
		}
		seen[key] = len(u.words)
		u.words = append(u.words, lower)
		u.ranks = append(u.ranks, i+1)
	}
	units := 0
	for _, word := range u.words {
		units += len(word)
	}
	if units == 0 {
		return u // no word to find (zxcvbn never looks up an empty substring)
	}
	buckets, bits := 1, 64
	for buckets < len(u.words) {
		buckets *= 2
	}
	for bits < 16*units {
		bits *= 2
	}
	u.hashes, u.next = make([]uint64, len(u.words)), make([]int32, len(u.words))
	u.head, u.prefixes = make([]int32, buckets), make([]uint64, bits/64)
	for w, word := range u.words {
		if len(word) == 0 {
			continue
		}
		h := uint64(hashSeed)
		for _, c := range word {
			h = hashStep(h, c)
			p := mix(h) & uint64(bits-1)
			u.prefixes[p>>6] |= 1 << (p & 63)
		}
		b := mix(h) & uint64(buckets-1)
		u.hashes[w], u.next[w], u.head[b] = h, u.head[b], int32(w+1)
	}
	return u
}

// mayPrefix reports whether some user word may start with the units whose
// hash is h.
func (u *userWords) mayPrefix(h uint64) bool {
	if len(u.prefixes) == 0 {
		return false
	}
	p := mix(h) & uint64(64*len(u.prefixes)-1)
	return u.prefixes[p>>6]&(1<<(p&63)) != 0
}

// lookup appends a hit ending at j for the user word equal to word (hash h).
// The words are distinct, so at most one is.
func (u *userWords) lookup(h uint64, word []uint16, j int, hits []dictHit) []dictHit {
	if len(u.head) == 0 {
		return hits
	}
	for w := u.head[mix(h)&uint64(len(u.head)-1)] - 1; w >= 0; w = u.next[w] - 1 {
		if u.hashes[w] == h && equalUnits(u.words[w], word) {
			return append(hits, dictHit{j: j, list: userInputsList, rank: u.ranks[w], word: u.words[w]})
		}
	}
	return hits
}

// protoKeys are the lower-case names every JavaScript object answers to
// through its prototype, so zxcvbn's `word of ranked_dict` finds them in
// every dictionary, with a rank that is not a number.
var protoKeys = [][]uint16{toUnits("constructor"), toUnits("__proto__")}

type dictHit struct {
	j, list, rank int
	proto         bool
	word          []uint16 // a user input's word as stored, which the match may share
}

// dictionaryMatch is zxcvbn's dictionary_match: every substring of the
// lower-cased password found in a ranked list, sorted by (i, j) and then by
// list order; the matches come from slab and are appended to matches.
func dictionaryMatch(pw []uint16, user *userWords, a *arena, matches []*match) []*match {
	lower := toLowerJS(pw)
	n := len(pw)
	x := words()
	var hits []dictHit
	for i := 0; i < n; i++ {
		hits = hits[:0]
		h := uint64(hashSeed)
		for j := i; j < n; j++ {
			h = hashStep(h, lower[j])
			inLists, inUser := x.mayPrefix(h), user.mayPrefix(h)
			if !inLists && !inUser {
				break
			}
			if inLists {
				x.lookup(h, lower[i:j+1], func(list, rank int) {
					hits = append(hits, dictHit{j: j, list: list, rank: rank})
				})
			}
			if inUser {
				hits = user.lookup(h, lower[i:j+1], j, hits)
			}
		}
		for _, key := range protoKeys {
			if i+len(key) > n || !equalUnits(lower[i:i+len(key)], key) {
				continue
			}
			j := i + len(key) - 1
			for list := 0; list <= userInputsList; list++ {
				own := false
				for _, hit := range hits {
					if hit.j == j && hit.list == list {
						own = true
					}
				}
				if !own {
					hits = append(hits, dictHit{j: j, list: list, proto: true})
				}
			}
		}
		sortHits(hits)
		for _, hit := range hits {
			m := a.match(match{kind: kindDictionary, list: uint8(hit.list), i: i, j: hit.j, rank: int32(hit.rank),
				word: lower[i : hit.j+1]})
			if hit.proto {
				m.flags = protoKey
			}
			matches = append(matches, m)
		}
	}
	return matches
}

// reverseDictionaryMatch is zxcvbn's reverse_dictionary_match: dictionary
// words spelled backwards, reported at their place in the password. Unlike
// zxcvbn it leaves them unsorted: omnimatch sorts. They are appended to
// matches.
func reverseDictionaryMatch(pw []uint16, user *userWords, a *arena, matches []*match) []*match {
	n := len(pw)
	rev := make([]uint16, n)
	for k, c := range pw {
		rev[n-1-k] = c
	}
	from := len(matches)
	matches = dictionaryMatch(rev, user, a, matches)
	for _, m := range matches[from:] {
		m.i, m.j = n-1-m.j, n-1-m.i
		m.flags |= reversed
	}
	return matches
}

// sortMatches is zxcvbn's `sorted`: a stable sort on (i, j), here as two
// stable counting sorts (by j, then by i), linear in the matches.
func sortMatches(ms []*match) {
	if len(ms) < 64 {
		insertionSort(ms, func(a, b *match) int {
			if a.i != b.i {
				return a.i - b.i
			}
			return a.j - b.j
		})
		return
	}
	n := 0
	for _, m := range ms {
		n = max(n, m.j+1)
	}
	tmp := make([]*match, len(ms))
	count := make([]int, n+1)
	countingSort(ms, tmp, count, func(m *match) int { return m.j })
	clear(count)
	countingSort(tmp, ms, count, func(m *match) int { return m.i })
}

func countingSort(src, dst []*match, count []int, key func(*match) int) {
	for _, m := range src {
		count[key(m)+1]++
	}
	for k := 1; k < len(count); k++ {
		count[k] += count[k-1]
	}
	for _, m := range src {
		k := key(m)
		dst[count[k]] = m
		count[k]++
	}
}

// sortHits orders a start's few hits by (j, list), by insertion.
func sortHits(hits []dictHit) {
	for a := 1; a < len(hits); a++ {
		for b := a; b > 0 && (hits[b].j < hits[b-1].j || hits[b].j == hits[b-1].j && hits[b].list < hits[b-1].list); b-- {
			hits[b], hits[b-1] = hits[b-1], hits[b]
		}
	}
}

// sortMatchesBy sorts on (i, j), then by less.
func sortMatchesBy(ms []*match, less func(a, b *match) bool) {
	stableSort(ms, nil, func(x, y *match) int {
		switch {
		case x.i != y.i:
			return x.i - y.i
		case x.j != y.j:
			return x.j - y.j
		case less(x, y):
			return -1
		case less(y, x):
			return 1
		}
		return 0
	})
}
