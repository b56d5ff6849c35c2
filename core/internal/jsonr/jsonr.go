// Package jsonr reads the small JSON documents passmeter's requests are,
// without reflection (the WebAssembly module stays small). It parses one
// value into a tree and says precisely what is wrong with bad input; it
// also reports strings holding half a UTF-16 surrogate pair, which
// JSON.stringify writes as \udXXX escapes and which are no text.
package jsonr

import (
	"errors"
	"strconv"
	"unicode/utf16"

	"github.com/passmeter/passmeter/core/internal/wtf8"
)

// Kind is a JSON value's type.
type Kind uint8

// The kinds of JSON values.
const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

// Value is a parsed JSON value.
type Value struct {
	Kind    Kind
	Bool    bool
	Num     string // the number's text
	Str     string // WTF-8
	Items   []Value
	Members []Member
}

// Member is one name/value pair of an object, in document order.
type Member struct {
	Name  string
	Value Value
}

// Get returns the last member named name (as JSON.parse keeps the last).
func (v *Value) Get(name string) (*Value, bool) {
	for k := len(v.Members) - 1; k >= 0; k-- {
		if v.Members[k].Name == name {
			return &v.Members[k].Value, true
		}
	}
	return nil, false
}

// maxDepth bounds nesting so hostile input cannot exhaust the stack.
const maxDepth = 64

// Parse reads exactly one JSON value from data (white space around it
// allowed).
func Parse(data []byte) (Value, error) {
	p := parser{data: data}
	p.space()
	v, err := p.value(0)
	if err != nil {
		return Value{}, err
	}
	p.space()
	if p.pos != len(p.data) {
		return Value{}, p.fail("data after the JSON value")
	}
	return v, nil
}

type parser struct {
	data []byte
	pos  int
}

func (p *parser) fail(msg string) error {
	return errors.New("invalid JSON at byte " + strconv.Itoa(p.pos) + ": " + msg)
}

func (p *parser) space() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *parser) literal(word string) bool {
	if len(p.data)-p.pos >= len(word) && string(p.data[p.pos:p.pos+len(word)]) == word {
		p.pos += len(word)
		return true
	}
	return false
}

func (p *parser) value(depth int) (Value, error) {
	if depth > maxDepth {
		return Value{}, p.fail("nested too deeply")
	}
	if p.pos >= len(p.data) {
		return Value{}, p.fail("unexpected end")
	}
	switch c := p.data[p.pos]; {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"':
		s, err := p.str()
		return Value{Kind: String, Str: s}, err
	case p.literal("true"):
		return Value{Kind: Bool, Bool: true}, nil
	case p.literal("false"):
		return Value{Kind: Bool}, nil
	case p.literal("null"):
		return Value{Kind: Null}, nil
	case c == '-' || ('0' <= c && c <= '9'):
		return p.number()
	}
	return Value{}, p.fail("unexpected character '" + string(rune(p.data[p.pos])) + "'")
}

func (p *parser) object(depth int) (Value, error) {
	v := Value{Kind: Object}
	p.pos++
	p.space()
	if p.pos < len(p.data) && p.data[p.pos] == '}' {
		p.pos++
		return v, nil
	}
	for {
		p.space()
		if p.pos >= len(p.data) || p.data[p.pos] != '"' {
			return v, p.fail("expected a member name")
		}
		name, err := p.str()
		if err != nil {
			return v, err
		}
		p.space()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			return v, p.fail("expected ':'")
		}
		p.pos++
		p.space()
		item, err := p.value(depth + 1)
		if err != nil {
			return v, err
		}
		v.Members = append(v.Members, Member{name, item})
		p.space()
		if p.pos < len(p.data) && p.data[p.pos] == ',' {
			p.pos++
			continue
		}
		if p.pos < len(p.data) && p.data[p.pos] == '}' {
			p.pos++
			return v, nil
		}
		return v, p.fail("expected ',' or '}'")
	}
}

func (p *parser) array(depth int) (Value, error) {
	v := Value{Kind: Array}
	p.pos++
	p.space()
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		return v, nil
	}
	for {
		p.space()
		item, err := p.value(depth + 1)
		if err != nil {
			return v, err
		}
		v.Items = append(v.Items, item)
		p.space()
		if p.pos < len(p.data) && p.data[p.pos] == ',' {
			p.pos++
			continue
		}
		if p.pos < len(p.data) && p.data[p.pos] == ']' {
			p.pos++
			return v, nil
		}
		return v, p.fail("expected ',' or ']'")
	}
}

func (p *parser) number() (Value, error) {
	start := p.pos
	if p.data[p.pos] == '-' {
		p.pos++
	}
	digits := func() int {
		n := 0
		for p.pos < len(p.data) && '0' <= p.data[p.pos] && p.data[p.pos] <= '9' {
			p.pos++
			n++
		}
		return n
	}
	if p.pos < len(p.data) && p.data[p.pos] == '0' {
		p.pos++
	} else if digits() == 0 {
		return Value{}, p.fail("bad number")
	}
	if p.pos < len(p.data) && p.data[p.pos] == '.' {
		p.pos++
		if digits() == 0 {
			return Value{}, p.fail("bad number")
		}
	}
	if p.pos < len(p.data) && (p.data[p.pos] == 'e' || p.data[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.data) && (p.data[p.pos] == '+' || p.data[p.pos] == '-') {
			p.pos++
		}
		if digits() == 0 {
			return Value{}, p.fail("bad number")
		}
	}
	return Value{Kind: Number, Num: string(p.data[start:p.pos])}, nil
}

func hexVal(c byte) rune {
	switch {
	case '0' <= c && c <= '9':
		return rune(c - '0')
	case 'a' <= c && c <= 'f':
		return rune(c - 'a' + 10)
	case 'A' <= c && c <= 'F':
		return rune(c - 'A' + 10)
	}
	return -1
}

func (p *parser) hex4() (rune, bool) {
	if len(p.data)-p.pos < 4 {
		return 0, false
	}
	var r rune
	for k := 0; k < 4; k++ {
		h := hexVal(p.data[p.pos+k])
		if h < 0 {
			return 0, false
		}
		r = r<<4 | h
	}
	p.pos += 4
	return r, true
}

func (p *parser) str() (string, error) {
	p.pos++ // the opening quote
	var b []byte
	start := p.pos
	for {
		if p.pos >= len(p.data) {
			return "", p.fail("unterminated string")
		}
		c := p.data[p.pos]
		switch {
		case c == '"':
			b = append(b, p.data[start:p.pos]...)
			p.pos++
			return string(b), nil
		case c < 0x20:
			return "", p.fail("control character in string")
		case c == '\\':
			b = append(b, p.data[start:p.pos]...)
			p.pos++
			if p.pos >= len(p.data) {
				return "", p.fail("unterminated string")
			}
			e := p.data[p.pos]
			p.pos++
			switch e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r, ok := p.hex4()
				if !ok {
					return "", p.fail("bad \\u escape")
				}
				if 0xd800 <= r && r < 0xdc00 && len(p.data)-p.pos >= 6 && p.data[p.pos] == '\\' && p.data[p.pos+1] == 'u' {
					save := p.pos
					p.pos += 2
					if lo, ok := p.hex4(); ok && 0xdc00 <= lo && lo < 0xe000 {
						r = utf16.DecodeRune(r, lo)
					} else {
						p.pos = save // a lone high surrogate; the next escape stands alone
					}
				}
				b = wtf8.AppendRune(b, r)
			default:
				return "", p.fail("bad escape")
			}
			start = p.pos
		default:
			p.pos++
		}
	}
}
