// Command pwned is the scale benchmark of the breach corpus store
// (scripts/bench-pwned.sh runs it):
//
//	pwned gen -n 50000000 -o corpus.txt [-buckets 1048576]
//	    writes a sorted SHA1HEX:COUNT corpus of about n random hashes spread
//	    over the first -buckets prefixes (fewer buckets: HIBP's density in a
//	    sample), counts long-tailed as HIBP's
//	pwned lookups -store S [-buckets B] [-warm 1000000] [-cold 300]
//	    times Open, then warm lookups (present and absent hashes) and cold
//	    ones (the file evicted from the page cache before each), and prints
//	    Markdown table rows
package main

import (
	"bufio"
	"encoding/hex"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"time"

	"github.com/passmeter/passmeter/core/pwned"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: pwned gen|lookups ...")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "gen":
		err = gen(os.Args[2:])
	case "lookups":
		err = lookups(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "pwned:", err)
		os.Exit(1)
	}
}

// count draws a breach count: most hashes were seen a few times, a few
// millions of times (HIBP's own distribution is not published; this one
// is stated in BENCHMARKS.md).
func count(rng *rand.Rand) uint64 {
	// Pareto with shape 1: P(count >= k) = 1/k.
	return uint64(1 / (1 - rng.Float64()))
}

func gen(args []string) error {
	fs := flag.NewFlagSet("gen", flag.ExitOnError)
	n := fs.Int64("n", 50_000_000, "hashes (about)")
	out := fs.String("o", "", "output file")
	buckets := fs.Int("buckets", pwned.Buckets, "prefixes used, from 00000")
	seed := fs.Uint64("seed", 1, "random seed")
	fs.Parse(args)
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 4<<20)
	rng := rand.New(rand.NewPCG(*seed, 99))
	mean := float64(*n) / float64(*buckets)
	type suffix struct{ hi, mid, lo uint64 } // 140 bits: hi holds the top 12
	var keys []suffix
	line := make([]byte, 0, 64)
	const hexd = "0123456789ABCDEF"
	total := 0
	for p := 0; p < *buckets; p++ {
		m := max(0, int(math.Round(mean+math.Sqrt(mean)*rng.NormFloat64())))
		keys = keys[:0]
		for range m {
			keys = append(keys, suffix{rng.Uint64() & (1<<12 - 1), rng.Uint64(), rng.Uint64()})
		}
		slices.SortFunc(keys, func(a, b suffix) int {
			if a.hi != b.hi {
				return cmp(a.hi, b.hi)
			}
			if a.mid != b.mid {
				return cmp(a.mid, b.mid)
			}
			return cmp(a.lo, b.lo)
		})
		keys = slices.Compact(keys)
		for _, k := range keys {
			line = line[:0]
			for i := 4; i >= 0; i-- {
				line = append(line, hexd[(p>>(4*i))&0xf])
			}
			for i := 2; i >= 0; i-- {
				line = append(line, hexd[(k.hi>>(4*i))&0xf])
			}
			for _, w := range []uint64{k.mid, k.lo} {
				for i := 15; i >= 0; i-- {
					line = append(line, hexd[(w>>(4*i))&0xf])
				}
			}
			line = append(line, ':')
			line = fmt.Appendf(line, "%d\r\n", count(rng))
			w.Write(line)
		}
		total += len(keys)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "pwned gen: %d hashes over %d prefixes\n", total, *buckets)
	return f.Close()
}

