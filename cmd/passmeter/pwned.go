package main

import (
	"compress/gzip"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/passmeter/passmeter/core/pwned"
)

const pwnedUsage = `usage:
  passmeter pwned import --from PATH --to STORE [--min-count N] [--skip-bad] [--partial] [--kind sha1|ntlm] [--resume]
      PATH: HIBP's downloader output, one sorted HASH:COUNT file or a directory of XXXXX.txt files
  passmeter pwned export --from STORE --to DIR [--gzip] [--brotli] [--pad-sizes 1000,2000] [--ext .txt] [--prefixes FIRST-LAST]
      writes the 1,048,576 range bodies for a static host or CDN
  passmeter pwned info STORE
`

func runPwned(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, pwnedUsage)
		return 2
	}
	switch args[0] {
	case "import":
		return runPwnedImport(ctx, args[1:], stderr)
	case "export":
		return runPwnedExport(ctx, args[1:], stderr)
	case "info":
		return runPwnedInfo(args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, pwnedUsage)
		return 0
	}
	fmt.Fprintf(stderr, "passmeter pwned: unknown command %q\n%s", args[0], pwnedUsage)
	return 2
}

// signalContext is cancelled by SIGINT or SIGTERM, so that an import
// removes its temporary file on the way out.
func signalContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

