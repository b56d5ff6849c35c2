package zxcvbn

// scratch is the memory an estimate works in. A pool keeps it between
// estimates, so that a server or a page scoring password after password
// reuses it rather than making the garbage collector run every few calls:
// a 4,096-unit password makes tens of thousands of matches.
type scratch struct {
	arena  arena
	search search
	lists  []*match // the dictionary matchers' answers
	out    []*match // omnimatch's answer
	// listsHigh and outHigh are how much of lists and out any use in
	// this estimate reached: what putScratch clears.
	listsHigh, outHigh int

	// ints is a stack of int32 buffers for the repeat matcher, which nests
	// (a repeat's base is scored by every matcher again); intsTop is its
	// top. gramKeys and gramLast are the table a square finder is built
	// with, reach the places one looks at; neither is in use across a
	// nested call.
	ints     []int32
	intsTop  int
	gramKeys []uint64
	gramLast []int32
	reach    []int32
}

// takeInts hands out n int32s from the stack. What was taken before stays
// valid when the stack grows: it stays in the old array.
func (sc *scratch) takeInts(n int) []int32 {
	if sc.intsTop+n > len(sc.ints) {
		sc.ints = make([]int32, max(2*len(sc.ints), sc.intsTop+n))
	}
	s := sc.ints[sc.intsTop : sc.intsTop+n : sc.intsTop+n]
	sc.intsTop += n
	return s
}

// dropInts gives back everything takeInts handed out since mark.
func (sc *scratch) dropInts(mark int) { sc.intsTop = mark }

// gramTable returns the square finder's table with size slots, empty.
func (sc *scratch) gramTable(size int) ([]uint64, []int32) {
	if len(sc.gramLast) < size {
		sc.gramKeys, sc.gramLast = make([]uint64, size), make([]int32, size)
	}
	last := sc.gramLast[:size]
	for k := range last {
		last[k] = -1
	}
	return sc.gramKeys[:size], last
}

// putScratch returns sc to the pool once nothing it holds is in use; it
// keeps no pointer into the password or the matches.
func putScratch(sc *scratch) {
	sc.arena.reset()
	sc.search.release()
	clear(sc.lists[:sc.listsHigh])
	clear(sc.out[:sc.outHigh])
	sc.listsHigh, sc.outHigh = 0, 0
	sc.intsTop = 0
	keepScratch(sc)
}

// arena holds an estimate's matches and their extras. A long password
// yields tens of thousands of matches (dates and keyboard runs among
// digits, l33t readings); one allocation each made the garbage collector,
// which in WebAssembly runs on the page's thread, a large part of the
// time, and none once the chunks are reused.
type arena struct {
	matches slab[match]
	extras  slab[matchExtra]
}

// match returns a match in the arena holding m.
func (a *arena) match(m match) *match {
	p := a.matches.new()
	*p = m
	return p
}

// extra returns a matchExtra in the arena holding x.
func (a *arena) extra(x matchExtra) *matchExtra {
	p := a.extras.new()
	*p = x
	return p
}

func (a *arena) reset() {
	a.matches.reset()
	a.extras.reset()
}

// slab hands out values from chunks that double up to maxSlabChunk.
type slab[T any] struct {
	chunks [][]T
	cur    int // the chunk in use
	used   int // how much of it
}

const maxSlabChunk = 1024

func (s *slab[T]) new() *T {
	if s.cur < len(s.chunks) && s.used == len(s.chunks[s.cur]) {
		s.cur, s.used = s.cur+1, 0
	}
	if s.cur == len(s.chunks) {
		size := 16
		if s.cur > 0 {
			size = min(2*len(s.chunks[s.cur-1]), maxSlabChunk)
		}
		s.chunks = append(s.chunks, make([]T, size))
	}
	v := &s.chunks[s.cur][s.used]
	s.used++
	return v
}

// reset clears the values handed out, which point into a password.
func (s *slab[T]) reset() {
	for c := 0; c < s.cur && c < len(s.chunks); c++ {
		clear(s.chunks[c])
	}
	if s.cur < len(s.chunks) {
		clear(s.chunks[s.cur][:s.used])
	}
	s.cur, s.used = 0, 0
}
