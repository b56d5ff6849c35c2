package deps

import (
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/passmeter/passmeter/"

// wasmLinks is every package the wasm module may link (GOOS=js
// GOARCH=wasm go list -deps ./wasm), the module's own and the standard
// library's. A package not listed fails the test: it costs bytes, so it
// comes in only by a change to this list, with its size in BENCHMARKS.md.
// Left out on purpose, with what they cost when they were there:
//
//	time, internal/godebug, internal/bisect, syscall, io/fs, embed
//	    37 KB brotli: the clock comes from the runtime (core/internal/clock)
//	    and the year from JavaScript (wasm/main.go)
//	reflect, fmt, encoding/json, os, net/http, log
//	    never linked: JSON is written by hand (core/internal/jsonw)
//	core/internal/jsnum (strconv.ParseFloat's tables)
//	    11 KB brotli: the shim hands user inputs that are numbers over as
//	    JavaScript's String() of them (core/internal/userinput/number_js.go)
//	internal/sync's HashTrieMap (sync.Map), sync.Pool's machinery
//	    are not packages, so wasmshrink's size figures watch them
var wasmLinks = []string{
	// The runtime and what it always brings.
	"internal/abi", "internal/asan", "internal/bytealg", "internal/byteorder",
	"internal/chacha8rand", "internal/coverage/rtcov", "internal/cpu",
	"internal/goarch", "internal/godebugs", "internal/goexperiment", "internal/goos",
	"internal/msan", "internal/profilerecord", "internal/race",
	"internal/runtime/atomic", "internal/runtime/exithook", "internal/runtime/gc",
	"internal/runtime/gc/scan", "internal/runtime/maps", "internal/runtime/math",
	"internal/runtime/pprof/label", "internal/runtime/sys", "internal/strconv",
	"internal/stringslite", "internal/trace/tracev2", "internal/unsafeheader",
	"math/bits", "runtime", "unsafe",
	// errors needs reflectlite (its init), strings needs io and iter.
	"cmp", "errors", "internal/reflectlite", "internal/sync", "internal/synctest",
	"io", "iter", "math", "math/rand/v2", "slices", "sort", "strconv", "strings",
	"sync", "sync/atomic", "syscall/js", "unicode", "unicode/utf16", "unicode/utf8",
	// The module's own.
	module + "core", module + "core/internal/clock",
	module + "core/internal/jsonr", module + "core/internal/jsonw",
	module + "core/internal/userinput", module + "core/internal/wtf8",
	module + "core/luds", module + "core/security",
	module + "core/zxcvbn", module + "core/zxcvbn/data", module + "wasm",
}

// corePolicy says what each package of core may import, as
// go/build/deps_test.go does: "A, B < C, D" lets C and D import A and B
// and whatever A and B may import; a name in capitals is a group, not a
// package; module packages are written without the module path. Rules
// read top to bottom, lowest first; a package no rule names may import
// nothing and be imported by nothing. "A !< C" lets C import A without
// passing A on to what imports C.
const corePolicy = `
	# The standard library core's engine may use: no reflection, no
	# formatting, no I/O, no syscall/js (core is pure Go, for servers too).
	errors, math, math/bits, math/rand/v2, sort, strconv, strings, sync,
	sync/atomic, unicode, unicode/utf16, unicode/utf8
	< PURE;

	# The clock is package time outside WebAssembly, the runtime's inside.
	time, unsafe !< core/internal/clock;

	# Strings with lone surrogates (WTF-8) and JavaScript's numbers.
	PURE < core/internal/wtf8, core/internal/jsnum, core/zxcvbn/data;
	core/internal/wtf8 < core/internal/jsonr, core/internal/jsonw;
	core/internal/jsnum, core/internal/jsonr < core/internal/userinput;
	core/internal/jsonw < core/luds, core/security;
	core/internal/clock, core/internal/jsonw, core/zxcvbn/data < core/zxcvbn;
	core/internal/clock, core/internal/jsonr, core/internal/userinput,
	core/luds, core/security, core/zxcvbn
	< core;

	# The HIBP client is the one package of core that talks to the
	# network; the wasm module does not link it (the shim asks HIBP).
	PURE, core/internal/wtf8, bufio, bytes, container/list, context,
	crypto/sha1, encoding/hex, fmt, io, net/http, net/url, slices, time
	< core/hibp;

	# The self-hosted breach corpus: a memory-mapped file, for servers.
	core/hibp, encoding/binary, hash/crc32, os, path/filepath, runtime,
	syscall
	< core/pwned;
`

// policy is a parsed rule set: for each name, what it may import (true:
// and pass on to its importers; false: itself only).
type policy map[string]map[string]bool

func parsePolicy(rules string) (policy, error) {
	p := policy{}
	var text strings.Builder
	for _, line := range strings.Split(rules, "\n") {
		line, _, _ = strings.Cut(line, "#")
		text.WriteString(line + " ")
	}
	for _, rule := range strings.Split(text.String(), ";") {
		if strings.TrimSpace(rule) == "" {
			continue
		}
		lo, hi, ok := strings.Cut(rule, "<")
		inherit := !strings.HasSuffix(lo, "!")
		lo = strings.TrimSuffix(lo, "!")
		if !ok || strings.Contains(hi, "<") || strings.Contains(lo, "!") {
			return nil, fmt.Errorf("rule %q: want one A, B < C, D", strings.Join(strings.Fields(rule), " "))
		}
		lows, highs := names(lo), names(hi)
		if len(lows) == 0 || len(highs) == 0 {
			return nil, fmt.Errorf("rule %q: a side is empty", strings.Join(strings.Fields(rule), " "))
		}
		for _, h := range highs {
			if _, ok := p[h]; ok {
				return nil, fmt.Errorf("%s is on the right of two rules", h)
			}
			p[h] = map[string]bool{}
			for _, l := range lows {
				p[h][l] = inherit
				for x, passOn := range p[l] {
					if passOn {
						p[h][x] = true
					}
				}
			}
		}
	}
	return p, nil
}

func names(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// check returns one message per import the policy does not allow, for
// the module's packages in imports (package -> its direct imports).
func (p policy) check(imports map[string][]string) []string {
	var bad []string
	for pkg, imps := range imports {
		short, ok := strings.CutPrefix(pkg, module)
		if !ok {
			continue // the standard library polices itself
		}
		allowed := p[short]
		for _, imp := range imps {
			imp = strings.TrimPrefix(imp, module)
			if _, ok := allowed[imp]; !ok {
				bad = append(bad, fmt.Sprintf("%s imports %s, which the policy does not allow", short, imp))
			}
		}
	}
	slices.Sort(bad)
	return bad
}

// checkLinks returns one message per linked package not in allowed,
// naming a package that imports it.
func checkLinks(linked map[string][]string, allowed []string) []string {
	var bad []string
	for pkg := range linked {
		if slices.Contains(allowed, pkg) {
			continue
		}
		var by []string
		for other, imps := range linked {
			if slices.Contains(imps, pkg) {
				by = append(by, other)
			}
		}
		slices.Sort(by)
		bad = append(bad, fmt.Sprintf("the wasm module links %s (imported by %s); it is not in wasmLinks", pkg, strings.Join(by, ", ")))
	}
	slices.Sort(bad)
	return bad
}

// goList runs go list with the environment's extra variables and returns
// each listed package's direct imports.
func goList(t *testing.T, env []string, args ...string) map[string][]string {
	t.Helper()
	cmd := exec.Command("go", append([]string{"list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}"}, args...)...)
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list %v: %v", args, err)
	}
	pkgs := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		pkgs[f[0]] = f[1:]
	}
	return pkgs
}

