package core

import (
	"github.com/passmeter/passmeter/core/internal/jsonw"
	"github.com/passmeter/passmeter/core/internal/wtf8"
	"github.com/passmeter/passmeter/core/zxcvbn"
)

// PolicyNIST is the policy of NIST SP 800-63B-4 (section 3.1.1.2,
// passwords) and OWASP ASVS 5.0 (V6.2), beside Stytch's two; opt in with
// strength_policy "nist". Its rules, each from those texts:
//
//   - at least 15 characters, or 8 for a password used only as one factor
//     of multi-factor authentication (multi_factor: true): 800-63B-4 says
//     SHALL for both, ASVS 6.2.1 asks 8 and strongly recommends 15;
//   - characters are code points (800-63B-4: each SHALL count as one);
//   - no composition rule (800-63B-4 SHALL NOT, ASVS 6.2.5);
//   - not on a blocklist of commonly used, expected or compromised
//     passwords (800-63B-4 SHALL; ASVS 6.2.4, 6.2.11, 6.2.12): the whole
//     password is one word of zxcvbn's lists, or made only of common
//     passwords (zxcvbn's passwords list: trustno1letmein), the user's own
//     words (user_inputs and the email's parts, ASVS's context specific
//     words), repeats, sequences and keyboard walks; and a
//     breach check that sees it makes it invalid as in every policy;
//   - at least 64 characters allowed (800-63B-4 SHOULD, ASVS 6.2.9): up to
//     MaxPasswordLength UTF-16 units, never truncated (ASVS 6.2.8).
//
// zxcvbn's score does not decide validity here: neither text asks for a
// strength estimate, though both allow one as guidance (the feedback).
const PolicyNIST = "nist"

// NIST minimum lengths, in code points.
const (
	NISTMinLength            = 15
	NISTMinLengthMultiFactor = 8
)

// Blocklist reasons in NISTRequirements.Blocklisted.
const (
	BlockCommon    = "common"    // the whole password is a common word or password
	BlockContext   = "context"   // it is one of the user's own words
	BlockPredicted = "predicted" // it is one repeat, sequence or keyboard walk
)

// NISTRequirements is what the nist policy found, in the feedback as
// nist_requirements.
type NISTRequirements struct {
	MinLength         int    // 15, or 8 with multi_factor
	MissingCharacters int    // code points short of MinLength
	Blocklisted       string // "" or one of the Block reasons
}

// Met reports whether the password meets the policy (a breach aside).
func (r NISTRequirements) Met() bool { return r.MissingCharacters == 0 && r.Blocklisted == "" }

// AppendJSON appends the nist_requirements object.
func (r NISTRequirements) AppendJSON(b []byte) []byte {
	o := jsonw.Begin(b)
	o.Int("min_length", r.MinLength)
	o.Int("missing_characters", r.MissingCharacters)
	o.Bool("blocklisted", r.Blocklisted != "")
	o.Str("blocklist_reason", r.Blocklisted)
	return o.End()
}

// MarshalJSON makes encoding/json write what AppendJSON writes.
func (r NISTRequirements) MarshalJSON() ([]byte, error) { return r.AppendJSON(nil), nil }

// checkNIST applies the nist policy to a password and zxcvbn's sequence
// for it.
func checkNIST(password string, multiFactor bool, seq []*zxcvbn.Match) NISTRequirements {
	r := NISTRequirements{MinLength: NISTMinLength}
	if multiFactor {
		r.MinLength = NISTMinLengthMultiFactor
	}
	r.MissingCharacters = max(0, r.MinLength-wtf8.RuneCount(password))
	r.Blocklisted = blocklisted(seq)
	return r
}

// blocklisted is why a password with zxcvbn's sequence seq is on the
// blocklist, or "". Several words of the other lists (English, names, TV)
// make a passphrase, which both texts want, and are not blocked.
func blocklisted(seq []*zxcvbn.Match) string {
	if len(seq) == 1 && seq[0].Pattern == zxcvbn.PatternDictionary && seq[0].DictionaryName != "user_inputs" {
		return BlockCommon
	}
	common, context := false, false
	for _, m := range seq {
		switch {
		case m.Pattern == zxcvbn.PatternDictionary && m.DictionaryName == "user_inputs":
			context = true
		case m.Pattern == zxcvbn.PatternDictionary && m.DictionaryName == "passwords":
			common = true
		case m.Pattern == zxcvbn.PatternRepeat, m.Pattern == zxcvbn.PatternSequence, m.Pattern == zxcvbn.PatternSpatial:
		default:
			return ""
		}
	}
	switch {
	case len(seq) == 0:
		return ""
	case context:
		return BlockContext
	case common:
		return BlockCommon
	}
	return BlockPredicted
}
