package zxcvbn

import (
	"sort"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/passmeter/passmeter/core/internal/wtf8"
	"github.com/passmeter/passmeter/core/zxcvbn/data"
)

// zxcvbn measures, indexes and lower-cases JavaScript strings, that is
// UTF-16 code units. Everything the engine does with text goes through
// these helpers so emoji and other non-BMP text score as in zxcvbn.js.

// toUnits converts Go text to UTF-16 code units. The text is WTF-8 (see
// core/internal/wtf8), so a lone surrogate from a JSON \udXXX escape is
// that unit again; other invalid UTF-8 becomes U+FFFD, as it does when a
// JavaScript runtime decodes the same bytes.
func toUnits(s string) []uint16 {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		u := make([]uint16, len(s))
		for i := 0; i < len(s); i++ {
			u[i] = uint16(s[i])
		}
		return u
	}
	u := make([]uint16, 0, len(s))
	for i := 0; i < len(s); {
		r, w := wtf8.DecodeRune(s[i:])
		if wtf8.IsSurrogate(r) {
			u = append(u, uint16(r)) // utf16.AppendRune would write U+FFFD
		} else {
			u = utf16.AppendRune(u, r)
		}
		i += w
	}
	return u
}

// unitsString converts code units back to Go text, as WTF-8: a lone
// surrogate (left when a token splits a pair, as JavaScript slicing can)
// keeps its value, for the JSON writer to give back as a \udXXX escape.
func unitsString(u []uint16) string {
	ascii := true
	for _, c := range u {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		b := make([]byte, len(u))
		for i, c := range u {
			b[i] = byte(c)
		}
		return string(b)
	}
	b := make([]byte, 0, len(u)*3)
	for i := 0; i < len(u); {
		r, w := codePointAt(u, i)
		b = wtf8.AppendRune(b, r)
		i += w
	}
	return string(b)
}

// codePointAt decodes the code point at u[i] as JavaScript's codePointAt
// does, returning it and its width in units (a lone surrogate is itself).
func codePointAt(u []uint16, i int) (rune, int) {
	c := u[i]
	if utf16.IsSurrogate(rune(c)) && c < 0xdc00 && i+1 < len(u) && u[i+1] >= 0xdc00 && u[i+1] < 0xe000 {
		return utf16.DecodeRune(rune(c), rune(u[i+1])), 2
	}
	return rune(c), 1
}

// toLowerJS is String.prototype.toLowerCase: full Unicode lower-casing,
// so U+0130 becomes two units and a capital sigma at the end of a word
// becomes final sigma. The result can be longer than the input.
func toLowerJS(u []uint16) []uint16 { return lowerJS(make([]uint16, 0, len(u)), u, nil) }

// lowerOnStack is what the matchers lower-case a token into: a token up to
// this long costs no allocation (appendLowerJS into a local array), which
// matters because they do it once per match, and a long password with
// user inputs makes hundreds of thousands of matches.
const lowerOnStack = 64

// isLowerOf reports whether word is toLowerJS(u), without allocating for
// tokens up to lowerOnStack units.
func isLowerOf(u, word []uint16) bool {
	var buf [lowerOnStack]uint16
	return equalUnits(appendLowerJS(buf[:0], u), word)
}

// appendLowerJS appends toLowerJS(u) to out.
func appendLowerJS(out, u []uint16) []uint16 { return lowerJS(out, u, nil) }

// toLowerJSFrom is toLowerJS that also tells, for each unit of the lower
// case, the index in u of the unit it came from.
func toLowerJSFrom(u []uint16) (lower []uint16, from []int32) {
	from = make([]int32, 0, len(u))
	return lowerJS(make([]uint16, 0, len(u)), u, &from), from
}

