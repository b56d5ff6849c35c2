package core

import (
	"errors"

	"github.com/passmeter/passmeter/core/internal/jsonr"
	"github.com/passmeter/passmeter/core/internal/wtf8"
	"github.com/passmeter/passmeter/core/luds"
)

// Validate checks a request's fields as Stytch would, naming the first
// field at fault.
//
// Text is WTF-8 (core/internal/wtf8): a lone surrogate, which a JSON
// \udXXX escape gives, is a JavaScript string zxcvbn scores; only bytes
// that encode no string at all are refused.
func (req StrengthRequest) Validate() error {
	_, err := req.validate()
	return err
}

// validate is Validate, and gives the user inputs it checked, which
// StrengthCheck scores with (derived once).
func (req StrengthRequest) validate() ([]string, error) {
	if err := checkPassword(req.Password); err != nil {
		return nil, err
	}
	switch req.StrengthPolicy {
	case "", PolicyZXCVBN, PolicyLUDS, PolicyNIST:
	default:
		return nil, fieldError("strength_policy", `must be "`+PolicyZXCVBN+`", "`+PolicyLUDS+`" or "`+PolicyNIST+`"`) // the value is not quoted back: it may be anything, a password too
	}
	if _, err := req.ludsOptions().Normalize(); err != nil {
		if re, ok := errors.AsType[*luds.RangeError](err); ok {
			return nil, fieldError(re.Field, re.Requirement())
		}
		return nil, fieldError("luds", err.Error())
	}
	if err := checkReferenceYear(req.ReferenceYear); err != nil {
		return nil, err
	}
	if !wtf8.Valid(req.Email) {
		return nil, fieldError("email", "must be valid UTF-8")
	}
	inputs, given, email, from := req.inputs()
	return inputs, req.checkLimits(inputs, given, email, from)
}

// checkPassword is the rule for a password in every request: WTF-8, and
// at most MaxPasswordLength UTF-16 units.
func checkPassword(pw string) error {
	if !wtf8.Valid(pw) {
		return fieldError("password", "must be valid UTF-8")
	}
	return PasswordLengthError(wtf8.UTF16Len(pw))
}

// checkReferenceYear is the rule for reference_year in every request: 0
// (this year) or a year from 1 to 9999.
func checkReferenceYear(year int) error {
	if year < 0 || year > 9999 {
		return fieldError("reference_year", "must be a year between 1 and 9999 (0 or none: this year)")
	}
	return nil
}

// DecodeStrengthRequest parses and validates a JSON strength check
// request strictly: wrong types, a missing password, invalid UTF-8 and
// trailing data are errors that name the field.
func DecodeStrengthRequest(body []byte) (StrengthRequest, error) {
	var req StrengthRequest
	obj, err := decodeObject(body, []jsonField{
		{"password", stringField(&req.Password)},
		{"email", stringField(&req.Email)},
		{"user_inputs", userInputsField(&req.UserInputs)},
		{"form_fields", formFieldsField(&req.FormFields)},
		{"strength_policy", stringField(&req.StrengthPolicy)},
		{"luds", ludsField(&req.LUDS)},
		{"reference_year", intField(&req.ReferenceYear)},
		{"multi_factor", boolField(&req.MultiFactor)},
	})
	if err != nil {
		return req, err
	}
	if v, ok := obj.Get("password"); !ok || v.Kind == jsonr.Null {
		return req, fieldError("password", "is required")
	}
	return req, req.Validate()
}
