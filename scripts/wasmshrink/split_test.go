package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/passmeter/passmeter/core/zxcvbn/data"
)

// A split module: the text ends the file, the plan comes first, the head
// (the file before the text, patched) is a module that leaves memory as
// the whole file does without the text, and the whole file leaves memory
// as the input did.
func TestSplitWords(t *testing.T) {
	text := []byte("alpha beta gamma delta ")
	segs := []segment{{0x1000, []byte("head")}, {0x2000, append(append([]byte("x"), text...), 'y')}, {0x9000, []byte("tail")}}
	m := &module{sections: []section{
		{id: 1, payload: []byte{0x01, 0x60, 0x00, 0x00}},
		{id: sectionDataCount, payload: []byte{3}},
		{id: sectionData},
		producers("go1.26.8"),
	}}
	if err := m.setSegments(segs); err != nil {
		t.Fatal(err)
	}
	in := m.encode()
	out, _, err := shrink(in, false, text)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := readPlan(out)
	if err != nil {
		t.Fatal(err)
	}
	if plan.At != 0x2001 || plan.Length != len(text) || !bytes.Equal(out[plan.Text:], text) || plan.Text+plan.Length != len(out) {
		t.Fatalf("plan %+v: the text is not at the end, or not at 0x2001", plan)
	}
	head, err := parseModule(headOf(out, plan))
	if err != nil {
		t.Fatalf("the head is not a module: %v", err)
	}
	hs, err := head.segments()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range hs {
		if bytes.Contains(s.data, []byte("alpha")) {
			t.Fatal("the head still holds the text")
		}
	}
	// "head", "x" and "y" (cut at the text's ends), "tail"
	if len(hs) != 4 {
		t.Fatalf("head: %d segments, want 4", len(hs))
	}
	dc := head.section(sectionDataCount)
	if dc == nil {
		t.Fatal("head: no data count section")
	}
	if r := (reader{b: dc.payload}); true {
		if n, _ := r.u32(); n != uint32(len(hs)) {
			t.Errorf("head's data count %d, its segments %d", n, len(hs))
		}
	}
	whole, err := parseModule(out)
	if err != nil {
		t.Fatal(err)
	}
	ws, _ := whole.segments()
	got, _ := newImage(ws)
	want, _ := newImage(segs)
	if a, ok := sameMemory(got, want); !ok {
		t.Errorf("the whole split file leaves memory different at %#x", a)
	}
	for _, s := range whole.sections {
		if s.customName() == "producers" {
			t.Error("the producers section is still there")
		}
	}

	// Refusals: text that is not there, or there twice.
	if _, _, err := shrink(in, false, []byte("omega ")); err == nil {
		t.Error("split on text not in the module: no error")
	}
	twice := &module{sections: []section{{id: sectionData}}}
	if err := twice.setSegments([]segment{{0x1000, text}, {0x3000, text}}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := shrink(twice.encode(), false, text); err == nil {
		t.Error("split on text found twice: no error")
	}
}

// The real module, split as scripts/build-wasm.sh does: run under Node the
// way the shim starts it (the head compiled, the text written in pieces
// with passmeter_words after each), it answers as the whole file does; a
// call before the text is in gets the loading error.
func TestPassmeterModuleSplit(t *testing.T) {
	node := needNode(t)
	orig := buildWasm(t, "../../wasm", "-s -w")
	split, _, err := shrink(orig, true, []byte(data.Text))
	if err != nil {
		t.Fatal(err)
	}
	plan, err := readPlan(split)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file, head := filepath.Join(dir, "split.wasm"), filepath.Join(dir, "head.wasm")
	if err := os.WriteFile(file, split, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(head, headOf(split, plan), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(node, "testdata/split.mjs", wasmExecJS(), file, head, string(mustJSON(t, plan))).CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
