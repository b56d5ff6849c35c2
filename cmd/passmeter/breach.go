package main

import (
	"context"
	"errors"
	"log"
	"strings"

	"github.com/passmeter/passmeter/core"
	"github.com/passmeter/passmeter/core/hibp"
	"github.com/passmeter/passmeter/core/pwned"
)

// checkBreach adds the breach check to resp, for serve and check alike. As
// Stytch does, it runs only when breach detection is on (breach not nil)
// and the request names the user's email; a failed or timed-out check
// leaves the verdict standing and says "unavailable", never a breach.
func checkBreach(ctx context.Context, breach hibp.Checker, logger *log.Logger, req core.StrengthRequest, resp *core.StrengthResponse) {
	switch {
	case breach == nil:
		return
	case strings.TrimSpace(req.Email) == "":
		resp.ApplyBreach(core.BreachSkipped)
		return
	}
	res, err := breach.Check(ctx, req.Password)
	switch {
	case err != nil:
		logger.Printf("breach check unavailable: %v", hibpFailure(err))
		resp.ApplyBreach(core.BreachUnavailable)
	case res.Found:
		resp.ApplyBreach(core.BreachBreached)
	default:
		resp.ApplyBreach(core.BreachOK)
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
