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
	if err := checkPassword(req.Password); err != nil {
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

// DecodeSecurityRequest parses a JSON security level request strictly,
// naming the field at fault.
func DecodeSecurityRequest(body []byte) (SecurityRequest, error) {
	var req SecurityRequest
	_, err := decodeObject(body, []jsonField{
		{"password", stringField(&req.Password)},
		{"mfaEnrolled", boolField(&req.MFAEnrolled)},
		{"emailBinded", boolField(&req.EmailBinded)},
		{"phoneBinded", boolField(&req.PhoneBinded)},
		{"reference_year", intField(&req.ReferenceYear)},
	})
	return req, err
}
