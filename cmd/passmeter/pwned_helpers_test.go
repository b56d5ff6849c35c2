package main

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/passmeter/passmeter/core/hibp"
)

// breachedPasswords are in the test corpus, under their real SHA-1s.
var breachedPasswords = map[string]int{
	"password":                        9545824,
	"violet lantern quarry 77 mosaic": 987,
	"Tr0ub4dor&3":                     42,
}

// cleanPassword is in no test corpus; its prefix's bucket holds others.
const cleanPassword = "Mauve otter juggles 42 lanterns!"

// testCorpus returns the lines of a sorted HASH:COUNT corpus: the
// breached passwords, n random hashes, and a neighbour sharing the clean
// password's prefix (so that its range is not empty).
func testCorpus(n int) map[string]int {
	c := map[string]int{}
	for pw, k := range breachedPasswords {
		p, s := hibp.Hash(pw)
		c[p+s] = k
	}
	p, s := hibp.Hash(cleanPassword)
	c[p+s[:34]+string("0123456789ABCDEF"[(strings.IndexByte("0123456789ABCDEF", s[34])+1)%16])] = 5
	rng := rand.New(rand.NewPCG(3, 4))
	for len(c) < n+len(breachedPasswords)+1 {
		c[fmt.Sprintf("%016X%016X%08X", rng.Uint64(), rng.Uint64(), rng.Uint32())] = 1 + rng.IntN(1000)
	}
	return c
}

func writeCorpus(t *testing.T, c map[string]int) string {
	t.Helper()
	var b bytes.Buffer
	for _, h := range slices.Sorted(maps.Keys(c)) {
		fmt.Fprintf(&b, "%s:%d\r\n", h, c[h])
	}
	path := filepath.Join(t.TempDir(), "pwned-passwords-sha1-ordered-by-hash.txt")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// expectedRange is the range body of prefix in c, as HIBP sends it.
func expectedRange(c map[string]int, prefix string) string {
	var lines []string
	for _, h := range slices.Sorted(maps.Keys(c)) {
		if strings.HasPrefix(h, prefix) {
			lines = append(lines, fmt.Sprintf("%s:%d", h[5:], c[h]))
		}
	}
	return strings.Join(lines, "\r\n")
}

// importStore imports c with `passmeter pwned import` in process.
func importStore(t *testing.T, c map[string]int) string {
	t.Helper()
	to := filepath.Join(t.TempDir(), "corpus.pwned")
	var stderr bytes.Buffer
	if code := runPwned(context.Background(), []string{"import", "--from", writeCorpus(t, c), "--to", to}, &stderr, &stderr); code != 0 {
		t.Fatalf("pwned import exited %d: %s", code, stderr.String())
	}
	return to
}
