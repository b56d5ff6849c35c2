package pwned

import (
	"context"
	"encoding/hex"
	"path/filepath"
	"testing"
)

// benchStore is a store at HIBP's density on a few prefixes.
func benchStore(b *testing.B) (*Store, *corpus) {
	b.Helper()
	c := &corpus{kind: SHA1, counts: map[string]uint64{}}
	rc := newCorpus(SHA1, 8*1900, 11)
	for h, n := range rc.counts {
		c.counts["0000"+string(h[0]&7|'0')+h[5:]] = n // prefixes 00000-00007
	}
	dir := b.TempDir()
	from := filepath.Join(dir, "c.txt")
	writeCorpusFile(b, c, from)
	to := filepath.Join(dir, "s.pwned")
	if _, err := Import(context.Background(), from, to, ImportOptions{}); err != nil {
		b.Fatal(err)
	}
	s, err := Open(to)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s, c
}

func BenchmarkRange(b *testing.B) {
	s, _ := benchStore(b)
	for _, pad := range []int{0, 1000, 2500} {
		b.Run("pad"+itoa(pad), func(b *testing.B) {
			var buf []byte
			for i := 0; b.Loop(); i++ {
				buf, _ = s.AppendRange(buf[:0], uint32(i&7), pad, DefaultRand)
			}
		})
	}
}

func BenchmarkLookup(b *testing.B) {
	s, c := benchStore(b)
	var hs [][]byte
	for h := range c.counts {
		raw, _ := hex.DecodeString(h)
		hs = append(hs, raw)
	}
	for i := 0; b.Loop(); i++ {
		s.Lookup(hs[i%len(hs)])
	}
}

func itoa(n int) string { return string(appendUint(nil, uint64(n))) }
