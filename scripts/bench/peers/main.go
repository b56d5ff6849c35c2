// Command peers times the other Go ports of zxcvbn, trustelem/zxcvbn and
// nbutton23/zxcvbn-go, on the inputs make bench measures. It lives in its
// own module so that passmeter does not depend on them.
//
//	peers -in .bench/inputs.json -out .bench/peers.json -cap 15s
//
// Every measurement runs in a child process (this program again, with
// -child) that the parent kills at the cap, as scripts/bench/js does with
// worker threads: runs of a calibrated number of calls until at least
// 200 ms (30 ms per typical password) and 3 runs, median time per call;
// the child stops before a run that would pass the cap. Lengths go up
// within a category; once a case is capped, or its time extrapolated to
// the next length passes the cap (growth as measured between the two
// lengths before, at least linear), longer lengths are skipped.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	mt "github.com/passmeter/passmeter/scripts/bench/measure"
	"math"
	"os"
	"os/exec"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	nbutton23 "github.com/nbutton23/zxcvbn-go"
	trustelem "github.com/trustelem/zxcvbn"
)

type result struct {
	score        int
	guessesLog10 float64 // NaN when the port reports entropy, not guesses
	entropyBits  float64 // NaN when the port reports guesses
}

// Peer is one port under test.
type Peer struct {
	Name   string
	Module string
	Run    func(string) result
}

var peers = []Peer{
	{"trustelem", "github.com/trustelem/zxcvbn", func(p string) result {
		r := trustelem.PasswordStrength(p, nil)
		return result{r.Score, math.Log10(r.Guesses), math.NaN()}
	}},
	{"nbutton23", "github.com/nbutton23/zxcvbn-go", func(p string) result {
		r := nbutton23.PasswordStrength(p, nil)
		return result{r.Score, math.NaN(), r.Entropy}
	}},
}

// Timing is one password's measurement by one peer.
type Timing struct {
	Category     string   `json:"category,omitempty"`
	Length       int      `json:"length,omitempty"`
	Password     string   `json:"password,omitempty"`
	Status       string   `json:"status"` // ok, capped, skipped, error
	Reason       string   `json:"reason,omitempty"`
	NsOp         float64  `json:"ns_op,omitempty"`
	CPUNsOp      float64  `json:"cpu_ns_op,omitempty"`
	Runs         int      `json:"runs,omitempty"`
	CallsPerRun  int      `json:"calls_per_run,omitempty"`
	Cut          bool     `json:"cut,omitempty"`          // killed at the cap after some complete calls
	PredictedMs  float64  `json:"predicted_ms,omitempty"` // skipped: the extrapolated time
	Score        int      `json:"score"`
	GuessesLog10 *float64 `json:"guesses_log10,omitempty"`
	EntropyBits  *float64 `json:"entropy_bits,omitempty"`
}

// PeerOutput is one peer's part of the output.
type PeerOutput struct {
	Name    string       `json:"name"`
	Module  string       `json:"module"`
	Version string       `json:"version"`
	Inits   []InitRecord `json:"inits"`
	Typical []Timing     `json:"typical"`
	Cases   []Timing     `json:"cases"`
}

// InitRecord is a GODEBUG=inittrace=1 line.
type InitRecord = mt.InitRecord

func ptr(f float64) *float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil
	}
	return &f
}

