// Command native times passmeter's zxcvbn.Estimate on the inputs written
// by scripts/bench/inputs and measures the first call's cost (the word
// index is built lazily, once per process, on first use) in fresh
// processes. scripts/bench.sh runs it; the report step reads its JSON.
//
//	native -in .bench/inputs.json -out .bench/native.json
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	mt "github.com/passmeter/passmeter/scripts/bench/measure"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/passmeter/passmeter/core/zxcvbn"
)

// Timing is one password's measurement.
type Timing struct {
	Category     string  `json:"category,omitempty"`
	Length       int     `json:"length,omitempty"`
	Password     string  `json:"password,omitempty"`
	NsOp         float64 `json:"ns_op"`     // median over runs of the run's wall time per call
	CPUNsOp      float64 `json:"cpu_ns_op"` // the same with the process's CPU time
	Runs         int     `json:"runs"`
	CallsPerRun  int     `json:"calls_per_run"`
	Score        int     `json:"score"`
	GuessesLog10 float64 `json:"guesses_log10"`
}

// First is one fresh process's first call against its later calls.
type First struct {
	Password        string       `json:"password"`
	FirstNs         float64      `json:"first_ns"`
	LaterNs         float64      `json:"later_ns"` // median of later calls
	FirstAllocBytes uint64       `json:"first_alloc_bytes"`
	LaterAllocBytes uint64       `json:"later_alloc_bytes"` // per call
	FirstMallocs    uint64       `json:"first_mallocs"`
	LaterMallocs    uint64       `json:"later_mallocs"`
	RetainedBytes   int64        `json:"retained_bytes"` // live heap growth after the first call and a GC
	Inits           []InitRecord `json:"inits,omitempty"`
}

// InitRecord is a GODEBUG=inittrace=1 line.
type InitRecord = mt.InitRecord

// Output is the file the report reads.
type Output struct {
	GoVersion string   `json:"go_version"`
	GOARCH    string   `json:"goarch"`
	Cases     []Timing `json:"cases"`
	Typical   []Timing `json:"typical"`
	First     []First  `json:"first"`
}

var opts *zxcvbn.Options // nil: the current year, as zxcvbn.js

// measure times Estimate(pw) in runs of a calibrated number of calls until
// at least min has passed and at least 3 runs are done; it returns the
// median time per call over the runs.
func measure(pw string, min time.Duration) Timing {
	t0 := time.Now()
	r := zxcvbn.Estimate(pw, nil, opts) // warm-up and calibration
	one := time.Since(t0)
	calls := max(1, int(min/10/max(one, 1)))
	var perCall, cpuPerCall []float64
	var total time.Duration
	for len(perCall) < 3 || (total < min && len(perCall) < 100) {
		t, c := time.Now(), mt.CPUNow()
		for i := 0; i < calls; i++ {
			zxcvbn.Estimate(pw, nil, opts)
		}
		d, dc := time.Since(t), mt.CPUNow()-c
		total += d
		perCall = append(perCall, float64(d.Nanoseconds())/float64(calls))
		cpuPerCall = append(cpuPerCall, float64(dc.Nanoseconds())/float64(calls))
	}
	return Timing{NsOp: mt.Median(perCall), CPUNsOp: mt.Median(cpuPerCall), Runs: len(perCall), CallsPerRun: calls, Score: r.Score, GuessesLog10: r.GuessesLog10}
}

// firstCall runs in a fresh child process: the first Estimate builds the
// word index, the later ones reuse it.
func firstCall(pw string) First {
	var m0, m1, m2, m3, m4 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	t := time.Now()
	zxcvbn.Estimate(pw, nil, opts)
	first := time.Since(t)
	runtime.ReadMemStats(&m1)
	runtime.GC()
	runtime.ReadMemStats(&m2)

	const n = 1000
	later := make([]float64, n)
	runtime.ReadMemStats(&m3)
	for i := range later {
		t := time.Now()
		zxcvbn.Estimate(pw, nil, opts)
		later[i] = float64(time.Since(t).Nanoseconds())
	}
	runtime.ReadMemStats(&m4)
	return First{
		Password:        pw,
		FirstNs:         float64(first.Nanoseconds()),
		LaterNs:         mt.Median(later),
		FirstAllocBytes: m1.TotalAlloc - m0.TotalAlloc,
		LaterAllocBytes: (m4.TotalAlloc - m3.TotalAlloc) / n,
		FirstMallocs:    m1.Mallocs - m0.Mallocs,
		LaterMallocs:    (m4.Mallocs - m3.Mallocs) / n,
		RetainedBytes:   int64(m2.HeapAlloc) - int64(m0.HeapAlloc),
	}
}

