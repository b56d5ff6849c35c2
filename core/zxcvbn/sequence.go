package zxcvbn

// maxSequenceDelta is zxcvbn's MAX_DELTA: the largest step between
// consecutive code units that still reads as a sequence (9753 is one).
const maxSequenceDelta = 5

// sequenceMatch is zxcvbn's sequence_match: runs with a constant step in
// UTF-16 code units.
func sequenceMatch(pw []uint16, a *arena) []*match {
	n := len(pw)
	if n <= 1 {
		return nil
	}
	var matches []*match
	update := func(i, j, delta int) {
		abs := delta
		if abs < 0 {
			abs = -abs
		}
		if !(j-i > 1 || abs == 1) || abs == 0 || abs > maxSequenceDelta {
			return
		}
		token := pw[i : j+1]
		name, space := "unicode", 26
		switch {
		case allUnits(token, isASCIILower):
			name = "lower"
		case allUnits(token, isASCIIUpper):
			name = "upper"
		case allUnits(token, isDigit):
			name, space = "digits", 10
		}
		m := a.match(match{kind: kindSequence, i: i, j: j, x: a.extra(matchExtra{seqName: name, seqSpace: space})})
		if delta > 0 {
			m.flags = ascending
		}
		matches = append(matches, m)
	}
	i := 0
	lastDelta := int(pw[1]) - int(pw[0])
	for k := 1; k < n; k++ {
		delta := int(pw[k]) - int(pw[k-1])
		if delta == lastDelta {
			continue
		}
		j := k - 1
		update(i, j, lastDelta)
		i = j
		lastDelta = delta
	}
	update(i, n-1, lastDelta)
	return matches
}
