package zxcvbn

import (
	"math"
	"sync/atomic"

	"github.com/passmeter/passmeter/core/zxcvbn/data"
)

// zxcvbn 4.4.2's scoring constants.
const (
	bruteforceCardinality           = 10
	minGuessesBeforeGrowingSequence = 10000
	minSubmatchGuessesSingleChar    = 10
	minSubmatchGuessesMultiChar     = 50
	minYearSpace                    = 20
)

// estimateGuesses is zxcvbn's estimate_guesses, caching on the match as
// zxcvbn does; pw is the password the match belongs to.
func (e *estimator) estimateGuesses(m *match, pw []uint16) float64 {
	if m.has(hasGuesses) {
		return m.guesses
	}
	n, token := len(pw), m.token(pw)
	minGuesses := 1.0
	if m.tokenLen() < n {
		if m.tokenLen() == 1 {
			minGuesses = minSubmatchGuessesSingleChar
		} else {
			minGuesses = minSubmatchGuessesMultiChar
		}
	}
	var g float64
	switch m.kind {
	case kindBruteforce:
		g = bruteforceGuessesLen(m.tokenLen())
	case kindDictionary:
		// Most tokens have no capital, which upperBefore tells in one step
		// rather than a walk over the token per match.
		noUpper := e.upperBefore != nil && e.upperBefore[m.j+1] == e.upperBefore[m.i]
		g = dictionaryGuesses(m, token, noUpper)
	case kindSpatial:
		g = spatialGuesses(m)
	case kindRepeat:
		g = m.x.baseGuesses * m.x.repeatCount
	case kindSequence:
		g = sequenceGuesses(m, token)
	case kindRegex:
		g = e.regexGuesses(token)
	case kindDate:
		g = e.dateGuesses(m)
	}
	m.guesses = jsMax(g, minGuesses)
	m.flags |= hasGuesses
	return m.guesses
}

func sequenceGuesses(m *match, token []uint16) float64 {
	var base float64
	switch first := token[0]; {
	case first == 'a' || first == 'A' || first == 'z' || first == 'Z' || first == '0' || first == '1' || first == '9':
		base = 4
	case isDigit(first):
		base = 10
	default:
		base = 26
	}
	if !m.has(ascending) {
		base *= 2
	}
	return base * float64(m.tokenLen())
}

func (e *estimator) regexGuesses(token []uint16) float64 {
	// recent_year is the only regex zxcvbn 4.4.2 matches.
	space := float64(abs(atoi(token) - e.referenceYear))
	return math.Max(space, minYearSpace)
}

func (e *estimator) dateGuesses(m *match) float64 {
	space := math.Max(float64(abs(m.x.year-e.referenceYear)), minYearSpace)
	g := space * 365
	if m.x.sep != 0 {
		g *= 4
	}
	return g
}

func spatialGuesses(m *match) float64 {
	s := float64(data.Graphs[0].StartingPositions)
	degreePow := data.KeyboardDegreePow[:]
	if name := data.Graphs[m.x.graph].Name; name == "keypad" || name == "mac_keypad" {
		s = float64(data.Graphs[2].StartingPositions)
		degreePow = data.KeypadDegreePow[:]
	}
	g := 0.0
	L := m.tokenLen()
	t := m.x.turns
	for i := 2; i <= L; i++ {
		possibleTurns := min(t, i-1)
		for j := 1; j <= possibleTurns; j++ {
			g += float64(float64(nCk(float64(i-1), float64(j-1))*s) * powFromTable(degreePow, j))
		}
	}
	if m.x.shifted != 0 {
		S := m.x.shifted
		U := L - S
		if S == 0 || U == 0 {
			g *= 2
		} else {
			v := 0.0
			for i := 1; i <= min(S, U); i++ {
				v += nCk(float64(S+U), float64(i))
			}
			g *= v
		}
	}
	return g
}