// init @0.12 ms, 0.005 ms clock, 1234 bytes, 5 allocs
var initLine = regexp.MustCompile(`^init (\S+) @[0-9.]+ ms, ([0-9.]+) ms clock, ([0-9]+) bytes, ([0-9]+) allocs`)

// runFirst starts this program again as a fresh process, with inittrace
// on, to measure the first call.
func runFirst(pw string) (First, error) {
	exe, err := os.Executable()
	if err != nil {
		return First{}, err
	}
	cmd := exec.Command(exe, "-first", pw)
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return First{}, fmt.Errorf("%v: %s", err, stderr.String())
	}
	var f First
	if err := json.Unmarshal(out, &f); err != nil {
		return First{}, err
	}
	sc := bufio.NewScanner(&stderr)
	for sc.Scan() {
		m := initLine.FindStringSubmatch(sc.Text())
		if m == nil || !strings.HasPrefix(m[1], "github.com/passmeter/passmeter") {
			continue
		}
		ms, _ := strconv.ParseFloat(m[2], 64)
		b, _ := strconv.ParseUint(m[3], 10, 64)
		a, _ := strconv.ParseUint(m[4], 10, 64)
		f.Inits = append(f.Inits, InitRecord{Package: m[1], ClockMs: ms, Bytes: b, Allocs: a})
	}
	return f, nil
}

func main() {
	in := flag.String("in", ".bench/inputs.json", "inputs file")
	out := flag.String("out", ".bench/native.json", "output file")
	minCase := flag.Duration("min", 200*time.Millisecond, "minimum measured time per case")
	minTypical := flag.Duration("min-typical", 30*time.Millisecond, "minimum measured time per typical password")
	firstRuns := flag.Int("first-runs", 7, "fresh processes measuring the first call")
	first := flag.Bool("first", false, "child mode: measure the first call on the argument and print JSON")
	flag.Parse()

	if *first {
		json.NewEncoder(os.Stdout).Encode(firstCall(flag.Arg(0)))
		return
	}
	if err := run(*in, *out, *minCase, *minTypical, *firstRuns); err != nil {
		fmt.Fprintln(os.Stderr, "native:", err)
		os.Exit(1)
	}
}

func run(inFile, outFile string, minCase, minTypical time.Duration, firstRuns int) error {
	b, err := os.ReadFile(inFile)
	if err != nil {
		return err
	}
	var in mt.Inputs
	if err := json.Unmarshal(b, &in); err != nil {
		return err
	}
	o := Output{GoVersion: runtime.Version(), GOARCH: runtime.GOARCH}

	for i := 0; i < firstRuns; i++ {
		f, err := runFirst("Tr0ub4dour&3")
		if err != nil {
			return fmt.Errorf("first call: %w", err)
		}
		o.First = append(o.First, f)
	}
	fmt.Fprintf(os.Stderr, "native: first call measured in %d fresh processes\n", firstRuns)

	zxcvbn.Estimate("warm-up", nil, opts) // builds the index outside every timing
	for _, p := range in.Typical {
		t := measure(p, minTypical)
		t.Password = p
		o.Typical = append(o.Typical, t)
	}
	fmt.Fprintf(os.Stderr, "native: %d typical passwords timed\n", len(o.Typical))
	for _, c := range in.Cases {
		t := measure(c.Password, minCase)
		t.Category, t.Length = c.Category, c.Length
		o.Cases = append(o.Cases, t)
		fmt.Fprintf(os.Stderr, "native: %-8s %5d  %12.0f ns/op\n", c.Category, c.Length, t.NsOp)
	}
	b, err = json.MarshalIndent(o, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(outFile, append(b, '\n'), 0o644)
}
