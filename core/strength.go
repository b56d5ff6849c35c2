package core

import (
	"math/rand/v2"
	"strings"
	"unicode"

	"github.com/passmeter/passmeter/core/internal/clock"
	"github.com/passmeter/passmeter/core/luds"
	"github.com/passmeter/passmeter/core/zxcvbn"
)

// The strength policies Stytch offers.
const (
	PolicyZXCVBN = "zxcvbn"
	PolicyLUDS   = "luds"
)

// MaxPasswordLength bounds a password in UTF-16 code units, as JavaScript
// measures it. Longer input is refused with an error, never truncated.
const MaxPasswordLength = 16384

// StrengthRequest is Stytch's strength check request with passmeter's
// extensions (user_inputs, form_fields, strength_policy, luds,
// reference_year). Its
// text is WTF-8, as zxcvbn.Estimate takes it (a lone surrogate from a JSON
// \udXXX escape is kept); DecodeStrengthRequest gives UserInputs as
// zxcvbn.js takes user_inputs: numbers and booleans as their JavaScript
// string form, anything else left out.
type StrengthRequest struct {
	Password   string   `json:"password"`
	Email      string   `json:"email,omitempty"`
	UserInputs []string `json:"user_inputs,omitempty"`
	// FormFields are the form's other fields: their words are user inputs
	// and the first email field names the email when Email is blank
	// (Inputs).
	FormFields     []FormField   `json:"form_fields,omitempty"`
	StrengthPolicy string        `json:"strength_policy,omitempty"`
	LUDS           *luds.Options `json:"luds,omitempty"`
	// ReferenceYear pins zxcvbn's reference year; zero means this year.
	ReferenceYear int `json:"reference_year,omitempty"`
	// MultiFactor says the password is only ever one factor of
	// multi-factor authentication: the nist policy then asks 8 characters
	// rather than 15.
	MultiFactor bool `json:"multi_factor,omitempty"`
}

// StrengthFeedback is Stytch's feedback object plus stable message codes.
type StrengthFeedback struct {
	Warning          string             `json:"warning"`
	Suggestions      []string           `json:"suggestions"`
	LUDSRequirements *luds.Requirements `json:"luds_requirements"`
	// NISTRequirements is set for the nist policy only, and written only
	// then (nist_requirements).
	NISTRequirements *NISTRequirements `json:"nist_requirements,omitempty"`
	Codes            zxcvbn.Codes      `json:"codes"`
}

// StrengthResponse is Stytch's strength check response plus zxcvbn's
// own result fields.
type StrengthResponse struct {
	StatusCode              int              `json:"status_code"`
	RequestID               string           `json:"request_id"`
	ValidPassword           bool             `json:"valid_password"`
	Score                   int              `json:"score"`
	BreachedPassword        bool             `json:"breached_password"`
	StrengthPolicy          string           `json:"strength_policy"`
	BreachDetectionOnCreate bool             `json:"breach_detection_on_create"`
	Feedback                StrengthFeedback `json:"feedback"`
	// BreachCheck says how a breach check went: "ok", "breached",
	// "unavailable", or "skipped" when none ran.
	BreachCheck       string                     `json:"breach_check"`
	Guesses           float64                    `json:"guesses"`
	GuessesLog10      float64                    `json:"guesses_log10"`
	CrackTimesSeconds zxcvbn.CrackTimes[float64] `json:"crack_times_seconds"`
	CrackTimesDisplay zxcvbn.CrackTimes[string]  `json:"crack_times_display"`
	Sequence          []*zxcvbn.Match            `json:"sequence"`
	CalcTimeMs        float64                    `json:"calc_time_ms"`

	// redacted writes the sequence when RedactSequence was called (a
	// function rather than a flag, so that a program that never redacts,
	// the WebAssembly module, does not link the writer).
	redacted func(b []byte, ms []*zxcvbn.Match) []byte
}