// measure mirrors scripts/bench/native's measure, with a cap: it does not
// start a run that would pass it. onRun sees every run's time per call.
func measure(run func(string) result, pw string, min, capDur time.Duration, onRun func(wall, cpu float64, r result)) (t Timing) {
	defer func() {
		if e := recover(); e != nil {
			t = Timing{Status: "error", Reason: fmt.Sprint("panic: ", e)}
		}
	}()
	start, c0 := time.Now(), mt.CPUNow()
	r := run(pw)
	one, oneCPU := time.Since(start), mt.CPUNow()-c0
	if onRun != nil {
		onRun(float64(one.Nanoseconds()), float64(oneCPU.Nanoseconds()), r)
	}
	calls := max(1, int(min/10/max(one, 1)))
	var perCall, cpuPerCall []float64
	var total time.Duration
	last := one * time.Duration(calls)
	for len(perCall) < 3 || (total < min && len(perCall) < 100) {
		if capDur > 0 && time.Since(start)+last > capDur {
			break
		}
		t, c := time.Now(), mt.CPUNow()
		for i := 0; i < calls; i++ {
			run(pw)
		}
		last = time.Since(t)
		dc := mt.CPUNow() - c
		total += last
		perCall = append(perCall, float64(last.Nanoseconds())/float64(calls))
		cpuPerCall = append(cpuPerCall, float64(dc.Nanoseconds())/float64(calls))
		if onRun != nil {
			onRun(perCall[len(perCall)-1], cpuPerCall[len(cpuPerCall)-1], r)
		}
	}
	t = Timing{Status: "ok", Score: r.score, GuessesLog10: ptr(r.guessesLog10), EntropyBits: ptr(r.entropyBits)}
	if len(perCall) == 0 {
		t.NsOp, t.CPUNsOp, t.Runs, t.CallsPerRun = float64(one.Nanoseconds()), float64(oneCPU.Nanoseconds()), 1, 1
	} else {
		t.NsOp, t.Runs, t.CallsPerRun = mt.Median(perCall), len(perCall), calls
		t.CPUNsOp = mt.Median(cpuPerCall)
	}
	return t
}

// child measures one case (or, with -case -1, every typical password) for
// one peer and writes JSON lines: "ready", then {"run_ns":…} for each slow
// run, then the final Timing (or list of Timings).
func child(in *mt.Inputs, peer Peer, caseIdx int, capDur time.Duration) {
	enc := json.NewEncoder(os.Stdout)
	peer.Run("warm-up")
	fmt.Println(`"ready"`)
	if caseIdx < 0 {
		var ts []Timing
		for _, p := range in.Typical {
			t := measure(peer.Run, p, 30*time.Millisecond, 0, nil)
			t.Password = p
			ts = append(ts, t)
		}
		enc.Encode(ts)
		return
	}
	c := in.Cases[caseIdx]
	t := measure(peer.Run, c.Password, 200*time.Millisecond, capDur, func(ns, cpu float64, r result) {
		if ns > 100e6 {
			fmt.Printf("{\"run_ns\":%g,\"cpu_ns\":%g,\"score\":%d}\n", ns, cpu, r.score)
		}
	})
	enc.Encode(t)
}

var initLine = regexp.MustCompile(`^init (\S+) @[0-9.]+ ms, ([0-9.]+) ms clock, ([0-9]+) bytes, ([0-9]+) allocs`)

// spawn runs a child and returns its last JSON line, the slow runs it
// reported, its standard error, and whether it was killed at the cap.
// runLine is a slow run a child reported.
type runLine struct {
	RunNs float64 `json:"run_ns"`
	CPUNs float64 `json:"cpu_ns"`
	Score int     `json:"score"`
}

func spawn(args []string, capDur time.Duration, env ...string) (last []byte, runs []runLine, stderr string, capped bool, err error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, nil, "", false, err
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), env...)
	var eb bytes.Buffer
	cmd.Stderr = &eb
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, nil, "", false, err
	}
	if err := cmd.Start(); err != nil {
		return nil, nil, "", false, err
	}
	var timer *time.Timer
	killed := make(chan bool, 1)
	sc := bufio.NewScanner(out)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		line := slices.Clone(sc.Bytes())
		switch {
		case string(line) == `"ready"`:
			timer = time.AfterFunc(capDur, func() {
				killed <- true
				cmd.Process.Kill()
			})
		case bytes.HasPrefix(line, []byte(`{"run_ns":`)):
			var r runLine
			json.Unmarshal(line, &r)
			runs = append(runs, r)
		default:
			last = line
		}
	}
	werr := cmd.Wait()
	if timer != nil {
		timer.Stop()
	}
	select {
	case <-killed:
		return last, runs, eb.String(), true, nil
	default:
	}
	if werr != nil {
		return last, runs, eb.String(), false, fmt.Errorf("%v: %s", werr, lastLines(eb.String(), 5))
	}
	return last, runs, eb.String(), false, nil
}

