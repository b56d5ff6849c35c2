package core

import (
	"strings"
	"unicode"
)

// FormField is one field of the form a password comes with, as the page
// has it: its type (an <input>'s type, "email", "text"...; any other
// element's type, or "") and its value. The request's form_fields carry
// them so that the page and a server re-checking the same form derive the
// same user inputs (see StrengthRequest.Inputs).
type FormField struct {
	Type  string `json:"type"`
	Value string `json:"value"`
}

// FieldTypeEmail is the type of a field that may hold the user's email.
const FieldTypeEmail = "email"

// Inputs are what zxcvbn gets from the request besides the password: the
// user inputs, in order, the explicit user_inputs, then the words of the
// form fields, then the parts of the email; and the email the request
// names, which decides whether a breach check is due (BreachRule).
//
// The email is the request's email when it is not blank, else the value
// of the first form field of type "email" that is not blank (that field
// gives no words of its own). Every other field gives its words: its
// value with surrounding white space trimmed and, when white space splits
// it in several, each part too (a blank field gives none). The email's
// parts are the address, its local part, the local part's words when
// there are several, and the domain's labels but the last.
func (req StrengthRequest) Inputs() (userInputs []string, email string) {
	inputs, _, email, _ := req.inputs()
	return inputs, email
}

// inputs is Inputs, and also how many of the inputs come before the
// email's parts and which form field names the email (-1: none).
func (req StrengthRequest) inputs() (inputs []string, given int, email string, from int) {
	email, from = req.email()
	inputs = append(inputs, req.UserInputs...)
	for i := range req.FormFields {
		// a field's words: the trimmed value and, when white space splits
		// it in several, the parts (strings.Fields, written out: fields)
		v := strings.TrimSpace(req.FormFields[i].Value)
		if i == from || v == "" {
			continue
		}
		inputs = append(inputs, v)
		if parts := fields(v, unicode.IsSpace); len(parts) > 1 {
			inputs = append(inputs, parts...)
		}
	}
	given = len(inputs)
	return append(inputs, emailParts(email)...), given, email, from
}

// email is the email the request names, trimmed, and the index of the
// form field it comes from (-1: the request's own email, or none).
func (req StrengthRequest) email() (email string, field int) {
	if e := strings.TrimSpace(req.Email); e != "" {
		return e, -1
	}
	for i, f := range req.FormFields {
		if f.Type == FieldTypeEmail {
			if e := strings.TrimSpace(f.Value); e != "" {
				return e, i
			}
		}
	}
	return "", -1
}
