package pwned

import (
	"context"
	"encoding/hex"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func importCorpus(t *testing.T, from string, o ImportOptions) (*Store, Progress) {
	t.Helper()
	to := filepath.Join(t.TempDir(), "store.pwned")
	p, err := Import(context.Background(), from, to, o)
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	s, err := Open(to)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, p
}

// checkStore compares every range body and every count with the corpus.
func checkStore(t *testing.T, s *Store, c *corpus) {
	t.Helper()
	if s.Hashes() != uint64(len(c.counts)) {
		t.Errorf("store holds %d hashes, corpus %d", s.Hashes(), len(c.counts))
	}
	want := c.bodies()
	var buf []byte
	bad := 0
	for p := uint32(0); p < Buckets; p++ {
		var err error
		buf, err = s.AppendRange(buf[:0], p, 0, DefaultRand)
		if err != nil {
			t.Fatalf("AppendRange(%05X): %v", p, err)
		}
		if string(buf) != want[p] {
			if bad++; bad < 5 {
				t.Errorf("range %05X:\n got %.200q\nwant %.200q", p, buf, want[p])
			}
		}
	}
	for h, n := range c.counts {
		raw, _ := hex.DecodeString(h)
		got, found, err := s.Lookup(raw)
		if err != nil || !found || got != n {
			if bad++; bad < 10 {
				t.Errorf("Lookup(%s) = %d, %v, %v; want %d", h, got, found, err, n)
			}
		}
	}
	// Absent hashes, some a single bit away from a present one.
	rng := rand.New(rand.NewPCG(1, 2))
	for h := range c.counts {
		raw, _ := hex.DecodeString(h)
		raw[rng.IntN(len(raw))] ^= 1 << rng.IntN(8)
		if _, ok := c.counts[strings.ToUpper(hex.EncodeToString(raw))]; ok {
			continue
		}
		if n, found, err := s.Lookup(raw); found || err != nil {
			t.Fatalf("Lookup of an absent hash = %d, %v, %v", n, found, err)
		}
	}
}

func TestImportFormats(t *testing.T) {
	sha := newCorpus(SHA1, 3000, 1)
	ntlm := newCorpus(NTLM, 2000, 2)
	tests := []struct {
		name string
		c    *corpus
		from func(t *testing.T, c *corpus) string
		o    ImportOptions
	}{
		{"one file, CRLF", sha, func(t *testing.T, c *corpus) string { return c.writeFile(t, "\r\n", false) }, ImportOptions{}},
		{"one file, LF, lower-case", sha, func(t *testing.T, c *corpus) string { return c.writeFile(t, "\n", true) }, ImportOptions{}},
		{"one file, kind given", sha, func(t *testing.T, c *corpus) string { return c.writeFile(t, "\n", false) }, ImportOptions{Kind: SHA1}},
		{"prefix files", sha, func(t *testing.T, c *corpus) string { return c.writeDir(t) }, ImportOptions{Partial: true}},
		{"NTLM, one file", ntlm, func(t *testing.T, c *corpus) string { return c.writeFile(t, "\r\n", false) }, ImportOptions{}},
		{"NTLM, prefix files", ntlm, func(t *testing.T, c *corpus) string { return c.writeDir(t) }, ImportOptions{Partial: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, p := importCorpus(t, tt.from(t, tt.c), tt.o)
			if s.Kind() != tt.c.kind {
				t.Errorf("kind %v, want %v", s.Kind(), tt.c.kind)
			}
			if p.Hashes != uint64(len(tt.c.counts)) || p.Bad != 0 || !p.Final {
				t.Errorf("progress %+v", p)
			}
			checkStore(t, s, tt.c)
		})
	}
}

func TestCheckKnownPasswords(t *testing.T) {
	c := newCorpus(SHA1, 500, 3)
	s, _ := importCorpus(t, c.writeFile(t, "\r\n", false), ImportOptions{})
	for pw, n := range knownPasswords {
		r, err := s.Check(context.Background(), pw)
		want := int(min(n, uint64(maxInt)))
		if err != nil || !r.Found || r.Count != want {
			t.Errorf("Check(%q) = %+v, %v; want a count of %d", pw, r, err, want)
		}
	}
	for _, pw := range []string{"correct horse battery staple 8812", "", "Password"} {
		if r, err := s.Check(context.Background(), pw); err != nil || r.Found || r.Count != 0 {
			t.Errorf("Check(%q) = %+v, %v; want not found", pw, r, err)
		}
	}
}

func TestMinCount(t *testing.T) {
	c := newCorpus(SHA1, 2000, 4)
	s, p := importCorpus(t, c.writeFile(t, "\n", false), ImportOptions{MinCount: 50})
	kept := &corpus{kind: SHA1, counts: map[string]uint64{}}
	for h, n := range c.counts {
		if n >= 50 {
			kept.counts[h] = n
		}
	}
	if p.BelowMin != uint64(len(c.counts)-len(kept.counts)) || s.MinCount() != 50 {
		t.Errorf("dropped %d, want %d; MinCount %d", p.BelowMin, len(c.counts)-len(kept.counts), s.MinCount())
	}
	checkStore(t, s, kept)
}

func TestPaddedRange(t *testing.T) {
	c := newCorpus(SHA1, 4000, 5)
	s, _ := importCorpus(t, c.writeFile(t, "\n", false), ImportOptions{})
	bodies := c.bodies()
	for p, body := range bodies {
		real := strings.Split(body, "\r\n")
		for _, size := range []int{len(real), len(real) + 1, 900} {
			b, err := s.AppendRange(nil, p, size, DefaultRand)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(string(b), "\r\n")
			if len(lines) != max(size, len(real)) {
				t.Fatalf("%05X padded to %d: %d lines", p, size, len(lines))
			}
			var kept []string
			prev := ""
			for _, l := range lines {
				if l[:35] <= prev {
					t.Fatalf("%05X padded: not sorted or not distinct", p)
				}
				prev = l[:35]
				if !strings.HasSuffix(l, ":0") {
					kept = append(kept, l)
				}
			}
			if strings.Join(kept, "\r\n") != body {
				t.Fatalf("%05X padded: the real lines changed", p)
			}
		}
		break
	}
	// An empty prefix padded has only count-0 lines.
	for p := uint32(0); ; p++ {
		if _, ok := bodies[p]; ok {
			continue
		}
		b, _ := s.AppendRange(nil, p, 3, DefaultRand)
		if lines := strings.Split(string(b), "\r\n"); len(lines) != 3 || !strings.HasSuffix(lines[2], ":0") {
			t.Fatalf("empty prefix padded: %q", b)
		}
		break
	}
}

func TestPaddedSize(t *testing.T) {
	seen := map[int]bool{}
	for i := range 2000 {
		n := []int{0, 500, 799, 800, 1000, 5000}[i%6]
		got := PaddedSize(n, DefaultRand)
		if got < max(n, 800) || got > max(n, 800)+200 {
			t.Fatalf("PaddedSize(%d) = %d", n, got)
		}
		if n == 0 {
			seen[got] = true
		}
	}
	if len(seen) < 50 {
		t.Errorf("PaddedSize(0) took only %d values", len(seen))
	}
}

func TestOpenRefusesDamage(t *testing.T) {
	c := newCorpus(SHA1, 3000, 6)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.pwned")
	if _, err := Import(context.Background(), c.writeFile(t, "\n", false), good, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	size := len(data)
	dataEnd := size - indexLen - (footerFixed + 4 + trailerLen)
	flip := func(at int) func([]byte) []byte {
		return func(b []byte) []byte { b[at] ^= 0x10; return b }
	}
	tests := []struct {
		name   string
		change func([]byte) []byte
	}{
		{"header magic", flip(0)},
		{"header kind", flip(12)},
		{"first bucket", flip(headerLen)},
		{"middle bucket", flip(dataEnd / 2)},
		{"last bucket byte", flip(dataEnd - 1)},
		{"index", flip(dataEnd + indexLen/2)},
		{"footer count", flip(size - trailerLen - 4 - footerFixed + 16)},
		{"footer checksum", flip(size - trailerLen)},
		{"end magic", flip(size - 1)},
		{"truncated by one byte", func(b []byte) []byte { return b[:len(b)-1] }},
		{"truncated in the index", func(b []byte) []byte { return b[:dataEnd+100] }},
		{"truncated in the data", func(b []byte) []byte { return b[:dataEnd/2] }},
		{"cut to the header", func(b []byte) []byte { return b[:headerLen] }},
		{"empty", func(b []byte) []byte { return nil }},
		{"one byte more", func(b []byte) []byte { return append(b, 0) }},
		{"text", func(b []byte) []byte {
			return []byte(strings.Repeat("5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8:1\n", 200000))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, "damaged.pwned")
			if err := os.WriteFile(path, tt.change(append([]byte(nil), data...)), 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := Open(path)
			if err == nil {
				s.Close()
				t.Fatal("Open accepted a damaged store")
			}
			if !errors.Is(err, ErrNotStore) {
				t.Errorf("error %v does not match ErrNotStore", err)
			}
		})
	}
}

func TestQuickOpen(t *testing.T) {
	c := newCorpus(SHA1, 2000, 13)
	to := filepath.Join(t.TempDir(), "s.pwned")
	if _, err := Import(context.Background(), c.writeFile(t, "\n", false), to, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	s, err := OpenOptions(to, Options{Quick: true})
	if err != nil {
		t.Fatal(err)
	}
	checkStore(t, s, c)
	s.Close()

	// A damaged bucket passes a Quick open; reading every prefix then
	// gives answers or ErrCorrupt, never a panic.
	b, _ := os.ReadFile(to)
	for i := headerLen; i < len(b)-indexLen-200; i += 97 {
		b[i] ^= 0x5a
	}
	os.WriteFile(to, b, 0o644)
	if _, err := Open(to); err == nil {
		t.Fatal("the full check accepted damaged buckets")
	}
	s, err = OpenOptions(to, Options{Quick: true})
	if err != nil {
		t.Fatalf("Quick open of damaged buckets: %v", err)
	}
	defer s.Close()
	corrupt := 0
	for p := uint32(0); p < Buckets; p++ {
		if _, err := s.AppendRange(nil, p, 0, DefaultRand); errors.Is(err, ErrCorrupt) {
			corrupt++
		}
	}
	for h := range c.counts {
		raw, _ := hex.DecodeString(h)
		s.Lookup(raw)
	}
	if corrupt == 0 {
		t.Error("no damaged bucket was reported")
	}
}