func lowerJS(out, u []uint16, from *[]int32) []uint16 {
	for i := 0; i < len(u); {
		c := u[i]
		if c < 0x80 {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			out = append(out, c)
			if from != nil {
				*from = append(*from, int32(i))
			}
			i++
			continue
		}
		r, w := codePointAt(u, i)
		n := len(out)
		switch {
		case r == 0x130:
			out = append(out, 'i', 0x307)
		case r == 0x3a3:
			if finalSigma(u, i) {
				out = append(out, 0x3c2)
			} else {
				out = append(out, 0x3c3)
			}
		case w == 1 && utf16.IsSurrogate(r):
			out = append(out, c)
		default:
			out = utf16.AppendRune(out, lowerRune(r))
		}
		if from != nil {
			for range len(out) - n {
				*from = append(*from, int32(i))
			}
		}
		i += w
	}
	return out
}

// finalSigma reports Unicode's Final_Sigma condition for the sigma at u[i]:
// a cased letter before it and none after it, skipping case-ignorables.
func finalSigma(u []uint16, i int) bool {
	before, after := sigmaContext(u, i)
	return before >= 0 && cased(before) && !(after >= 0 && cased(after))
}

// sigmaContext returns the code points nearest u[i] on either side that
// are not case-ignorable, -1 where there is none: what Final_Sigma looks at.
func sigmaContext(u []uint16, i int) (before, after rune) {
	before, after = -1, -1
	for k := i - 1; k >= 0; {
		r, w := codePointBefore(u, k)
		if !caseIgnorable(r) {
			before = r
			break
		}
		k -= w
	}
	for k := i + 1; k < len(u); {
		r, w := codePointAt(u, k)
		if !caseIgnorable(r) {
			after = r
			break
		}
		k += w
	}
	return before, after
}

func codePointBefore(u []uint16, k int) (rune, int) {
	c := u[k]
	if c >= 0xdc00 && c < 0xe000 && k > 0 && u[k-1] >= 0xd800 && u[k-1] < 0xdc00 {
		return utf16.DecodeRune(rune(u[k-1]), rune(c)), 2
	}
	return rune(c), 1
}

// lowerRune is V8's lower case of a code point that lowers to one, from
// the generator's table (so the Unicode version is V8's, not Go's).
func lowerRune(r rune) rune {
	runs := data.LowerRuns[:]
	k := sort.Search(len(runs), func(x int) bool { return runs[x].Hi >= r })
	if k < len(runs) && runs[k].Lo <= r && (r-runs[k].Lo)%runs[k].Stride == 0 {
		return r + runs[k].Delta
	}
	return r
}

func inRanges(ranges [][2]rune, r rune) bool {
	k := sort.Search(len(ranges), func(x int) bool { return ranges[x][1] >= r })
	return k < len(ranges) && ranges[k][0] <= r
}

func cased(r rune) bool         { return inRanges(data.Cased[:], r) }
func caseIgnorable(r rune) bool { return inRanges(data.CaseIgnorable[:], r) }

// equalUnits reports whether two unit strings are the same.
func equalUnits(a, b []uint16) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func isASCIIUpper(c uint16) bool { return 'A' <= c && c <= 'Z' }
func isASCIILower(c uint16) bool { return 'a' <= c && c <= 'z' }
func isDigit(c uint16) bool      { return '0' <= c && c <= '9' }

// isLineTerminator is what JavaScript's regex dot refuses to match.
func isLineTerminator(c uint16) bool {
	return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029
}

// isJSSpace is JavaScript's regex \s.
func isJSSpace(c uint16) bool {
	switch c {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff:
		return true
	}
	return 0x2000 <= c && c <= 0x200a
}

// anyUnit and containsUnit are some and includes over code units.
func anyUnit(s []uint16, f func(uint16) bool) bool {
	for _, c := range s {
		if f(c) {
			return true
		}
	}
	return false
}

// allUnits is every over code units, but false for no units.
func allUnits(s []uint16, f func(uint16) bool) bool {
	for _, c := range s {
		if !f(c) {
			return false
		}
	}
	return len(s) > 0
}

func containsUnit(s []uint16, c uint16) bool {
	for _, x := range s {
		if x == c {
			return true
		}
	}
	return false
}
