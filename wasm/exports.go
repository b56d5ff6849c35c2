//go:build js && wasm

package main

import (
	"runtime"
	"unsafe"

	"github.com/passmeter/passmeter/core"
	"github.com/passmeter/passmeter/core/zxcvbn"
)

// The shim's fast path. A js.FuncOf call wakes a goroutine through the Go
// scheduler and crosses into JavaScript four more times (stringify,
// reading the string, making the answer's string, parse); measured under
// Node, a FuncOf round trip alone costs 23-36 µs, a //go:wasmexport call
// about 1 µs. So the shim calls these exports instead, with the same JSON
// text in and out through linear memory:
//
//	p := passmeter_input(maxBytes)        // room for the request's UTF-8 (0: too large, use the global)
//	n := passmeter_strength(len, rule)    // rule: the breach rule's bits (convert.go); or passmeter_security(len)
//	JSON.parse(UTF-8 at passmeter_output(), n bytes)
//
// The JSON.stringify and JSON.parse are the shim's, the same functions the
// globals call. A request that JSON.stringify rejects goes to the globals,
// which report it. An error comes back as core.Error.AppendJSON writes it, the keys
// errorObject sets.

// in holds the request; the GC does not move it, so its address stays
// valid until the next passmeter_input grows it.
var in = make([]byte, 0, 4096)

// maxInput is the most room passmeter_input gives: the shim asks for 3
// bytes per UTF-16 unit of the request's JSON, and a request over
// core.MaxRequestBytes is refused anyway. Asked for more, it answers 0
// and the shim hands the request to the global, which refuses it without
// copying it in: linear memory, once grown, never shrinks.
const maxInput = 3 * core.MaxRequestBytes

//go:wasmexport passmeter_input
func exportInput(size uint32) uint32 {
	if size > maxInput {
		return 0
	}
	if cap(in) < int(size) {
		in = make([]byte, 0, size)
	}
	return uint32(uintptr(unsafe.Pointer(unsafe.SliceData(in[:1]))))
}

//go:wasmexport passmeter_output
func exportOutput() uint32 {
	return uint32(uintptr(unsafe.Pointer(unsafe.SliceData(out[:1]))))
}

// passmeter_words(n) tells the module that the first n bytes of the word
// lists' text are in memory. A module built with wasmshrink -split-words
// carries the text as its last data segment, which the shim leaves out of
// what it compiles: it starts the module on the rest and writes the text
// to its address while it downloads, calling this after each piece, so
// the word index is built as the text arrives (zxcvbn.IndexText). A module
// instantiated whole never needs it.
//
//go:wasmexport passmeter_words
func exportWords(n uint32) (ok uint32) {
	defer func() {
		if recover() != nil {
			ok = 0
		}
	}()
	zxcvbn.IndexText(int(n))
	return 1
}

//go:wasmexport passmeter_strength
func exportStrength(n, rule uint32) uint32 {
	return answer(strengthCheck, n, ruleFromBits(rule))
}

//go:wasmexport passmeter_security
func exportSecurity(n uint32) uint32 {
	return answer(securityLevel, n, core.BreachRule{})
}

// answer runs h on the request's n bytes and leaves its JSON in out,
// returning the length. Like bridge, it keeps a panic from reaching the
// runtime: a panic here would end the program.
func answer(h handler, n uint32, rule core.BreachRule) (size uint32) {
	defer func() {
		if p := recover(); p != nil {
			out = core.InternalError(panicText(p)).AppendJSON(out[:0])
			size = uint32(len(out))
		}
	}()
	if int(n) > cap(in) {
		out = core.InternalError("request longer than its buffer").AppendJSON(out[:0])
		return uint32(len(out))
	}
	if resp, err := h(in[:n], rule); err == nil {
		out = appendAnswer(out[:0], resp)
	} else {
		out = core.ErrorOf(err).AppendJSON(out[:0])
	}
	// An export returns to JavaScript without passing through the
	// scheduler, so the garbage collector's own goroutines (its mark
	// workers, the sweeper) would never get a turn and cycles would end
	// only through allocation assists: the heap then grows further (under
	// Node, over the browser benchmark's passwords, the peak linear memory
	// went from 28.5 to 43 MiB). Yielding here lets them run, as they do
	// after a js.FuncOf call.
	runtime.Gosched()
	return uint32(len(out))
}
