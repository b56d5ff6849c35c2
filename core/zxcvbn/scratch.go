package zxcvbn

import "sync"

// scratch is the memory an estimate works in. A pool keeps it between
// estimates, so that a server or a page scoring password after password
// reuses it rather than making the garbage collector run every few calls:
// a 4,096-unit password makes tens of thousands of matches.
type scratch struct {
	slab   matchSlab
	search search
	lists  []*match // the dictionary matchers' answers
	out    []*match // omnimatch's answer
	// listsHigh and outHigh are how much of lists and out any use in
	// this estimate reached: what putScratch clears.
	listsHigh, outHigh int
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

// putScratch returns sc to the pool once nothing it holds is in use; it
// keeps no pointer into the password or the matches.
func putScratch(sc *scratch) {
	sc.slab.reset()
	sc.search.release()
	clear(sc.lists[:sc.listsHigh])
	clear(sc.out[:sc.outHigh])
	sc.listsHigh, sc.outHigh = 0, 0
	scratchPool.Put(sc)
}

// matchSlab hands out matches from chunks, so that the thousands a long
// password yields cost a few allocations rather than one each, and none
// once the chunks are reused.
type matchSlab struct {
	chunks [][]match
	cur    int // the chunk in use
	used   int // how much of it
}

const maxSlabChunk = 1024

func (s *matchSlab) new() *match {
	if s.cur < len(s.chunks) && s.used == len(s.chunks[s.cur]) {
		s.cur, s.used = s.cur+1, 0
	}
	if s.cur == len(s.chunks) {
		size := 16
		if s.cur > 0 {
			size = min(2*len(s.chunks[s.cur-1]), maxSlabChunk)
		}
		s.chunks = append(s.chunks, make([]match, size))
	}
	m := &s.chunks[s.cur][s.used]
	s.used++
	return m
}

// reset clears the matches handed out, which point into a password.
func (s *matchSlab) reset() {
	for c := 0; c < s.cur && c < len(s.chunks); c++ {
		clear(s.chunks[c])
	}
	if s.cur < len(s.chunks) {
		clear(s.chunks[s.cur][:s.used])
	}
	s.cur, s.used = 0, 0
}
