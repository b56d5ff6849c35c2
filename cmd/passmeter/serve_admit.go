package main

import (
	"context"
	"errors"
	"sync/atomic"
	"time"
)

// Refusals from admission, each answered in Stytch's shape with
// Retry-After: the queue is full (429, come back later), or a request
// waited its whole turn without a slot, or the server is draining (503).
var (
	errQueueFull = errors.New("too many requests are waiting for an estimate")
	errWaited    = errors.New("no estimate slot came free in time")
	errDraining  = errors.New("the server is shutting down")
)

// admission bounds the estimates in flight: at most cap(slots) run at
// once, at most maxQueue more wait, each for at most wait; anything more
// is refused at once. An estimate is CPU and memory (a 16,384-unit
// password holds tens of MB while it is scored), so this is what keeps a
// flood from taking the server's memory or every request's latency.
type admission struct {
	slots    chan struct{}
	queued   atomic.Int64
	maxQueue int64
	wait     time.Duration
	draining <-chan struct{} // closed when shutdown starts; nil: never
}

func newAdmission(inFlight, queue int, wait time.Duration, draining <-chan struct{}) *admission {
	return &admission{slots: make(chan struct{}, inFlight), maxQueue: int64(queue), wait: wait, draining: draining}
}

// acquire takes a slot, waiting in the queue if there is room in it; the
// caller calls release once its estimate is done. It fails with
// errQueueFull, errWaited, errDraining or ctx's error (the client went
// away, or the request's deadline passed).
func (a *admission) acquire(ctx context.Context) (release func(), err error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if a == nil {
		return func() {}, nil
	}
	select {
	case <-a.draining:
		return nil, errDraining
	default:
	}
	select {
	case a.slots <- struct{}{}:
		return a.release, nil
	default:
	}
	if a.queued.Add(1) > a.maxQueue {
		a.queued.Add(-1)
		return nil, errQueueFull
	}
	defer a.queued.Add(-1)
	t := time.NewTimer(a.wait)
	defer t.Stop()
	select {
	case a.slots <- struct{}{}:
		return a.release, nil
	case <-t.C:
		return nil, errWaited
	case <-a.draining:
		return nil, errDraining
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (a *admission) release() { <-a.slots }

// lanes keeps cheap estimates from queueing behind dear ones: a short
// password scores in well under a millisecond, a 16,384-unit one in tens
// of milliseconds, so each kind has its own slots and queue. A flood of
// long passwords then holds at most heavy's slots and leaves the other
// cores to everyone else.
type lanes struct {
	light, heavy *admission
}

// heavyFrom is the password length, in UTF-16 units, from which an
// estimate goes to the heavy lane: about a millisecond of scoring.
const heavyFrom = 512

// lane is the lane for a password of that many units; nil lanes admit
// every request at once.
func (l *lanes) lane(passwordUnits int) *admission {
	if l == nil {
		return nil
	}
	if passwordUnits >= heavyFrom {
		return l.heavy
	}
	return l.light
}
