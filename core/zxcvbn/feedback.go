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

// Codes are the stable keys of a Feedback's messages ("" for no warning).
type Codes struct {
	Warning     string   `json:"warning"`
	Suggestions []string `json:"suggestions"`
}

// Messages maps each feedback code to zxcvbn 4.4.2's English text.
var Messages = map[string]string{
	"straightRow":           "Straight rows of keys are easy to guess",
	"keyPattern":            "Short keyboard patterns are easy to guess",
	"simpleRepeat":          `Repeats like "aaa" are easy to guess`,
	"extendedRepeat":        `Repeats like "abcabcabc" are only slightly harder to guess than "abc"`,
	"sequences":             "Sequences like abc or 6543 are easy to guess",
	"recentYears":           "Recent years are easy to guess",
	"dates":                 "Dates are often easy to guess",
	"topTen":                "This is a top-10 common password",
	"topHundred":            "This is a top-100 common password",
	"common":                "This is a very common password",
	"similarToCommon":       "This is similar to a commonly used password",
	"wordByItself":          "A word by itself is easy to guess",
	"namesByThemselves":     "Names and surnames by themselves are easy to guess",
	"commonNames":           "Common names and surnames are easy to guess",
	"useWords":              "Use a few words, avoid common phrases",
	"noNeed":                "No need for symbols, digits, or uppercase letters",
	"anotherWord":           "Add another word or two. Uncommon words are better.",
	"longerKeyboardPattern": "Use a longer keyboard pattern with more turns",
	"repeated":              "Avoid repeated words and characters",
	"avoidSequences":        "Avoid sequences",
	"avoidRecentYears":      "Avoid recent years",
	"associatedYears":       "Avoid years that are associated with you",
	"avoidDates":            "Avoid dates and years that are associated with you",
	"capitalization":        "Capitalization doesn't help very much",
	"allUppercase":          "All-uppercase is almost as easy to guess as all-lowercase",
	"reverseWords":          "Reversed words aren't much harder to guess",
	"l33t":                  "Predictable substitutions like '@' instead of 'a' don't help very much",
}

func newFeedback(warning string, suggestions ...string) Feedback {
	f := Feedback{Warning: Messages[warning], Suggestions: []string{}, Codes: Codes{Warning: warning, Suggestions: []string{}}}
	for _, s := range suggestions {
		f.Suggestions = append(f.Suggestions, Messages[s])
		f.Codes.Suggestions = append(f.Codes.Suggestions, s)
	}
	return f
}

// feedbackFor is zxcvbn's get_feedback.
func feedbackFor(score int, seq []*Match) Feedback {
	if len(seq) == 0 {
		return newFeedback("", "useWords", "noNeed")
	}
	if score > 2 {
		return newFeedback("")
	}
	longest := seq[0]
	for _, m := range seq[1:] {
		if m.J-m.I > longest.J-longest.I {
			longest = m
		}
	}
	warning, suggestions := matchFeedback(longest, len(seq) == 1)
	return newFeedback(warning, append([]string{"anotherWord"}, suggestions...)...)
}

func matchFeedback(m *Match, sole bool) (warning string, suggestions []string) {
	switch m.Pattern {
	case PatternDictionary:
		return dictionaryFeedback(m, sole)
	case PatternSpatial:
		if m.Turns == 1 {
			return "straightRow", []string{"longerKeyboardPattern"}
		}
		return "keyPattern", []string{"longerKeyboardPattern"}
	case PatternRepeat:
		if m.baseLen == 1 {
			return "simpleRepeat", []string{"repeated"}
		}
		return "extendedRepeat", []string{"repeated"}
	case PatternSequence:
		return "sequences", []string{"avoidSequences"}
	case PatternRegex:
		if m.RegexName == "recent_year" {
			return "recentYears", []string{"avoidRecentYears", "associatedYears"}
		}
	case PatternDate:
		return "dates", []string{"avoidDates"}
	}
	return "", nil
}

func dictionaryFeedback(m *Match, sole bool) (warning string, suggestions []string) {
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
				warning = "topTen"
			case rank <= 100:
				warning = "topHundred"
			default:
				warning = "common"
			}
		case m.GuessesLog10 <= 4:
			warning = "similarToCommon"
		}
	case "english_wikipedia":
		if sole {
			warning = "wordByItself"
		}
	case "surnames", "male_names", "female_names":
		if sole {
			warning = "namesByThemselves"
		} else {
			warning = "commonNames"
		}
	}
	word := toUnits(m.Token)
	switch {
	case startUpper(word):
		suggestions = append(suggestions, "capitalization")
	case !anyUnit(word, isASCIILower) && !equalUnits(toLowerJS(word), word):
		suggestions = append(suggestions, "allUppercase")
	}
	if m.Reversed && m.J-m.I+1 >= 4 {
		suggestions = append(suggestions, "reverseWords")
	}
	if m.L33t {
		suggestions = append(suggestions, "l33t")
	}
	return warning, suggestions
}