// StrengthCheck scores a request. It never touches the network: the
// response says breach_check "skipped"; see BreachRule for adding one.
func StrengthCheck(req StrengthRequest) (StrengthResponse, error) {
	inputs, err := req.validate()
	if err != nil {
		return StrengthResponse{}, err
	}
	start := clock.Nanotime()
	policy := req.StrengthPolicy
	if policy == "" {
		policy = PolicyZXCVBN
	}
	r := zxcvbn.Estimate(req.Password, inputs, &zxcvbn.Options{ReferenceYear: req.ReferenceYear})
	resp := StrengthResponse{
		StatusCode:     200,
		RequestID:      NewRequestID(),
		Score:          r.Score,
		StrengthPolicy: policy,
		BreachCheck:    BreachSkipped,
		Feedback: StrengthFeedback{
			Warning:     r.Feedback.Warning,
			Suggestions: r.Feedback.Suggestions,
			Codes:       r.Feedback.Codes,
		},
		Guesses:           r.Guesses,
		GuessesLog10:      r.GuessesLog10,
		CrackTimesSeconds: r.CrackTimesSeconds,
		CrackTimesDisplay: r.CrackTimesDisplay,
		Sequence:          r.Sequence,
	}
	switch policy {
	case PolicyLUDS:
		opts, _ := req.ludsOptions().Normalize() // checked by Validate
		lr := luds.Check(req.Password, opts)
		resp.Feedback.LUDSRequirements = &lr
		resp.ValidPassword = lr.Met()
	case PolicyNIST:
		nr := checkNIST(req.Password, req.MultiFactor, r.Sequence)
		resp.Feedback.NISTRequirements = &nr
		resp.ValidPassword = nr.Met()
	default:
		resp.ValidPassword = r.Score >= 3
	}
	resp.CalcTimeMs = float64((clock.Nanotime()-start)/1000) / 1000
	return resp, nil
}

func (req StrengthRequest) ludsOptions() luds.Options {
	if req.LUDS == nil {
		return luds.Options{}
	}
	return *req.LUDS
}

func emailParts(email string) []string {
	email = strings.TrimSpace(email)
	if email == "" {
		return nil
	}
	parts := []string{email}
	at := strings.LastIndexByte(email, '@')
	if at < 0 {
		return parts
	}
	local, domain := email[:at], email[at+1:]
	parts = append(parts, local)
	if words := localWords(local); len(words) > 1 {
		parts = append(parts, words...)
	}
	// the labels but the last, as strings.Split(domain, ".") gives them
	for start, i := 0, 0; i < len(domain); i++ {
		if domain[i] == '.' {
			parts = append(parts, domain[start:i])
			start = i + 1
		}
	}
	return parts
}

// localWords is strings.FieldsFunc(local, notWord): the runs of letters
// and digits (an invalid byte, read as U+FFFD, is neither), written out
// because FieldsFunc and Split cost the WebAssembly module 4.9 KB.
func localWords(local string) []string { return fields(local, notWord) }

func notWord(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// fields is strings.FieldsFunc(s, sep), written out (see localWords).
func fields(s string, sep func(rune) bool) []string {
	var words []string
	start := -1 // the current word's first byte, or -1 between words
	for i, r := range s {
		word := !sep(r)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			words = append(words, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, s[start:])
	}
	return words
}

// NewRequestID returns a fresh id in Stytch's format, for a response or
// an error.
func NewRequestID() string {
	// An id to quote in logs, not a secret: math/rand/v2 is enough, and
	// crypto/rand would add big.Int and more to the WebAssembly module.
	const digits = "0123456789abcdef"
	var h [32]byte
	for k, x := 0, rand.Uint64(); k < 16; k, x = k+1, x>>4 {
		h[k] = digits[x&15]
	}
	for k, x := 16, rand.Uint64(); k < 32; k, x = k+1, x>>4 {
		h[k] = digits[x&15]
	}
	h[12] = '4'                   // version 4
	h[16] = digits[8|(h[16]&3)%4] // variant 10xx
	s := string(h[:])
	return "request-id-" + s[:8] + "-" + s[8:12] + "-" + s[12:16] + "-" + s[16:20] + "-" + s[20:]
}
