// Package clock is the engine's clock: a monotonic reading for calc_time
// and the current year for zxcvbn's reference year. Outside WebAssembly it
// is package time; the wasm build reads the runtime's clock directly and
// links no package time, which with what it pulls in (godebug, bisect,
// syscall's time zone code) is about 37 KB of the module's brotli size.
package clock

// utcYear is the proleptic Gregorian year of a Unix time in seconds (the
// civil-from-days algorithm of Howard Hinnant's "chrono-Compatible
// Low-Level Date Algorithms", with floor division for times before 1970).
func utcYear(sec int64) int {
	days := sec / 86400
	if sec%86400 < 0 {
		days--
	}
	z := days + 719468 // days since 0000-03-01
	era := z / 146097
	if z%146097 < 0 {
		era--
	}
	doe := z - era*146097                                  // [0, 146096]
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // [0, 399]
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // [0, 365], from March 1
	y := yoe + era*400
	if doy >= 306 { // January or February: the next civil year
		y++
	}
	return int(y)
}
