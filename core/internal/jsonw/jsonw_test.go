package jsonw

import (
	"encoding/json"
	"math"
	"testing"
)

// Strings are WTF-8: a lone surrogate is written as the escape
// JSON.stringify writes for it (lower-case hex; the want values are
// Node's JSON.stringify of the same JavaScript strings), a pair as UTF-8.
func TestStringLoneSurrogates(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\xed\xa0\x80", `"\ud800"`},
		{"a\xed\xbf\xbfb", `"a\udfffb"`},
		{"\U0001F600", "\"\U0001F600\""},
		{"\xed\xb8\x80\xed\xa0\xbd", `"\ude00\ud83d"`},
		{"\xed\xaf\xbf", `"\udbff"`},
		{"werty\xed\xa0\xbd", `"werty\ud83d"`},
		{"\x01\"\\", `"\u0001\"\\"`},
		{"\xff", `"\ufffd"`},           // not WTF-8 either: U+FFFD, as before
		{"\xed\xa0", `"\ufffd\ufffd"`}, // a cut surrogate
	}
	for _, tt := range tests {
		if got := string(String(nil, tt.in)); got != tt.want {
			t.Errorf("String(%+q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// Without non-finite numbers, the bytes are encoding/json's.
func TestFloatAgreesWithEncodingJSON(t *testing.T) {
	for _, f := range []float64{0, 1, -1, 0.1, 1e20, 1e21, 1e-6, 1e-7, 123456789.125, 5e-324, math.MaxFloat64} {
		want, _ := json.Marshal(f)
		for _, nf := range []NonFinite{AsNull, AsOverflow} {
			if got := FloatWith(nil, f, nf); string(got) != string(want) {
				t.Errorf("FloatWith(%v, %d) = %s, want %s", f, nf, got, want)
			}
		}
	}
}

// For HTTP, non-finite numbers are null as JSON.stringify writes them;
// for JSON.parse in the module, ±Infinity overflow back to ±Infinity.
func TestFloatNonFinite(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		f    float64
		nf   NonFinite
		want string
	}{
		{inf, AsNull, "null"},
		{-inf, AsNull, "null"},
		{math.NaN(), AsNull, "null"},
		{inf, AsOverflow, "1e999"},
		{-inf, AsOverflow, "-1e999"},
		{math.NaN(), AsOverflow, "null"},
	}
	for _, tt := range tests {
		got := string(FloatWith(nil, tt.f, tt.nf))
		if got != tt.want {
			t.Errorf("FloatWith(%v, %d) = %s, want %s", tt.f, tt.nf, got, tt.want)
		}
		o := BeginWith(nil, tt.nf)
		o.Float("x", tt.f)
		if obj := string(o.End()); obj != `{"x":`+tt.want+`}` {
			t.Errorf("an object's Float: %s", obj)
		}
	}
	var f float64
	if err := json.Unmarshal([]byte("1e999"), &f); err == nil {
		t.Errorf("encoding/json reads 1e999 as %v: the HTTP JSON could carry it", f)
	}
}
