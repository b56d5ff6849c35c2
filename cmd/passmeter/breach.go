package main

import (
	"context"
	"errors"
	"log"

	"github.com/passmeter/passmeter/core"
	"github.com/passmeter/passmeter/core/hibp"
	"github.com/passmeter/passmeter/core/pwned"
)

// checkBreach adds the breach check to resp, for serve and check alike,
// by core's rule (core.BreachRule): with breach detection on (breach not
// nil), it runs when the request names the user's email, as Stytch does,
// or always with withoutEmail (--breach-without-email); a failed or
// timed-out check leaves the verdict standing and says "unavailable",
// never a breach.
func checkBreach(ctx context.Context, breach hibp.Checker, withoutEmail bool, logger *log.Logger, req core.StrengthRequest, resp *core.StrengthResponse) {
	rule := core.BreachRule{Enabled: breach != nil, WithoutEmail: withoutEmail}
	err := rule.Check(req, resp, func(password string) (bool, error) {
		res, err := breach.Check(ctx, password)
		return res.Found, err
	})
	if err != nil {
		logger.Printf("breach check unavailable: %v", hibpFailure(err))
	}
}

// hibpFailure describes a failed breach check without its URL, so the log
// carries nothing derived from a password, not even the hash prefix.
func hibpFailure(err error) error {
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return errors.New("HIBP request timed out")
	case errors.Is(err, context.Canceled):
		return errors.New("request cancelled")
	case errors.Is(err, hibp.ErrUnavailable):
		return errors.New("HIBP unavailable: recent requests failed, the circuit breaker is open")
	case errors.Is(err, hibp.ErrStatus):
		return err
	case errors.Is(err, hibp.ErrMalformed), errors.Is(err, hibp.ErrBodyTooLarge):
		return err
	case errors.Is(err, pwned.ErrCorrupt):
		return errors.New("the breach corpus store is damaged: import it again")
	}
	return errors.New("HIBP request failed")
}
