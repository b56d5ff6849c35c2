//go:build js && wasm

package main

import (
	"errors"
	"syscall/js"

	"github.com/passmeter/passmeter/core"
)

// jsJSON is the page's JSON object. Requests and responses cross the
// boundary as one JSON string each way: two calls per request instead of
// a js.Value round trip per field, and the response keeps the key order
// of the Go struct, which js.ValueOf(map) would not.
var jsJSON = js.Global().Get("JSON")

// response is what core's responses implement: JSON in their fixed field
// order, written without reflection. The module uses no encoding/json, so
// the .wasm carries no reflection-based encoder.
type response interface {
	AppendJSON(b []byte) []byte
}

// handler answers one request given as JSON. JSON.stringify has already
// written lone UTF-16 surrogates as \udXXX escapes, which core's decoder
// refuses, naming the field, rather than scoring text nobody typed.
type handler func(body []byte) (response, error)

// bridge wraps a handler as a js.FuncOf callback that never lets a panic
// reach the Go runtime: a panic would end the program and every later call.
// It is not inlined: inlined in register, it made a copy of the closure
// for each global (2.3 KB of code each).
//
//go:noinline
func bridge(h handler) func(this js.Value, args []js.Value) any {
	return func(_ js.Value, args []js.Value) (result any) {
		defer func() {
			if p := recover(); p != nil {
				result = errorObject(500, "internal_error", "passmeter: internal error: "+panicText(p), "")
			}
		}()
		var req js.Value // undefined when called without an argument
		if len(args) > 0 {
			req = args[0]
		}
		body, err := stringify(req)
		var resp response
		if err == nil {
			resp, err = h(body)
		}
		if err != nil {
			return errorObject(errorParts(err))
		}
		out = resp.AppendJSON(out[:0])
		return jsJSON.Call("parse", string(out))
	}
}

// out is the response buffer, kept between calls (the module runs one call
// at a time) so that a response is not grown from nothing every time.
var out = make([]byte, 0, 4096)

// stringify is JSON.stringify(v). What it cannot serialise (undefined, a
// function, a BigInt, a cycle, a throwing getter) is the caller's fault.
func stringify(v js.Value) (body []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			jerr, ok := p.(js.Error)
			if !ok {
				panic(p)
			}
			msg := js.Global().Call("String", jerr.Value).String()
			err = &core.RequestError{Message: "request is not plain data: " + msg}
		}
	}()
	s := jsJSON.Call("stringify", v)
	if s.Type() != js.TypeString {
		return nil, &core.RequestError{Message: "request must be an object"}
	}
	return []byte(s.String()), nil
}

// errorParts says how err is reported: a request's fault is a 400 naming
// the field, anything else a 500.
func errorParts(err error) (status int, errorType, message, field string) {
	re, ok := errors.AsType[*core.RequestError](err) // not errors.As, which links reflectlite (13 KB)
	if !ok {
		return 500, "internal_error", err.Error(), ""
	}
	return 400, re.ErrorType(), re.Error(), re.Field
}

func panicText(p any) string {
	switch p := p.(type) {
	case error:
		return p.Error()
	case string:
		return p
	}
	return "unexpected panic"
}

// errorObject builds Stytch's error shape plus the field at fault ("" for
// the request as a whole). It sets the keys one by one rather than going
// through JSON.parse so that it still works when JSON is what failed; the
// extra crossings only cost on the error path.
func errorObject(status int, errorType, message, field string) js.Value {
	o := js.Global().Get("Object").New()
	o.Set("status_code", status)
	o.Set("error_type", errorType)
	o.Set("error_message", message)
	o.Set("field", field)
	return o
}
