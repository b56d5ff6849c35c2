package zxcvbn

// regexMatch is zxcvbn's regex_match with its one pattern, recent_year:
// /19\d\d|200\d|201\d/g, left to right without overlap.
func regexMatch(pw []uint16) []*match {
	var matches []*match
	for p := 0; p+4 <= len(pw); {
		if !recentYearAt(pw[p:]) {
			p++
			continue
		}
		matches = append(matches, &match{kind: kindRegex, i: p, j: p + 3})
		p += 4
	}
	return matches
}

func recentYearAt(s []uint16) bool {
	switch {
	case s[0] == '1' && s[1] == '9':
		return isDigit(s[2]) && isDigit(s[3])
	case s[0] == '2' && s[1] == '0':
		return (s[2] == '0' || s[2] == '1') && isDigit(s[3])
	}
	return false
}
