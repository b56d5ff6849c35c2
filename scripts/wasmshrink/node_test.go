package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// These tests build real modules with GOOS=js GOARCH=wasm, shrink them and
// instantiate them under Node with Go's own wasm_exec.js. They need node;
// scripts/setup.sh installs it.

func needNode(t *testing.T) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node not found: scripts/setup.sh node installs it")
	}
	return node
}

// buildWasm builds pkg as the module is built: scripts/wasm-goenv.sh's
// GOEXPERIMENT, -trimpath, the runtime without bounds checks, -s -w.
func buildWasm(t *testing.T, pkg string, ldflags string) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "m.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-gcflags=runtime=-B", "-ldflags="+ldflags, "-o", out, pkg)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOEXPERIMENT=nogreenteagc")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build %s: %v\n%s", pkg, err, b)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func wasmExecJS() string { return filepath.Join(runtime.GOROOT(), "lib", "wasm", "wasm_exec.js") }

// memoryAfterInstantiation is linear memory as Node leaves it once the
// module is instantiated, nothing run.
func memoryAfterInstantiation(t *testing.T, node string, module []byte) []byte {
	t.Helper()
	dir := t.TempDir()
	in, out := filepath.Join(dir, "m.wasm"), filepath.Join(dir, "mem.bin")
	if err := os.WriteFile(in, module, 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := exec.Command(node, "testdata/run.mjs", wasmExecJS(), in, "dump", out).CombinedOutput(); err != nil {
		t.Fatalf("node: %v\n%s", err, b)
	}
	mem, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return mem
}

func imageOf(t *testing.T, module []byte) (*module, *image) {
	t.Helper()
	m, err := parseModule(module)
	if err != nil {
		t.Fatal(err)
	}
	segs, err := m.segments()
	if err != nil {
		t.Fatal(err)
	}
	im, err := newImage(segs)
	if err != nil {
		t.Fatal(err)
	}
	return m, im
}

// The passmeter module: merged, memory is the original's byte for byte;
// stripped, it is what the strip meant (its image of the input, stripped)
// and differs from the original only inside the runtime's pclntab.
func TestPassmeterModuleMemory(t *testing.T) {
	node := needNode(t)
	orig := buildWasm(t, "../../wasm", "-s -w")
	merged, rep, err := shrink(orig, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.segmentsAfter*20 > rep.segmentsBefore {
		t.Errorf("merged %d segments into %d, expected far fewer", rep.segmentsBefore, rep.segmentsAfter)
	}
	stripped, _, err := shrink(orig, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	memOrig := memoryAfterInstantiation(t, node, orig)
	if memMerged := memoryAfterInstantiation(t, node, merged); !bytes.Equal(memOrig, memMerged) {
		t.Fatalf("memory after instantiation differs between the original (%d bytes) and the merged module (%d bytes) at %d",
			len(memOrig), len(memMerged), firstDiff(memOrig, memMerged))
	}

	m, want := imageOf(t, orig)
	p, err := findPclntab(want)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := stripTraceback(m, want); err != nil {
		t.Fatal(err)
	}
	memStripped := memoryAfterInstantiation(t, node, stripped)
	if len(memStripped) != len(memOrig) {
		t.Fatalf("memory sizes %d and %d", len(memOrig), len(memStripped))
	}
	changed := 0
	for a := range memStripped {
		var w byte
		if b := want.at(uint64(a), 1); b != nil {
			w = b[0]
		}
		if memStripped[a] != w {
			t.Fatalf("stripped module's memory at %#x is %#x, the strip meant %#x", a, memStripped[a], w)
		}
		if memStripped[a] != memOrig[a] {
			changed++
			if uint64(a) < p.header || uint64(a) >= p.end {
				t.Fatalf("the strip changed memory at %#x, outside the pclntab [%#x, %#x)", a, p.header, p.end)
			}
		}
	}
	if changed < 100_000 {
		t.Errorf("the strip changed %d bytes of memory, expected over 100,000 (names, files, lines)", changed)
	}
	t.Logf("%d -> %d data segments; the strip changed %d bytes", rep.segmentsBefore, rep.segmentsAfter, changed)
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// The runtime still panics, recovers, grows and scans stacks and runs
// goroutines in a stripped module: testdata/panics prints the same lines
// stripped and not.
func TestStrippedProgramRecoversPanics(t *testing.T) {
	node := needNode(t)
	orig := buildWasm(t, "./testdata/panics", "-s -w")
	stripped, _, err := shrink(orig, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	run := func(module []byte) string {
		p := filepath.Join(t.TempDir(), "m.wasm")
		if err := os.WriteFile(p, module, 0o644); err != nil {
			t.Fatal(err)
		}
		b, err := exec.Command(node, "testdata/run.mjs", wasmExecJS(), p, "run").CombinedOutput()
		if err != nil {
			t.Fatalf("node: %v\n%s", err, b)
		}
		return string(b)
	}
	want, got := run(orig), run(stripped)
	if got != want {
		t.Fatalf("stripped program printed\n%s\nthe original printed\n%s", got, want)
	}
	for _, line := range []string{
		"index: runtime error: index out of range [3] with length 3",
		"nil map: assignment to entry in nil map",
		"nil pointer method wrapper: runtime error: invalid memory address or nil pointer dereference",
		"assertion: interface conversion: interface {} is string, not int",
		"not direct: recover in a callee gave nil",
		"deep: 10041",
		"goroutines recovered: 6",
	} {
		if !strings.Contains(got, line+"\n") {
			t.Errorf("output lacks %q:\n%s", line, got)
		}
	}
}
