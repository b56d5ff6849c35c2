package hibp

import (
	"sync"
	"time"
)

// breaker is a circuit breaker for the endpoint: after threshold failures
// in a row it opens, and every check fails at once with ErrUnavailable
// instead of waiting out a time-out each; after cooldown it lets one
// request through as a probe, and closes again if the probe succeeds.
type breaker struct {
	threshold int
	cooldown  time.Duration
	now       func() time.Time // time.Now; tests set a clock

	mu       sync.Mutex
	failures int       // in a row
	openedAt time.Time // zero while closed
	probing  bool      // a probe is in flight
}

// allow reports whether a request may go out now.
func (b *breaker) allow() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.openedAt.IsZero() {
		return true
	}
	if b.probing || b.now().Sub(b.openedAt) < b.cooldown {
		return false
	}
	b.probing = true
	return true
}

// record notes how a request that allow let through went.
func (b *breaker) record(ok bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.probing = false
	if ok {
		b.failures, b.openedAt = 0, time.Time{}
		return
	}
	b.failures++
	if b.failures >= b.threshold || !b.openedAt.IsZero() {
		b.openedAt = b.now() // opened, or a failed probe: open again
	}
}
