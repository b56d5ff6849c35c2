package zxcvbn

import "math"

// Feedback is zxcvbn's verdict for the user: a warning (or "") and
// suggestions, in zxcvbn 4.4.2's English, with a stable code for each
// message so that callers can translate them.
type Feedback struct {
	Warning     string   `json:"warning"`
	Suggestions []string `json:"suggestions"`
	Codes       Codes    `json:"codes"`
}

// Codes are the stable keys of a Feedback's messages (NoWarning for no
// warning), in the order of its texts.
type Codes struct {
	Warning     Warning      `json:"warning"`
	Suggestions []Suggestion `json:"suggestions"`
}

func newFeedback(warning Warning, suggestions ...Suggestion) Feedback {
	f := Feedback{Warning: WarningText(warning), Suggestions: []string{}, Codes: Codes{Warning: warning, Suggestions: []Suggestion{}}}
	for _, s := range suggestions {
		f.Suggestions = append(f.Suggestions, SuggestionText(s))
		f.Codes.Suggestions = append(f.Codes.Suggestions, s)
	}
	return f
}

// feedbackFor is zxcvbn's get_feedback.
func feedbackFor(score int, seq []*Match) Feedback {
	if len(seq) == 0 {
		return newFeedback(NoWarning, SuggestionUseWords, SuggestionNoNeed)
	}
	if score > 2 {
		return newFeedback(NoWarning)
	}
	longest := seq[0]
	for _, m := range seq[1:] {
		if m.J-m.I > longest.J-longest.I {
			longest = m
		}
	}
	warning, suggestions := matchFeedback(longest, len(seq) == 1)
	return newFeedback(warning, append([]Suggestion{SuggestionAnotherWord}, suggestions...)...)
}

func matchFeedback(m *Match, sole bool) (warning Warning, suggestions []Suggestion) {
	switch m.Pattern {
	case PatternDictionary:
		return dictionaryFeedback(m, sole)
	case PatternSpatial:
		if m.Turns == 1 {
			return WarningStraightRow, []Suggestion{SuggestionLongerKeyboardPattern}
		}
		return WarningKeyPattern, []Suggestion{SuggestionLongerKeyboardPattern}
	case PatternRepeat:
		if m.baseLen == 1 {
			return WarningSimpleRepeat, []Suggestion{SuggestionRepeated}
		}
		return WarningExtendedRepeat, []Suggestion{SuggestionRepeated}
	case PatternSequence:
		return WarningSequences, []Suggestion{SuggestionSequences}
	case PatternRegex:
		if m.RegexName == "recent_year" {
			return WarningRecentYears, []Suggestion{SuggestionRecentYears, SuggestionAssociatedYears}
		}
	case PatternDate:
		return WarningDates, []Suggestion{SuggestionDates}
	}
	return NoWarning, nil
}

func dictionaryFeedback(m *Match, sole bool) (warning Warning, suggestions []Suggestion) {
	switch m.DictionaryName {
	case "passwords":
		rank := float64(m.Rank)
		if m.protoKey {
			rank = math.NaN() // compares false, as a non-number rank does in zxcvbn.js
		}
		switch {
		case sole && !m.L33t && !m.Reversed:
			switch {
			case rank <= 10:
				warning = WarningTopTen
			case rank <= 100:
				warning = WarningTopHundred
			default:
				warning = WarningCommon
			}
		case m.GuessesLog10 <= 4:
			warning = WarningSimilarToCommon
		}
	case "english_wikipedia":
		if sole {
			warning = WarningWordByItself
		}
	case "surnames", "male_names", "female_names":
		if sole {
			warning = WarningNamesByThemselves
		} else {
			warning = WarningCommonNames
		}
	}
	word := toUnits(m.Token)
	switch {
	case startUpper(word):
		suggestions = append(suggestions, SuggestionCapitalization)
	case !anyUnit(word, isASCIILower) && !equalUnits(toLowerJS(word), word):
		suggestions = append(suggestions, SuggestionAllUppercase)
	}
	if m.Reversed && m.J-m.I+1 >= 4 {
		suggestions = append(suggestions, SuggestionReverseWords)
	}
	if m.L33t {
		suggestions = append(suggestions, SuggestionL33t)
	}
	return warning, suggestions
}
