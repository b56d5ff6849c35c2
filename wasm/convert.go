//go:build js && wasm

package main

import (
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

// forJS is a response with numbers JSON cannot spell (a crack time that
// overflows to Infinity in zxcvbn.js): its JSON for JSON.parse writes them
// so that JSON.parse gives them back.
type forJS interface {
	AppendJSONForJS(b []byte) []byte
}

// appendAnswer writes resp as the JSON text JavaScript parses. Lone
// surrogates in it are \udXXX escapes, which JSON.parse turns back into
// the very units zxcvbn.js would return.
func appendAnswer(b []byte, resp response) []byte {
	if r, ok := resp.(forJS); ok {
		return r.AppendJSONForJS(b)
	}
	return resp.AppendJSON(b)
}

// handler answers one request given as JSON. JSON.stringify has already
// written lone UTF-16 surrogates as \udXXX escapes (so the text is plain
// UTF-8 and js.Value.String, which would turn them into U+FFFD, loses
// nothing); core's decoder keeps them as the units they were. rule is the
// breach rule the caller follows (strengthCheck's only).
type handler func(body []byte, rule core.BreachRule) (response, error)

// ruleFromBits is the breach rule passmeter_strength is given, in
// core's bits: the shim's strengthCheck passes its load({hibp}) settings
// so.
func ruleFromBits(bits uint32) core.BreachRule {
	return core.BreachRule{Enabled: bits&core.BreachRuleEnabled != 0, WithoutEmail: bits&core.BreachRuleWithoutEmail != 0}
}

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
				result = errorObject(core.InternalError(panicText(p)))
			}
		}()
		var req js.Value // undefined when called without an argument
		if len(args) > 0 {
			req = args[0]
		}
		if err := tooLarge(req); err != nil {
			return errorObject(core.ErrorOf(err))
		}
		body, err := stringify(req)
		var resp response
		if err == nil {
			resp, err = h(body, core.BreachRule{}) // the rule rides on the export only (exports.go)
		}
		if err != nil {
			return errorObject(core.ErrorOf(err))
		}
		out = appendAnswer(out[:0], resp)
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
			err = core.RequestFault("", "request is not plain data: "+msg)
		}
	}()
	s := jsJSON.Call("stringify", jsonSafeInputs(v))
	if s.Type() != js.TypeString {
		return nil, core.RequestFault("", "request must be an object")
	}
	// Measured before it is copied: each UTF-16 unit is a byte or more of
	// UTF-8, so a text longer than the limit in units is over it in bytes.
	if stringLength(s) > core.MaxRequestBytes {
		return nil, core.RequestTooLargeError()
	}
	return []byte(s.String()), nil
}

// tooLarge refuses, before anything is copied into linear memory (which,
// once grown, stays grown), a request whose password is over core's
// limit: its length is read as a JavaScript string's, in UTF-16 units,
// which is how core measures it.
func tooLarge(req js.Value) error {
	if !isType(req, js.TypeObject) {
		return nil
	}
	if pw := ownValue(req, "password"); isType(pw, js.TypeString) {
		if err := core.PasswordLengthError(stringLength(pw)); err != nil {
			return err
		}
	}
	// jsonSafeInputs reads each input: a long array would fill Go's table
	// of JavaScript references first.
	if in := ownValue(req, "user_inputs"); isType(in, js.TypeObject) && jsArray.Call("isArray", in).Bool() {
		return core.UserInputsCountError(in.Length())
	}
	return nil // a wrong type is core's to name
}

// isType reports whether v is of type t; a BigInt is of none.
func isType(v js.Value, t js.Type) bool {
	vt, known := typeOf(v)
	return known && vt == t
}

// ownValue is the own data property key of v, as JSON.stringify would
// read it, or undefined; a getter is not called here but left to
// stringify, which reports one that throws.
func ownValue(v js.Value, key string) js.Value {
	d := jsObject.Call("getOwnPropertyDescriptor", v, key)
	if d.Type() != js.TypeObject {
		return js.Undefined()
	}
	return d.Get("value")
}

// stringLength is s.length for a JavaScript string, read without copying
// it (js.Value.Length wants an object): through its String wrapper.
func stringLength(s js.Value) int { return jsObject.Invoke(s).Get("length").Int() }

// jsonSafeInputs returns req, or a copy of it whose user_inputs JSON can
// carry as zxcvbn.js sees them, as the shim's replacer does
// (web/src/exports.js): NaN and ±Infinity, which JSON.stringify would make
// null (zxcvbn keeps them as "nan", "infinity"), go as their String(); an
// object (which JSON.stringify may unwrap, as new Number(1), a Date or
// anything with toJSON) or a BigInt (which it refuses) goes as null, which
// core skips as zxcvbn skips them. Most requests need no copy: the check
// reads each input once.
func jsonSafeInputs(req js.Value) js.Value {
	if t, known := typeOf(req); !known || t != js.TypeObject {
		return req
	}
	inputs := req.Get("user_inputs")
	if t, known := typeOf(inputs); !known || t != js.TypeObject || !jsArray.Call("isArray", inputs).Bool() {
		return req
	}
	var fixed js.Value // undefined until an input needs it
	for i, n := 0, inputs.Length(); i < n; i++ {
		var to any
		it := inputs.Index(i)
		switch t, known := typeOf(it); {
		case !known || t == js.TypeObject: // a BigInt is the one js.Type does not know
			to = nil
		case t == js.TypeNumber:
			// JavaScript's spelling, which the module does not carry
			// (core/internal/userinput/number_js.go)
			to = js.Global().Call("String", it)
		default:
			continue
		}
		if fixed.IsUndefined() {
			fixed = inputs.Call("slice")
		}
		fixed.SetIndex(i, to)
	}
	if fixed.IsUndefined() {
		return req
	}
	c := jsObject.Call("assign", jsObject.New(), req)
	c.Set("user_inputs", fixed)
	return c
}

// typeOf is v.Type(), which panics on a BigInt (wasm_exec.js gives it no
// type flag): known is false then.
func typeOf(v js.Value) (t js.Type, known bool) {
	defer func() {
		if recover() != nil {
			known = false
		}
	}()
	return v.Type(), true
}

var (
	jsArray  = js.Global().Get("Array")
	jsObject = js.Global().Get("Object")
)

func panicText(p any) string {
	switch p := p.(type) {
	case error:
		return p.Error()
	case string:
		return p
	}
	return "unexpected panic"
}

// errorObject is e as a JavaScript object with the keys, in the order,
// of its JSON (core.Error.AppendJSON): status_code, request_id,
// error_type, error_message, error_url and field. It sets them one by one
// rather than going through JSON.parse so that it still works when JSON
// is what failed; the extra crossings only cost on the error path.
func errorObject(e *core.Error) js.Value {
	o := jsObject.New()
	o.Set("status_code", e.Status)
	o.Set("request_id", e.ID())
	o.Set("error_type", e.Type)
	o.Set("error_message", e.Error())
	o.Set("error_url", core.ErrorURL(e.Status))
	o.Set("field", e.Field)
	return o
}
