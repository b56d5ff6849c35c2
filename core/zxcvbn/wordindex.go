package zxcvbn

import (
	"strings"
	"sync"

	"github.com/passmeter/passmeter/core/zxcvbn/data"
)

// wordIndex finds a lower-cased substring in zxcvbn's frequency lists. The
// lists are embedded as plain ranked text, which compresses best; this
// index of positions into them is the one structure built at run time,
// once, on first use, because storing it would cost more download than
// building it costs time (see BENCHMARKS.md). Words are grouped by hash
// bucket with a counting sort, which touches memory in order and so builds
// faster than an open-addressed table, on the first score's path.
type wordIndex struct {
	start    []uint32 // bucket b's words are entries[start[b]:start[b+1]]
	entries  []uint64 // list<<56 | rank<<32 | offset<<8 | length
	prefixes []uint64 // bit hash(p)&prefixMask is set for every prefix p of every word
}

const bucketBits = 16

func bucketOf(h uint64) uint64 { return mix(h) >> (64 - bucketBits) }

const prefixBits = 1 << 21

var (
	indexOnce sync.Once
	index     *wordIndex
)

func words() *wordIndex {
	indexOnce.Do(func() { index = buildWordIndex() })
	return index
}

func hashStep(h uint64, c uint16) uint64 { return (h ^ uint64(c)) * 0x100000001b3 }

const hashSeed = 0xcbf29ce484222325

func mix(h uint64) uint64 {
	h ^= h >> 31
	h *= 0x9e3779b97f4a7c15
	return h ^ h>>29
}

// chunkWords is how many words one call of hashWords or placeWords takes
// on. In WebAssembly, V8 first runs a function as baseline code and
// switches to optimised code only at a later call, never inside a loop
// already running; building the index in many short calls lets most of it
// run optimised on the first score's path (in Chromium: about 33 ms
// building in one call, measured on the first score).
const chunkWords = 512

// countChunk is the size of the pieces the separators are counted in, for
// the same reason.
const countChunk = 1 << 14

func buildWordIndex() *wordIndex {
	n := 0
	for _, l := range data.Lists {
		for i := 0; i < len(l); i += countChunk {
			n += countWords(l[i:min(i+countChunk, len(l))])
		}
	}
	x := &wordIndex{start: make([]uint32, 1<<bucketBits+1), entries: make([]uint64, n), prefixes: make([]uint64, prefixBits/64)}
	buckets := make([]uint16, n)
	w := 0
	for _, l := range data.Lists {
		for off := 0; off < len(l); {
			off, w = x.hashWords(l, off, w, buckets)
		}
	}
	for b := 1; b < len(x.start); b++ {
		x.start[b] += x.start[b-1]
	}
	next := make([]uint32, 1<<bucketBits)
	copy(next, x.start)
	w = 0
	for li, l := range data.Lists {
		first := w
		for off := 0; off < len(l); {
			off, w = x.placeWords(li, l, off, w, first, buckets, next)
		}
	}
	return x
}

//go:noinline
func countWords(s string) int { return strings.Count(s, " ") }

// hashWords hashes up to chunkWords words of list l from byte off on,
// word number w on: it sets their prefixes' bits, notes their buckets and
// counts them per bucket. It returns where it stopped.
//
//go:noinline
func (x *wordIndex) hashWords(l string, off, w int, buckets []uint16) (int, int) {
	prefixes, start := x.prefixes[:prefixBits/64], x.start[:1<<bucketBits+1]
	for stop := w + chunkWords; off < len(l) && w < stop; w++ {
		end := off + strings.IndexByte(l[off:], ' ')
		h := uint64(hashSeed)
		for _, c := range []byte(l[off:end]) {
			h = hashStep(h, uint16(c))
			p := mix(h) & (prefixBits - 1)
			prefixes[p>>6] |= 1 << (p & 63)
		}
		b := bucketOf(h)
		buckets[w] = uint16(b)
		start[b+1]++
		off = end + 1
	}
	return off, w
}

// placeWords puts up to chunkWords words of list li into their buckets'
// next free entries; first is the list's first word number, so a word's
// rank is w-first+1. It returns where it stopped.
//
//go:noinline
func (x *wordIndex) placeWords(li int, l string, off, w, first int, buckets []uint16, next []uint32) (int, int) {
	for stop := w + chunkWords; off < len(l) && w < stop; w++ {
		end := off + strings.IndexByte(l[off:], ' ')
		b := buckets[w]
		x.entries[next[b]] = uint64(li)<<56 | uint64(w-first+1)<<32 | uint64(off)<<8 | uint64(end-off)
		next[b]++
		off = end + 1
	}
	return off, w
}

func (x *wordIndex) mayPrefix(h uint64) bool {
	p := mix(h) & (prefixBits - 1)
	return x.prefixes[p>>6]&(1<<(p&63)) != 0
}

// lookup calls found(list, rank) for each list holding word, whose hash is h.
// A list holds each word once, so found sees a list at most once; zxcvbn's
// list order is restored by the caller.
func (x *wordIndex) lookup(h uint64, word []uint16, found func(list, rank int)) {
	b := bucketOf(h)
	for _, v := range x.entries[x.start[b]:x.start[b+1]] {
		length := int(v & 0xff)
		if length != len(word) {
			continue
		}
		li := int(v >> 56)
		off := int(v >> 8 & 0xffffff)
		text := data.Lists[li][off : off+length]
		same := true
		for k := 0; k < length; k++ {
			if uint16(text[k]) != word[k] {
				same = false
				break
			}
		}
		if same {
			found(li, int(v>>32&0xffffff))
		}
	}
}
