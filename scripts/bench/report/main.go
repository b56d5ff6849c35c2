// Command report writes BENCHMARKS.md from the JSON the make bench steps
// leave in .bench/: inputs.json (scripts/bench/inputs), native.json
// (scripts/bench/native), js.json (scripts/bench/js) and peers.json
// (scripts/bench/peers).
//
//	report -dir .bench -out BENCHMARKS.md -elapsed 600 -load "1.00 0.50 0.20"
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"time"

	mt "github.com/passmeter/passmeter/scripts/bench/measure"
)

// timing is one measurement by any of the steps.
type timing struct {
	Category     string   `json:"category"`
	Length       int      `json:"length"`
	Password     string   `json:"password"`
	Status       string   `json:"status"` // js and peers: ok, capped, skipped, error
	Reason       string   `json:"reason"`
	NsOp         float64  `json:"ns_op"`
	CPUNsOp      float64  `json:"cpu_ns_op"`
	Runs         int      `json:"runs"`
	Cut          bool     `json:"cut"`
	PredictedMs  float64  `json:"predicted_ms"`
	Score        int      `json:"score"`
	GuessesLog10 *float64 `json:"guesses_log10"`
}

func (t timing) ok() bool { return t.Status == "" || t.Status == "ok" }

// cost is the time per call the tables compare: CPU time, which the load
// on a shared machine disturbs far less than wall time; wall time when a
// step could not record CPU time.
func (t timing) cost() float64 {
	if t.CPUNsOp > 0 {
		return t.CPUNsOp
	}
	return t.NsOp
}

type initRecord struct {
	Package string  `json:"package"`
	ClockMs float64 `json:"clock_ms"`
	Bytes   uint64  `json:"bytes"`
	Allocs  uint64  `json:"allocs"`
}

type first struct {
	Password        string       `json:"password"`
	FirstNs         float64      `json:"first_ns"`
	LaterNs         float64      `json:"later_ns"`
	FirstAllocBytes float64      `json:"first_alloc_bytes"`
	LaterAllocBytes float64      `json:"later_alloc_bytes"`
	FirstMallocs    float64      `json:"first_mallocs"`
	LaterMallocs    float64      `json:"later_mallocs"`
	RetainedBytes   float64      `json:"retained_bytes"`
	Inits           []initRecord `json:"inits"`
}

type native struct {
	GoVersion string   `json:"go_version"`
	GOARCH    string   `json:"goarch"`
	Cases     []timing `json:"cases"`
	Typical   []timing `json:"typical"`
	First     []first  `json:"first"`
}

type js struct {
	NodeVersion   string   `json:"node_version"`
	ZxcvbnVersion string   `json:"zxcvbn_version"`
	CapMs         float64  `json:"cap_ms"`
	Cases         []timing `json:"cases"`
	Typical       []timing `json:"typical"`
}

type peer struct {
	Name    string       `json:"name"`
	Module  string       `json:"module"`
	Version string       `json:"version"`
	Inits   []initRecord `json:"inits"`
	Typical []timing     `json:"typical"`
	Cases   []timing     `json:"cases"`
}

