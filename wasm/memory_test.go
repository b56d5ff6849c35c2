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

// A 10⁸-character password, or a request whose JSON is over the limit,
// is refused with an error naming the field, and linear memory does not
// grow: nothing of it is copied into Go. The shim's fast path refuses it
// too (passmeter_input gives no room, and the shim turns to the global).
func TestHugeRequestsLeaveMemoryAlone(t *testing.T) {
	mustWork(t, "warm-up")
	sys := func() uint64 {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.Sys
	}
	before := sys()
	for _, c := range []struct {
		expr, field string
		status      int
	}{
		{`{password: "a".repeat(1e8)}`, "password", 400},
		{`{password: "a".repeat(16385)}`, "password", 400},
		{`{password: "x", junk: "a".repeat(1e7)}`, "", 413}, // as serve's body limit
		{`{password: "x", user_inputs: Array(1e5).fill("aaaaaaaaaa")}`, "user_inputs", 400},
		{`{password: "x", user_inputs: Array(1025).fill(null)}`, "user_inputs", 400},
	} {
		r := js.Global().Call("strengthCheck", jsEval(c.expr))
		if r.Get("status_code").Int() != c.status || r.Get("field").String() != c.field {
			t.Errorf("%.40s: %s", c.expr, toJSON(r))
		}
	}
	if grown := sys() - before; grown > 2<<20 {
		t.Errorf("linear memory grew by %d KiB", grown>>10)
	}
	if at := exportInput(3e8); at != 0 {
		t.Errorf("passmeter_input(3e8) = %d, want 0 (no room)", at)
	}
	if grown := sys() - before; grown > 2<<20 {
		t.Errorf("linear memory grew by %d KiB after passmeter_input", grown>>10)
	}
	mustWork(t, "the huge requests")
}
