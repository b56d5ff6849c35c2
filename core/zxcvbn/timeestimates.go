package zxcvbn

import (
	"math"
	"strconv"
)

// CrackTimes are zxcvbn's four attack scenarios.
type CrackTimes[T any] struct {
	OnlineThrottling100PerHour      T `json:"online_throttling_100_per_hour"`
	OnlineNoThrottling10PerSecond   T `json:"online_no_throttling_10_per_second"`
	OfflineSlowHashing1e4PerSecond  T `json:"offline_slow_hashing_1e4_per_second"`
	OfflineFastHashing1e10PerSecond T `json:"offline_fast_hashing_1e10_per_second"`
}

func crackTimes(guesses float64) (CrackTimes[float64], CrackTimes[string]) {
	s := CrackTimes[float64]{
		OnlineThrottling100PerHour:      guesses / (100.0 / 3600.0),
		OnlineNoThrottling10PerSecond:   guesses / 10,
		OfflineSlowHashing1e4PerSecond:  guesses / 1e4,
		OfflineFastHashing1e10PerSecond: guesses / 1e10,
	}
	d := CrackTimes[string]{
		OnlineThrottling100PerHour:      displayTime(s.OnlineThrottling100PerHour),
		OnlineNoThrottling10PerSecond:   displayTime(s.OnlineNoThrottling10PerSecond),
		OfflineSlowHashing1e4PerSecond:  displayTime(s.OfflineSlowHashing1e4PerSecond),
		OfflineFastHashing1e10PerSecond: displayTime(s.OfflineFastHashing1e10PerSecond),
	}
	return s, d
}

// guessesToScore is zxcvbn's guesses_to_score; a NaN lands on 4 as there.
func guessesToScore(g float64) int {
	const delta = 5
	switch {
	case g < 1e3+delta:
		return 0
	case g < 1e6+delta:
		return 1
	case g < 1e8+delta:
		return 2
	case g < 1e10+delta:
		return 3
	}
	return 4
}

func displayTime(seconds float64) string {
	const (
		minute  = 60.0
		hour    = minute * 60
		day     = hour * 24
		month   = day * 31
		year    = month * 12
		century = year * 100
	)
	var unit string
	var base float64
	switch {
	case seconds < 1:
		return "less than a second"
	case seconds < minute:
		base, unit = jsRound(seconds), "second"
	case seconds < hour:
		base, unit = jsRound(seconds/minute), "minute"
	case seconds < day:
		base, unit = jsRound(seconds/hour), "hour"
	case seconds < month:
		base, unit = jsRound(seconds/day), "day"
	case seconds < year:
		base, unit = jsRound(seconds/month), "month"
	case seconds < century:
		base, unit = jsRound(seconds/year), "year"
	default:
		return "centuries"
	}
	s := strconv.FormatFloat(base, 'f', -1, 64) + " " + unit
	if base != 1 {
		s += "s"
	}
	return s
}

// jsRound is Math.round for non-negative numbers: halves round up.
func jsRound(x float64) float64 {
	r := math.Floor(x)
	if x-r >= 0.5 {
		r++
	}
	return r
}
