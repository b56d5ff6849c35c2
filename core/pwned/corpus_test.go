package pwned

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// knownPasswords are in every test corpus under their real SHA-1s.
var knownPasswords = map[string]uint64{
	"password":  9545824,
	"123456":    37359195,
	"hunter2":   17043,
	"P@ssw0rd":  123,
	"qwerty":    1,
	"iloveyou":  2,
	"Tr0ub4dor": 18446744073709551615, // the largest count a line can hold
}

// corpus is a test corpus: upper-case whole hashes and their counts.
type corpus struct {
	kind   Kind
	counts map[string]uint64
}

// newCorpus holds the known passwords (for SHA-1) and n random hashes,
// some sharing long prefixes so that buckets of every size occur.
func newCorpus(kind Kind, n int, seed uint64) *corpus {
	rng := rand.New(rand.NewPCG(seed, 7))
	c := &corpus{kind: kind, counts: map[string]uint64{}}
	if kind == SHA1 {
		for pw, n := range knownPasswords {
			c.counts[sha1Hex(pw)] = n
		}
	}
	digits := kind.hexLen()
	var last string
	for len(c.counts) < n+len(knownPasswords) {
		b := make([]byte, digits)
		for i := range b {
			b[i] = upperHex[rng.IntN(16)]
		}
		h := string(b)
		switch rng.IntN(8) {
		case 0: // same bucket as the last one: crowded buckets
			if last != "" {
				h = last[:PrefixHex] + h[PrefixHex:]
			}
		case 1: // a near neighbour: differs only in the last digits
			if last != "" {
				h = last[:digits-2] + h[digits-2:]
			}
		}
		last = h
		c.counts[h] = randomCount(rng)
	}
	return c
}

// randomCount draws from a long-tailed distribution like HIBP's.
func randomCount(rng *rand.Rand) uint64 {
	switch r := rng.IntN(100); {
	case r < 40:
		return 1
	case r < 90:
		return 1 + rng.Uint64N(100)
	case r < 99:
		return 1 + rng.Uint64N(1_000_000)
	default:
		return 1 + rng.Uint64()>>rng.IntN(64)
	}
}

func sha1Hex(pw string) string {
	s := sha1.Sum([]byte(pw))
	return strings.ToUpper(hex.EncodeToString(s[:]))
}

func (c *corpus) sorted() []string { return slices.Sorted(maps.Keys(c.counts)) }

// writeCorpusFile writes c as one sorted file at path.
func writeCorpusFile(t testing.TB, c *corpus, path string) {
	t.Helper()
	var b strings.Builder
	for _, h := range c.sorted() {
		fmt.Fprintf(&b, "%s:%d\n", h, c.counts[h])
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeFile writes the corpus as one sorted file, lines ended by eol.
func (c *corpus) writeFile(t *testing.T, eol string, lower bool) string {
	t.Helper()
	var b strings.Builder
	for _, h := range c.sorted() {
		n := c.counts[h]
		if lower {
			h = strings.ToLower(h)
		}
		fmt.Fprintf(&b, "%s:%d%s", h, n, eol)
	}
	path := filepath.Join(t.TempDir(), "pwned-passwords.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// bodies returns the range body of every prefix that has hashes, as the
// range API sends it.
func (c *corpus) bodies() map[uint32]string {
	lines := map[uint32][]string{}
	for _, h := range c.sorted() {
		p, _ := parsePrefix([]byte(h[:PrefixHex]))
		lines[p] = append(lines[p], fmt.Sprintf("%s:%d", h[PrefixHex:], c.counts[h]))
	}
	out := map[uint32]string{}
	for p, ls := range lines {
		out[p] = strings.Join(ls, "\r\n")
	}
	return out
}

// writeDir writes the corpus as per-prefix files, only for the prefixes
// that have hashes (import it with Partial), plus an empty file.
func (c *corpus) writeDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	bodies := c.bodies()
	for p, body := range bodies {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%05X.txt", p)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for p := uint32(0); ; p++ {
		if _, ok := bodies[p]; !ok {
			os.WriteFile(filepath.Join(dir, fmt.Sprintf("%05X.txt", p)), nil, 0o644)
			break
		}
	}
	os.WriteFile(filepath.Join(dir, "README"), []byte("not a prefix file"), 0o644)
	return dir
}
