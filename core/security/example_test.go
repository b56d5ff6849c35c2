package security_test

import (
	"encoding/json"
	"fmt"

	"github.com/passmeter/passmeter/core/security"
)

func ExampleEvaluate() {
	// zxcvbn scored the password 1; nothing else is bound.
	info := security.Evaluate(security.Account{PasswordSet: true, PasswordScore: 1})
	b, _ := json.Marshal(info)
	fmt.Println(string(b))
	// Output: {"passwordSecurityLevel":1,"mfaEnrolled":false,"passwordSet":true,"emailBinded":false,"phoneBinded":false,"securityScore":60}
}

func ExampleScore() {
	// A middle password (zxcvbn score 2) with MFA and a phone bound.
	level := security.Level(2, true)
	fmt.Println(level, security.Score(level, security.Factors{MFAEnrolled: true, PhoneBound: true}))
	// Output: 2 88
}
