package pwned

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

func TestBadLines(t *testing.T) {
	const (
		a = "000000005AD76BD555C1D6D771DE417A4B87E4B4:4"
		b = "00000000A8DAE4228F821FB418F59826079BF368:2"
		c = "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8:9545824"
		d = "F2B14F68EB995FACB3A1C35287B778D5BD785511:1"
	)
	tests := []struct {
		name    string
		lines   []string
		line    uint64 // the first bad line
		reason  string
		skipped uint64 // with SkipBad
		kept    uint64
	}{
		{"blank line", []string{a, "", c}, 2, "blank line", 1, 2},
		{"no colon", []string{a, "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8 9545824", d}, 2, "no colon", 1, 2},
		{"short hash", []string{a, "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD:1", d}, 2, "not 40 hex digits", 1, 2},
		{"long hash", []string{a, c[:40] + "0:1", d}, 2, "not 40 hex digits", 1, 2},
		{"not hex", []string{a, "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FDX:1", d}, 2, "not hexadecimal", 1, 2},
		{"not hex in the prefix", []string{a, "5BAG61E4C9B93F3F0682250B6CF8331B7EE68FD8:1", d}, 2, "not hexadecimal", 1, 2},
		{"negative count", []string{a, b, c[:41] + "-1"}, 3, "count", 1, 2},
		{"empty count", []string{a, c[:41]}, 2, "count", 1, 1},
		{"count too large", []string{a, c[:41] + "18446744073709551616"}, 2, "count", 1, 1},
		{"count with a space", []string{a, c[:41] + " 1"}, 2, "count", 1, 1},
		{"out of order", []string{a, c, b, d}, 3, "out of order", 1, 3},
		{"duplicate", []string{a, c, c, d}, 3, "out of order", 1, 3},
		{"duplicate in another case", []string{a, c, strings.ToLower(c), d}, 3, "out of order", 1, 3},
		{"an NTLM line among SHA-1", []string{a, "B4B9B02E6F09A9BD760F388B67351E2B:2", d}, 2, "not 40 hex digits", 1, 2},
		{"first line bad", []string{"hello", a, c}, 1, "no colon", 1, 2},
		{"too long", []string{a, strings.Repeat("A", 2<<20) + ":1", d}, 2, "too long", 1, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			from := filepath.Join(dir, "corpus.txt")
			os.WriteFile(from, []byte(strings.Join(tt.lines, "\r\n")+"\r\n"), 0o644)
			to := filepath.Join(dir, "store.pwned")
			_, err := Import(context.Background(), from, to, ImportOptions{})
			le, ok := errors.AsType[*LineError](err)
			if !ok {
				t.Fatalf("Import error %v, want a *LineError", err)
			}
			if le.File != from || le.Line != tt.line || !strings.Contains(le.Reason, tt.reason) {
				t.Errorf("error %v, want %s:%d: ...%s...", err, from, tt.line, tt.reason)
			}
			if strings.Contains(err.Error(), "5BAA6") || strings.Contains(err.Error(), "5bAA6") {
				t.Errorf("the error quotes the line: %v", err)
			}
			assertNoStore(t, to)

			p, err := Import(context.Background(), from, to, ImportOptions{SkipBad: true})
			if err != nil {
				t.Fatalf("with SkipBad: %v", err)
			}
			if p.Bad != tt.skipped || p.Hashes != tt.kept {
				t.Errorf("with SkipBad: %d skipped, %d kept; want %d, %d", p.Bad, p.Hashes, tt.skipped, tt.kept)
			}
			s, err := Open(to)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if s.Hashes() != tt.kept {
				t.Errorf("store holds %d hashes, want %d", s.Hashes(), tt.kept)
			}
		})
	}
}

// assertNoStore fails if anything is left at a store's path or its
// temporary name.
func assertNoStore(t *testing.T, to string) {
	t.Helper()
	for _, p := range []string{to, to + PartialSuffix} {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s exists after a failed import (%v)", filepath.Base(p), err)
		}
	}
}

