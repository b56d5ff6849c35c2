package zxcvbn

// zxcvbn's bounds on a plausible year, and how it may split a run of 4 to
// 8 digits into three numbers: the second and third parts start at these
// offsets.
const (
	dateMinYear = 1000
	dateMaxYear = 2050
)

var dateSplits = [9][][2]int{
	4: {{1, 2}, {2, 3}},
	5: {{1, 3}, {2, 3}},
	6: {{1, 2}, {2, 4}, {4, 5}},
	7: {{1, 3}, {2, 3}, {4, 5}, {4, 6}},
	8: {{2, 4}, {4, 6}},
}

type dmy struct{ day, month, year int }

// dateMatch is zxcvbn's date_match: every substring that reads as a date,
// with or without separators, less those inside a longer date.
func (e *estimator) dateMatch(pw []uint16) []*match {
	// zxcvbn keeps only dates that lie in no other date. At a start i, the
	// date with the largest j contains the others, so it is the one
	// candidate there: j is tried from the largest down. It survives unless
	// a date starting earlier reaches as far.
	var out []*match
	n := len(pw)
	digitEnd := make([]int, n+1) // digitEnd[i]: the end of the digit run at i
	digitEnd[n] = n
	for i := n - 1; i >= 0; i-- {
		digitEnd[i] = i
		if isDigit(pw[i]) {
			digitEnd[i] = digitEnd[i+1]
		}
	}
	reach := -1 // the largest j of the dates kept so far
	for i := 0; i+4 <= n; i++ {
		for j := min(i+9, n-1); j >= i+3 && j > reach; j-- {
			tok := pw[i : j+1]
			var d dmy
			var sep uint16
			ok := false
			if len(tok) >= 6 {
				var a, b, c int
				if a, sep, b, c, ok = splitSeparatedDate(tok); ok {
					d, ok = e.mapIntsToDMY(a, b, c)
				}
			}
			if !ok && len(tok) <= 8 && digitEnd[i] > j {
				sep = 0
				d, ok = e.bestSplit(tok)
			}
			if ok {
				a := &e.scr.arena
				out = append(out, a.match(match{kind: kindDate, i: i, j: j,
					x: a.extra(matchExtra{sep: sep, year: d.year, month: d.month, day: d.day})}))
				reach = j
				break
			}
		}
	}
	return out
}

// bestSplit reads a run of 4 to 8 digits as the date whose year is
// closest to the reference year, the first such on a tie.
func (e *estimator) bestSplit(tok []uint16) (dmy, bool) {
	var best dmy
	bestDist := -1
	for _, s := range dateSplits[len(tok)] {
		d, ok := e.mapIntsToDMY(atoi(tok[:s[0]]), atoi(tok[s[0]:s[1]]), atoi(tok[s[1]:]))
		if !ok {
			continue
		}
		if dist := abs(d.year - e.referenceYear); bestDist < 0 || dist < bestDist {
			best, bestDist = d, dist
		}
	}
	return best, bestDist >= 0
}

// splitSeparatedDate matches /^(\d{1,4})([\s/\\_.-])(\d{1,2})\2(\d{1,4})$/.
func splitSeparatedDate(tok []uint16) (a int, sep uint16, b, c int, ok bool) {
	k := 0
	for k < len(tok) && isDigit(tok[k]) {
		k++
	}
	if k < 1 || k > 4 || k == len(tok) {
		return
	}
	a, sep = atoi(tok[:k]), tok[k]
	if !(isJSSpace(sep) || sep == '/' || sep == '\\' || sep == '_' || sep == '.' || sep == '-') {
		return
	}
	m := k + 1
	for m < len(tok) && isDigit(tok[m]) {
		m++
	}
	if m-k-1 < 1 || m-k-1 > 2 || m == len(tok) || tok[m] != sep {
		return
	}
	b = atoi(tok[k+1 : m])
	rest := tok[m+1:]
	if len(rest) < 1 || len(rest) > 4 || !allUnits(rest, isDigit) {
		return
	}
	return a, sep, b, atoi(rest), true
}

func (e *estimator) mapIntsToDMY(a, b, c int) (dmy, bool) {
	if b > 31 || b <= 0 {
		return dmy{}, false
	}
	over12, over31, under1 := 0, 0, 0
	for _, v := range [3]int{a, b, c} {
		if (99 < v && v < dateMinYear) || v > dateMaxYear {
			return dmy{}, false
		}
		if v > 31 {
			over31++
		}
		if v > 12 {
			over12++
		}
		if v <= 0 {
			under1++
		}
	}
	if over31 >= 2 || over12 == 3 || under1 >= 2 {
		return dmy{}, false
	}
	splits := [2]struct{ y, d0, d1 int }{{c, a, b}, {a, b, c}}
	for _, s := range splits {
		if dateMinYear <= s.y && s.y <= dateMaxYear {
			if day, month, ok := mapIntsToDM(s.d0, s.d1); ok {
				return dmy{day, month, s.y}, true
			}
			return dmy{}, false
		}
	}
	for _, s := range splits {
		if day, month, ok := mapIntsToDM(s.d0, s.d1); ok {
			return dmy{day, month, twoToFourDigitYear(s.y)}, true
		}
	}
	return dmy{}, false
}

func mapIntsToDM(a, b int) (day, month int, ok bool) {
	for _, p := range [2][2]int{{a, b}, {b, a}} {
		if 1 <= p[0] && p[0] <= 31 && 1 <= p[1] && p[1] <= 12 {
			return p[0], p[1], true
		}
	}
	return 0, 0, false
}

func twoToFourDigitYear(y int) int {
	switch {
	case y > 99:
		return y
	case y > 50:
		return y + 1900
	}
	return y + 2000
}

func atoi(s []uint16) int {
	v := 0
	for _, c := range s {
		v = v*10 + int(c-'0')
	}
	return v
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
