// Package zxcvbn estimates password strength exactly as the npm package
// zxcvbn@4.4.2 does: the same matchers, guesses, score and feedback, on
// the same JavaScript string semantics, with a search that stays fast on
// long input.
//
// # Where each matcher lives
//
// The package is flat: the repeat matcher scores its base token with every
// matcher, so matchers in packages of their own would import each other.
// Each matcher's story is in these functions instead, in the order
// omnimatch (zxcvbn.go) runs them:
//
//	matcher     matching                            guesses                          feedback                     tests
//	repeat      repeatMatch, scoreBase,             baseGuesses × repeatCount        matchFeedback                TestSquareFinder
//	            squareFinder (repeat.go)            (estimateGuesses, guesses.go)    (feedback.go)
//	dictionary  dictionaryMatch, newUserWords       dictionaryGuesses,               dictionaryFeedback           TestFeedbackCodes
//	            (dictionary.go, wordindex.go)       uppercaseVariations (guesses.go) (feedback.go)
//	reversed    reverseDictionaryMatch              dictionaryGuesses (× 2)          dictionaryFeedback
//	            (dictionary.go)                                                      (SuggestionReverseWords)
//	l33t        l33tMatch, l33tSubs (l33t.go),      dictionaryGuesses,               dictionaryFeedback           TestL33tSearchMatchesBySub,
//	            l33tSearch (l33tsearch.go)          l33tVariations (guesses.go)                                   FuzzL33tSearch, TestL33tLowerCaseNotInPlace
//	spatial     spatialMatch, spatialMatchGraph     spatialGuesses (guesses.go)      matchFeedback
//	            (spatial.go)
//	sequence    sequenceMatch (sequence.go)         sequenceGuesses (guesses.go)     matchFeedback
//	regex       regexMatch, recentYearAt (regex.go) regexGuesses (guesses.go)        matchFeedback
//	date        dateMatch, bestSplit,               dateGuesses (guesses.go)         matchFeedback                TestDateMatchKeepsOnlyOutermost
//	            mapIntsToDMY (date.go)
//	bruteforce  bruteforce (search.go), the gaps    bruteforceGuessesLen (search.go) none: feedback comes from the longest match
//	            between matches
//
// Every matcher is also held to zxcvbn.js by TestParityWithZxcvbnJS
// (parity_test.go, on oracle data recorded from the npm package) and by
// FuzzEstimate (fuzz_test.go).
//
// Around the matchers:
//
//	file              what it holds                                              tests
//	search.go         mostGuessableSequence: zxcvbn's minimum-guesses search     TestTailIndexMatchesFullScan, TestScratchReuseChangesNothing
//	tails.go          the search's index of tails, bounds on log10               TestLog10Bounds
//	guesses.go        estimateGuesses and each pattern's guesses                 TestNCk
//	feedback.go       feedbackFor: the warning and suggestions of a sequence     TestFeedbackCodes
//	codes.go          the feedback codes (zxcvbn-ts's keys) and their English    TestCodeTexts, TestCodeListsAreTheConstants
//	timeestimates.go  crack times, their display and the score                   TestDisplayTime
//	jsstring.go       JavaScript string semantics: UTF-16 units, lower-casing    TestToLowerJS
//	jsmath.go         Math.pow, Math.log and Math.max as V8 computes them        TestJSLogMatchesV8
//	match.go          the internal match and the public Match
//	json.go           the JSON zxcvbn.js's result serialises to                  TestMatchJSONKeysAsZxcvbnJS
//	scratch.go        reused buffers and the match arena
//	data/             the lists and graphs of zxcvbn 4.4.2 (generated)
package zxcvbn
