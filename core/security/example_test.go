package security_test

import (
	"encoding/json"
	"fmt"

	"github.com/passmeter/passmeter/core/security"
)

func ExampleEvaluate() {
	// zxcvbn scored the password 1; nothing else is bound.
	info := security.Evaluate(1, true, false, false, false)
	b, _ := json.Marshal(info)
	fmt.Println(string(b))
	// Output: {"passwordSecurityLevel":1,"mfaEnrolled":false,"passwordSet":true,"emailBinded":false,"phoneBinded":false,"securityScore":60}
}
