package zxcvbn

import "math"

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

	token      []uint16 // the token as code units, a slice of the password
	hasGuesses bool     // Guesses is computed (zxcvbn caches it on the match)
	protoKey   bool     // matched a name on Object.prototype: rank is not a number
	baseUnits  []uint16 // repeat: the base token as code units
	l33tList   int      // l33t: the first substitution list that reports it
	word       []uint16 // dictionary: the matched word as code units
}

// L33tSub is one substitution a l33t match used: Sub stood for Letter.
type L33tSub struct {
	Sub    string `json:"sub"`
	Letter string `json:"letter"`
}

// rank is the match's rank as zxcvbn's arithmetic sees it: NaN where
// zxcvbn.js looked up "constructor" or "__proto__" and got a non-number.
func (m *Match) rank() float64 {
	if m.protoKey {
		return math.NaN()
	}
	return float64(m.Rank)
}

func (m *Match) tokenLen() int { return m.J - m.I + 1 }
