package wtf8

import (
	"testing"
	"unicode/utf8"
)

// The want lengths are JavaScript's: s.length and [...s].length of the
// string whose WTF-8 the input is.
func TestLengthsAndValidity(t *testing.T) {
	tests := []struct {
		in           string
		units, runes int
		valid        bool
	}{
		{"", 0, 0, true},
		{"abc", 3, 3, true},
		{"\xed\xa0\x80", 1, 1, true},             // "\ud800"
		{"a\xed\xbf\xbf\U0001F600", 4, 3, true},  // "a\udfff😀"
		{"\xed\xa0\xbd\xed\xb8\x80", 2, 2, true}, // "\ud83d" + "\ude00" joined: two units still
		{"İ", 1, 1, true},
		{"\xff", 1, 1, false},
		{"\xed\xa0", 2, 2, false},    // a cut surrogate
		{"\xed\x9f\xbf", 1, 1, true}, // U+D7FF, plain UTF-8
		{"\xf0\x9f\x98", 3, 3, false},
	}
	for _, tt := range tests {
		if got := UTF16Len(tt.in); got != tt.units {
			t.Errorf("UTF16Len(%+q) = %d, want %d", tt.in, got, tt.units)
		}
		if got := RuneCount(tt.in); got != tt.runes {
			t.Errorf("RuneCount(%+q) = %d, want %d", tt.in, got, tt.runes)
		}
		if got := Valid(tt.in); got != tt.valid {
			t.Errorf("Valid(%+q) = %v, want %v", tt.in, got, tt.valid)
		}
	}
}

func TestRoundTripEverySurrogate(t *testing.T) {
	for r := rune(0xd800); r < 0xe000; r++ {
		b := AppendRune(nil, r)
		if len(b) != 3 || utf8.Valid(b) {
			t.Fatalf("%U: % x", r, b)
		}
		if got, n := DecodeRune(string(b)); got != r || n != 3 {
			t.Fatalf("%U: decoded %U, %d bytes", r, got, n)
		}
	}
	if got := ToUTF8("a\xed\xa0\x80\U0001F600"); got != "a\uFFFD\U0001F600" {
		t.Errorf("ToUTF8: %+q", got)
	}
}