func cmp(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func lookups(args []string) error {
	fs := flag.NewFlagSet("lookups", flag.ExitOnError)
	path := fs.String("store", "", "store")
	buckets := fs.Int("buckets", pwned.Buckets, "prefixes the corpus uses, from 00000")
	warm := fs.Int("warm", 1_000_000, "warm lookups")
	cold := fs.Int("cold", 300, "cold lookups")
	label := fs.String("label", "", "first column")
	fs.Parse(args)

	start := time.Now()
	s, err := pwned.Open(*path)
	if err != nil {
		return err
	}
	openTime := time.Since(start)
	rng := rand.New(rand.NewPCG(5, 6))

	// Present hashes, taken from random ranges.
	present := make([][]byte, 0, 4096)
	var buf []byte
	for len(present) < cap(present) {
		p := uint32(rng.IntN(*buckets))
		buf, _ = s.AppendRange(buf[:0], p, 0, pwned.DefaultRand)
		if len(buf) == 0 {
			continue
		}
		lines := splitLines(buf)
		l := lines[rng.IntN(len(lines))]
		h, err := hex.DecodeString(fmt.Sprintf("%05X%s", p, l[:35]))
		if err != nil {
			return err
		}
		present = append(present, h)
	}
	for _, h := range present {
		if _, found, err := s.Lookup(h); !found || err != nil {
			return fmt.Errorf("a hash read from a range is not found: %v", err)
		}
	}
	absent := func() []byte {
		h := make([]byte, 20)
		for i := range h {
			h[i] = byte(rng.Uint32())
		}
		p := uint32(rng.IntN(*buckets))
		h[0], h[1], h[2] = byte(p>>12), byte(p>>4), byte(p<<4)|h[2]&0xf
		return h
	}
	var lp, la []time.Duration
	for i := range *warm {
		var h []byte
		if i%2 == 0 {
			h = present[rng.IntN(len(present))]
		} else {
			h = absent()
		}
		t0 := time.Now()
		_, found, err := s.Lookup(h)
		d := time.Since(t0)
		if err != nil || i%2 == 0 && !found {
			return fmt.Errorf("warm lookup: found %v, %v", found, err)
		}
		if i%2 == 0 {
			lp = append(lp, d)
		} else {
			la = append(la, d)
		}
	}
	// Range bodies, warm.
	var lr []time.Duration
	for range min(*warm/10, 100000) {
		p := uint32(rng.IntN(*buckets))
		t0 := time.Now()
		buf, _ = s.AppendRange(buf[:0], p, 0, pwned.DefaultRand)
		lr = append(lr, time.Since(t0))
	}
	s.Close()

	// Cold: evict the file from the page cache, map it again (Quick: the
	// full check would read it all back), one lookup.
	var lc []time.Duration
	coldOK := true
	for i := range *cold {
		if err := evict(*path); err != nil {
			coldOK = false
			fmt.Fprintln(os.Stderr, "pwned lookups: cannot evict the store from the page cache:", err)
			break
		}
		q, err := pwned.OpenOptions(*path, pwned.Options{Quick: true})
		if err != nil {
			return err
		}
		h := present[i%len(present)]
		if i%2 == 1 {
			h = absent()
		}
		t0 := time.Now()
		_, _, err = q.Lookup(h)
		lc = append(lc, time.Since(t0))
		q.Close()
		if err != nil {
			return err
		}
	}

	fmt.Printf("| %s | %s | %s / %s | %s / %s | %s / %s | %s |\n", *label, openTime.Round(time.Millisecond),
		us(pct(lp, 50)), us(pct(lp, 99)), us(pct(la, 50)), us(pct(la, 99)), us(pct(lr, 50)), us(pct(lr, 99)),
		coldCell(coldOK, lc))
	return nil
}

func coldCell(ok bool, lc []time.Duration) string {
	if !ok || len(lc) == 0 {
		return "n/a (no page-cache eviction here)"
	}
	return fmt.Sprintf("%s / %s", us(pct(lc, 50)), us(pct(lc, 99)))
}

func splitLines(b []byte) [][]byte {
	var out [][]byte
	for len(b) > 0 {
		i := 0
		for i < len(b) && b[i] != '\r' {
			i++
		}
		out = append(out, b[:i])
		b = b[min(len(b), i+2):]
	}
	return out
}

func pct(d []time.Duration, p int) time.Duration {
	if len(d) == 0 {
		return 0
	}
	slices.Sort(d)
	return d[(len(d)-1)*p/100]
}

func us(d time.Duration) string {
	return fmt.Sprintf("%.1f µs", float64(d)/float64(time.Microsecond))
}
