package zxcvbn

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"testing"
)

// Each password gives the codes of zxcvbn's feedback; between them they
// give every code there is, each with its English text.
func TestFeedbackCodes(t *testing.T) {
	tests := []struct {
		password    string
		warning     Warning
		suggestions []Suggestion
	}{
		{"", NoWarning, []Suggestion{SuggestionUseWords, SuggestionNoNeed}},
		{"correct horse battery staple", NoWarning, []Suggestion{}},
		{"zxcvbnm,./", WarningStraightRow, []Suggestion{SuggestionAnotherWord, SuggestionLongerKeyboardPattern}},
		{"zxcvfr", WarningKeyPattern, []Suggestion{SuggestionAnotherWord, SuggestionLongerKeyboardPattern}},
		{"aaaaaa", WarningSimpleRepeat, []Suggestion{SuggestionAnotherWord, SuggestionRepeated}},
		{"abcabcabc", WarningExtendedRepeat, []Suggestion{SuggestionAnotherWord, SuggestionRepeated}},
		{"abcdefg", WarningSequences, []Suggestion{SuggestionAnotherWord, SuggestionSequences}},
		{"2019", WarningRecentYears, []Suggestion{SuggestionAnotherWord, SuggestionRecentYears, SuggestionAssociatedYears}},
		{"13/3/1998", WarningDates, []Suggestion{SuggestionAnotherWord, SuggestionDates}},
		{"password", WarningTopTen, []Suggestion{SuggestionAnotherWord}},
		{"qwertyuiop", WarningTopHundred, []Suggestion{SuggestionAnotherWord}},
		{"PASSWORD1", WarningCommon, []Suggestion{SuggestionAnotherWord, SuggestionAllUppercase}},
		{"Passw0rd", WarningSimilarToCommon, []Suggestion{SuggestionAnotherWord, SuggestionCapitalization, SuggestionL33t}},
		{"drowssap", WarningSimilarToCommon, []Suggestion{SuggestionAnotherWord, SuggestionReverseWords}},
		{"government", WarningWordByItself, []Suggestion{SuggestionAnotherWord}},
		{"jennifer", WarningNamesByThemselves, []Suggestion{SuggestionAnotherWord}},
		{"jennifer1985", WarningCommonNames, []Suggestion{SuggestionAnotherWord}},
	}
	seenW := map[Warning]bool{}
	seenS := map[Suggestion]bool{}
	for _, tt := range tests {
		f := Estimate(tt.password, nil, &Options{ReferenceYear: 2026}).Feedback
		if f.Codes.Warning != tt.warning || !slices.Equal(f.Codes.Suggestions, tt.suggestions) {
			t.Errorf("%q: codes %q %q, want %q %q", tt.password, f.Codes.Warning, f.Codes.Suggestions, tt.warning, tt.suggestions)
			continue
		}
		if f.Warning != WarningText(tt.warning) {
			t.Errorf("%q: warning %q, want %q", tt.password, f.Warning, WarningText(tt.warning))
		}
		for i, s := range tt.suggestions {
			if f.Suggestions[i] != SuggestionText(s) {
				t.Errorf("%q: suggestion %d is %q, want %q", tt.password, i, f.Suggestions[i], SuggestionText(s))
			}
			seenS[s] = true
		}
		seenW[tt.warning] = true
	}
	for _, w := range Warnings() {
		if !seenW[w] {
			t.Errorf("no test gives warning %q", w)
		}
	}
	for _, s := range Suggestions() {
		if !seenS[s] {
			t.Errorf("no test gives suggestion %q", s)
		}
	}
}

func TestCodeTexts(t *testing.T) {
	if WarningText(NoWarning) != "" || WarningText("nope") != "" || SuggestionText("nope") != "" {
		t.Error("no warning or an unknown code has a text")
	}
	// zxcvbn-ts's keys; three suggestions share their key with a warning.
	if WarningSequences != "sequences" || SuggestionSequences != "sequences" || SuggestionRecentYears != "recentYears" || SuggestionDates != "dates" {
		t.Error("the codes are not zxcvbn-ts's keys")
	}
	texts := map[string]bool{}
	for _, w := range Warnings() {
		if w == NoWarning || WarningText(w) == "" || texts[WarningText(w)] {
			t.Errorf("warning %q: text %q empty or repeated", w, WarningText(w))
		}
		texts[WarningText(w)] = true
	}
	for _, s := range Suggestions() {
		if SuggestionText(s) == "" || texts[SuggestionText(s)] {
			t.Errorf("suggestion %q: text %q empty or repeated", s, SuggestionText(s))
		}
		texts[SuggestionText(s)] = true
	}
	if len(Warnings()) != 14 || len(Suggestions()) != 13 {
		t.Errorf("%d warnings and %d suggestions, zxcvbn 4.4.2 has 14 and 13", len(Warnings()), len(Suggestions()))
	}
	w := Warnings()
	w[0] = "changed"
	if Warnings()[0] == "changed" {
		t.Error("Warnings hands out its own table")
	}
}

func TestCodesJSON(t *testing.T) {
	got := string(Codes{Warning: WarningDates, Suggestions: []Suggestion{SuggestionAnotherWord, SuggestionDates}}.AppendJSON(nil))
	if want := `{"warning":"dates","suggestions":["anotherWord","dates"]}`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if got := string(Codes{}.AppendJSON(nil)); got != `{"warning":"","suggestions":[]}` {
		t.Errorf("empty codes: %s", got)
	}
}

// Warnings and Suggestions list every constant of their type, once, in
// the order codes.go declares them.
func TestCodeListsAreTheConstants(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "codes.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var warnings []Warning
	var suggestions []Suggestion
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, spec := range g.Specs {
			v := spec.(*ast.ValueSpec)
			typ, _ := v.Type.(*ast.Ident)
			lit, _ := v.Values[0].(*ast.BasicLit)
			if typ == nil || lit == nil {
				continue
			}
			code, _ := strconv.Unquote(lit.Value)
			switch {
			case typ.Name == "Warning" && code != "":
				warnings = append(warnings, Warning(code))
			case typ.Name == "Suggestion":
				suggestions = append(suggestions, Suggestion(code))
			}
		}
	}
	if !slices.Equal(Warnings(), warnings) {
		t.Errorf("Warnings() = %q, the constants are %q", Warnings(), warnings)
	}
	if !slices.Equal(Suggestions(), suggestions) {
		t.Errorf("Suggestions() = %q, the constants are %q", Suggestions(), suggestions)
	}
}
