package zxcvbn

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/passmeter/passmeter/core/zxcvbn/data"
)

// wordIndex finds a lower-cased substring in zxcvbn's frequency lists. The
// lists are embedded as plain ranked text, which compresses best; this
// index of positions into them is the one structure built at run time,
// once (on first use, or as the text arrives: IndexText), because storing
// it would cost more download than building it costs time (see
// BENCHMARKS.md). Words are grouped by hash
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

// The index is built once, on first use, or in steps while the lists'
// text arrives (IndexText, for the wasm build); index holds it once
// whole, building the steps' state, both under indexMu.
var (
	indexMu  sync.Mutex
	index    atomic.Pointer[wordIndex]
	building *indexBuild
)

func words() *wordIndex {
	if x := index.Load(); x != nil {
		return x
	}
	indexMu.Lock()
	defer indexMu.Unlock()
	if x := index.Load(); x != nil {
		return x
	}
	return finishIndex()
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

// IndexText builds as much of the word index as the first n bytes of
// data.Text allow. It is for a program that is handed the lists' text
// after it has started (the wasm module, whose lists the shim writes in
// while they download): each call hashes the words that have arrived, and
// a call with n at least len(data.Text) completes the index, so the first
// estimate finds it ready. Until then no estimate may run: see
// TextComplete. Without IndexText the first estimate builds the whole
// index at once.
func IndexText(n int) {
	indexMu.Lock()
	defer indexMu.Unlock()
	if index.Load() != nil {
		return
	}
	if n < len(data.Text) {
		builder().hash(n)
		return
	}
	finishIndex()
}

// TextComplete reports whether data.Text is all there: its last byte, a
// space, is the last to be written by a program given the text after start.
func TextComplete() bool {
	t := data.Text
	return len(t) > 0 && t[len(t)-1] == ' '
}

// finishIndex hashes what is left, places every word and publishes the
// index; indexMu is held.
func finishIndex() *wordIndex {
	b := builder()
	b.hash(len(data.Text))
	x := b.place()
	index.Store(x)
	building = nil
	return x
}

// indexBuild is the index under construction. Words are numbered in
// data.Text's order (the lists in data.TextOrder), the order they arrive
// in; a word's rank is its number less its list's first word's, plus one.
type indexBuild struct {
	x       *wordIndex
	buckets []uint16 // word w's bucket
	k       int      // the list being hashed is data.TextOrder[k]
	at      int      // where in data.Text that list starts
	off     int      // how far into it the words are hashed
}

func builder() *indexBuild {
	if building == nil {
		building = newIndexBuild()
	}
	return building
}

func newIndexBuild() *indexBuild {
	return &indexBuild{
		x:       &wordIndex{start: make([]uint32, 1<<bucketBits+1), prefixes: make([]uint64, prefixBits/64)},
		buckets: make([]uint16, 0, len(data.Text)/8), // words average 8.3 bytes with their space
	}
}

// hash hashes every word not hashed yet that ends, its space included,
// within data.Text[:n].
func (b *indexBuild) hash(n int) {
	for ; b.k < len(data.TextOrder); b.k++ {
		l := data.Lists[data.TextOrder[b.k]]
		limit := min(n-b.at, len(l))
		for b.off < limit {
			off, buckets := b.x.hashWords(l[:limit], b.off, b.buckets)
			if off == b.off {
				return // the rest of the word has not arrived
			}
			b.off, b.buckets = off, buckets
		}
		if b.off < len(l) {
			return
		}
		b.at += len(l)
		b.off = 0
	}
}

// place puts every word into its bucket: the counting sort's second pass,
// which needs every bucket's count.
func (b *indexBuild) place() *wordIndex {
	x := b.x
	x.entries = make([]uint64, len(b.buckets))
	for i := 1; i < len(x.start); i++ {
		x.start[i] += x.start[i-1]
	}
	next := make([]uint32, 1<<bucketBits)
	copy(next, x.start)
	w := 0
	for _, li := range data.TextOrder {
		l := data.Lists[li]
		first := w
		for off := 0; off < len(l); {
			off, w = x.placeWords(int(li), l, off, w, first, b.buckets, next)
		}
	}
	return x
}

// hashWords hashes up to chunkWords whole words of l (a list, or as much
// of it as has arrived) from byte off on: it sets their prefixes' bits,
// appends their buckets and counts them per bucket. It returns where it
// stopped.
//
//go:noinline
func (x *wordIndex) hashWords(l string, off int, buckets []uint16) (int, []uint16) {
	prefixes, start := x.prefixes[:prefixBits/64], x.start[:1<<bucketBits+1]
	for n := 0; n < chunkWords; n++ {
		sp := strings.IndexByte(l[off:], ' ')
		if sp < 0 {
			break
		}
		end := off + sp
		h := uint64(hashSeed)
		for _, c := range []byte(l[off:end]) {
			h = hashStep(h, uint16(c))
			p := mix(h) & (prefixBits - 1)
			prefixes[p>>6] |= 1 << (p & 63)
		}
		b := bucketOf(h)
		buckets = append(buckets, uint16(b))
		start[b+1]++
		off = end + 1
	}
	return off, buckets
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
