// Command wasmshrink is scripts/build-wasm.sh's post-link step for Go's
// WebAssembly output. It rewrites the data section so that instantiating
// the module leaves linear memory exactly as before, in far fewer
// segments (Go's linker starts a new one after every 8 zero bytes; linear
// memory starts zeroed, so only long zero runs are worth a new segment),
// and with -strip it first removes the runtime metadata only tracebacks
// use (pclntab.go). With -split-words it makes the word lists' text the
// last segment and the file's end, with a plan for a loader first
// (split.go). Every other section is copied as it is.
//
//	go run ./scripts/wasmshrink [-strip] [-split-words] -o out.wasm in.wasm
//
// It checks its own output: the module it writes is parsed again and its
// memory image compared with the one intended, byte for byte.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/passmeter/passmeter/core/zxcvbn/data"
)

func main() {
	strip := flag.Bool("strip", false, "also remove traceback-only metadata (names, files, lines) from the runtime's tables")
	split := flag.Bool("split-words", false, "move the word lists' text to the end, for a loader that starts the module while it downloads (split.go)")
	out := flag.String("o", "", "output `file`")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: wasmshrink [-strip] [-split-words] -o out.wasm in.wasm")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 || *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	in, err := os.ReadFile(flag.Arg(0))
	if err == nil {
		var res []byte
		var rep report
		var text []byte
		if *split {
			text = []byte(data.Text)
		}
		if res, rep, err = shrink(in, *strip, text); err == nil {
			err = os.WriteFile(*out, res, 0o644)
			fmt.Printf("wasmshrink: %d -> %d bytes, %d -> %d data segments%s%s\n",
				len(in), len(res), rep.segmentsBefore, rep.segmentsAfter, rep.strip, rep.split)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "wasmshrink:", err)
		os.Exit(1)
	}
}

type report struct {
	segmentsBefore, segmentsAfter int
	strip, split                  string
}

// shrink returns the rewritten module; with text, split as split.go says.
func shrink(in []byte, strip bool, text []byte) ([]byte, report, error) {
	var rep report
	m, err := parseModule(in)
	if err != nil {
		return nil, rep, err
	}
	segs, err := m.segments()
	if err != nil {
		return nil, rep, err
	}
	if len(segs) == 0 {
		return nil, rep, errors.New("module has no data segments")
	}
	im, err := newImage(segs)
	if err != nil {
		return nil, rep, err
	}
	rep.segmentsBefore = len(segs)
	if strip {
		st, err := stripTraceback(m, im)
		if err != nil {
			return nil, rep, fmt.Errorf("traceback strip: %w", err)
		}
		rep.strip = fmt.Sprintf("; stripped %d functions (%d names kept, %d inline entries)", st.funcs, st.keptNames, st.inlineEntries)
	}
	if text != nil {
		plan, newSegs, err := splitWords(m, im, text)
		if err != nil {
			return nil, rep, fmt.Errorf("split: %w", err)
		}
		rep.split = fmt.Sprintf("; the %d bytes of text at %#x last, from byte %d of the file", plan.Length, plan.At, plan.Text)
		rep.segmentsAfter = len(newSegs)
	} else {
		newSegs := im.segments()
		if err := m.setSegments(newSegs); err != nil {
			return nil, rep, err
		}
		rep.segmentsAfter = len(newSegs)
	}
	res := m.encode()
	if err := checkOutput(res, in, im, text != nil); err != nil {
		return nil, rep, fmt.Errorf("self-check failed: %w", err)
	}
	if text != nil {
		if err := checkSplit(res, im, text); err != nil {
			return nil, rep, fmt.Errorf("self-check failed: %w", err)
		}
	}
	return res, rep, nil
}

// checkOutput parses the written module again: its memory image must be
// want, and every section but the data section must be the input's, in
// the input's order (a split module's custom sections may have moved, and
// it has the split plan besides).
func checkOutput(res, in []byte, want *image, split bool) error {
	m, err := parseModule(res)
	if err != nil {
		return err
	}
	segs, err := m.segments()
	if err != nil {
		return err
	}
	got, err := newImage(segs)
	if err != nil {
		return err
	}
	if a, ok := sameMemory(got, want); !ok {
		return fmt.Errorf("memory differs at %#x", a)
	}
	orig, err := parseModule(in)
	if err != nil {
		return err
	}
	outSecs := m.sections
	if split { // the plan first, and no producers section
		outSecs = outSecs[1:]
	}
	kinds := func(secs []section, custom bool) []section {
		var out []section
		for _, s := range secs {
			if (s.id == 0) == custom && !(split && s.customName() == "producers") {
				out = append(out, s)
			}
		}
		return out
	}
	for _, custom := range []bool{false, true} {
		a, b := kinds(orig.sections, custom), kinds(outSecs, custom)
		if len(a) != len(b) {
			return errors.New("section count changed")
		}
		for i, s := range a {
			if s.id != b[i].id || (s.id != sectionData && s.id != sectionDataCount && !bytes.Equal(s.payload, b[i].payload)) {
				return fmt.Errorf("section %d (id %d) changed", i, s.id)
			}
		}
	}
	return nil
}

// sameMemory compares two images as linear memory, where bytes outside an
// image are zero; it returns the first address that differs.
func sameMemory(a, b *image) (uint64, bool) {
	lo := min(uint64(a.base), uint64(b.base))
	hi := max(uint64(a.base)+uint64(len(a.data)), uint64(b.base)+uint64(len(b.data)))
	byteAt := func(im *image, x uint64) byte {
		if x < uint64(im.base) || x >= uint64(im.base)+uint64(len(im.data)) {
			return 0
		}
		return im.data[x-uint64(im.base)]
	}
	for x := lo; x < hi; x++ {
		if byteAt(a, x) != byteAt(b, x) {
			return x, false
		}
	}
	return 0, true
}
