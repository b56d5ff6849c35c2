package zxcvbn_test

import (
	"encoding/json"
	"fmt"

	"github.com/passmeter/passmeter/core/zxcvbn"
)

// zxcvbn lower-cases before it matches, İ becomes two units, and the
// tokens, sliced from the password at the lower case's indices, split
// the emoji: the JSON gives each half back as JSON.stringify writes it.
func ExampleEstimate_splitSurrogatePair() {
	r := zxcvbn.Estimate("İqwerty😀", nil, &zxcvbn.Options{ReferenceYear: 2026})
	for _, m := range r.Sequence {
		b, _ := m.MarshalJSON()
		var v struct {
			Token json.RawMessage `json:"token"` // raw: encoding/json would make a half U+FFFD
		}
		json.Unmarshal(b, &v)
		fmt.Println(m.Pattern, string(v.Token))
	}
	// Output:
	// bruteforce "İq"
	// dictionary "werty\ud83d"
	// bruteforce "\ude00"
}