func load(dir, name string, v any) {
	b, err := os.ReadFile(dir + "/" + name)
	if err == nil {
		err = json.Unmarshal(b, v)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
}

// quantile is the nearest-rank q-quantile.
func quantile(xs []float64, q float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[min(len(s)-1, int(math.Ceil(q*float64(len(s))))-1)]
}

func mean(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t / float64(len(xs))
}

// sig formats x with three significant digits (at least), no exponent.
func sig(x float64) string {
	if math.IsNaN(x) {
		return "—"
	}
	if x >= 100 {
		return thousands(fmt.Sprintf("%.0f", x))
	}
	d := 2 - int(math.Floor(math.Log10(math.Abs(x))))
	return fmt.Sprintf("%.*f", max(0, d), x)
}

func thousands(s string) string {
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func count(x float64) string { return thousands(fmt.Sprintf("%.0f", x)) }

func ratio(r float64) string {
	if math.IsNaN(r) {
		return "—"
	}
	if r >= 100 {
		return thousands(fmt.Sprintf("%.0f", r)) + "×"
	}
	if r >= 10 {
		return fmt.Sprintf("%.1f×", r)
	}
	return fmt.Sprintf("%.2f×", r)
}

func bytesStr(b float64) string {
	switch {
	case b >= 1<<20:
		return fmt.Sprintf("%.2f MiB", b/(1<<20))
	case b >= 1<<10:
		return fmt.Sprintf("%.1f KiB", b/(1<<10))
	}
	return fmt.Sprintf("%.0f B", b)
}

// cell is a js or peer case as a table cell in ms, and the matching ratio
// to passmeter's time (nativeNs).
func cell(t *timing, capMs, nativeNs float64) (string, string) {
	if t == nil {
		return "—", "—"
	}
	switch t.Status {
	case "", "ok":
		s := sig(t.cost() / 1e6)
		if t.Cut {
			s += " §"
		}
		return s, ratio(t.cost() / nativeNs)
	case "capped":
		return fmt.Sprintf("> %g s", capMs/1e3), "> " + ratio(capMs*1e6/nativeNs)
	case "skipped":
		switch {
		case t.PredictedMs > 3600e3:
			return "> 1 h ‡", "—"
		case t.PredictedMs > 0:
			return fmt.Sprintf("≈ %s s ‡", sig(t.PredictedMs/1e3)), "—"
		}
		return fmt.Sprintf("> %g s †", capMs/1e3), "—"
	}
	return "error ¶", "—"
}

func cpuModel() string {
	b, _ := os.ReadFile("/proc/cpuinfo")
	for _, l := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

func memTotal() string {
	b, _ := os.ReadFile("/proc/meminfo")
	var kb float64
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "MemTotal:") {
			fmt.Sscanf(strings.TrimPrefix(l, "MemTotal:"), "%f", &kb)
		}
	}
	return fmt.Sprintf("%.1f GiB", kb/(1<<20))
}

func kernel() string {
	b, _ := os.ReadFile("/proc/sys/kernel/osrelease")
	return strings.TrimSpace(string(b))
}

func loadavg() string {
	b, _ := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

func sameGuesses(a, b *float64) bool {
	return a != nil && b != nil && math.Abs(*a-*b) <= 1e-9*math.Max(1, math.Abs(*a))
}

func main() {
	dir := flag.String("dir", ".bench", "folder of the steps' JSON")
	out := flag.String("out", "BENCHMARKS.md", "output file")
	elapsed := flag.Float64("elapsed", 0, "seconds make bench took")
	loadStart := flag.String("load", "", "load average when make bench started")
	nproc := flag.Int("nproc", 0, "CPUs (nproc)")
	flag.Parse()

	var in mt.Inputs
	var nat native
	var j js
	var ps []peer
	load(*dir, "inputs.json", &in)
	load(*dir, "native.json", &nat)
	load(*dir, "js.json", &j)
	load(*dir, "peers.json", &ps)

	var w strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&w, format, a...) }
	capS := fmt.Sprintf("%g", j.CapMs/1e3)

	p("# Benchmarks\n\n")
	p("Written by `make bench` (`scripts/bench.sh`); run it again to refresh this file. It is not part of `make test`.\n\n")
	p("```sh\nmake bench\n```\n\n")
	p("It times passmeter's engine (`core/zxcvbn`, native Go), the npm package zxcvbn %s under Node, and two other Go ports, ", j.ZxcvbnVersion)
	names := []string{}
	for _, pe := range ps {
		names = append(names, fmt.Sprintf("[`%s`](https://%s) %s", pe.Module, pe.Module, pe.Version))
	}
	p("%s, as peers (from their own module, `scripts/bench/peers`, so the library does not depend on them), all on the same passwords.\n\n", strings.Join(names, " and "))

	p("## Machine\n\n")
	p("| | |\n| --- | --- |\n")
	p("| date | %s |\n", time.Now().UTC().Format("2006-01-02 15:04 MST"))
	p("| CPU | %s, %d CPUs (`nproc`) |\n", cpuModel(), *nproc)
	p("| memory | %s |\n", memTotal())
	p("| kernel | Linux %s |\n", kernel())
	p("| Go | %s %s |\n", nat.GoVersion, nat.GOARCH)
	p("| Node | %s (zxcvbn %s) |\n", j.NodeVersion, j.ZxcvbnVersion)
	p("| load average (1, 5, 15 min) | %s at the start, %s at the end |\n", *loadStart, loadavg())
	p("| `make bench` took | %s |\n\n", (time.Duration(*elapsed) * time.Second).String())
	p("The machine is shared and noisy (other jobs run; see the load average): treat differences under about 2× as noise. ")
	p("Every time is a median, never a best run.\n\n")

	p("## Method\n\n")
	p("- **Inputs** (`scripts/bench/inputs`, deterministic): %d typical passwords of at most 32 characters, and one password per category and length (%s characters).\n", len(in.Typical), joinInts(in.Lengths))
	p("- **Timing**, the same in every step: one untimed call, then runs of a calibrated number of calls (about a tenth of the minimum each) until at least 200 ms (30 ms per typical password) and 3 runs; the result is the median over runs of the time per call. Both wall time and the process's CPU time (user and system, all threads: garbage collection and, under Node, the JIT count) are recorded. **The tables compare CPU time**, which the load on a shared machine disturbs far less (under load, wall time also counts the time the process waits for a CPU); the typical table shows wall time as well. The cap and the extrapolations below are wall time.\n")
	p("- **Engines**: passmeter in-process (`scripts/bench/native`); zxcvbn.js with each case in its own worker thread (`scripts/bench/js`); each peer with each case in its own child process (`scripts/bench/peers`). The worker or child is stopped at a cap of %s s per case; passmeter needs no cap.\n", capS)
	p("- **Long inputs**: lengths go up within a category. Once a case passes the cap, longer ones are not run (**> %s s †**). Once a case's time, extrapolated to the next length with the growth measured between the two lengths before it (at least linear), passes the cap, the longer ones are not run either; the table shows the extrapolation (**≈ … ‡**), an estimate, not a measurement.\n\n", capS)

	// ---------------------------------------------------------------- typical
	jsTyp := map[string]timing{}
	for _, t := range j.Typical {
		jsTyp[t.Password] = t
	}
	natTyp := map[string]timing{}
	for _, t := range nat.Typical {
		natTyp[t.Password] = t
	}
	type row struct {
		name      string
		ts        []timing
		agreeNote string
	}
	rows := []row{{"passmeter (Go)", nat.Typical, ""}, {"zxcvbn.js " + j.ZxcvbnVersion + " (Node " + j.NodeVersion + ")", j.Typical, ""}}
	for _, pe := range ps {
		rows = append(rows, row{pe.Name + " (Go)", pe.Typical, ""})
	}
	natMed := mt.Median(nsOf(nat.Typical, false))
	natCPU := mt.Median(nsOf(nat.Typical, true))

	p("## Typical passwords (≤ 32 characters)\n\n")
	p("%d passwords from `scripts/bench/inputs`: common passwords; words with digits, capitals, years and symbols; l33t; names with dates; keyboard patterns; passphrases of 2 to 5 words; random strong ones; repeats and sequences. CPU time per call in µs over the set (each password's median), and the median wall time; the ratios are the engine's median over passmeter's. Agreement is with zxcvbn.js %s on the same password: the same score, and the same guesses (`guesses_log10` within 1e-9 relative).\n\n", len(in.Typical), j.ZxcvbnVersion)
	p("| engine | median µs | p90 µs | mean µs | ÷ passmeter | median wall µs | ÷ passmeter (wall) | same score | same guesses |\n")
	p("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for _, r := range rows {
		wall := nsOf(r.ts, false)
		cpu := nsOf(r.ts, true)
		score, guesses, n := 0, 0, 0
		hasGuesses := false
		for _, t := range r.ts {
			ref, ok := jsTyp[t.Password]
			if !ok || !t.ok() {
				continue
			}
			n++
			if t.Score == ref.Score {
				score++
			}
			if t.GuessesLog10 != nil {
				hasGuesses = true
				if sameGuesses(t.GuessesLog10, ref.GuessesLog10) {
					guesses++
				}
			}
		}
		g := "n/a (entropy)"
		if hasGuesses {
			g = fmt.Sprintf("%.1f %%", 100*float64(guesses)/float64(n))
		}
		p("| %s | %s | %s | %s | %s | %s | %s | %.1f %% | %s |\n", r.name, sig(mt.Median(cpu)/1e3), sig(quantile(cpu, 0.9)/1e3), sig(mean(cpu)/1e3), ratio(mt.Median(cpu)/natCPU),
			sig(mt.Median(wall)/1e3), ratio(mt.Median(wall)/natMed), 100*float64(score)/float64(n), g)
	}
	p("\n")
	// Per-password ratio, and where passmeter is not faster.
	var per []float64
	type slow struct {
		pw     string
		r      float64
		nt, jt float64
	}
	var slower []slow
	for _, t := range nat.Typical {
		ref, ok := jsTyp[t.Password]
		if !ok {
			continue
		}
		r := ref.cost() / t.cost()
		per = append(per, r)
		if r < 2 {
			slower = append(slower, slow{t.Password, r, t.cost(), ref.cost()})
		}
	}
	jsMed, jsCPU := mt.Median(nsOf(j.Typical, false)), mt.Median(nsOf(j.Typical, true))
	verdict := "met"
	if jsCPU/natCPU < 10 {
		verdict = "**not met**"
	}
	p("**passmeter vs zxcvbn.js:** %s faster at the median in CPU time (%s µs against %s µs; wall time: %s, %s µs against %s µs). Per password the CPU-time ratio's median is %s, its range %s to %s. The target, at least 10× faster on typical passwords, is %s on this run.\n\n",
		ratio(jsCPU/natCPU), sig(natCPU/1e3), sig(jsCPU/1e3), ratio(jsMed/natMed), sig(natMed/1e3), sig(jsMed/1e3), ratio(mt.Median(per)), ratio(slices.Min(per)), ratio(slices.Max(per)), verdict)
	if len(slower) > 0 {
		slices.SortFunc(slower, func(a, b slow) int { return cmpFloat(a.r, b.r) })
		p("Typical passwords where passmeter is less than 2× faster than zxcvbn.js in CPU time (%d of %d; single measurements, partly noise):", len(slower), len(nat.Typical))
		for i, s := range slower {
			if i == 12 {
				p(" …")
				break
			}
			p(" `%s` (%s µs, %s)%s", strings.ReplaceAll(s.pw, "`", "\\`"), sig(s.nt/1e3), ratio(s.r), map[bool]string{true: ".", false: ","}[i == len(slower)-1])
		}
		p("\n\n")
	}

	// ---------------------------------------------------------------- cases
	p("## By category and length\n\n")
	p("CPU milliseconds per call (median); ratios are the engine's time over passmeter's; a cell past the cap is wall time. Categories: ")
	p("`random` printable ASCII; `alnum` a–z and 0–9; `digits`; `repeat` \"aaaa…\"; `repeat3` \"abcabc…\"; `walk` \"qwertyuiop\" repeated; `walkturn` a zig-zag keyboard walk turning at almost every key; `l33t` only characters zxcvbn reads as l33t (`4@8({[<3691!|70$5+%%2`); `words` \"password\" repeated; `dates` \"19/04/1987\" repeated.\n\n")
	p("| category | length | passmeter ms | zxcvbn.js ms | zxcvbn.js ÷ passmeter |")
	for _, pe := range ps {
		p(" %s ms | %s ÷ passmeter |", pe.Name, pe.Name)
	}
	p("\n| --- | ---: | ---: | ---: | ---: |")
	for range ps {
		p(" ---: | ---: |")
	}
	p("\n")
	find := func(ts []timing, cat string, l int) *timing {
		for i := range ts {
			if ts[i].Category == cat && ts[i].Length == l {
				return &ts[i]
			}
		}
		return nil
	}
	notes := map[string]bool{}
	var nativeSlower []string
	for _, cat := range in.Categories {
		for _, l := range in.Lengths {
			nt := find(nat.Cases, cat, l)
			if nt == nil {
				continue
			}
			jc, jr := cell(find(j.Cases, cat, l), j.CapMs, nt.cost())
			p("| %s | %s | %s | %s | %s |", cat, thousands(fmt.Sprint(l)), sig(nt.cost()/1e6), jc, jr)
			markNotes(notes, jc)
			if jt := find(j.Cases, cat, l); jt != nil && jt.ok() && jt.cost() < nt.cost() {
				nativeSlower = append(nativeSlower, fmt.Sprintf("zxcvbn.js on %s/%d (%s against %s ms)", cat, l, sig(jt.cost()/1e6), sig(nt.cost()/1e6)))
			}
			for _, pe := range ps {
				pt := find(pe.Cases, cat, l)
				pc, pr := cell(pt, j.CapMs, nt.cost())
				p(" %s | %s |", pc, pr)
				markNotes(notes, pc)
				if pt != nil && pt.ok() && pt.cost() < nt.cost() {
					nativeSlower = append(nativeSlower, fmt.Sprintf("%s on %s/%d (%s against %s ms)", pe.Name, cat, l, sig(pt.cost()/1e6), sig(nt.cost()/1e6)))
				}
			}
			p("\n")
		}
	}
	p("\n")
	if notes["†"] {
		p("† not run: a shorter password of the same category already passed the cap of %s s.  \n", capS)
	}
	if notes["‡"] {
		p("‡ not run: extrapolated from the two shorter lengths (growth at least linear); an estimate.  \n")
	}
	if notes["§"] {
		p("§ stopped at the cap after some complete calls: the median of those.  \n")
	}
	if notes["¶"] {
		p("¶ the engine failed on this input (a panic or a crash): see `.bench/peers.json`.  \n")
	}
	p("\n")
	// Growth at the long end, where fixed costs no longer count.
	if n := len(in.Lengths); n >= 2 {
		lo, hi := in.Lengths[n-2], in.Lengths[n-1]
		p("Growth with length at the long end: passmeter's time for %s characters over its time for %s (linear would be %s):", thousands(fmt.Sprint(hi)), thousands(fmt.Sprint(lo)), ratio(float64(hi)/float64(lo)))
		var gs []string
		for _, cat := range in.Categories {
			a, b := find(nat.Cases, cat, lo), find(nat.Cases, cat, hi)
			if a != nil && b != nil {
				gs = append(gs, fmt.Sprintf("%s %s", cat, ratio(b.cost()/a.cost())))
			}
		}
		p(" %s.\n\n", strings.Join(gs, ", "))
	}
	if len(nativeSlower) > 0 {
		p("**Where passmeter is slower:** %s.\n\n", strings.Join(nativeSlower, "; "))
	} else {
		p("passmeter is faster than zxcvbn.js and both peers on every case above.\n\n")
	}

	// ---------------------------------------------------------------- init
	p("## Init cost\n\n")
	p("Package initialisation builds nothing: the dictionaries and keyboard graphs are embedded as generated. The one structure built at run time is the word index over the frequency lists, built once per process on the first `Estimate`. ")
	p("Measured in %d fresh processes (`scripts/bench/native -first`, medians): `GODEBUG=inittrace=1` for package initialisation; `runtime.MemStats` (TotalAlloc, Mallocs, and HeapAlloc after a GC) around the first call and the 1,000 calls after it, on `%s`.\n\n", len(nat.First), firstPassword(nat.First))
	var initMs, initBytes, initAllocs, fNs, lNs, fB, lB, fM, lM, ret []float64
	for _, f := range nat.First {
		var ms, by, al float64
		for _, r := range f.Inits {
			ms += r.ClockMs
			by += float64(r.Bytes)
			al += float64(r.Allocs)
		}
		initMs, initBytes, initAllocs = append(initMs, ms), append(initBytes, by), append(initAllocs, al)
		fNs, lNs = append(fNs, f.FirstNs), append(lNs, f.LaterNs)
		fB, lB = append(fB, f.FirstAllocBytes), append(lB, f.LaterAllocBytes)
		fM, lM = append(fM, f.FirstMallocs), append(lM, f.LaterMallocs)
		ret = append(ret, f.RetainedBytes)
	}
	pkgs := []string{}
	if len(nat.First) > 0 {
		for _, r := range nat.First[0].Inits {
			pkgs = append(pkgs, "`"+strings.TrimPrefix(r.Package, "github.com/passmeter/passmeter/")+"`")
		}
	}
	p("| | time | bytes allocated | allocations |\n| --- | ---: | ---: | ---: |\n")
	p("| package init (%s) | %s ms | %s | %s |\n", strings.Join(pkgs, ", "), sig(mt.Median(initMs)), bytesStr(mt.Median(initBytes)), count(mt.Median(initAllocs)))
	p("| first `Estimate` in a process | %s ms | %s | %s |\n", sig(mt.Median(fNs)/1e6), bytesStr(mt.Median(fB)), count(mt.Median(fM)))
	p("| a later `Estimate` (median) | %s ms | %s | %s |\n", sig(mt.Median(lNs)/1e6), bytesStr(mt.Median(lB)), count(mt.Median(lM)))
	p("| **word index build** (first − later) | **%s ms** | **%s** | %s |\n", sig((mt.Median(fNs)-mt.Median(lNs))/1e6), bytesStr(mt.Median(fB)-mt.Median(lB)), count(mt.Median(fM)-mt.Median(lM)))
	p("| live heap kept after the first call (after a GC) | | %s | |\n", bytesStr(mt.Median(ret)))
	for _, pe := range ps {
		var ms, by, al float64
		for _, r := range pe.Inits {
			ms += r.ClockMs
			by += float64(r.Bytes)
			al += float64(r.Allocs)
		}
		p("| for comparison: %s package init (%d packages, one process) | %s ms | %s | %s |\n", pe.Name, len(pe.Inits), sig(ms), bytesStr(by), count(al))
	}
	p("\n")

	// ---------------------------------------------------------------- parity
	agree, total := 0, 0
	var differ []string
	check := func(a, b timing, what string) {
		total++
		if a.Score == b.Score && sameGuesses(a.GuessesLog10, b.GuessesLog10) {
			agree++
		} else {
			differ = append(differ, what)
		}
	}
	for _, t := range j.Typical {
		if n, ok := natTyp[t.Password]; ok {
			check(n, t, fmt.Sprintf("%q", t.Password))
		}
	}
	for _, t := range j.Cases {
		if n := find(nat.Cases, t.Category, t.Length); n != nil && t.ok() {
			check(*n, t, fmt.Sprintf("%s/%d", t.Category, t.Length))
		}
	}
	p("## Same answers\n\n")
	p("A sanity check, not the parity tests (those are `make test`): passmeter's score and guesses equal zxcvbn.js's on %d of the %d inputs both finished here.", agree, total)
	if len(differ) > 0 {
		p(" **Different:** %s.", strings.Join(differ, ", "))
	}
	p("\n\n")

	p("## WASM\n\nNot measured yet.\n\n")
	p("## Browser\n\nNot measured yet.\n")

	if err := os.WriteFile(*out, []byte(w.String()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
}

func markNotes(notes map[string]bool, s string) {
	for _, n := range []string{"†", "‡", "§", "¶"} {
		if strings.Contains(s, n) {
			notes[n] = true
		}
	}
}

func nsOf(ts []timing, cpu bool) []float64 {
	var xs []float64
	for _, t := range ts {
		if !t.ok() {
			continue
		}
		if cpu {
			xs = append(xs, t.CPUNsOp)
		} else {
			xs = append(xs, t.NsOp)
		}
	}
	return xs
}

func firstPassword(fs []first) string {
	if len(fs) == 0 {
		return ""
	}
	return fs[0].Password
}

func joinInts(xs []int) string {
	var s []string
	for _, x := range xs {
		s = append(s, thousands(fmt.Sprint(x)))
	}
	return strings.Join(s, ", ")
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
