package zxcvbn_test

import (
	"fmt"

	"github.com/passmeter/passmeter/core/zxcvbn"
)

func ExampleEstimate() {
	// The user's own word, capitalised and in l33t, matches at rank 1.
	r := zxcvbn.Estimate("Tr0ub4dour&3", []string{"troubadour"}, &zxcvbn.Options{ReferenceYear: 2026})
	fmt.Println(r.Score, r.Guesses)
	for _, m := range r.Sequence {
		fmt.Println(m.Pattern, m.Token)
	}
	fmt.Printf("%q %q\n", r.Feedback.Codes.Warning, r.Feedback.Codes.Suggestions)
	fmt.Println(r.Feedback.Suggestions[0])
	// Output:
	// 1 20000
	// dictionary Tr0ub4dour
	// bruteforce &3
	// "" ["anotherWord" "capitalization" "l33t"]
	// Add another word or two. Uncommon words are better.
}

func ExampleWarningText() {
	r := zxcvbn.Estimate("abcdef", nil, nil)
	fmt.Printf("%s: %s\n", r.Feedback.Codes.Warning, zxcvbn.WarningText(r.Feedback.Codes.Warning))
	for _, s := range r.Feedback.Codes.Suggestions {
		fmt.Printf("%s: %s\n", s, zxcvbn.SuggestionText(s))
	}
	// Output:
	// sequences: Sequences like abc or 6543 are easy to guess
	// anotherWord: Add another word or two. Uncommon words are better.
	// sequences: Avoid sequences
}
