package security

import "github.com/passmeter/passmeter/core/internal/jsonw"

// AppendJSON appends Authing's GetSecurityInfoDto, written by hand so the
// WebAssembly module carries no reflection.
func (i Info) AppendJSON(b []byte) []byte {
	o := jsonw.Begin(b)
	o.Int("passwordSecurityLevel", i.PasswordSecurityLevel)
	o.Bool("mfaEnrolled", i.MFAEnrolled)
	o.Bool("passwordSet", i.PasswordSet)
	o.Bool("emailBinded", i.EmailBinded)
	o.Bool("phoneBinded", i.PhoneBinded)
	o.Int("securityScore", i.SecurityScore)
	return o.End()
}

// MarshalJSON makes encoding/json write what AppendJSON writes.
func (i Info) MarshalJSON() ([]byte, error) { return i.AppendJSON(nil), nil }
