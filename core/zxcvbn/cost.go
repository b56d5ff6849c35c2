package zxcvbn

// UserInputLengths is how many different lengths, in UTF-16 units after
// zxcvbn's lower-casing, the user inputs come in: at any one place in the
// password at most that many of them can match, forwards and again
// backwards (two inputs of one length cannot both equal the same text), so
// the user-input dictionary adds at most about 2 × len(password) × this
// many matches, each scored by the search. The dictionary itself is found
// by hash (userWords), so this, not the number of inputs, is what a
// request's user inputs cost; core bounds it (core.MaxUserInputWork).
func UserInputLengths(inputs []string) int {
	seen := map[int]struct{}{}
	for _, in := range inputs {
		lower := toLowerJS(toUnits(in))
		if len(lower) == 0 || unitsString(lower) == "__proto__" {
			continue // stores no word (see newUserWords)
		}
		seen[len(lower)] = struct{}{}
	}
	return len(seen)
}
