package hibp

import "context"

// Checker checks a password against a breach corpus. [*Client] asks a
// range API over the network; a local store (package pwned) answers from
// a file on disk. A server takes either.
type Checker interface {
	Check(ctx context.Context, password string) (Result, error)
}

var _ Checker = (*Client)(nil)
