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

// warningTexts and suggestionTexts are zxcvbn 4.4.2's English, word for
// word, in the order of its feedback.coffee.
var warningTexts = [...]struct {
	code Warning
	text string
}{
	{WarningStraightRow, "Straight rows of keys are easy to guess"},
	{WarningKeyPattern, "Short keyboard patterns are easy to guess"},
	{WarningSimpleRepeat, `Repeats like "aaa" are easy to guess`},
	{WarningExtendedRepeat, `Repeats like "abcabcabc" are only slightly harder to guess than "abc"`},
	{WarningSequences, "Sequences like abc or 6543 are easy to guess"},
	{WarningRecentYears, "Recent years are easy to guess"},
	{WarningDates, "Dates are often easy to guess"},
	{WarningTopTen, "This is a top-10 common password"},
	{WarningTopHundred, "This is a top-100 common password"},
	{WarningCommon, "This is a very common password"},
	{WarningSimilarToCommon, "This is similar to a commonly used password"},
	{WarningWordByItself, "A word by itself is easy to guess"},
	{WarningNamesByThemselves, "Names and surnames by themselves are easy to guess"},
	{WarningCommonNames, "Common names and surnames are easy to guess"},
}

var suggestionTexts = [...]struct {
	code Suggestion
	text string
}{
	{SuggestionUseWords, "Use a few words, avoid common phrases"},
	{SuggestionNoNeed, "No need for symbols, digits, or uppercase letters"},
	{SuggestionAnotherWord, "Add another word or two. Uncommon words are better."},
	{SuggestionLongerKeyboardPattern, "Use a longer keyboard pattern with more turns"},
	{SuggestionRepeated, "Avoid repeated words and characters"},
	{SuggestionSequences, "Avoid sequences"},
	{SuggestionRecentYears, "Avoid recent years"},
	{SuggestionAssociatedYears, "Avoid years that are associated with you"},
	{SuggestionDates, "Avoid dates and years that are associated with you"},
	{SuggestionCapitalization, "Capitalization doesn't help very much"},
	{SuggestionAllUppercase, "All-uppercase is almost as easy to guess as all-lowercase"},
	{SuggestionReverseWords, "Reversed words aren't much harder to guess"},
	{SuggestionL33t, "Predictable substitutions like '@' instead of 'a' don't help very much"},
}

// WarningText returns zxcvbn 4.4.2's English text for a warning code. It
// returns the empty string for NoWarning and for an unknown code.
func WarningText(w Warning) string {
	for _, t := range warningTexts {
		if t.code == w {
			return t.text
		}
	}
	return ""
}

// SuggestionText returns zxcvbn 4.4.2's English text for a suggestion
// code. It returns the empty string if the code is unknown.
func SuggestionText(s Suggestion) string {
	for _, t := range suggestionTexts {
		if t.code == s {
			return t.text
		}
	}
	return ""
}

// Warnings returns every warning code (NoWarning aside) in zxcvbn's order,
// in a new slice.
func Warnings() []Warning {
	codes := make([]Warning, len(warningTexts))
	for i, t := range warningTexts {
		codes[i] = t.code
	}
	return codes
}

// Suggestions returns every suggestion code in zxcvbn's order, in a new
// slice.
func Suggestions() []Suggestion {
	codes := make([]Suggestion, len(suggestionTexts))
	for i, t := range suggestionTexts {
		codes[i] = t.code
	}
	return codes
}
