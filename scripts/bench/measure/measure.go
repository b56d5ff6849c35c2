// Package measure holds what the benchmark steps share: the inputs file,
// how they read the clock and summarise runs, and the init-trace record
// native and peers write.
package measure

import (
	"math"
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

// Case is one measured password.
type Case struct {
	Category string `json:"category"`
	Length   int    `json:"length"`
	Password string `json:"password"`
}

// Inputs is what scripts/bench/inputs writes and the other steps read.
type Inputs struct {
	Lengths    []int    `json:"lengths"`
	Categories []string `json:"categories"`
	Cases      []Case   `json:"cases"`
	Typical    []string `json:"typical"`
}

// Median is the median of xs, which it leaves unsorted; NaN for none.
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
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
