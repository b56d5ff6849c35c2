package core

// atoi is strconv.Atoi without its error: a request's integer field only
// needs to know whether the text is one. strconv.Atoi's *NumError quotes
// the text it refuses, which links strconv.Quote and its Unicode tables
// into the wasm module (2.6 KB of brotli).
func atoi(s string) (int, bool) {
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg, s = s[0] == '-', s[1:]
	}
	if s == "" {
		return 0, false
	}
	const limit = uint64(1) << (32<<(^uint(0)>>63) - 1) // |math.MinInt|
	var n uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' || n > limit/10 {
			return 0, false
		}
		n = n*10 + uint64(c-'0')
		if n > limit {
			return 0, false
		}
	}
	if neg {
		return int(-n), true
	}
	if n == limit {
		return 0, false
	}
	return int(n), true
}
