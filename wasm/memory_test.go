//go:build js && wasm

package main

import (
	"runtime"
	"syscall/js"
	"testing"
)

// 10,000 calls in a row, good and bad, leave the Go heap and the linear
// memory (runtime.MemStats.Sys: what the runtime has taken with
// memory.grow) where they were after a warm-up.
func TestMemoryStable(t *testing.T) {
	reqs := sampleRequests()
	values := make([]js.Value, len(reqs))
	for i, r := range reqs {
		values[i] = fromJSON(t, r)
	}
	bad := jsEval(`{password: "x", user_inputs: "not an array"}`)
	calls := func(n int) {
		for i := 0; i < n; i++ {
			req := values[i%len(values)]
			if i%100 == 99 {
				req = bad
			}
			r := js.Global().Call("strengthCheck", req)
			if i%1000 == 0 && r.Get("status_code").Type() != js.TypeNumber {
				t.Fatalf("call %d: %s", i, toJSON(r))
			}
		}
	}
	stats := func() runtime.MemStats {
		runtime.GC()
		runtime.GC() // the second pass frees what the first one's finalizers released
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m
	}
	calls(1000)
	before := stats()
	calls(10000)
	after := stats()
	t.Logf("after warm-up: heap %d KB, sys %d KB; after 10,000 calls: heap %d KB, sys %d KB",
		before.HeapAlloc>>10, before.Sys>>10, after.HeapAlloc>>10, after.Sys>>10)
	const slack = 2 << 20
	if after.HeapAlloc > before.HeapAlloc+slack {
		t.Errorf("heap grew from %d to %d bytes over 10,000 calls", before.HeapAlloc, after.HeapAlloc)
	}
	if after.Sys > before.Sys+slack {
		t.Errorf("memory grew from %d to %d bytes over 10,000 calls", before.Sys, after.Sys)
	}
}
