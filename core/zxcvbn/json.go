package zxcvbn

import "github.com/passmeter/passmeter/core/internal/jsonw"

// The JSON of results is written by hand (no reflection, so the
// WebAssembly module stays small), with the fields zxcvbn.js puts on each
// match for its pattern, in a fixed order.

// AppendJSON appends m as zxcvbn.js shapes a match.
func (m *Match) AppendJSON(b []byte) []byte { return m.appendJSON(b, jsonw.AsNull) }

func (m *Match) appendJSON(b []byte, nf jsonw.NonFinite) []byte {
	o := jsonw.BeginWith(b, nf)
	o.Str("pattern", string(m.Pattern))
	o.Int("i", m.I)
	o.Int("j", m.J)
	o.Str("token", m.Token)
	o.Float("guesses", m.Guesses)
	o.Float("guesses_log10", m.GuessesLog10)
	switch m.Pattern {
	case PatternDictionary:
		o.Str("matched_word", m.MatchedWord)
		if m.protoKey {
			o.Null("rank")
		} else {
			o.Int("rank", m.Rank)
		}
		o.Str("dictionary_name", m.DictionaryName)
		o.Bool("reversed", m.Reversed)
		o.Bool("l33t", m.L33t)
		if m.L33t {
			o.Raw("sub", func(b []byte) []byte {
				s := jsonw.Begin(b)
				for _, p := range m.Sub {
					s.Str(p.Sub, p.Letter)
				}
				return s.End()
			})
			o.Str("sub_display", m.SubDisplay)
		}
		o.Float("base_guesses", m.BaseGuesses)
		o.Float("uppercase_variations", m.UppercaseVariations)
		o.Float("l33t_variations", m.L33tVariations)
	case PatternSpatial:
		o.Str("graph", m.Graph)
		o.Int("turns", m.Turns)
		o.Int("shifted_count", m.ShiftedCount)
	case PatternRepeat:
		o.Str("base_token", m.BaseToken)
		o.Float("base_guesses", m.BaseGuesses)
		o.Raw("base_matches", func(b []byte) []byte { return appendMatches(b, m.BaseMatches, nf) })
		o.Float("repeat_count", m.RepeatCount)
	case PatternSequence:
		o.Str("sequence_name", m.SequenceName)
		o.Int("sequence_space", m.SequenceSpace)
		o.Bool("ascending", m.Ascending)
	case PatternRegex:
		o.Str("regex_name", m.RegexName)
		o.Strs("regex_match", m.RegexMatch)
	case PatternDate:
		o.Str("separator", m.Separator)
		o.Int("year", m.Year)
		o.Int("month", m.Month)
		o.Int("day", m.Day)
	}
	return o.End()
}

// MarshalJSON makes encoding/json write what AppendJSON writes.
func (m *Match) MarshalJSON() ([]byte, error) { return m.AppendJSON(nil), nil }

// AppendMatches appends a match sequence as a JSON array, non-finite
// numbers as null.
func AppendMatches(b []byte, ms []*Match) []byte { return appendMatches(b, ms, jsonw.AsNull) }

// AppendMatchesForJS is AppendMatches for JSON.parse: ±Infinity as ±1e999.
func AppendMatchesForJS(b []byte, ms []*Match) []byte { return appendMatches(b, ms, jsonw.AsOverflow) }

func appendMatches(b []byte, ms []*Match, nf jsonw.NonFinite) []byte {
	b = append(b, '[')
	for k, m := range ms {
		if k > 0 {
			b = append(b, ',')
		}
		b = m.appendJSON(b, nf)
	}
	return append(b, ']')
}

// AppendJSON appends the four scenarios in zxcvbn's order, non-finite
// times as null.
func (c CrackTimes[T]) AppendJSON(b []byte) []byte { return c.appendJSON(b, jsonw.AsNull) }

// AppendJSONForJS is AppendJSON for JSON.parse: the first time overflows
// to Infinity past about 5e306 guesses, written as 1e999.
func (c CrackTimes[T]) AppendJSONForJS(b []byte) []byte { return c.appendJSON(b, jsonw.AsOverflow) }

func (c CrackTimes[T]) appendJSON(b []byte, nf jsonw.NonFinite) []byte {
	o := jsonw.BeginWith(b, nf)
	for _, kv := range []struct {
		k string
		v T
	}{
		{"online_throttling_100_per_hour", c.OnlineThrottling100PerHour},
		{"online_no_throttling_10_per_second", c.OnlineNoThrottling10PerSecond},
		{"offline_slow_hashing_1e4_per_second", c.OfflineSlowHashing1e4PerSecond},
		{"offline_fast_hashing_1e10_per_second", c.OfflineFastHashing1e10PerSecond},
	} {
		switch v := any(kv.v).(type) {
		case float64:
			o.Float(kv.k, v)
		case string:
			o.Str(kv.k, v)
		}
	}
	return o.End()
}

// MarshalJSON makes encoding/json write what AppendJSON writes.
func (c CrackTimes[T]) MarshalJSON() ([]byte, error) { return c.AppendJSON(nil), nil }

// AppendJSON appends the codes object.
func (c Codes) AppendJSON(b []byte) []byte {
	o := jsonw.Begin(b)
	o.Str("warning", string(c.Warning))
	o.Raw("suggestions", func(b []byte) []byte {
		b = append(b, '[')
		for i, s := range c.Suggestions {
			if i > 0 {
				b = append(b, ',')
			}
			b = jsonw.String(b, string(s))
		}
		return append(b, ']')
	})
	return o.End()
}

// MarshalJSON makes encoding/json write what AppendJSON writes.
func (c Codes) MarshalJSON() ([]byte, error) { return c.AppendJSON(nil), nil }

// AppendJSON appends zxcvbn's feedback object with its codes.
func (f Feedback) AppendJSON(b []byte) []byte {
	o := jsonw.Begin(b)
	o.Str("warning", f.Warning)
	o.Strs("suggestions", f.Suggestions)
	o.Raw("codes", f.Codes.AppendJSON)
	return o.End()
}

// MarshalJSON makes encoding/json write what AppendJSON writes.
func (f Feedback) MarshalJSON() ([]byte, error) { return f.AppendJSON(nil), nil }

// AppendJSON appends the result as zxcvbn.js returns it (calc_time in ms),
// non-finite numbers as null.
func (r Result) AppendJSON(b []byte) []byte { return r.appendJSON(b, jsonw.AsNull) }

// AppendJSONForJS is AppendJSON for JSON.parse: ±Infinity as ±1e999, which
// it reads back as the Infinity zxcvbn.js returns.
func (r Result) AppendJSONForJS(b []byte) []byte { return r.appendJSON(b, jsonw.AsOverflow) }

func (r Result) appendJSON(b []byte, nf jsonw.NonFinite) []byte {
	o := jsonw.BeginWith(b, nf)
	o.Float("guesses", r.Guesses)
	o.Float("guesses_log10", r.GuessesLog10)
	o.Raw("sequence", func(b []byte) []byte { return appendMatches(b, r.Sequence, nf) })
	o.Raw("crack_times_seconds", func(b []byte) []byte { return r.CrackTimesSeconds.appendJSON(b, nf) })
	o.Raw("crack_times_display", r.CrackTimesDisplay.AppendJSON)
	o.Int("score", r.Score)
	o.Raw("feedback", r.Feedback.AppendJSON)
	o.Float("calc_time", float64(r.CalcTime/1000)/1000)
	return o.End()
}

// MarshalJSON makes encoding/json write what AppendJSON writes.
func (r Result) MarshalJSON() ([]byte, error) { return r.AppendJSON(nil), nil }
