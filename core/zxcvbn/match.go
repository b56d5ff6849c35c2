package zxcvbn

import (
	"math"

	"github.com/passmeter/passmeter/core/zxcvbn/data"
)

// Pattern names a kind of match, with zxcvbn's spelling.
type Pattern string

// The patterns zxcvbn 4.4.2 reports.
const (
	PatternDictionary Pattern = "dictionary"
	PatternSpatial    Pattern = "spatial"
	PatternRepeat     Pattern = "repeat"
	PatternSequence   Pattern = "sequence"
	PatternRegex      Pattern = "regex"
	PatternDate       Pattern = "date"
	PatternBruteforce Pattern = "bruteforce"
)

// Match is one element of the match sequence, with the fields zxcvbn.js
// puts on it. Fields that do not belong to a match's pattern are zero.
type Match struct {
	Pattern Pattern `json:"pattern"`
	// I and J are the first and last index of the token, in UTF-16 units.
	I     int    `json:"i"`
	J     int    `json:"j"`
	Token string `json:"token"`

	Guesses      float64 `json:"guesses"`
	GuessesLog10 float64 `json:"guesses_log10"`

	// dictionary (also reversed and l33t)
	MatchedWord         string    `json:"matched_word,omitempty"`
	Rank                int       `json:"rank,omitempty"`
	DictionaryName      string    `json:"dictionary_name,omitempty"`
	Reversed            bool      `json:"reversed,omitempty"`
	L33t                bool      `json:"l33t,omitempty"`
	Sub                 []L33tSub `json:"sub,omitempty"`
	SubDisplay          string    `json:"sub_display,omitempty"`
	BaseGuesses         float64   `json:"base_guesses,omitempty"`
	UppercaseVariations float64   `json:"uppercase_variations,omitempty"`
	L33tVariations      float64   `json:"l33t_variations,omitempty"`

	// spatial
	Graph        string `json:"graph,omitempty"`
	Turns        int    `json:"turns,omitempty"`
	ShiftedCount int    `json:"shifted_count,omitempty"`

	// repeat (BaseGuesses above as well)
	BaseToken   string   `json:"base_token,omitempty"`
	BaseMatches []*Match `json:"base_matches,omitempty"`
	RepeatCount float64  `json:"repeat_count,omitempty"`

	// sequence
	SequenceName  string `json:"sequence_name,omitempty"`
	SequenceSpace int    `json:"sequence_space,omitempty"`
	Ascending     bool   `json:"ascending,omitempty"`

	// regex
	RegexName  string   `json:"regex_name,omitempty"`
	RegexMatch []string `json:"regex_match,omitempty"`

	// date
	Separator string `json:"separator,omitempty"`
	Year      int    `json:"year,omitempty"`
	Month     int    `json:"month,omitempty"`
	Day       int    `json:"day,omitempty"`

	protoKey bool // matched a name on Object.prototype: rank is not a number
	baseLen  int  // repeat: the base token's length in UTF-16 units
}

// L33tSub is one substitution a l33t match used: Sub stood for Letter.
type L33tSub struct {
	Sub    string `json:"sub"`
	Letter string `json:"letter"`
}

// match is the engine's working form of a match: small, as a long
// password makes tens of thousands; a Match is made from it only for the
// answer. Fields beyond the common ones live in x.
type match struct {
	kind    kind
	flags   uint8
	list    uint8 // dictionary: the list, as in data.ListNames (user inputs last)
	i, j    int
	rank    int32
	guesses float64
	word    []uint16 // dictionary: the matched word, lower-cased
	x       *matchExtra
}

type kind uint8

const (
	kindDictionary kind = iota
	kindSpatial
	kindRepeat
	kindSequence
	kindRegex
	kindDate
	kindBruteforce
)

var kindPattern = [...]Pattern{PatternDictionary, PatternSpatial, PatternRepeat, PatternSequence, PatternRegex, PatternDate, PatternBruteforce}

