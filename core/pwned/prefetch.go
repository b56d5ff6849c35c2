package pwned

import "io"

// prefetch reads r ahead in another goroutine, in blocks of size bytes,
// at most depth of them ahead: the read system calls (the kernel copying
// the corpus out of the page cache, about half of an import's CPU time)
// then run beside the parsing instead of between its steps.
type prefetch struct {
	blocks chan block
	free   chan []byte
	done   chan struct{}
	cur    []byte
	buf    []byte // cur's whole block, to give back
	err    error
}

type block struct {
	b   []byte
	err error
}

func newPrefetch(r io.Reader, size, depth int) *prefetch {
	p := &prefetch{blocks: make(chan block, depth), free: make(chan []byte, depth+1), done: make(chan struct{})}
	for range depth + 1 {
		p.free <- make([]byte, size)
	}
	go func() {
		defer close(p.blocks)
		for {
			var b []byte
			select {
			case b = <-p.free:
			case <-p.done:
				return
			}
			// One Read, not ReadFull: a pipe's lines are passed on as they
			// come.
			n, err := r.Read(b)
			if n == 0 && err == nil {
				p.free <- b
				continue
			}
			select {
			case p.blocks <- block{b[:n], err}:
			case <-p.done:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	return p
}

func (p *prefetch) Read(dst []byte) (int, error) {
	for len(p.cur) == 0 {
		if p.err != nil {
			return 0, p.err
		}
		if p.buf != nil {
			p.free <- p.buf[:cap(p.buf)]
			p.buf = nil
		}
		blk, ok := <-p.blocks
		if !ok {
			return 0, io.EOF
		}
		p.cur, p.buf, p.err = blk.b, blk.b, blk.err
	}
	n := copy(dst, p.cur)
	p.cur = p.cur[n:]
	return n, nil
}

// Close tells the reading goroutine to stop. It does not wait: the
// goroutine may be blocked reading a pipe, and ends when that read does
// (closing the underlying reader, the caller's job, ends it too).
func (p *prefetch) Close() { close(p.done) }
