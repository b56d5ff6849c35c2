package pwned

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// denseCorpus puts n random hashes on 64 prefixes, so that buckets hold
// many and an import passes few bucket boundaries.
func denseCorpus(n int, seed uint64) *corpus {
	rc := newCorpus(SHA1, n, seed)
	c := &corpus{kind: SHA1, counts: map[string]uint64{}}
	for h, k := range rc.counts {
		c.counts["AB"+string(upperHex[h[0]&3])+string(upperHex[h[1]&0xf])+h[4:]] = k
	}
	return c
}

var errStop = errors.New("stopped after a checkpoint")

// interrupted runs a resumable import that stops after its stop-th
// checkpoint, as a crash would.
func interrupted(t *testing.T, from, to string, stop int, o ImportOptions) {
	t.Helper()
	o.Resume, o.checkpointEvery = true, time.Nanosecond
	o.afterCheckpoint = func(n int) error {
		if n == stop {
			return errStop
		}
		return nil
	}
	if _, err := Import(context.Background(), from, to, o); !errors.Is(err, errStop) {
		t.Fatalf("interrupted import: %v", err)
	}
	for _, p := range []string{to + PartialSuffix, to + ResumeSuffix} {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("after the interruption: %v", err)
		}
	}
	if _, err := os.Stat(to); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a store exists after the interruption")
	}
}

// sameStore fails unless a and b are equal but for the footer's date.
func sameStore(t *testing.T, a, b string) {
	t.Helper()
	x, _ := os.ReadFile(a)
	y, _ := os.ReadFile(b)
	footer := footerFixed + 4 + trailerLen
	if len(x) != len(y) || !bytes.Equal(x[:len(x)-footer], y[:len(y)-footer]) {
		t.Errorf("the resumed store differs from a whole import (%d and %d bytes)", len(x), len(y))
	}
}

func TestResume(t *testing.T) {
	c := denseCorpus(30000, 21)
	tests := []struct {
		name string
		from func(t *testing.T) string
		o    ImportOptions
	}{
		{"one file", func(t *testing.T) string { return c.writeFile(t, "\r\n", false) }, ImportOptions{}},
		{"prefix files", func(t *testing.T) string { return c.writeDir(t) }, ImportOptions{Partial: true}},
		{"min count", func(t *testing.T) string { return c.writeFile(t, "\n", false) }, ImportOptions{MinCount: 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			from := tt.from(t)
			dir := t.TempDir()
			whole := filepath.Join(dir, "whole.pwned")
			want, err := Import(context.Background(), from, whole, tt.o)
			if err != nil {
				t.Fatal(err)
			}
			to := filepath.Join(dir, "resumed.pwned")
			interrupted(t, from, to, 20, tt.o)
			// A killed run may have written past its last checkpoint.
			f, _ := os.OpenFile(to+PartialSuffix, os.O_APPEND|os.O_WRONLY, 0)
			f.Write(bytes.Repeat([]byte{0xee}, 5000))
			f.Close()

			o := tt.o
			o.Resume = true
			got, err := Import(context.Background(), from, to, o)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Resumed {
				t.Error("the second run did not resume")
			}
			if got.Hashes != want.Hashes || got.Lines != want.Lines || got.BelowMin != want.BelowMin {
				t.Errorf("resumed counts %+v, whole %+v", got, want)
			}
			sameStore(t, whole, to)
			for _, p := range []string{to + PartialSuffix, to + ResumeSuffix} {
				if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("%s left after the resumed import", filepath.Base(p))
				}
			}
		})
	}
}

func TestResumeStartsOver(t *testing.T) {
	c := denseCorpus(20000, 22)
	tests := []struct {
		name   string
		change func(t *testing.T, from, to string) ImportOptions
	}{
		{"the input changed", func(t *testing.T, from, to string) ImportOptions {
			b, _ := os.ReadFile(from)
			os.WriteFile(from, append(b, "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF:1\r\n"...), 0o644)
			return ImportOptions{}
		}},
		{"another min count", func(t *testing.T, from, to string) ImportOptions {
			return ImportOptions{MinCount: 2}
		}},
		{"the temporary file damaged", func(t *testing.T, from, to string) ImportOptions {
			f, _ := os.OpenFile(to+PartialSuffix, os.O_WRONLY, 0)
			f.WriteAt([]byte{0x42}, 1000)
			f.Close()
			return ImportOptions{}
		}},
		{"the temporary file cut", func(t *testing.T, from, to string) ImportOptions {
			os.Truncate(to+PartialSuffix, 500)
			return ImportOptions{}
		}},
		{"the checkpoint damaged", func(t *testing.T, from, to string) ImportOptions {
			b, _ := os.ReadFile(to + ResumeSuffix)
			b[len(b)/2] ^= 1
			os.WriteFile(to+ResumeSuffix, b, 0o644)
			return ImportOptions{}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			from := c.writeFile(t, "\r\n", false)
			to := filepath.Join(t.TempDir(), "s.pwned")
			interrupted(t, from, to, 10, ImportOptions{})
			time.Sleep(10 * time.Millisecond) // a rewritten input gets a new mtime
			o := tt.change(t, from, to)
			o.Resume = true
			p, err := Import(context.Background(), from, to, o)
			if err != nil {
				t.Fatal(err)
			}
			if p.Resumed {
				t.Error("resumed where it had to start over")
			}
			s, err := Open(to)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			want := uint64(0)
			for _, n := range c.counts {
				if n >= o.MinCount {
					want++
				}
			}
			if tt.name == "the input changed" {
				want++
			}
			if s.Hashes() != want {
				t.Errorf("%d hashes, want %d", s.Hashes(), want)
			}
		})
	}

	// A run without Resume removes a stale checkpoint and starts over.
	from := c.writeFile(t, "\n", false)
	to := filepath.Join(t.TempDir(), "s.pwned")
	interrupted(t, from, to, 5, ImportOptions{})
	if p, err := Import(context.Background(), from, to, ImportOptions{}); err != nil || p.Resumed {
		t.Fatalf("a run without Resume: %+v, %v", p, err)
	}
	if _, err := os.Stat(to + ResumeSuffix); !errors.Is(err, os.ErrNotExist) {
		t.Error("a stale checkpoint is left")
	}
}
