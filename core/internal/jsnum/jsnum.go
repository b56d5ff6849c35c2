// Package jsnum writes a float64 as JavaScript's Number.prototype.toString
// does (ECMAScript's Number::toString with radix 10), which zxcvbn.js
// applies to a user input that is a number before lower-casing it.
package jsnum

import (
	"math"
	"strconv"
)

// Format returns String(f) as JavaScript writes it: the shortest digits
// that read back as f, plain notation for 1e-7 <= |f| < 1e21 and
// exponent notation ("1e+21", "1.5e-7") outside it, "0" for -0, and
// "NaN", "Infinity", "-Infinity".
func Format(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		return "0" // -0 too
	}
	var b []byte
	if f < 0 {
		b = append(b, '-')
		f = -f
	}
	// Shortest round-trip digits d1...dk and exponent: f = 0.d1...dk × 10^n.
	e := strconv.AppendFloat(nil, f, 'e', -1, 64) // d[.ddd]e±XX
	var digits []byte
	k := 0
	for ; e[k] != 'e'; k++ {
		if e[k] != '.' {
			digits = append(digits, e[k])
		}
	}
	exp, _ := strconv.Atoi(string(e[k+1:]))
	n := exp + 1
	nd := len(digits)
	switch {
	case nd <= n && n <= 21: // an integer: the digits, then zeros
		b = append(b, digits...)
		for range n - nd {
			b = append(b, '0')
		}
	case 0 < n && n <= 21: // the point inside the digits
		b = append(b, digits[:n]...)
		b = append(b, '.')
		b = append(b, digits[n:]...)
	case -6 < n && n <= 0: // 0.000ddd
		b = append(b, '0', '.')
		for range -n {
			b = append(b, '0')
		}
		b = append(b, digits...)
	default: // d[.ddd]e±x
		b = append(b, digits[0])
		if nd > 1 {
			b = append(b, '.')
			b = append(b, digits[1:]...)
		}
		b = append(b, 'e')
		if n-1 >= 0 {
			b = append(b, '+')
		}
		b = strconv.AppendInt(b, int64(n-1), 10)
	}
	return string(b)
}

// Parse reads a JSON number's text as JSON.parse does: the nearest double,
// ±Infinity past the largest, ±0 below the smallest.
func Parse(text string) float64 {
	f, _ := strconv.ParseFloat(text, 64) // on ErrRange f is ±Inf or ±0, as in JavaScript
	return f
}
