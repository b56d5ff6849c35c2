package zxcvbn

import "github.com/passmeter/passmeter/core/internal/clock"

// Options tune an estimate.
type Options struct {
	// ReferenceYear is the year dates and recent years are measured from.
	// zxcvbn.js takes the current year; zero does the same.
	ReferenceYear int
}

// Result is zxcvbn's result object.
type Result struct {
	Guesses           float64             `json:"guesses"`
	GuessesLog10      float64             `json:"guesses_log10"`
	Sequence          []*Match            `json:"sequence"`
	CrackTimesSeconds CrackTimes[float64] `json:"crack_times_seconds"`
	CrackTimesDisplay CrackTimes[string]  `json:"crack_times_display"`
	Score             int                 `json:"score"`
	Feedback          Feedback            `json:"feedback"`
	// CalcTime is how long the estimate took, in nanoseconds (not a
	// time.Duration: the wasm build links no package time).
	CalcTime int64 `json:"-"`
}

type estimator struct {
	referenceYear int
	user          userWords
	scr           *scratch
	bases         map[string]scoredBase // repeat bases scored so far
	// upperBefore[k], while a search runs, counts the capitals A-Z in
	// its password before k.
	upperBefore []int32
}

// Estimate scores password with userInputs (words that belong to the user
// or the site) as an extra dictionary, as zxcvbn(password, user_inputs).
//
// Text is WTF-8, so that any JavaScript string can be given: UTF-8, with
// a lone UTF-16 surrogate as the three bytes UTF-8's pattern gives it
// (U+D800 is "\xed\xa0\x80"), as core's JSON reader makes of a \ud800
// escape. Other invalid UTF-8 reads as U+FFFD. The tokens of the result
// are WTF-8 too: a token that splits a surrogate pair holds its half.
func Estimate(password string, userInputs []string, opts *Options) Result {
	start := clock.Nanotime()
	e := &estimator{user: newUserWords(userInputs), scr: getScratch()}
	defer putScratch(e.scr) // after the matches are copied into the result
	if opts != nil {
		e.referenceYear = opts.ReferenceYear
	}
	if e.referenceYear == 0 {
		e.referenceYear = clock.Year()
	}
	pw := toUnits(password)
	seq, guesses := e.mostGuessableSequence(pw, e.omnimatch(pw))
	r := Result{
		Guesses:      guesses,
		GuessesLog10: log10(guesses),
		Sequence:     make([]*Match, len(seq)),
		Score:        guessesToScore(guesses),
	}
	for k, m := range seq {
		r.Sequence[k] = m.public(pw)
	}
	r.CrackTimesSeconds, r.CrackTimesDisplay = crackTimes(guesses)
	r.Feedback = feedbackFor(r.Score, r.Sequence)
	r.CalcTime = clock.Nanotime() - start
	return r
}

// omnimatch is zxcvbn's: every matcher's matches, in zxcvbn's order. That
// order is a stable sort on (i, j); here they come stably sorted on i only,
// as mostGuessableSequence, their one reader, buckets them by j next, which
// gives the same order within each end. A matcher's own sort on (i, j)
// would change nothing either: equal spans keep their order. The answer
// lives in the scratch, until the next omnimatch.
func (e *estimator) omnimatch(pw []uint16) []*match {
	// Repeats go first: they score their bases with omnimatch, which
	// reuses the scratch lists below.
	repeats := e.repeatMatch(pw)
	dict := dictionaryMatch(pw, &e.user, &e.scr.arena, e.scr.lists[:0])
	forward := len(dict)
	dict = reverseDictionaryMatch(pw, &e.user, &e.scr.arena, dict)
	e.scr.lists = dict
	lists := [...][]*match{
		dict[:forward],
		dict[forward:],
		l33tMatch(pw, &e.user, &e.scr.arena),
		spatialMatch(pw, &e.scr.arena),
		repeats,
		sequenceMatch(pw, &e.scr.arena),
		regexMatch(pw),
		e.dateMatch(pw),
	}
	count := make([]int32, len(pw)+1)
	for _, ms := range lists {
		for _, m := range ms {
			count[m.i+1]++
		}
	}
	for k := 1; k < len(count); k++ {
		count[k] += count[k-1]
	}
	out := resize(e.scr.out, int(count[len(pw)]))
	e.scr.out = out
	e.scr.listsHigh = max(e.scr.listsHigh, len(dict))
	e.scr.outHigh = max(e.scr.outHigh, len(out))
	for _, ms := range lists {
		for _, m := range ms {
			out[count[m.i]] = m
			count[m.i]++
		}
	}
	return out
}
