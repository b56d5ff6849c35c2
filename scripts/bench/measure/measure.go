// Package measure holds what the benchmark steps (native, peers) share:
// how they read the clock and summarise runs, and the init-trace record
// they both write.
package measure

import (
	"slices"
	"syscall"
	"time"
)

// CPUNow is the process's CPU time (user and system, every thread: the
// garbage collector's work counts), which a busy machine disturbs less
// than wall time.
func CPUNow() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Median is the median of xs, which it leaves unsorted.
func Median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// InitRecord is a GODEBUG=inittrace=1 line for one package.
type InitRecord struct {
	Package string  `json:"package"`
	ClockMs float64 `json:"clock_ms"`
	Bytes   uint64  `json:"bytes"`
	Allocs  uint64  `json:"allocs"`
}
