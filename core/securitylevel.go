package core

import (
	"github.com/passmeter/passmeter/core/security"
	"github.com/passmeter/passmeter/core/zxcvbn"
)

// SecurityRequest is Authing's get_security_level input: the password (if
// one is set) and which factors the account has bound.
type SecurityRequest struct {
	Password    string `json:"password"`
	MFAEnrolled bool   `json:"mfaEnrolled"`
	EmailBinded bool   `json:"emailBinded"`
	PhoneBinded bool   `json:"phoneBinded"`
	// ReferenceYear pins zxcvbn's reference year; zero means this year.
	ReferenceYear int `json:"reference_year,omitempty"`
}

// SecurityLevel rates an account as Authing's GetSecurityInfoDto does; an
// empty password means none is set.
func SecurityLevel(req SecurityRequest) (security.Info, error) {
	if err := req.Validate(); err != nil {
		return security.Info{}, err
	}
	set := req.Password != ""
	score := 0
	if set {
		score = zxcvbn.Estimate(req.Password, nil, &zxcvbn.Options{ReferenceYear: req.ReferenceYear}).Score
	}
	return security.Evaluate(security.Account{
		PasswordSet:   set,
		PasswordScore: score,
		Factors:       security.Factors{MFAEnrolled: req.MFAEnrolled, EmailBound: req.EmailBinded, PhoneBound: req.PhoneBinded},
	}), nil
}

// Validate checks a request's fields, naming the first at fault: the
// password and reference_year by the rules StrengthRequest.Validate
// applies to them.
func (req SecurityRequest) Validate() error {
	if err := checkPassword(req.Password); err != nil {
		return err
	}
	return checkReferenceYear(req.ReferenceYear)
}

// DecodeSecurityRequest parses and validates a JSON security level
// request strictly, naming the field at fault.
func DecodeSecurityRequest(body []byte) (SecurityRequest, error) {
	var req SecurityRequest
	_, err := decodeObject(body, []jsonField{
		{"password", stringField(&req.Password)},
		{"mfaEnrolled", boolField(&req.MFAEnrolled)},
		{"emailBinded", boolField(&req.EmailBinded)},
		{"phoneBinded", boolField(&req.PhoneBinded)},
		{"reference_year", intField(&req.ReferenceYear)},
	})
	if err != nil {
		return req, err
	}
	return req, req.Validate()
}
