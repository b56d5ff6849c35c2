package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/passmeter/passmeter/core/hibp"
	"github.com/passmeter/passmeter/core/pwned"
)

func pwnedCmd(args ...string) (int, string) {
	var out bytes.Buffer
	code := runPwned(context.Background(), args, &out, &out)
	return code, out.String()
}

func TestPwnedImportCommand(t *testing.T) {
	c := testCorpus(200)
	from := writeCorpus(t, c)
	b, _ := os.ReadFile(from)
	lines := strings.SplitAfter(string(b), "\r\n")
	lines[3] = "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8 9545824\r\n"
	bad := filepath.Join(t.TempDir(), "bad.txt")
	os.WriteFile(bad, []byte(strings.Join(lines, "")), 0o644)
	to := filepath.Join(t.TempDir(), "s.pwned")

	tests := []struct {
		name string
		args []string
		code int
		want []string
		not  []string
	}{
		{"a good corpus", []string{"import", "--from", from, "--to", to}, 0,
			[]string{fmt.Sprintf("%d hashes from %d lines", len(c), len(c)), "bytes a hash"}, nil},
		{"a bad line", []string{"import", "--from", bad, "--to", to + "2"}, 1,
			[]string{bad + ":4: no colon"}, []string{"5BAA6", "9545824"}},
		{"a bad line skipped", []string{"import", "--from", bad, "--to", to + "3", "--skip-bad"}, 0,
			[]string{fmt.Sprintf("%d hashes from %d lines", len(c)-1, len(c)), "skipped 1 bad lines"}, nil},
		{"resumable", []string{"import", "--from", from, "--to", to + "6", "--resume"}, 0,
			[]string{fmt.Sprintf("%d hashes from %d lines", len(c), len(c))}, []string{"went on"}},
		{"a bad line, resumable", []string{"import", "--from", bad, "--to", to + "7", "--resume"}, 1,
			[]string{bad + ":4: no colon"}, []string{"--resume to go on"}}, // no checkpoint yet
		{"min count", []string{"import", "--from", from, "--to", to + "4", "--min-count", "900"}, 0,
			[]string{"below --min-count"}, nil},
		{"no --to", []string{"import", "--from", from}, 2, []string{"--from and --to are required"}, nil},
		{"a bad kind", []string{"import", "--from", from, "--to", to, "--kind", "md5"}, 2, []string{"--kind"}, nil},
		{"NTLM asked of a SHA-1 corpus", []string{"import", "--from", from, "--to", to + "5", "--kind", "ntlm"}, 1, []string{":1: hash is not 32 hex digits"}, nil},
		{"an unknown command", []string{"merge"}, 2, []string{"unknown command"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out := pwnedCmd(tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d: %s", code, tt.code, out)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(out, w) {
					t.Errorf("output holds %q:\n%s", w, out)
				}
			}
		})
	}
	for _, p := range []string{to + "2", to + "2" + pwned.PartialSuffix, to + "5", to + "6" + pwned.ResumeSuffix, to + "7"} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("a failed import left %s", filepath.Base(p))
		}
	}
	code, out := pwnedCmd("info", to)
	if code != 0 || !strings.Contains(out, "SHA-1") || !strings.Contains(out, fmt.Sprintf("hashes    %s", thousands(uint64(len(c))))) {
		t.Errorf("info: %d %s", code, out)
	}
}

func TestPwnedExportCommand(t *testing.T) {
	c := testCorpus(3000)
	store := importStore(t, c)
	prefix, _ := hibp.Hash("password")
	dir := filepath.Join(t.TempDir(), "range")
	first := prefix[:3] + "00"
	last := prefix[:3] + "FF"
	code, out := pwnedCmd("export", "--from", store, "--to", dir, "--prefixes", first+"-"+last, "--gzip", "--brotli")
	if code != 0 {
		t.Fatalf("export: %d %s", code, out)
	}
	names, _ := os.ReadDir(dir)
	if len(names) != 3*256 {
		t.Errorf("export of 256 prefixes with .gz and .br wrote %d files", len(names))
	}
	for p := 0; p < 256; p++ {
		name := fmt.Sprintf("%s%02X", prefix[:3], p)
		body, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if want := expectedRange(c, name); string(body) != want {
			t.Fatalf("%s: %.100q, want %.100q", name, body, want)
		}
		gz, _ := os.ReadFile(filepath.Join(dir, name+".gz"))
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			t.Fatal(err)
		}
		if unz, _ := io.ReadAll(zr); !bytes.Equal(unz, body) {
			t.Fatalf("%s.gz differs", name)
		}
		br, _ := os.ReadFile(filepath.Join(dir, name+".br"))
		if unbr, _ := io.ReadAll(brotli.NewReader(bytes.NewReader(br))); !bytes.Equal(unbr, body) {
			t.Fatalf("%s.br differs", name)
		}
	}

	// Padded to fixed sizes, with the downloader's extension.
	padded := filepath.Join(t.TempDir(), "padded")
	if code, out := pwnedCmd("export", "--from", store, "--to", padded, "--prefixes", first+"-"+last, "--pad-sizes", "64,16", "--ext", ".txt"); code != 0 {
		t.Fatalf("padded export: %d %s", code, out)
	}
	for p := 0; p < 256; p++ {
		name := fmt.Sprintf("%s%02X", prefix[:3], p)
		body, err := os.ReadFile(filepath.Join(padded, name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(body), "\r\n")
		if len(lines) != 16 && len(lines) != 64 {
			t.Fatalf("%s padded to %d lines, not 16 or 64", name, len(lines))
		}
		if n, found, err := hibp.FindSuffix(bytes.NewReader(body), mustSuffix("password")); name == prefix && (err != nil || !found || n != breachedPasswords["password"]) {
			t.Errorf("the padded range of 'password' gives %d, %v, %v", n, found, err)
		}
	}

	for _, args := range [][]string{
		{"export", "--from", store},
		{"export", "--from", store, "--to", dir, "--pad-sizes", "0"},
		{"export", "--from", store, "--to", dir, "--prefixes", "FFFFF-00000"},
		{"export", "--from", store, "--to", dir, "--prefixes", "ABCDE"},
	} {
		if code, out := pwnedCmd(args...); code != 2 {
			t.Errorf("%v: exit %d, want 2: %s", args, code, out)
		}
	}
}

func TestProgressLine(t *testing.T) {
	var b bytes.Buffer
	pr := &progress{w: &b, tty: true, start: time.Now().Add(-10 * time.Second)}
	pr.update(pwned.Progress{Lines: 30_000_000, Hashes: 29_999_000, Bad: 3, Done: 25, Total: 100, Unit: "bytes"})
	pr.finish()
	got := b.String()
	for _, w := range []string{"\r\x1b[K", "30,000,000 lines", "29,999,000 hashes", "3 bad skipped", "M lines/s", "25.0% of the bytes", "ETA 30s", "\n"} {
		if !strings.Contains(got, w) {
			t.Errorf("progress line %q lacks %q", got, w)
		}
	}
	b.Reset()
	plain := &progress{w: &b, start: time.Now(), last: time.Now()}
	plain.update(pwned.Progress{Lines: 1})
	if b.Len() != 0 {
		t.Errorf("a plain progress line before %s: %q", plainEvery, b.String())
	}
	plain.last = time.Now().Add(-plainEvery)
	plain.update(pwned.Progress{Lines: 2})
	if s := b.String(); strings.Contains(s, "\r") || !strings.HasSuffix(s, "\n") {
		t.Errorf("plain progress line %q", s)
	}
}
