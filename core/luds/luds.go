// Package luds checks Stytch's LUDS policy: Lower case, Upper case, Digits,
// Symbols, and a minimum length.
package luds

import (
	"strconv"

	"github.com/passmeter/passmeter/core/internal/jsonw"
	"github.com/passmeter/passmeter/core/internal/wtf8"
)

// Stytch's bounds and defaults for the policy's two settings.
const (
	DefaultMinLength     = 8
	DefaultMinComplexity = 3
	MinLengthLow         = 8
	MinLengthHigh        = 32
	MinComplexityLow     = 1
	MinComplexityHigh    = 4
)

// Options are the policy's settings; zero values take the defaults.
type Options struct {
	MinLength     int `json:"min_length"`
	MinComplexity int `json:"min_complexity"`
}

// Requirements is Stytch's luds_requirements object.
type Requirements struct {
	HasLowerCase      bool `json:"has_lower_case"`
	HasUpperCase      bool `json:"has_upper_case"`
	HasDigit          bool `json:"has_digit"`
	HasSymbol         bool `json:"has_symbol"`
	MissingComplexity int  `json:"missing_complexity"`
	MissingCharacters int  `json:"missing_characters"`
}

// Met reports whether nothing is missing.
func (r Requirements) Met() bool { return r.MissingComplexity == 0 && r.MissingCharacters == 0 }

// Normalize fills in defaults and checks Stytch's ranges; the error names
// the field at fault.
func (o Options) Normalize() (Options, error) {
	if o.MinLength == 0 {
		o.MinLength = DefaultMinLength
	}
	if o.MinComplexity == 0 {
		o.MinComplexity = DefaultMinComplexity
	}
	if o.MinLength < MinLengthLow || o.MinLength > MinLengthHigh {
		return o, OutOfRange("luds.min_length", o.MinLength)
	}
	if o.MinComplexity < MinComplexityLow || o.MinComplexity > MinComplexityHigh {
		return o, OutOfRange("luds.min_complexity", o.MinComplexity)
	}
	return o, nil
}

// OutOfRange is the error for a value got of the setting field
// ("luds.min_length" or "luds.min_complexity") outside Stytch's range.
func OutOfRange(field string, got int) *RangeError {
	if field == "luds.min_complexity" {
		return &RangeError{field, MinComplexityLow, MinComplexityHigh, got}
	}
	return &RangeError{field, MinLengthLow, MinLengthHigh, got}
}

// RangeError is a setting outside Stytch's range.
type RangeError struct {
	Field          string
	Low, High, Got int
}

func (e *RangeError) Error() string { return e.Field + ": " + e.Requirement() }

// Requirement says what the field must be, without its name.
func (e *RangeError) Requirement() string {
	return "must be between " + strconv.Itoa(e.Low) + " and " + strconv.Itoa(e.High) + ", got " + strconv.Itoa(e.Got)
}

// Check measures password against normalized options. A symbol is any
// character outside a-z, A-Z and 0-9; length counts code points, a lone
// surrogate (WTF-8) as one, as JavaScript's [...password].length does.
func Check(password string, o Options) Requirements {
	var r Requirements
	for _, c := range password {
		switch {
		case 'a' <= c && c <= 'z':
			r.HasLowerCase = true
		case 'A' <= c && c <= 'Z':
			r.HasUpperCase = true
		case '0' <= c && c <= '9':
			r.HasDigit = true
		default:
			r.HasSymbol = true
		}
	}
	classes := 0
	for _, has := range []bool{r.HasLowerCase, r.HasUpperCase, r.HasDigit, r.HasSymbol} {
		if has {
			classes++
		}
	}
	r.MissingComplexity = max(0, o.MinComplexity-classes)
	r.MissingCharacters = max(0, o.MinLength-wtf8.RuneCount(password))
	return r
}

// AppendJSON appends Stytch's luds_requirements object.
func (r Requirements) AppendJSON(b []byte) []byte {
	o := jsonw.Begin(b)
	o.Bool("has_lower_case", r.HasLowerCase)
	o.Bool("has_upper_case", r.HasUpperCase)
	o.Bool("has_digit", r.HasDigit)
	o.Bool("has_symbol", r.HasSymbol)
	o.Int("missing_complexity", r.MissingComplexity)
	o.Int("missing_characters", r.MissingCharacters)
	return o.End()
}

// MarshalJSON makes encoding/json write what AppendJSON writes.
func (r Requirements) MarshalJSON() ([]byte, error) { return r.AppendJSON(nil), nil }
