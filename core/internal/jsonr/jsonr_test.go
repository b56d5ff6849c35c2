package jsonr

import (
	"encoding/json"
	"reflect"
	"testing"
	"unicode/utf8"
)

// toAny turns a Value into what encoding/json would decode, to compare.
func toAny(v Value) any {
	switch v.Kind {
	case Bool:
		return v.Bool
	case Number:
		var f float64
		json.Unmarshal([]byte(v.Num), &f)
		return f
	case String:
		return v.Str
	case Array:
		out := []any{}
		for _, it := range v.Items {
			out = append(out, toAny(it))
		}
		return out
	case Object:
		out := map[string]any{}
		for _, m := range v.Members {
			out[m.Name] = toAny(m.Value)
		}
		return out
	}
	return nil
}

func TestParseAgreesWithEncodingJSON(t *testing.T) {
	docs := []string{`{}`, `[]`, `null`, `true`, `-0.5e+3`, `"a\"b\\c\/\b\f\n\r\t\u00e9\ud83d\ude00"`,
		`{"password":"x","user_inputs":["a","b"],"luds":{"min_length":9},"n":null,"n":1}`, ` [1, 2 ,3] `}
	for _, d := range docs {
		v, err := Parse([]byte(d))
		if err != nil {
			t.Fatalf("%s: %v", d, err)
		}
		var want any
		json.Unmarshal([]byte(d), &want)
		if got := toAny(v); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %#v, want %#v", d, got, want)
		}
	}
	for _, d := range []string{``, `{`, `{"a"}`, `{"a":}`, `[1,]`, `01`, `1.`, `"\x"`, `"\u12"`, `tru`, `{} {}`, "\"a\x01\""} {
		if _, err := Parse([]byte(d)); err == nil {
			t.Errorf("%q parsed", d)
		}
	}
}

// A \udXXX escape that is not half of a pair is kept as that surrogate's
// WTF-8 bytes, as JSON.parse keeps it as a lone unit; a pair is one code
// point. (encoding/json would write U+FFFD for each lone one.)
func TestParseLoneSurrogates(t *testing.T) {
	tests := []struct{ doc, want string }{
		{`"\ud800"`, "\xed\xa0\x80"},
		{`"a\udfffb"`, "a\xed\xbf\xbfb"},
		{`"\uD83D"`, "\xed\xa0\xbd"},
		{`"\ud83d\ude00"`, "\U0001F600"},
		{`"\ude00\ud83d"`, "\xed\xb8\x80\xed\xa0\xbd"},
		{`"\ud83d\ud83d\ude00"`, "\xed\xa0\xbd\U0001F600"},
		{`"\ud83d\u0041"`, "\xed\xa0\xbdA"},
		{`"\ud83d\\ude00"`, "\xed\xa0\xbd\\ude00"},
		{`"\ud83d x"`, "\xed\xa0\xbd x"},
		{`"\udbff\udfff"`, "\U0010FFFF"},
	}
	for _, tt := range tests {
		v, err := Parse([]byte(tt.doc))
		if err != nil || v.Kind != String || v.Str != tt.want {
			t.Errorf("%s: got %q (%v), want %q", tt.doc, v.Str, err, tt.want)
		}
	}
	for _, d := range []string{`"\ud83d`, `"\ud83d\u"`, `"\ud83d\ude0"`} {
		if _, err := Parse([]byte(d)); err == nil {
			t.Errorf("%s parsed", d)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"password":"x","user_inputs":["\ud83d\ude00"],"luds":{"min_length":9}}`))
	f.Add([]byte(`[1,2,{"a":null}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) {
			return
		}
		v, err := Parse(data)
		if (err == nil) != json.Valid(data) {
			t.Fatalf("%q: Parse error %v, json.Valid %v", data, err, json.Valid(data))
		}
		if err != nil {
			return
		}
		var want any
		if json.Unmarshal(data, &want) == nil && !v.hasLone() && !reflect.DeepEqual(toAny(v), want) {
			t.Fatalf("%q: got %#v, want %#v", data, toAny(v), want)
		}
	})
}

// hasLone reports a string holding a lone surrogate (not UTF-8, so
// encoding/json, which writes U+FFFD, is no reference for it).
func (v Value) hasLone() bool {
	if v.Kind == String && !utf8.ValidString(v.Str) {
		return true
	}
	for _, it := range v.Items {
		if it.hasLone() {
			return true
		}
	}
	for _, m := range v.Members {
		if m.Value.hasLone() {
			return true
		}
	}
	return false
}
