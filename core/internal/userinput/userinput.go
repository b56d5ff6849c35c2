// Package userinput holds zxcvbn.js's rule for what counts as a user
// input, in one place for the request decoder and the parity test:
//
//	if typeof arg in ['string', 'number', 'boolean']
//	  sanitized_inputs.push arg.toString().toLowerCase()
//
// The engine lower-cases; this gives the string forms.
package userinput

import (
	"strconv"

	"github.com/passmeter/passmeter/core/internal/jsonr"
)

// FromJSON returns the string form of each item zxcvbn keeps, in order: a
// string as it is (WTF-8), a number as Number.prototype.toString writes
// it, a boolean as "true" or "false". Anything else (null, an object, an
// array) is left out and takes no rank: zxcvbn ranks the kept inputs by
// their place among themselves.
func FromJSON(items []jsonr.Value) []string {
	out := make([]string, 0, len(items))
	for i := range items {
		switch it := &items[i]; it.Kind {
		case jsonr.String:
			out = append(out, it.Str)
		case jsonr.Number:
			out = append(out, numberText(it.Num))
		case jsonr.Bool:
			out = append(out, strconv.FormatBool(it.Bool))
		}
	}
	return out
}
