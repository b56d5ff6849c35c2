// Package jsonw writes JSON by hand for passmeter's response types, with
// the bytes encoding/json would write for them (less HTML escaping, as
// JSON.stringify), so that the WebAssembly module needs neither
// encoding/json nor reflection. Strings are WTF-8 (core/internal/wtf8): a
// lone surrogate is written as the \udXXX escape JSON.stringify writes.
// Non-finite numbers are written as null, as JSON.stringify does, or, for
// the text the WebAssembly module hands to JSON.parse, as ±1e999.
package jsonw

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/passmeter/passmeter/core/internal/wtf8"
)

// NonFinite says how numbers JSON has no spelling for are written.
type NonFinite uint8

const (
	// AsNull writes them as null, as JSON.stringify does: for HTTP and
	// the command, whose readers (encoding/json among them) refuse more.
	AsNull NonFinite = iota
	// AsOverflow writes ±Infinity as ±1e999, which JSON.parse reads back
	// as ±Infinity, so the JavaScript API returns what zxcvbn.js returns.
	// NaN has no such spelling and stays null.
	AsOverflow
)

// Object writes the members of one JSON object in order.
type Object struct {
	b     []byte
	first bool
	nf    NonFinite
}

// Begin starts an object at the end of b, non-finite numbers as null.
func Begin(b []byte) *Object { return BeginWith(b, AsNull) }

// BeginWith starts an object whose Float members follow nf.
func BeginWith(b []byte, nf NonFinite) *Object {
	return &Object{b: append(b, '{'), first: true, nf: nf}
}

// End closes the object and returns the buffer.
func (o *Object) End() []byte { return append(o.b, '}') }

func (o *Object) key(k string) {
	if !o.first {
		o.b = append(o.b, ',')
	}
	o.first = false
	o.b = String(o.b, k)
	o.b = append(o.b, ':')
}

// Str, Int, Float, Bool and Raw add one member each.
func (o *Object) Str(k, v string)                     { o.key(k); o.b = String(o.b, v) }
func (o *Object) Int(k string, v int)                 { o.key(k); o.b = strconv.AppendInt(o.b, int64(v), 10) }
func (o *Object) Float(k string, v float64)           { o.key(k); o.b = FloatWith(o.b, v, o.nf) }
func (o *Object) Bool(k string, v bool)               { o.key(k); o.b = strconv.AppendBool(o.b, v) }
func (o *Object) Null(k string)                       { o.key(k); o.b = append(o.b, "null"...) }
func (o *Object) Strs(k string, v []string)           { o.key(k); o.b = Strings(o.b, v) }
func (o *Object) Raw(k string, f func([]byte) []byte) { o.key(k); o.b = f(o.b) }

// Strings writes a string array; nil is written as [] (the API promises
// arrays).
func Strings(b []byte, v []string) []byte {
	b = append(b, '[')
	for i, s := range v {
		if i > 0 {
			b = append(b, ',')
		}
		b = String(b, s)
	}
	return append(b, ']')
}

// Float writes a number as encoding/json does, null when not finite.
func Float(b []byte, f float64) []byte { return FloatWith(b, f, AsNull) }

// FloatWith writes a number as encoding/json does, a non-finite one as
// nf says.
func FloatWith(b []byte, f float64, nf NonFinite) []byte {
	switch {
	case math.IsNaN(f):
		return append(b, "null"...)
	case math.IsInf(f, 0) && nf == AsOverflow:
		if f < 0 {
			b = append(b, '-')
		}
		return append(b, "1e999"...)
	case math.IsInf(f, 0):
		return append(b, "null"...)
	}
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9, as encoding/json does
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

const hex = "0123456789abcdef"

// String writes a JSON string: quotes, backslashes and control characters
// escaped, U+2028 and U+2029 escaped, a lone surrogate (WTF-8) as its
// \udXXX escape in lower-case hex as JSON.stringify writes it, and other
// invalid UTF-8 as U+FFFD.
func String(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := wtf8.DecodeRune(s[i:])
		if wtf8.IsSurrogate(r) {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', hex[r>>12], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf])
			i += size
			start = i
			continue
		}
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
