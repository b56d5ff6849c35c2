package pwned

import (
	"context"
	"encoding/hex"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// TestConcurrent reads one store from many goroutines at once, as a
// server does, and exports with Export's workers: make test runs it under
// the race detector too.
func TestConcurrent(t *testing.T) {
	c := newCorpus(SHA1, 1000, 12)
	s, _ := importCorpus(t, c.writeFile(t, "\n", false), ImportOptions{})
	want := c.bodies()
	hashes := c.sorted()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			var buf []byte
			for i := g; i < len(hashes); i += 8 {
				h := hashes[i]
				raw, _ := hex.DecodeString(h)
				if n, found, err := s.Lookup(raw); err != nil || !found || n != c.counts[h] {
					t.Errorf("Lookup(%s) = %d, %v, %v", h, n, found, err)
					return
				}
				p, _ := parsePrefix([]byte(h[:PrefixHex]))
				var err error
				if buf, err = s.AppendRange(buf[:0], p, 0, DefaultRand); err != nil || string(buf) != want[p] {
					t.Errorf("range %05X differs (%v)", p, err)
					return
				}
				if _, err := s.AppendRange(buf[:0], p, 900, DefaultRand); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()

	dir := t.TempDir()
	if err := Export(context.Background(), s, dir, ExportOptions{Subset: true, First: 0, Last: 1023}); err != nil {
		t.Fatal(err)
	}
	for p := uint32(0); p < 1024; p++ {
		b, err := os.ReadFile(filepath.Join(dir, string(appendHex(nil, uint64(p), PrefixHex))))
		if err != nil || string(b) != want[p] {
			t.Fatalf("exported %05X differs (%v)", p, err)
		}
	}
}
