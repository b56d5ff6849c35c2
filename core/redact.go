package core

import (
	"github.com/passmeter/passmeter/core/internal/jsonw"
	"github.com/passmeter/passmeter/core/zxcvbn"
)

// RedactSequence makes the response's JSON carry no password material:
// each match of the sequence is written as its pattern, i and j only.
// zxcvbn's matches give the password back in pieces (token, matched_word,
// base_token, regex_match, a date's year, month and day, l33t's sub), and
// Stytch's answer has no sequence at all; anything that logs response
// bodies would store passwords. What is left still says which parts of
// the password are weak and why (the feedback), and where (i, j).
// Sequence itself, in Go, is left whole.
func (r *StrengthResponse) RedactSequence() { r.redacted = appendRedactedMatches }

// appendRedactedMatches writes the sequence as RedactSequence says.
func appendRedactedMatches(b []byte, ms []*zxcvbn.Match) []byte {
	b = append(b, '[')
	for k, m := range ms {
		if k > 0 {
			b = append(b, ',')
		}
		o := jsonw.Begin(b)
		o.Str("pattern", string(m.Pattern))
		o.Int("i", m.I)
		o.Int("j", m.J)
		b = o.End()
	}
	return append(b, ']')
}
