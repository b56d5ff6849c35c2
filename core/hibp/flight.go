package hibp

import (
	"context"
	"sync"
)

// flights makes one request per prefix at a time, shared by every caller
// who needs that prefix meanwhile: under load many passwords share a
// prefix (there are only 16⁵), and a slow endpoint would otherwise get one
// request per caller for the same range.
type flights struct {
	mu      sync.Mutex
	pending map[string]*flight
}

// flight is one request in progress; done is closed once rg and err are set.
type flight struct {
	done chan struct{}
	rg   *Range
	err  error
}

// do returns fetch(prefix)'s answer, running fetch only if no request for
// prefix is in progress, else waiting for that one. fetch runs on a
// context of its own (the first caller's values, none of its
// cancellation), so that a caller who gives up does not fail the others;
// a caller stops waiting when its own ctx ends. shared says the answer
// came from another caller's request.
func (f *flights) do(ctx context.Context, prefix string, fetch func(context.Context) (*Range, error)) (rg *Range, shared bool, err error) {
	f.mu.Lock()
	if f.pending == nil {
		f.pending = map[string]*flight{}
	}
	fl, ok := f.pending[prefix]
	if !ok {
		fl = &flight{done: make(chan struct{})}
		f.pending[prefix] = fl
		go func() {
			fl.rg, fl.err = fetch(context.WithoutCancel(ctx))
			f.mu.Lock()
			delete(f.pending, prefix)
			f.mu.Unlock()
			close(fl.done)
		}()
	}
	f.mu.Unlock()
	select {
	case <-fl.done:
		return fl.rg, ok, fl.err
	case <-ctx.Done():
		return nil, ok, ctx.Err()
	}
}