var wasmEnv = []string{"GOOS=js", "GOARCH=wasm"}

func TestWasmLinks(t *testing.T) {
	linked := goList(t, wasmEnv, "-deps", "./wasm")
	for _, msg := range checkLinks(linked, wasmLinks) {
		t.Error(msg)
	}
	for _, pkg := range wasmLinks {
		if _, ok := linked[pkg]; !ok && strings.HasPrefix(pkg, module) {
			t.Errorf("wasmLinks lists %s, which the module no longer links: take it out", pkg)
		}
	}
}

func TestCorePolicy(t *testing.T) {
	p, err := parsePolicy(corePolicy)
	if err != nil {
		t.Fatal(err)
	}
	for _, env := range [][]string{nil, wasmEnv} {
		for _, msg := range p.check(goList(t, env, "./core/...")) {
			t.Errorf("%v: %s", env, msg)
		}
	}
}

// The checks catch what they are for: fmt added to the wasm build or to
// the engine, syscall/js in core, a package the policy does not know.
func TestPolicyChecksCatch(t *testing.T) {
	linked := map[string][]string{}
	for _, pkg := range wasmLinks {
		linked[pkg] = nil
	}
	if bad := checkLinks(linked, wasmLinks); len(bad) != 0 {
		t.Fatalf("the allowed list itself fails: %v", bad)
	}
	linked[module+"core/zxcvbn"] = []string{"fmt"}
	linked["fmt"] = []string{"reflect"}
	linked["reflect"] = nil
	bad := checkLinks(linked, wasmLinks)
	if len(bad) != 2 || !strings.Contains(bad[0], "links fmt (imported by "+module+"core/zxcvbn)") || !strings.Contains(bad[1], "links reflect (imported by fmt)") {
		t.Errorf("fmt and reflect in the wasm build gave %q", bad)
	}

	p, err := parsePolicy(corePolicy)
	if err != nil {
		t.Fatal(err)
	}
	for imp, want := range map[string]bool{
		"fmt": false, "syscall/js": false, "encoding/json": false, "reflect": false, "time": false, "os": false,
		"strings": true, module + "core/zxcvbn/data": true, module + "core/internal/jsonw": true,
		module + "core/luds": false, module + "core": false,
	} {
		bad := p.check(map[string][]string{module + "core/zxcvbn": {imp}})
		if (len(bad) == 0) != want {
			t.Errorf("core/zxcvbn importing %s: %v, want allowed=%v", imp, bad, want)
		}
	}
	if bad := p.check(map[string][]string{module + "core/newpkg": {"strings"}}); len(bad) != 1 {
		t.Errorf("a package the policy does not name may import strings: %v", bad)
	}
	if bad := p.check(map[string][]string{module + "core/hibp": {"net/http", "strings"}}); len(bad) != 0 {
		t.Errorf("core/hibp may use net/http and what PURE holds: %v", bad)
	}
	for _, broken := range []string{"a < b; a < b", "a, < ", "a < b < c", "a !!< b"} {
		if _, err := parsePolicy(broken); err == nil {
			t.Errorf("policy %q parsed", broken)
		}
	}
}
