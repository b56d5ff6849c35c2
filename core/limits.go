package core

import (
	"strconv"
	"strings"

	"github.com/passmeter/passmeter/core/internal/wtf8"
	"github.com/passmeter/passmeter/core/zxcvbn"
)

// Limits on a strength check request. zxcvbn matches every user input at
// every place in the password, so a long password with many inputs of
// many lengths (an email such as a.aa.aaa…@example.com makes one input of
// each length) costs time and memory in proportion to their product: one
// 16,384-character password with a 192 KiB email took 18 s and 2.5 GB.
// These bounds keep every request within a stated cost (README, "Limits")
// while leaving any real form's fields untouched; a request over them is
// refused with an error naming the field, never cut short.
const (
	// MaxEmailLength is RFC 5321's limit on an address (a 256-octet path
	// less its angle brackets), in octets of UTF-8.
	MaxEmailLength = 254
	// MaxEmailLocalLength is RFC 5321's limit on the local part.
	MaxEmailLocalLength = 64
	// MaxUserInputs bounds how many user_inputs a request may give. It and
	// MaxUserInputsLength are wide, as a zxcvbn user may pass a long list
	// of its own: the cost lies in MaxUserInputWork, not in the count.
	MaxUserInputs = 1024
	// MaxUserInputsLength bounds their total length in UTF-16 units.
	MaxUserInputsLength = 64 << 10
	// MaxUserInputWork bounds the password's length times the number of
	// different lengths among the user inputs and the email's parts
	// (zxcvbn.UserInputLengths): the most user-input matches zxcvbn can
	// make is about twice that. 4,096 × 20: a 4,096-unit password may
	// come with 20 lengths, a 16,384-unit one with 5, which a real form's
	// fields (a name, an email's parts) stay within; the costliest request
	// allowed then scores in about 50 ms of CPU (README, "Limits").
	MaxUserInputWork = 4096 * 20
	// MaxRequestBytes bounds a request's JSON text: the longest password
	// with every unit written as a \uXXXX escape, the longest email and
	// user inputs fit well within it. serve's body limit and the
	// WebAssembly module's input buffer both use it.
	MaxRequestBytes = 256 << 10
)

// checkLimits checks the request's email, user inputs and form fields
// (inputs, given, email and from as req.inputs gives them)
// against the limits above; the password's own length is checkPassword's.
// The form fields count by what they give zxcvbn: their words join the
// user_inputs in MaxUserInputs and MaxUserInputsLength, and the email one
// names is held to the email's limits (the email as Inputs gives it:
// trimmed).
func (req StrengthRequest) checkLimits(inputs []string, given int, email string, from int) error {
	field := "email"
	if from >= 0 {
		field = "form_fields"
		if !wtf8.Valid(email) {
			return fieldError(field, "must be valid UTF-8")
		}
	}
	if n := len(email); n > MaxEmailLength {
		return limitError(field, "email longer than", MaxEmailLength, " octets", n, rfc5321)
	}
	if at := strings.LastIndexByte(email, '@'); at > MaxEmailLocalLength {
		return limitError(field, "email's local part longer than", MaxEmailLocalLength, " octets", at, rfc5321)
	}
	if err := UserInputsCountError(len(req.UserInputs)); err != nil {
		return err
	}
	if n := len(req.FormFields); n > MaxUserInputs {
		return limitError("form_fields", "more than", MaxUserInputs, " elements", n, "")
	}
	field = "user_inputs"
	if given > len(req.UserInputs) {
		field = "form_fields"
	}
	if given > MaxUserInputs {
		return limitError(field, "with the user_inputs, more than", MaxUserInputs, " user inputs", given, "")
	}
	total := 0
	for i, in := range inputs[:given] {
		// the fields' words hold each value whole (trimmed of white space
		// only): this checks their text too
		switch {
		case wtf8.Valid(in):
		case i < len(req.UserInputs):
			return fieldError("user_inputs", "element "+strconv.Itoa(i)+" must be valid UTF-8")
		default:
			return fieldError("form_fields", "must be valid UTF-8")
		}
		total += wtf8.UTF16Len(in)
	}
	if total > MaxUserInputsLength {
		return limitError(field, "longer than", MaxUserInputsLength, " characters in all", total, "")
	}
	n := wtf8.UTF16Len(req.Password)
	if n == 0 {
		return nil
	}
	if lengths := zxcvbn.UserInputLengths(inputs); n*lengths > MaxUserInputWork {
		if given == 0 {
			field = "email"
		}
		return fieldError(field, "with a password of "+strconv.Itoa(n)+" characters, the user inputs and the email's parts may come in at most "+
			strconv.Itoa(MaxUserInputWork/n)+" different lengths ("+strconv.Itoa(lengths)+"): zxcvbn tries each at every place in the password")
	}
	return nil
}

// rfc5321 ends the email limits' errors.
const rfc5321 = ", the most RFC 5321 allows"

// limitError is every limit's error, in one shape: "<what> <limit><unit>
// (<got>)<why>" (one writer: each message spelt out with its own
// concatenation cost the WebAssembly module 0.8 KB brotli).
func limitError(field, what string, limit int, unit string, got int, why string) error {
	return fieldError(field, what+" "+strconv.Itoa(limit)+unit+" ("+strconv.Itoa(got)+")"+why)
}

// PasswordLength is a password's length as zxcvbn measures it and the
// limits count it: in UTF-16 units.
func PasswordLength(pw string) int { return wtf8.UTF16Len(pw) }

// PasswordLengthError is the error for a password of n UTF-16 units, or
// nil when n is within MaxPasswordLength: for callers that can measure a
// password before they copy it (the WebAssembly module).
func PasswordLengthError(n int) error {
	if n > MaxPasswordLength {
		return passwordTooLong(n)
	}
	return nil
}

func passwordTooLong(n int) error {
	return limitError("password", "longer than", MaxPasswordLength, " characters", n, "")
}

// UserInputsCountError is the error for user_inputs with n elements, or
// nil when n is within MaxUserInputs. Every element counts, also those
// zxcvbn skips (null, objects): the decoder and the WebAssembly module
// count the array before they read it.
func UserInputsCountError(n int) error {
	if n > MaxUserInputs {
		return limitError("user_inputs", "more than", MaxUserInputs, " elements", n, "")
	}
	return nil
}

// requestTooLarge is RequestTooLargeError's message, a constant (no
// strconv at run time; TestRequestTooLargeMessage holds it to
// MaxRequestBytes).
const requestTooLarge = "request is larger than 256 KiB"

// RequestTooLargeError is the error for a request whose JSON text is over
// MaxRequestBytes, refused before it is read: a 413, as serve's body limit.
func RequestTooLargeError() error {
	return TooLargeError(requestTooLarge)
}
