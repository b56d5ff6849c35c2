package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/passmeter/passmeter/core/pwned"
)

// progress reports a long run on stderr: one line redrawn in place on a
// terminal (counts, rate, ETA, a few times a second), a plain line every
// plainEvery otherwise, so that logs stay readable.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	tty   bool
	start time.Time
	last  time.Time
	drawn bool
}

const (
	ttyEvery   = 200 * time.Millisecond
	plainEvery = 10 * time.Second
)

func newProgress(w io.Writer) *progress {
	tty := false
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			tty = true
		}
	}
	now := time.Now()
	return &progress{w: w, tty: tty, start: now, last: now}
}

// due reports whether a line is due now.
func (pr *progress) due(final bool) bool {
	now := time.Now()
	every := plainEvery
	if pr.tty {
		every = ttyEvery
	}
	if !final && now.Sub(pr.last) < every {
		return false
	}
	pr.last = now
	return true
}

func (pr *progress) print(line string) {
	if pr.tty {
		fmt.Fprintf(pr.w, "\r\x1b[K%s", line)
		pr.drawn = true
		return
	}
	fmt.Fprintln(pr.w, line)
}

// update is an import's pwned.ImportOptions.Progress.
func (pr *progress) update(p pwned.Progress) {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	if p.Final || !pr.due(false) {
		return
	}
	elapsed := time.Since(pr.start)
	line := fmt.Sprintf("import: %s lines, %s hashes", thousands(p.Lines), thousands(p.Hashes))
	if p.Bad > 0 {
		line += fmt.Sprintf(", %s bad skipped", thousands(p.Bad))
	}
	line += fmt.Sprintf(", %s lines/s", rate(p.Lines, elapsed))
	if p.Total > 0 && p.Done > 0 {
		frac := float64(p.Done) / float64(p.Total)
		line += fmt.Sprintf(", %.1f%% of the %s", 100*frac, p.Unit)
		line += ", ETA " + eta(elapsed, frac)
	}
	pr.print(line)
}

// files returns an export's progress callback, for total prefix files.
func (pr *progress) files(total int) func(done int) {
	return func(done int) {
		pr.mu.Lock()
		defer pr.mu.Unlock()
		if !pr.due(false) {
			return
		}
		frac := float64(done) / float64(total)
		pr.print(fmt.Sprintf("export: %s of %s range files, %.1f%%, ETA %s",
			thousands(uint64(done)), thousands(uint64(total)), 100*frac, eta(time.Since(pr.start), frac)))
	}
}

// finish ends the redrawn line, if any.
func (pr *progress) finish() {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	if pr.drawn {
		fmt.Fprintln(pr.w)
		pr.drawn = false
	}
}

func eta(elapsed time.Duration, frac float64) string {
	if frac <= 0 {
		return "?"
	}
	left := time.Duration(float64(elapsed) * (1 - frac) / frac)
	return left.Round(time.Second).String()
}

// rate is n per second over d, in millions past a million.
func rate(n uint64, d time.Duration) string {
	r := float64(n) / max(d.Seconds(), 1e-9)
	if r >= 1e6 {
		return fmt.Sprintf("%.2f M", r/1e6)
	}
	return thousands(uint64(r))
}

// thousands writes n with commas between groups of three digits.
func thousands(n uint64) string {
	s := strconv.FormatUint(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