func TestImportRefuses(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	zeros := filepath.Join(dir, "zeros.txt")
	os.WriteFile(zeros, []byte("5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8:0\n"), 0o644)
	partial := filepath.Join(dir, "partial")
	os.Mkdir(partial, 0o755)
	os.WriteFile(filepath.Join(partial, "00000.txt"), []byte("0005AD76BD555C1D6D771DE417A4B87E4B4:4"), 0o644)
	both := filepath.Join(dir, "both")
	os.Mkdir(both, 0o755)
	os.WriteFile(filepath.Join(both, "0000A.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(both, "0000a.txt"), nil, 0o644)
	for _, tt := range []struct{ name, from, want string }{
		{"an empty file", empty, "no hash"},
		{"only padding", zeros, "no hash"},
		{"missing prefix files", partial, "lacks 1048575 of the 1048576 prefix files"},
		{"one prefix twice", both, "holds both"},
		{"no such file", filepath.Join(dir, "nope"), "no such file"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			to := filepath.Join(dir, "store.pwned")
			if _, err := Import(context.Background(), tt.from, to, ImportOptions{}); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
			assertNoStore(t, to)
		})
	}
}

func TestInterruptedImport(t *testing.T) {
	c := newCorpus(SHA1, 200000, 9)
	from := c.writeFile(t, "\n", false)
	to := filepath.Join(t.TempDir(), "store.pwned")

	// Cancelled half-way (what SIGINT does): nothing is left.
	ctx, cancel := context.WithCancel(context.Background())
	_, err := Import(ctx, from, to, ImportOptions{Progress: func(p Progress) {
		if p.Lines > 100000 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled import: %v", err)
	}
	assertNoStore(t, to)

	// Killed at any point before its end (here: a failure injected just
	// before the final sync, and a writer never closed): what is on disk
	// is only the temporary file, and it does not open.
	_, err = Import(context.Background(), from, to, ImportOptions{beforeClose: func(w *Writer) {
		w.beforeSync = func() error { return errors.New("power cut") }
	}})
	if err == nil || !strings.Contains(err.Error(), "power cut") {
		t.Fatalf("import with a failing sync: %v", err)
	}
	assertNoStore(t, to)

	w, err := Create(to, SHA1, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i, h := range c.sorted()[:150000] {
		p, _ := parsePrefix([]byte(h[:5]))
		k, _ := parseSuffix([]byte(h[5:]))
		if err := w.add(p, k, c.counts[h]); err != nil {
			t.Fatal(i, err)
		}
	}
	w.out.Flush() // as much as a killed process may have written
	if _, err := Open(to); err == nil {
		t.Fatal("a store opened at its path before Close")
	}
	if _, err := Open(to + PartialSuffix); !errors.Is(err, ErrNotStore) {
		t.Fatalf("Open of the unfinished file: %v, want ErrNotStore", err)
	}
	// A rerun starts over and succeeds, and the unfinished file is gone.
	if _, err := Import(context.Background(), from, to, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(to + PartialSuffix); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the unfinished file is still there: %v", err)
	}
	s, err := Open(to)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Hashes() != uint64(len(c.counts)) {
		t.Errorf("rerun holds %d hashes, want %d", s.Hashes(), len(c.counts))
	}
	w.f.Close()
}

func TestImportByteOrderMark(t *testing.T) {
	dir := t.TempDir()
	from := filepath.Join(dir, "bom.txt")
	os.WriteFile(from, []byte("\xef\xbb\xbf5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8:7\r\nF2B14F68EB995FACB3A1C35287B778D5BD785511:1"), 0o644)
	s, p := importCorpus(t, from, ImportOptions{})
	if p.Hashes != 2 || p.Bad != 0 {
		t.Fatalf("imported %+v", p)
	}
	if r, err := s.Check(context.Background(), "password"); err != nil || r.Count != 7 {
		t.Errorf("Check(password) = %+v, %v", r, err)
	}
}

func TestWriterAdd(t *testing.T) {
	c := newCorpus(NTLM, 500, 14)
	to := filepath.Join(t.TempDir(), "ntlm.pwned")
	w, err := Create(to, NTLM, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range c.sorted() {
		raw, _ := hex.DecodeString(h)
		if err := w.Add(raw, c.counts[h]); err != nil {
			t.Fatal(err)
		}
	}
	first, _ := hex.DecodeString(c.sorted()[0])
	if err := w.Add(first, 1); !errors.Is(err, ErrOrder) {
		t.Errorf("a hash out of order: %v", err)
	}
	if err := w.Add(make([]byte, 20), 1); err == nil {
		t.Error("a SHA-1 in an NTLM store was taken")
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := Open(to)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkStore(t, s, c)
	if _, err := s.Check(context.Background(), "password"); err == nil {
		t.Error("an NTLM store answered a SHA-1 check")
	}
}

func TestPrefetch(t *testing.T) {
	data := make([]byte, 100_003)
	for i := range data {
		data[i] = byte(i * 7)
	}
	for _, size := range []int{1, 7, 4096, 100_003, 1 << 20} {
		p := newPrefetch(bytes.NewReader(data), size, 2)
		got, err := io.ReadAll(p)
		p.Close()
		if err != nil || !bytes.Equal(got, data) {
			t.Fatalf("blocks of %d: %d bytes, %v", size, len(got), err)
		}
	}
	// Closed early, its goroutine ends.
	p := newPrefetch(bytes.NewReader(data), 10, 2)
	p.Read(make([]byte, 5))
	p.Close()
	// A read error reaches the reader.
	p = newPrefetch(io.MultiReader(bytes.NewReader(data[:50]), iotest.ErrReader(errStop)), 16, 2)
	if _, err := io.ReadAll(p); !errors.Is(err, errStop) {
		t.Errorf("error %v, want %v", err, errStop)
	}
	p.Close()
}
