package main

import (
	"net"
	"sync/atomic"
	"time"
)

// How long serve keeps accepting after a shutdown signal: until no
// connection is waiting and none has come for drainQuiet, and for at most
// drainAccepts.
const (
	drainQuiet   = 100 * time.Millisecond
	drainAccepts = 2 * time.Second
)

// drainListener is the server's listener, which can tell when the
// connections already made have all been taken in. A connection the
// kernel has accepted but the server has not is reset when the listener
// closes: under CPU load the accept loop can lag far behind, so the
// listener asks the kernel too (pending) rather than trusting the time of
// the last accept alone.
type drainListener struct {
	net.Listener
	last atomic.Int64 // unix nanoseconds of the last accept
}

func (l *drainListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err == nil {
		l.last.Store(time.Now().UnixNano())
	}
	return c, err
}

// waitQuiet returns once no connection is waiting to be accepted and none
// has been for quiet, or after most.
func (l *drainListener) waitQuiet(quiet, most time.Duration) {
	for end := time.Now().Add(most); time.Now().Before(end); time.Sleep(quiet / 10) {
		if time.Since(time.Unix(0, l.last.Load())) >= quiet && !pending(l.Listener) {
			return
		}
	}
}