func runPwnedImport(ctx context.Context, args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("pwned import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	from := fs.String("from", "", "HIBP corpus: a sorted HASH:COUNT file, or a directory of XXXXX.txt range files")
	to := fs.String("to", "", "store to write (replaced only once the new one is whole)")
	minCount := fs.Uint64("min-count", 0, "keep only hashes seen at least this many times")
	skipBad := fs.Bool("skip-bad", false, "skip and count malformed lines instead of stopping at the first")
	partial := fs.Bool("partial", false, "accept a directory without every prefix file (a sample, not a real corpus)")
	kindName := fs.String("kind", "auto", "hash of the corpus: sha1, ntlm or auto (from the first line)")
	resume := fs.Bool("resume", false, "checkpoint every 30 s; stopped, keep the temporary file, and run again with --resume to go on from the last checkpoint")
	if err := fs.Parse(args); err != nil {
		return helpOrUsage(err)
	}
	kind, ok := map[string]pwned.Kind{"auto": pwned.KindAuto, "sha1": pwned.SHA1, "ntlm": pwned.NTLM}[strings.ToLower(*kindName)]
	switch {
	case fs.NArg() > 0:
		return usageError(stderr, "pwned import", fmt.Sprintf("unexpected argument %q", fs.Arg(0)))
	case *from == "" || *to == "":
		return usageError(stderr, "pwned import", "--from and --to are required")
	case !ok:
		return usageError(stderr, "pwned import", "--kind must be sha1, ntlm or auto")
	}
	pr := newProgress(stderr)
	start := time.Now()
	p, err := pwned.Import(ctx, *from, *to, pwned.ImportOptions{
		Kind: kind, MinCount: *minCount, SkipBad: *skipBad, Partial: *partial, Progress: pr.update, Resume: *resume,
	})
	pr.finish()
	if err != nil {
		again := "run it again to start over"
		if _, statErr := os.Stat(*to + pwned.ResumeSuffix); *resume && statErr == nil {
			again = "run it again with --resume to go on from its last checkpoint"
		}
		if errors.Is(err, context.Canceled) {
			fmt.Fprintf(stderr, "passmeter pwned import: interrupted; no store written (%s)\n", again)
			return 1
		}
		if _, statErr := os.Stat(*to + pwned.ResumeSuffix); *resume && statErr == nil {
			fmt.Fprintf(stderr, "passmeter pwned import: %v (%s)\n", err, again)
		} else {
			fmt.Fprintln(stderr, "passmeter pwned import:", err)
		}
		return 1
	}
	if p.Resumed {
		fmt.Fprintln(stderr, "passmeter pwned import: went on from an interrupted run's checkpoint")
	}
	fi, _ := os.Stat(*to)
	elapsed := time.Since(start)
	fmt.Fprintf(stderr, "passmeter pwned import: %s hashes from %s lines in %s (%s lines/s); store %s bytes, %.2f bytes a hash\n",
		thousands(p.Hashes), thousands(p.Lines), elapsed.Round(time.Millisecond), rate(p.Lines, elapsed),
		thousands(uint64(fi.Size())), float64(fi.Size())/float64(max(p.Hashes, 1)))
	fmt.Fprintf(stderr, "passmeter pwned import: of which %s syncing the store to disk and %s checking it\n",
		p.Sync.Round(time.Millisecond), p.Check.Round(time.Millisecond))
	if p.Bad+p.Zero+p.BelowMin > 0 {
		fmt.Fprintf(stderr, "passmeter pwned import: skipped %s bad lines, %s with count 0, %s below --min-count\n",
			thousands(p.Bad), thousands(p.Zero), thousands(p.BelowMin))
	}
	return 0
}

func runPwnedExport(ctx context.Context, args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("pwned export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	from := fs.String("from", "", "store to export")
	to := fs.String("to", "", "directory to write the range files to")
	gz := fs.Bool("gzip", false, "also write PREFIX.gz next to each file")
	br := fs.Bool("brotli", false, "also write PREFIX.br next to each file")
	padSizes := fs.String("pad-sizes", "", "pad each body with count-0 lines to the smallest of these line counts that holds it, e.g. 1000,2000,4000")
	ext := fs.String("ext", "", "file name extension (.txt as HIBP's downloader; none: {endpoint}/{prefix} is the file)")
	prefixes := fs.String("prefixes", "", "only these prefixes, FIRST-LAST (e.g. 00000-7FFFF), to split an export")
	if err := fs.Parse(args); err != nil {
		return helpOrUsage(err)
	}
	o := pwned.ExportOptions{Ext: *ext}
	if *padSizes != "" {
		for _, f := range strings.Split(*padSizes, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || n < 1 {
				return usageError(stderr, "pwned export", "--pad-sizes must be positive line counts separated by commas")
			}
			o.PadSizes = append(o.PadSizes, n)
		}
	}
	if *prefixes != "" {
		a, b, ok := strings.Cut(*prefixes, "-")
		first, ok1 := parseRangePrefix(a)
		last, ok2 := parseRangePrefix(b)
		if !ok || !ok1 || !ok2 || first > last {
			return usageError(stderr, "pwned export", "--prefixes must be FIRST-LAST, two 5-hex prefixes")
		}
		o.Subset, o.First, o.Last = true, first, last
	}
	switch {
	case fs.NArg() > 0:
		return usageError(stderr, "pwned export", fmt.Sprintf("unexpected argument %q", fs.Arg(0)))
	case *from == "" || *to == "":
		return usageError(stderr, "pwned export", "--from and --to are required")
	}
	if *gz {
		o.Siblings = append(o.Siblings, pwned.Sibling{Ext: ".gz", New: func(w io.Writer) io.WriteCloser {
			zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
			return zw
		}})
	}
	if *br {
		// Hex digits are random: level 4 packs them as well as 11 does
		// (39 KB against 38 KB for 75 KB of text) in a thirteenth of the time.
		o.Siblings = append(o.Siblings, pwned.Sibling{Ext: ".br", New: func(w io.Writer) io.WriteCloser {
			return brotli.NewWriterLevel(w, 4)
		}})
	}
	s, err := pwned.Open(*from)
	if err != nil {
		fmt.Fprintln(stderr, "passmeter pwned export:", err)
		return 1
	}
	defer s.Close()
	total := pwned.Buckets
	if o.Subset {
		total = int(o.Last-o.First) + 1
	}
	pr := newProgress(stderr)
	o.Progress = pr.files(total)
	start := time.Now()
	err = pwned.Export(ctx, s, *to, o)
	pr.finish()
	if err != nil {
		fmt.Fprintln(stderr, "passmeter pwned export:", err)
		return 1
	}
	fmt.Fprintf(stderr, "passmeter pwned export: %s range files in %s in %s\n", thousands(uint64(total)), *to, time.Since(start).Round(time.Millisecond))
	return 0
}

func runPwnedInfo(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		return usageError(stderr, "pwned info", "give one store")
	}
	start := time.Now()
	s, err := pwned.Open(args[0])
	if err != nil {
		fmt.Fprintln(stderr, "passmeter pwned info:", err)
		return 1
	}
	defer s.Close()
	fmt.Fprintf(stdout, "kind      %v\nhashes    %s\nmin count %d\ncreated   %s\nsize      %s bytes (%.2f bytes a hash)\nchecked   in %s\n",
		s.Kind(), thousands(s.Hashes()), s.MinCount(), s.Created().Format(time.RFC3339),
		thousands(uint64(s.Size())), float64(s.Size())/float64(max(s.Hashes(), 1)), time.Since(start).Round(time.Millisecond))
	return 0
}

func usageError(stderr io.Writer, cmd, msg string) int {
	fmt.Fprintf(stderr, "passmeter %s: %s\n", cmd, msg)
	return 2
}

// helpOrUsage is the exit code after a flag.Parse error: 0 for -h.
func helpOrUsage(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 2
}
