// Package security computes an account's security level in the shape of
// Authing's GetSecurityInfoDto (the answer of get_security_level): a
// password strength level derived from a zxcvbn score, the bound factors,
// and a 0–100 security score.
//
// The zxcvbn score is supplied by the caller; this package does not score
// passwords itself.
//
// # Password level
//
// [Level] maps a zxcvbn score (0–4) to Authing's passwordSecurityLevel:
//
//	no password       → 0
//	score 0 or 1      → 1 (low)
//	score 2           → 2 (middle)
//	score 3 or 4      → 3 (high)
//
// Scores below 0 count as 0 and above 4 as 4. The high band starts at 3,
// the score zxcvbn and Stytch treat as a valid password.
//
// # Security score
//
// Authing publishes no weights, so [Score] adds the points below:
//
//	factor                     points
//	password level 0 (none)        0
//	password level 1 (low)        60
//	password level 2 (middle)     65
//	password level 3 (high)       70
//	MFA enrolled                 +16
//	email bound                   +7
//	phone bound                   +7
//
// Every weight is positive, so binding a factor or strengthening the
// password always raises the score; the maximum, 100, needs a high password
// with MFA, email and phone all bound; a low password with nothing bound
// scores 60, the one case Authing documents; an account with no password
// and nothing bound scores 0.
package security

// Password levels (Authing's passwordSecurityLevel).
const (
	LevelNone   = 0 // no password set
	LevelLow    = 1
	LevelMiddle = 2
	LevelHigh   = 3
)

// Weights of the security score; see the package documentation.
var levelPoints = [...]int{LevelNone: 0, LevelLow: 60, LevelMiddle: 65, LevelHigh: 70}

const (
	mfaPoints   = 16
	emailPoints = 7
	phonePoints = 7
)

// Level returns Authing's passwordSecurityLevel for a zxcvbn score:
// 0 when no password is set, otherwise 1 (low) for scores 0–1, 2 (middle)
// for 2 and 3 (high) for 3–4. Out-of-range scores are clamped to 0–4.
func Level(score int, passwordSet bool) int {
	switch {
	case !passwordSet:
		return LevelNone
	case score <= 1:
		return LevelLow
	case score == 2:
		return LevelMiddle
	default:
		return LevelHigh
	}
}

// Factors are what an account has bound besides its password.
type Factors struct {
	MFAEnrolled bool
	EmailBound  bool
	PhoneBound  bool
}

// Score returns the account's securityScore, 0–100, for a password level
// (as returned by [Level]; clamped to 0–3) and the bound factors. The
// weights are in the package documentation.
func Score(level int, f Factors) int {
	level = min(max(level, LevelNone), LevelHigh)
	s := levelPoints[level]
	if f.MFAEnrolled {
		s += mfaPoints
	}
	if f.EmailBound {
		s += emailPoints
	}
	if f.PhoneBound {
		s += phonePoints
	}
	return s
}

// Account is what Evaluate rates: whether a password is set, the zxcvbn
// score of that password, and the bound factors.
type Account struct {
	PasswordSet bool
	// PasswordScore is the password's zxcvbn score, 0–4; ignored when
	// PasswordSet is false.
	PasswordScore int
	Factors
}

// Info is Authing's GetSecurityInfoDto.
type Info struct {
	PasswordSecurityLevel int  `json:"passwordSecurityLevel"`
	MFAEnrolled           bool `json:"mfaEnrolled"`
	PasswordSet           bool `json:"passwordSet"`
	EmailBinded           bool `json:"emailBinded"`
	PhoneBinded           bool `json:"phoneBinded"`
	SecurityScore         int  `json:"securityScore"`
}

// Evaluate returns the security info of an account.
func Evaluate(a Account) Info {
	level := Level(a.PasswordScore, a.PasswordSet)
	return Info{
		PasswordSecurityLevel: level,
		MFAEnrolled:           a.MFAEnrolled,
		PasswordSet:           a.PasswordSet,
		EmailBinded:           a.EmailBound,
		PhoneBinded:           a.PhoneBound,
		SecurityScore:         Score(level, a.Factors),
	}
}
