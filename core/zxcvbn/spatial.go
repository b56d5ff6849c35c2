package zxcvbn

import (
	"strings"

	"github.com/passmeter/passmeter/core/zxcvbn/data"
)

// shiftedKeys are the characters zxcvbn counts as typed with shift
// (SHIFTED_RX) on the qwerty and dvorak layouts.
const shiftedKeys = `~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:"ZXCVBNM<>?`

// spatialMatch is zxcvbn's spatial_match: runs of three or more keys, each
// adjacent to the one before, on each keyboard graph in turn.
func spatialMatch(pw []uint16, a *arena) []*match {
	var matches []*match
	for gi := range data.Graphs {
		matches = spatialMatchGraph(pw, gi, matches, a)
	}
	return matches // omnimatch sorts
}

// neighbour returns the position of c in the d'th neighbour slot of the
// key c0 on g (0 plain, 1 shifted), or -1; ok is false for an empty slot.
func neighbours(g *data.Graph, c uint16) (slots string, ok bool) {
	if c >= 128 || g.Index[c] == 0 {
		return "", false
	}
	x := int(g.Index[c]) - 1
	w := g.Degree * g.Slot
	return g.Adjacent[x*w : x*w+w], true
}

func spatialMatchGraph(pw []uint16, gi int, matches []*match, a *arena) []*match {
	g := &data.Graphs[gi]
	keyboard := g.Name == "qwerty" || g.Name == "dvorak"
	n := len(pw)
	for i := 0; i < n-1; {
		j := i + 1
		lastDirection := -1
		turns := 0
		shifted := 0
		if keyboard && pw[i] < 128 && strings.IndexByte(shiftedKeys, byte(pw[i])) >= 0 {
			shifted = 1
		}
		for {
			found := false
			if j < n {
				if slots, ok := neighbours(g, pw[j-1]); ok {
					cur := pw[j]
					for d := 0; d < g.Degree; d++ {
						slot := slots[d*g.Slot : d*g.Slot+g.Slot]
						if slot[0] == 0 {
							continue
						}
						pos := -1
						for k := 0; k < len(slot) && slot[k] != 0; k++ {
							if uint16(slot[k]) == cur {
								pos = k
								break
							}
						}
						if pos < 0 {
							continue
						}
						found = true
						if pos == 1 {
							shifted++
						}
						if lastDirection != d {
							turns++
							lastDirection = d
						}
						break
					}
				}
			}
			if found {
				j++
				continue
			}
			if j-i > 2 {
				matches = append(matches, a.match(match{kind: kindSpatial, i: i, j: j - 1,
					x: a.extra(matchExtra{graph: uint8(gi), turns: turns, shifted: shifted})}))
			}
			i = j
			break
		}
	}
	return matches
}
