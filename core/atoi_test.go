package core

import (
	"strconv"
	"testing"
)

func TestAtoiMatchesStrconv(t *testing.T) {
	for _, s := range []string{
		"", "0", "-0", "+0", "7", "-7", "+7", "2024", "007", "-", "+", "--1", "+-1", "1-",
		"1e3", "1.0", "1.5", " 1", "1 ", "0x10", "१",
		"9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
		"18446744073709551615", "18446744073709551616", "99999999999999999999", "922337203685477580",
		"9223372036854775810", "-9223372036854775810",
	} {
		want, err := strconv.Atoi(s)
		got, ok := atoi(s)
		if ok != (err == nil) || (ok && got != want) {
			t.Errorf("atoi(%q) = %d, %v; strconv.Atoi gives %d, %v", s, got, ok, want, err)
		}
	}
}
