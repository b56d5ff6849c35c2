package core

import (
	"github.com/passmeter/passmeter/core/internal/jsonw"
	"github.com/passmeter/passmeter/core/zxcvbn"
)

// AppendJSON appends the response in Stytch's field order, then
// passmeter's and zxcvbn's extras. Written by hand so that the
// WebAssembly module carries no reflection; encoding/json writes the same.
// Non-finite numbers are null, as JSON.stringify writes them: this is the
// JSON for HTTP and the command.
func (r StrengthResponse) AppendJSON(b []byte) []byte { return r.appendJSON(b, false) }

// AppendJSONForJS is AppendJSON for JSON.parse, as the WebAssembly module
// hands it to JavaScript: ±Infinity (the crack time zxcvbn.js overflows
// past about 5e306 guesses) as ±1e999, which JSON.parse reads as ±Infinity,
// so the JavaScript API returns what zxcvbn.js does.
func (r StrengthResponse) AppendJSONForJS(b []byte) []byte { return r.appendJSON(b, true) }

func (r StrengthResponse) appendJSON(b []byte, forJS bool) []byte {
	nf, times, matches := jsonw.AsNull, r.CrackTimesSeconds.AppendJSON, zxcvbn.AppendMatches
	if forJS {
		nf, times, matches = jsonw.AsOverflow, r.CrackTimesSeconds.AppendJSONForJS, zxcvbn.AppendMatchesForJS
	}
	o := jsonw.BeginWith(b, nf)
	o.Int("status_code", r.StatusCode)
	o.Str("request_id", r.RequestID)
	o.Bool("valid_password", r.ValidPassword)
	o.Int("score", r.Score)
	o.Bool("breached_password", r.BreachedPassword)
	o.Str("strength_policy", r.StrengthPolicy)
	o.Bool("breach_detection_on_create", r.BreachDetectionOnCreate)
	o.Raw("feedback", r.Feedback.AppendJSON)
	o.Str("breach_check", r.BreachCheck)
	o.Float("guesses", r.Guesses)
	o.Float("guesses_log10", r.GuessesLog10)
	o.Raw("crack_times_seconds", times)
	o.Raw("crack_times_display", r.CrackTimesDisplay.AppendJSON)
	if r.redacted != nil {
		o.Raw("sequence", func(b []byte) []byte { return r.redacted(b, r.Sequence) })
	} else {
		o.Raw("sequence", func(b []byte) []byte { return matches(b, r.Sequence) })
	}
	o.Float("calc_time_ms", r.CalcTimeMs)
	return o.End()
}

// MarshalJSON makes encoding/json write what AppendJSON writes.
func (r StrengthResponse) MarshalJSON() ([]byte, error) { return r.AppendJSON(nil), nil }

// AppendJSON appends Stytch's feedback object plus codes.
func (f StrengthFeedback) AppendJSON(b []byte) []byte {
	o := jsonw.Begin(b)
	o.Str("warning", f.Warning)
	o.Strs("suggestions", f.Suggestions)
	if f.LUDSRequirements == nil {
		o.Null("luds_requirements")
	} else {
		o.Raw("luds_requirements", f.LUDSRequirements.AppendJSON)
	}
	if f.NISTRequirements != nil {
		o.Raw("nist_requirements", f.NISTRequirements.AppendJSON)
	}
	o.Raw("codes", f.Codes.AppendJSON)
	return o.End()
}

// MarshalJSON makes encoding/json write what AppendJSON writes.
func (f StrengthFeedback) MarshalJSON() ([]byte, error) { return f.AppendJSON(nil), nil }