func lastLines(s string, n int) string {
	ls := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(ls[max(0, len(ls)-n):], "\n")
}

func version(module string) string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == module {
				return d.Version
			}
		}
	}
	return "?"
}

func main() {
	inFile := flag.String("in", ".bench/inputs.json", "inputs file")
	outFile := flag.String("out", ".bench/peers.json", "output file")
	capDur := flag.Duration("cap", 15*time.Second, "cap on one case's total time")
	isChild := flag.Bool("child", false, "child mode")
	peerName := flag.String("peer", "", "child mode: the peer")
	caseIdx := flag.Int("case", -1, "child mode: the case index, or -1 for the typical passwords")
	flag.Parse()

	b, err := os.ReadFile(*inFile)
	if err != nil {
		fmt.Fprintln(os.Stderr, "peers:", err)
		os.Exit(1)
	}
	var in mt.Inputs
	if err := json.Unmarshal(b, &in); err != nil {
		fmt.Fprintln(os.Stderr, "peers:", err)
		os.Exit(1)
	}
	if *isChild {
		for _, p := range peers {
			if p.Name == *peerName {
				child(&in, p, *caseIdx, *capDur)
				return
			}
		}
		fmt.Fprintln(os.Stderr, "peers: unknown peer", *peerName)
		os.Exit(2)
	}
	var out []PeerOutput
	for _, p := range peers {
		po, err := runPeer(&in, p, *inFile, *capDur)
		if err != nil {
			fmt.Fprintln(os.Stderr, "peers:", err)
			os.Exit(1)
		}
		out = append(out, po)
	}
	b, _ = json.MarshalIndent(out, "", " ")
	if err := os.WriteFile(*outFile, append(b, '\n'), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "peers:", err)
		os.Exit(1)
	}
}

