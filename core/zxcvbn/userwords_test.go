package zxcvbn

import (
	"fmt"
	"testing"
)

// userWords' tables (a chained hash table and a prefix bit set, not maps)
// find exactly the words a scan of every word finds, and no prefix of a
// word is ever missed.
func TestUserWordsFindWhatAScanFinds(t *testing.T) {
	for _, count := range []int{0, 1, 3, 40, 700} {
		var inputs []string
		for k := 0; k < count; k++ {
			inputs = append(inputs, fmt.Sprintf("w%dx", k*7919%1000), "", "Ann", "__proto__", "ÅSA", fmt.Sprint(k))
		}
		u := newUserWords(inputs)
		pw := toLowerJS(toUnits("xw7x12annåsa__proto__w123x00w999x"))
		for i := range pw {
			h := uint64(hashSeed)
			for j := i; j < len(pw); j++ {
				h = hashStep(h, pw[j])
				word := pw[i : j+1]
				var want []dictHit
				prefix := false
				for w, uw := range u.words {
					if len(uw) >= len(word) && equalUnits(uw[:len(word)], word) {
						prefix = true
					}
					if equalUnits(uw, word) {
						want = append(want, dictHit{j: j, list: userInputsList, rank: u.ranks[w], word: u.words[w]})
					}
				}
				if prefix && !u.mayPrefix(h) {
					t.Fatalf("%d inputs: %q is a prefix, mayPrefix says no", count, unitsString(word))
				}
				got := u.lookup(h, word, j, nil)
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Fatalf("%d inputs: lookup(%q) = %v, want %v", count, unitsString(word), got, want)
				}
			}
		}
	}
}
