//go:build js && wasm

package zxcvbn

import "sync"

// In WebAssembly, scratches are kept on a short free list rather than in a
// sync.Pool (4.5 KB of the module's brotli size): the module has one
// thread, so a per-processor cache buys nothing, and a page scores one
// password at a time, so one scratch is all it uses; the lock only keeps
// the list sound should goroutines ever interleave estimates.
var (
	scratchMu   sync.Mutex
	scratchFree []*scratch
)

const maxFreeScratches = 4

func getScratch() *scratch {
	scratchMu.Lock()
	defer scratchMu.Unlock()
	if n := len(scratchFree); n > 0 {
		sc := scratchFree[n-1]
		scratchFree[n-1] = nil
		scratchFree = scratchFree[:n-1]
		return sc
	}
	return new(scratch)
}

func keepScratch(sc *scratch) {
	scratchMu.Lock()
	defer scratchMu.Unlock()
	if len(scratchFree) < maxFreeScratches {
		scratchFree = append(scratchFree, sc)
	}
}
