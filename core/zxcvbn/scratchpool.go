//go:build !(js && wasm)

package zxcvbn

import "sync"

// scratchPool keeps scratches between estimates. A sync.Pool suits a
// server: per-processor caches, and memory handed back to the collector
// when load falls. The wasm build has its own (scratchpool_wasm.go).
var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

func keepScratch(sc *scratch) { scratchPool.Put(sc) }