func runPeer(in *mt.Inputs, p Peer, inFile string, capDur time.Duration) (PeerOutput, error) {
	po := PeerOutput{Name: p.Name, Module: p.Module, Version: version(p.Module)}
	base := []string{"-child", "-in", inFile, "-peer", p.Name, "-cap", capDur.String()}

	// Typical passwords, in one child with inittrace on (its package
	// initialisation cost is reported next to passmeter's).
	last, _, stderr, capped, err := spawn(append(base, "-case", "-1"), 10*time.Minute, "GODEBUG=inittrace=1")
	if err != nil || capped {
		return po, fmt.Errorf("%s typical: capped=%v %v", p.Name, capped, err)
	}
	if err := json.Unmarshal(last, &po.Typical); err != nil {
		return po, fmt.Errorf("%s typical: %v", p.Name, err)
	}
	// The peer's own packages: its module path and the modules below it.
	for _, l := range strings.Split(stderr, "\n") {
		m := initLine.FindStringSubmatch(l)
		if m == nil || !strings.HasPrefix(m[1], p.Module) {
			continue
		}
		ms, _ := strconv.ParseFloat(m[2], 64)
		by, _ := strconv.ParseUint(m[3], 10, 64)
		a, _ := strconv.ParseUint(m[4], 10, 64)
		po.Inits = append(po.Inits, InitRecord{Package: m[1], ClockMs: ms, Bytes: by, Allocs: a})
	}
	fmt.Fprintf(os.Stderr, "peers: %s: %d typical passwords timed\n", p.Name, len(po.Typical))

	idx := map[string]map[int]int{}
	for i, c := range in.Cases {
		if idx[c.Category] == nil {
			idx[c.Category] = map[int]int{}
		}
		idx[c.Category][c.Length] = i
	}
	for _, cat := range in.Categories {
		var skip *skipRule
		var prev *Timing
		for li, l := range in.Lengths {
			i, ok := idx[cat][l]
			if !ok {
				continue
			}
			var t Timing
			if skip != nil {
				t = Timing{Status: "skipped", Reason: skip.reason}
				if skip.predict != nil {
					t.PredictedMs = skip.predict(l) / 1e6
				}
			} else {
				last, runs, _, capped, err := spawn(append(base, "-case", strconv.Itoa(i)), capDur)
				switch {
				case capped && len(runs) == 0:
					t = Timing{Status: "capped"}
					skip = &skipRule{reason: fmt.Sprintf("%s/%d passed the cap", cat, l)}
				case capped:
					// Killed after some complete calls: the first is the
					// calibration call, kept only when it is the only one.
					if len(runs) > 1 {
						runs = runs[1:]
					}
					var wall, cpu []float64
					for _, r := range runs {
						wall, cpu = append(wall, r.RunNs), append(cpu, r.CPUNs)
					}
					t = Timing{Status: "ok", NsOp: mt.Median(wall), CPUNsOp: mt.Median(cpu), Runs: len(runs), CallsPerRun: 1, Cut: true, Score: runs[len(runs)-1].Score}
				case err != nil:
					t = Timing{Status: "error", Reason: err.Error()}
				default:
					if err := json.Unmarshal(last, &t); err != nil {
						t = Timing{Status: "error", Reason: err.Error()}
					}
				}
				if t.Status == "error" {
					skip = &skipRule{reason: fmt.Sprintf("%s/%d failed", cat, l)}
				}
			}
			t.Category, t.Length = cat, l
			if skip == nil && li+1 < len(in.Lengths) {
				skip = predictSkip(prev, t, in.Lengths[li+1], capDur)
			}
			po.Cases = append(po.Cases, t)
			prev = &po.Cases[len(po.Cases)-1]
			msg := t.Status
			if t.Status == "ok" {
				msg = fmt.Sprintf("%.3f ms/op (%d runs)", t.NsOp/1e6, t.Runs)
			} else if t.PredictedMs > 0 {
				msg += fmt.Sprintf(" (predicted %.0f s)", t.PredictedMs/1e3)
			} else if t.Reason != "" {
				msg += ": " + firstLine(t.Reason)
			}
			fmt.Fprintf(os.Stderr, "peers: %s: %-8s %5d  %s\n", p.Name, cat, l, msg)
		}
	}
	return po, nil
}

// skipRule says why the longer lengths of a category are not run and,
// when they were extrapolated, how long each would take.
type skipRule struct {
	reason  string
	predict func(length int) float64 // ns; nil after a capped case
}

// predictSkip decides whether the next length need not run: its time,
// extrapolated from this case's time with the growth measured since the
// previous length (at least linear), passes the cap. nil: run it. The
// same rule as scripts/bench/js.
func predictSkip(prev *Timing, t Timing, next int, capDur time.Duration) *skipRule {
	if t.Status != "ok" {
		return nil
	}
	k := 1.0
	if prev != nil && prev.Status == "ok" && t.NsOp > prev.NsOp {
		k = max(1, math.Log(t.NsOp/prev.NsOp)/math.Log(float64(t.Length)/float64(prev.Length)))
	}
	predict := func(n int) float64 { return t.NsOp * math.Pow(float64(n)/float64(t.Length), k) }
	if predict(next) <= float64(capDur.Nanoseconds()) {
		return nil
	}
	return &skipRule{fmt.Sprintf("extrapolated from %d characters (%.2f s) with growth ~n^%.1f", t.Length, t.NsOp/1e9, k), predict}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
