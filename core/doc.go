// Package core is passmeter's public Go API: StrengthCheck answers as
// Stytch's POST /v1/passwords/strength_check does, with zxcvbn 4.4.2's
// verdict computed locally, and SecurityLevel as Authing's
// get_security_level does. The command, the HTTP server and the
// WebAssembly module all reach their rules through this package.
package core
