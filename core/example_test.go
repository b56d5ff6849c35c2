package core_test

import (
	"fmt"

	"github.com/passmeter/passmeter/core"
	"github.com/passmeter/passmeter/core/luds"
)

func ExampleStrengthCheck() {
	resp, err := core.StrengthCheck(core.StrengthRequest{
		Password:      "jennifer2019",
		Email:         "jennifer@example.com",
		ReferenceYear: 2026,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.ValidPassword, resp.Score, resp.BreachCheck)
	fmt.Printf("%q\n", resp.Feedback.Warning)
	fmt.Printf("%q\n", resp.Feedback.Codes.Suggestions)
	// Output:
	// false 1 skipped
	// "Common names and surnames are easy to guess"
	// ["anotherWord"]
}

func ExampleStrengthCheck_luds() {
	resp, _ := core.StrengthCheck(core.StrengthRequest{
		Password:       "passw0rd",
		StrengthPolicy: core.PolicyLUDS,
		LUDS:           &luds.Options{MinLength: 10, MinComplexity: 3},
	})
	lr := resp.Feedback.LUDSRequirements
	fmt.Println(resp.ValidPassword, lr.MissingCharacters, lr.MissingComplexity, lr.HasUpperCase)
	// Output: false 2 1 false
}

func ExampleSecurityLevel() {
	info, err := core.SecurityLevel(core.SecurityRequest{
		Password:      "correct horse battery staple",
		MFAEnrolled:   true,
		EmailBinded:   true,
		ReferenceYear: 2026,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(info.PasswordSecurityLevel, info.SecurityScore)
	// Output: 3 93
}

// Every error comes as a *core.Error, written in Stytch's shape by one
// writer, AppendJSON.
func ExampleError() {
	_, err := core.DecodeStrengthRequest([]byte(`{"password":"x","reference_year":-3}`))
	e := core.ErrorOf(err)
	fmt.Println(e.Status, e.Type, e.Field)
	fmt.Println(e)
	e.RequestID = "request-id-example" // a fresh one when unset
	fmt.Println(string(e.AppendJSON(nil)))
	// Output:
	// 400 invalid_reference_year reference_year
	// reference_year: must be a year between 1 and 9999 (0 or none: this year)
	// {"status_code":400,"request_id":"request-id-example","error_type":"invalid_reference_year","error_message":"reference_year: must be a year between 1 and 9999 (0 or none: this year)","error_url":"https://stytch.com/docs/api/errors/400","field":"reference_year"}
}

// A server re-checking a sign-up form passes its fields as the page does:
// the email field names the email, the others give their words.
func ExampleStrengthRequest_Inputs() {
	req := core.StrengthRequest{
		Password:   "JaneAcme2024",
		UserInputs: []string{"passmeter"},
		FormFields: []core.FormField{
			{Type: "text", Value: "Jane Doe"},
			{Type: "email", Value: "jane@acme.io"},
			{Type: "text", Value: "Acme"},
		},
	}
	inputs, email := req.Inputs()
	fmt.Printf("%q\n%q\n", inputs, email)
	// Output:
	// ["passmeter" "Jane Doe" "Jane" "Doe" "Acme" "jane@acme.io" "jane" "acme"]
	// "jane@acme.io"
}

// A breach check runs by one rule everywhere; the caller supplies the
// checker (here a stand-in; a Go server passes core/hibp's Client.Check).
func ExampleBreachRule_Check() {
	req := core.StrengthRequest{Password: "correct horse battery staple", FormFields: []core.FormField{{Type: "email", Value: "jane@acme.io"}}}
	resp, _ := core.StrengthCheck(req)
	rule := core.BreachRule{Enabled: true} // Stytch's: only with an email
	err := rule.Check(req, &resp, func(password string) (bool, error) {
		return true, nil // found in a breach
	})
	fmt.Println(err, resp.BreachCheck, resp.BreachedPassword, resp.ValidPassword)
	// Output: <nil> breached true false
}
