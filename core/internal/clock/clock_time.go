//go:build !(js && wasm)

package clock

import "time"

var start = time.Now()

// Nanotime is a monotonic reading in nanoseconds, for differences only.
func Nanotime() int64 { return int64(time.Since(start)) }

// Year is the current year in the local time zone, as JavaScript's
// new Date().getFullYear().
func Year() int { return time.Now().Year() }
