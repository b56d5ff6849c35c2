//go:build linux

package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/passmeter/passmeter/core/pwned"
)

// TestImportInterrupted feeds `passmeter pwned import` through a FIFO,
// stops it half-way with SIGINT and with SIGKILL, and checks that no
// store that opens is left, and that a rerun succeeds.
func TestImportInterrupted(t *testing.T) {
	t.Parallel()
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGKILL} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			fifo := filepath.Join(dir, "corpus.fifo")
			if err := syscall.Mkfifo(fifo, 0o600); err != nil {
				t.Fatal("mkfifo:", err)
			}
			to := filepath.Join(dir, "s.pwned")
			cmd := exec.Command(passmeterBinary(t), "pwned", "import", "--from", fifo, "--to", to)
			var stderr syncBuffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			// Part of a sorted corpus; once the import has started writing,
			// the signal, then more lines, as a corpus still being read.
			line := 0
			more := func(n int) {
				for range n {
					fmt.Fprintf(w, "%08X%032X:1\r\n", line, line)
					line++
				}
			}
			more(10000)
			deadline := time.Now().Add(10 * time.Second)
			for {
				if _, err := os.Stat(to + pwned.PartialSuffix); err == nil || time.Now().After(deadline) {
					break
				}
				time.Sleep(10 * time.Millisecond)
			}
			cmd.Process.Signal(sig)
			more(1 << 17) // past the import's next look at the signal
			w.Close()
			err = cmd.Wait()
			if err == nil {
				t.Fatalf("the import succeeded after %v", sig)
			}
			if _, err := os.Stat(to); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("a store exists after %v: %v", sig, err)
			}
			switch sig {
			case syscall.SIGINT:
				if !strings.Contains(stderr.String(), "interrupted; no store written") {
					t.Errorf("stderr: %s", stderr.String())
				}
				if _, err := os.Stat(to + pwned.PartialSuffix); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("the temporary file is left after SIGINT")
				}
			case syscall.SIGKILL:
				if _, err := pwned.Open(to + pwned.PartialSuffix); !errors.Is(err, pwned.ErrNotStore) {
					t.Errorf("the killed import's temporary file opens or fails oddly: %v", err)
				}
			}
			from := filepath.Join(dir, "corpus.txt")
			os.WriteFile(from, []byte("5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8:3\n"), 0o644)
			if out, err := exec.Command(passmeterBinary(t), "pwned", "import", "--from", from, "--to", to).CombinedOutput(); err != nil {
				t.Fatalf("rerun: %v %s", err, out)
			}
			s, err := pwned.Open(to)
			if err != nil || s.Hashes() != 1 {
				t.Fatalf("rerun's store: %v", err)
			}
			s.Close()
		})
	}
}