// dictionaryGuesses multiplies as zxcvbn does; match.public recomputes the
// factors it reports.
// noUpper says the token has no capital A-Z, so that its uppercase
// variations are 1 without looking.
func dictionaryGuesses(m *match, token []uint16, noUpper bool) float64 {
	rev := 1.0
	if m.has(reversed) {
		rev = 2
	}
	upper := 1.0
	if !noUpper {
		upper = uppercaseVariations(token)
	}
	return m.rankValue() * upper * l33tVariations(m, token) * rev
}

func uppercaseVariations(word []uint16) float64 {
	upper, lower := 0, 0
	for _, c := range word {
		if isASCIIUpper(c) {
			upper++
		} else if isASCIILower(c) {
			lower++
		}
	}
	if upper == 0 || isLowerOf(word, word) {
		return 1
	}
	if startUpper(word) || endUpper(word) || lower == 0 {
		return 2
	}
	v := 0.0
	for i := 1; i <= min(upper, lower); i++ {
		v += nCk(float64(upper+lower), float64(i))
	}
	return v
}

// startUpper is /^[A-Z][^A-Z]+$/ and endUpper /^[^A-Z]+[A-Z]$/.
func startUpper(w []uint16) bool {
	return len(w) >= 2 && isASCIIUpper(w[0]) && !anyUnit(w[1:], isASCIIUpper)
}

func endUpper(w []uint16) bool {
	n := len(w)
	return n >= 2 && isASCIIUpper(w[n-1]) && !anyUnit(w[:n-1], isASCIIUpper)
}

func l33tVariations(m *match, token []uint16) float64 {
	if !m.has(l33t) {
		return 1
	}
	v := 1.0
	var buf [lowerOnStack]uint16
	lower := appendLowerJS(buf[:0], token)
	for _, p := range m.x.sub {
		sub, letter := p.sub, p.letter
		S, U := 0, 0
		for _, c := range lower {
			if c == sub {
				S++
			}
			if c == letter {
				U++
			}
		}
		if S == 0 || U == 0 {
			v *= 2
			continue
		}
		v *= l33tPossibilities(U, S)
	}
	return v
}

// l33tPossibilities is zxcvbn's sum of nCk(U+S, i) for i from 1 to
// min(U, S): quadratic in the counts, and the same few counts come back
// in match after match (a long password with user inputs makes hundreds
// of thousands of l33t matches), so small ones are kept once computed.
// The table is shared by concurrent estimates, hence atomic; a value is
// the same whoever computes it, and 0 means not yet (a sum is at least 1).
func l33tPossibilities(U, S int) float64 {
	cached := U < possibilitiesSide && S < possibilitiesSide
	if cached {
		if bits := possibilitiesTable[U*possibilitiesSide+S].Load(); bits != 0 {
			return math.Float64frombits(bits)
		}
	}
	p := 0.0
	for i := 1; i <= min(U, S); i++ {
		p += nCk(float64(U+S), float64(i))
	}
	if cached {
		possibilitiesTable[U*possibilitiesSide+S].Store(math.Float64bits(p))
	}
	return p
}

const possibilitiesSide = 64

var possibilitiesTable [possibilitiesSide * possibilitiesSide]atomic.Uint64

// nCk is zxcvbn's binomial coefficient, in its order of float operations.
func nCk(n, k float64) float64 {
	if k > n {
		return 0
	}
	if k == 0 {
		return 1
	}
	r := 1.0
	for d := 1.0; d <= k; d++ {
		r *= n
		r /= d
		n--
	}
	return r
}

// factorial is zxcvbn's, in floats: +Inf from 171 on.
func factorial(n int) float64 {
	if n < len(factorialTable) {
		return factorialTable[n]
	}
	return math.Inf(1)
}

var factorialTable = func() (t [172]float64) {
	t[0], t[1] = 1, 1
	f := 1.0
	for i := 2; i < len(t); i++ {
		f *= float64(i)
		t[i] = f
	}
	return t
}()
