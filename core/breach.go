package core

// Breach check outcomes, as breach_check says them.
const (
	BreachOK          = "ok"
	BreachBreached    = "breached"
	BreachUnavailable = "unavailable"
	BreachSkipped     = "skipped"
	// BreachDue marks a response whose breach check is due but not yet
	// run (BreachRule.Mark): the caller runs it and applies the outcome.
	// It is never a final answer; the shim consumes it.
	BreachDue = "due"
)

// BreachRule is when a breach check runs: the one rule serve, check, the
// WebAssembly module and the page all follow.
type BreachRule struct {
	// Enabled says a breach checker is configured (the response's
	// breach_detection_on_create).
	Enabled bool
	// WithoutEmail checks passwords of requests that name no email too.
	// Stytch checks only when the call includes an email ("If an email
	// address is included in the call we also require that the password
	// hasn't been compromised"), which is the default, false.
	WithoutEmail bool
}

// Due reports whether a breach check is due for req: the rule is enabled
// and the request names an email (StrengthRequest.Inputs), or the rule
// checks without one. Weak passwords are checked too: a breached one is
// reported as such.
func (rule BreachRule) Due(req StrengthRequest) bool {
	if !rule.Enabled {
		return false
	}
	if rule.WithoutEmail {
		return true
	}
	email, _ := req.email()
	return email != ""
}

// Mark records the rule's decision on resp, the response to req, without
// running a check, and reports whether one is due: a disabled rule
// leaves resp alone; one not due applies BreachSkipped; a due one sets
// breach_check to BreachDue, for a caller that runs the check itself
// (the page, whose check is asynchronous) and then calls ApplyBreach.
func (rule BreachRule) Mark(req StrengthRequest, resp *StrengthResponse) bool {
	switch {
	case !rule.Enabled:
		return false
	case !rule.Due(req):
		resp.ApplyBreach(BreachSkipped)
		return false
	}
	resp.BreachCheck = BreachDue
	return true
}

// Check runs the breach check the rule makes due for req through check
// and applies its outcome to resp: found gives BreachBreached, an error
// BreachUnavailable (a failed check never reports a breach), otherwise
// BreachOK; a check not due is BreachSkipped, and a disabled rule leaves
// resp alone. It returns check's error, for the caller to log.
func (rule BreachRule) Check(req StrengthRequest, resp *StrengthResponse, check func(password string) (found bool, err error)) error {
	if !rule.Mark(req, resp) {
		return nil
	}
	found, err := check(req.Password)
	switch {
	case err != nil:
		resp.ApplyBreach(BreachUnavailable)
	case found:
		resp.ApplyBreach(BreachBreached)
	default:
		resp.ApplyBreach(BreachOK)
	}
	return err
}

// ApplyBreach records the outcome of a breach check on a response: a seen
// breach invalidates the password, anything else leaves the verdict alone.
// The page applies the same effects, generated from this function
// (scripts/gen-breach).
func (r *StrengthResponse) ApplyBreach(outcome string) {
	r.BreachDetectionOnCreate = true
	r.BreachCheck = outcome
	if outcome == BreachBreached {
		r.BreachedPassword = true
		r.ValidPassword = false
	}
}

// The breach rule as bits, as the WebAssembly module's passmeter_strength
// export takes it from the shim (wasm/convert.go; the page's copy is
// generated, web/src/breach.js).
const (
	BreachRuleEnabled      = 1 << iota // BreachRule.Enabled
	BreachRuleWithoutEmail             // BreachRule.WithoutEmail
)