const (
	hasGuesses uint8 = 1 << iota // guesses is computed (zxcvbn caches it)
	protoKey                     // matched a name on Object.prototype
	reversed
	l33t
	ascending
)

// matchExtra holds what only some patterns need.
type matchExtra struct {
	sub      []l33tPair // l33t: the substitutions the token uses, in zxcvbn's order
	l33tList int        // l33t: the first substitution list that reports it

	graph   uint8 // spatial: index in data.Graphs
	turns   int
	shifted int

	base        []uint16 // repeat
	baseGuesses float64
	baseMatches []*match
	repeatCount float64

	seqName  string // sequence
	seqSpace int

	sep              uint16 // date: 0 for none
	year, month, day int
}

func (m *match) has(f uint8) bool { return m.flags&f != 0 }

// token is the match's part of pw, the password it was found in (a
// repeat's base for the matches of the base): kept as i and j only, as a
// long password makes tens of thousands of matches.
func (m *match) token(pw []uint16) []uint16 { return pw[m.i : m.j+1] }
func (m *match) tokenLen() int              { return m.j - m.i + 1 }

// rankValue is the rank as zxcvbn's arithmetic sees it: NaN where
// zxcvbn.js looked up "constructor" or "__proto__" and got a non-number.
func (m *match) rankValue() float64 {
	if m.has(protoKey) {
		return math.NaN()
	}
	return float64(m.rank)
}

// public makes the Match reported for m, found in pw, with zxcvbn.js's
// fields.
func (m *match) public(pw []uint16) *Match {
	token := m.token(pw)
	p := &Match{
		Pattern:      kindPattern[m.kind],
		I:            m.i,
		J:            m.j,
		Token:        unitsString(token),
		Guesses:      m.guesses,
		GuessesLog10: log10(m.guesses),
	}
	switch m.kind {
	case kindDictionary:
		p.MatchedWord = unitsString(m.word)
		p.Rank = int(m.rank)
		p.protoKey = m.has(protoKey)
		p.DictionaryName = dictionaryName(int(m.list))
		p.Reversed = m.has(reversed)
		p.L33t = m.has(l33t)
		p.BaseGuesses = m.rankValue()
		p.UppercaseVariations = uppercaseVariations(token)
		p.L33tVariations = l33tVariations(m, token)
		if p.L33t {
			var display []byte // the subs as "s -> l", joined by ", " (no strings.Join: 2.7 KB of wasm)
			for k, sp := range m.x.sub {
				s, l := string(rune(sp.sub)), string(rune(sp.letter))
				p.Sub = append(p.Sub, L33tSub{Sub: s, Letter: l})
				if k > 0 {
					display = append(display, ", "...)
				}
				display = append(append(append(display, s...), " -> "...), l...)
			}
			p.SubDisplay = string(display)
		}
	case kindSpatial:
		p.Graph = data.Graphs[m.x.graph].Name
		p.Turns = m.x.turns
		p.ShiftedCount = m.x.shifted
	case kindRepeat:
		p.BaseToken = unitsString(m.x.base)
		p.baseLen = len(m.x.base)
		p.BaseGuesses = m.x.baseGuesses
		p.RepeatCount = m.x.repeatCount
		p.BaseMatches = make([]*Match, len(m.x.baseMatches))
		for k, b := range m.x.baseMatches {
			p.BaseMatches[k] = b.public(m.x.base)
		}
	case kindSequence:
		p.SequenceName = m.x.seqName
		p.SequenceSpace = m.x.seqSpace
		p.Ascending = m.has(ascending)
	case kindRegex:
		p.RegexName = "recent_year"
		p.RegexMatch = []string{p.Token}
	case kindDate:
		if m.x.sep != 0 {
			p.Separator = string(rune(m.x.sep))
		}
		p.Year, p.Month, p.Day = m.x.year, m.x.month, m.x.day
	}
	return p
}
