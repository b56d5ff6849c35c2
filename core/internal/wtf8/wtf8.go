// Package wtf8 lets a Go string carry any JavaScript string, lone UTF-16
// surrogates included, as WTF-8 (generalized UTF-8): text is UTF-8, and a
// surrogate that is not half of a pair is the three bytes UTF-8's pattern
// gives it (ED A0..BF 80..BF), which strict UTF-8 forbids. A JSON \ud800
// escape is valid JSON that zxcvbn.js scores; this is how it travels from
// the JSON reader through the engine to the JSON writer without becoming
// U+FFFD on the way.
package wtf8

import "unicode/utf8"

// IsSurrogate reports whether r is a UTF-16 surrogate code point.
func IsSurrogate(r rune) bool { return 0xd800 <= r && r < 0xe000 }

// AppendRune appends r's UTF-8 encoding, or, for a surrogate, its WTF-8
// three bytes. The caller joins a high and a low surrogate into one code
// point first: WTF-8 never holds a pair as two surrogates.
func AppendRune(b []byte, r rune) []byte {
	if IsSurrogate(r) {
		return append(b, 0xe0|byte(r>>12), 0x80|byte(r>>6)&0x3f, 0x80|byte(r)&0x3f)
	}
	return utf8.AppendRune(b, r)
}

// DecodeRune is utf8.DecodeRuneInString that also reads a surrogate's
// three bytes as that surrogate. Anything else invalid is (RuneError, 1).
func DecodeRune(s string) (rune, int) {
	if len(s) >= 3 && s[0] == 0xed && 0xa0 <= s[1] && s[1] <= 0xbf && 0x80 <= s[2] && s[2] <= 0xbf {
		return 0xd000 | rune(s[1]&0x3f)<<6 | rune(s[2]&0x3f), 3
	}
	return utf8.DecodeRuneInString(s)
}

// Valid reports whether s is WTF-8: UTF-8 with lone surrogates allowed.
func Valid(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := DecodeRune(s[i:])
		if r == utf8.RuneError && n == 1 {
			return false
		}
		i += n
	}
	return true
}

// UTF16Len is s's length in UTF-16 code units, as JavaScript measures it.
func UTF16Len(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			n++
			continue
		}
		r, w := DecodeRune(s[i:])
		i += w
		n++
		if r > 0xffff {
			n++
		}
	}
	return n
}

// RuneCount is s's length in code points, as [...s].length counts them in
// JavaScript: a lone surrogate is one.
func RuneCount(s string) int {
	n := 0
	for i := 0; i < len(s); n++ {
		_, w := DecodeRune(s[i:])
		i += w
	}
	return n
}

// ToUTF8 replaces each lone surrogate with U+FFFD, as TextEncoder does, so
// that bytes hashed or sent on are the UTF-8 JavaScript would produce.
func ToUTF8(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == 0xed && i+1 < len(s) && s[i+1] >= 0xa0 {
			return toUTF8(s)
		}
	}
	return s
}

func toUTF8(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, w := DecodeRune(s[i:])
		if IsSurrogate(r) {
			b = utf8.AppendRune(b, utf8.RuneError)
		} else {
			b = append(b, s[i:i+w]...)
		}
		i += w
	}
	return string(b)
}
