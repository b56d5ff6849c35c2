package zxcvbn

// A Warning is the stable code of a feedback warning: zxcvbn-ts's key for
// it, so that zxcvbn-ts's translations apply. NoWarning is no warning.
type Warning string

// The warnings zxcvbn 4.4.2 gives.
const (
	NoWarning                Warning = ""
	WarningStraightRow       Warning = "straightRow"
	WarningKeyPattern        Warning = "keyPattern"
	WarningSimpleRepeat      Warning = "simpleRepeat"
	WarningExtendedRepeat    Warning = "extendedRepeat"
	WarningSequences         Warning = "sequences"
	WarningRecentYears       Warning = "recentYears"
	WarningDates             Warning = "dates"
	WarningTopTen            Warning = "topTen"
	WarningTopHundred        Warning = "topHundred"
	WarningCommon            Warning = "common"
	WarningSimilarToCommon   Warning = "similarToCommon"
	WarningWordByItself      Warning = "wordByItself"
	WarningNamesByThemselves Warning = "namesByThemselves"
	WarningCommonNames       Warning = "commonNames"
)

// A Suggestion is the stable code of a feedback suggestion: zxcvbn-ts's
// key for it. Suggestions and warnings are separate key spaces, as in
// zxcvbn-ts: SuggestionSequences and WarningSequences are both
// "sequences".
type Suggestion string

// The suggestions zxcvbn 4.4.2 gives.
const (
	SuggestionUseWords              Suggestion = "useWords"
	SuggestionNoNeed                Suggestion = "noNeed"
	SuggestionAnotherWord           Suggestion = "anotherWord"
	SuggestionLongerKeyboardPattern Suggestion = "longerKeyboardPattern"
	SuggestionRepeated              Suggestion = "repeated"
	SuggestionSequences             Suggestion = "sequences"
	SuggestionRecentYears           Suggestion = "recentYears"
	SuggestionAssociatedYears       Suggestion = "associatedYears"
	SuggestionDates                 Suggestion = "dates"
	SuggestionCapitalization        Suggestion = "capitalization"
	SuggestionAllUppercase          Suggestion = "allUppercase"
	SuggestionReverseWords          Suggestion = "reverseWords"
	SuggestionL33t                  Suggestion = "l33t"
)

// WarningText returns zxcvbn 4.4.2's English text for a warning code, word
// for word. It returns the empty string for NoWarning and for an unknown
// code.
func WarningText(w Warning) string {
	switch w {
	case WarningStraightRow:
		return "Straight rows of keys are easy to guess"
	case WarningKeyPattern:
		return "Short keyboard patterns are easy to guess"
	case WarningSimpleRepeat:
		return `Repeats like "aaa" are easy to guess`
	case WarningExtendedRepeat:
		return `Repeats like "abcabcabc" are only slightly harder to guess than "abc"`
	case WarningSequences:
		return "Sequences like abc or 6543 are easy to guess"
	case WarningRecentYears:
		return "Recent years are easy to guess"
	case WarningDates:
		return "Dates are often easy to guess"
	case WarningTopTen:
		return "This is a top-10 common password"
	case WarningTopHundred:
		return "This is a top-100 common password"
	case WarningCommon:
		return "This is a very common password"
	case WarningSimilarToCommon:
		return "This is similar to a commonly used password"
	case WarningWordByItself:
		return "A word by itself is easy to guess"
	case WarningNamesByThemselves:
		return "Names and surnames by themselves are easy to guess"
	case WarningCommonNames:
		return "Common names and surnames are easy to guess"
	}
	return ""
}

// SuggestionText returns zxcvbn 4.4.2's English text for a suggestion
// code, word for word. It returns the empty string if the code is unknown.
func SuggestionText(s Suggestion) string {
	switch s {
	case SuggestionUseWords:
		return "Use a few words, avoid common phrases"
	case SuggestionNoNeed:
		return "No need for symbols, digits, or uppercase letters"
	case SuggestionAnotherWord:
		return "Add another word or two. Uncommon words are better."
	case SuggestionLongerKeyboardPattern:
		return "Use a longer keyboard pattern with more turns"
	case SuggestionRepeated:
		return "Avoid repeated words and characters"
	case SuggestionSequences:
		return "Avoid sequences"
	case SuggestionRecentYears:
		return "Avoid recent years"
	case SuggestionAssociatedYears:
		return "Avoid years that are associated with you"
	case SuggestionDates:
		return "Avoid dates and years that are associated with you"
	case SuggestionCapitalization:
		return "Capitalization doesn't help very much"
	case SuggestionAllUppercase:
		return "All-uppercase is almost as easy to guess as all-lowercase"
	case SuggestionReverseWords:
		return "Reversed words aren't much harder to guess"
	case SuggestionL33t:
		return "Predictable substitutions like '@' instead of 'a' don't help very much"
	}
	return ""
}

// Warnings returns every warning code (NoWarning aside) in zxcvbn's order,
// in a new slice.
func Warnings() []Warning {
	return []Warning{WarningStraightRow, WarningKeyPattern, WarningSimpleRepeat, WarningExtendedRepeat, WarningSequences, WarningRecentYears, WarningDates, WarningTopTen, WarningTopHundred, WarningCommon, WarningSimilarToCommon, WarningWordByItself, WarningNamesByThemselves, WarningCommonNames}
}

// Suggestions returns every suggestion code in zxcvbn's order, in a new
// slice.
func Suggestions() []Suggestion {
	return []Suggestion{SuggestionUseWords, SuggestionNoNeed, SuggestionAnotherWord, SuggestionLongerKeyboardPattern, SuggestionRepeated, SuggestionSequences, SuggestionRecentYears, SuggestionAssociatedYears, SuggestionDates, SuggestionCapitalization, SuggestionAllUppercase, SuggestionReverseWords, SuggestionL33t}
}
