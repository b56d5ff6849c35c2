package main

import (
	"bytes"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestLEB128(t *testing.T) {
	for _, v := range []uint32{0, 1, 63, 64, 127, 128, 255, 16383, 16384, 1 << 21, 1<<28 - 1, 1 << 28, math.MaxUint32} {
		b := appendU32(nil, v)
		r := reader{b: b}
		got, err := r.u32()
		if err != nil || got != v || !r.done() {
			t.Errorf("u32 %d: encoded % x, read back %d, %v", v, b, got, err)
		}
	}
	for _, v := range []int32{0, 1, -1, 63, 64, -64, -65, 127, 128, -128, 8191, -8192, 1 << 20, math.MaxInt32, math.MinInt32} {
		b := appendS32(nil, v)
		r := reader{b: b}
		got, err := r.s32()
		if err != nil || got != v || !r.done() {
			t.Errorf("s32 %d: encoded % x, read back %d, %v", v, b, got, err)
		}
	}
	// The shortest encodings, as the format's examples give them.
	if b := appendS32(nil, -1); !bytes.Equal(b, []byte{0x7f}) {
		t.Errorf("s32 -1 is % x, want 7f", b)
	}
	if b := appendS32(nil, 64); !bytes.Equal(b, []byte{0xc0, 0x00}) {
		t.Errorf("s32 64 is % x, want c0 00", b)
	}
	for _, bad := range [][]byte{{0x80}, {0xff, 0xff, 0xff, 0xff, 0xff, 0x01}, {0xff, 0xff, 0xff, 0xff, 0x1f}} {
		r := reader{b: bad}
		if v, err := r.u32(); err == nil {
			t.Errorf("u32 % x read as %d, want an error", bad, v)
		}
	}
}

// testModule is a module with a custom section, a type section and the
// given data segments.
func testModule(segs []segment) []byte {
	m := &module{sections: []section{
		{id: 1, payload: []byte{0x01, 0x60, 0x00, 0x00}}, // one type: () -> ()
		{id: 0, payload: append(appendU32(nil, 4), "note"...)},
	}}
	m.sections = append(m.sections, section{id: sectionData})
	if err := m.setSegments(segs); err != nil {
		panic(err)
	}
	return m.encode()
}

func TestModuleRoundTrip(t *testing.T) {
	segs := []segment{{0x1000, []byte("hello")}, {0x2000, []byte{1, 0, 0, 2}}, {0x7fff_fff0, []byte{9}}}
	b := testModule(segs)
	m, err := parseModule(b)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(m.encode(), b) {
		t.Error("encode(parse(b)) != b")
	}
	got, err := m.segments()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(segs) {
		t.Fatalf("%d segments, want %d", len(got), len(segs))
	}
	for i := range segs {
		if got[i].offset != segs[i].offset || !bytes.Equal(got[i].data, segs[i].data) {
			t.Errorf("segment %d: %#x % x, want %#x % x", i, got[i].offset, got[i].data, segs[i].offset, segs[i].data)
		}
	}
	if _, err := parseModule(b[:len(b)-1]); err == nil {
		t.Error("a truncated module parsed")
	}
	if _, err := parseModule(append([]byte{0, 'a', 's', 'm', 2, 0, 0, 0}, b[8:]...)); err == nil {
		t.Error("a version 2 module parsed")
	}
}

func TestSegmentsRefuseWhatGoDoesNotWrite(t *testing.T) {
	for name, payload := range map[string][]byte{
		"passive":          {1, 1, 3, 'a', 'b', 'c'},
		"memory index":     {1, 2, 0, 0x41, 0, 0x0b, 1, 'a'},
		"global offset":    {1, 0, 0x23, 0, 0x0b, 1, 'a'},
		"longer offset":    {1, 0, 0x41, 0, 0x41, 0, 0x0b, 1, 'a'},
		"short data":       {1, 0, 0x41, 0, 0x0b, 5, 'a'},
		"bytes after them": {1, 0, 0x41, 0, 0x0b, 1, 'a', 0},
	} {
		m := &module{sections: []section{{id: sectionData, payload: payload}}}
		if segs, err := m.segments(); err == nil {
			t.Errorf("%s: read %v, want an error", name, segs)
		}
	}
}

func TestDataCountFollowsSegments(t *testing.T) {
	m := &module{sections: []section{{id: sectionDataCount, payload: []byte{3}}, {id: sectionData}}}
	if err := m.setSegments([]segment{{8, []byte{1}}, {100, []byte{2}}}); err != nil {
		t.Fatal(err)
	}
	if p := m.section(sectionDataCount).payload; !bytes.Equal(p, []byte{2}) {
		t.Errorf("data count % x, want 02", p)
	}
}

// The segments of an image give it back, keep no long zero run inside and
// no zero at either end.
func TestImageSegments(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 300; n++ {
		data := make([]byte, rng.IntN(3000))
		for i := 0; i < len(data); {
			run := 1 + rng.IntN(3*minZeroRun)
			if rng.IntN(2) == 0 {
				for j := i; j < min(i+run, len(data)); j++ {
					data[j] = byte(1 + rng.IntN(255))
				}
			}
			i += run
		}
		im := &image{base: 0x10000 + uint32(rng.IntN(64)), data: data}
		segs := im.segments()
		for _, s := range segs {
			if len(s.data) == 0 || s.data[0] == 0 || s.data[len(s.data)-1] == 0 {
				t.Fatalf("image %d: segment at %#x starts or ends with zero (or is empty)", n, s.offset)
			}
			zeros := 0
			for _, c := range s.data {
				if zeros = zeros + 1; c != 0 {
					zeros = 0
				}
				if zeros >= minZeroRun {
					t.Fatalf("image %d: segment at %#x holds %d zeros in a row", n, s.offset, zeros)
				}
			}
		}
		for i := 1; i < len(segs); i++ {
			gap := segs[i].offset - (segs[i-1].offset + uint32(len(segs[i-1].data)))
			if int(gap) < minZeroRun {
				t.Fatalf("image %d: segments %d and %d %d bytes apart, under minZeroRun", n, i-1, i, gap)
			}
		}
		back, err := newImage(segs)
		if err != nil {
			t.Fatal(err)
		}
		if a, ok := sameMemory(back, im); !ok {
			t.Fatalf("image %d: memory from its segments differs at %#x", n, a)
		}
		// And through a module.
		m, err := parseModule(testModule(segs))
		if err != nil {
			t.Fatal(err)
		}
		got, _ := m.segments()
		if !slices.EqualFunc(got, segs, func(a, b segment) bool { return a.offset == b.offset && bytes.Equal(a.data, b.data) }) {
			t.Fatalf("image %d: segments changed through a module", n)
		}
	}
}

func TestNewImageLaterSegmentWins(t *testing.T) {
	im, err := newImage([]segment{{10, []byte{1, 2, 3}}, {11, []byte{9}}})
	if err != nil {
		t.Fatal(err)
	}
	if im.base != 10 || !bytes.Equal(im.data, []byte{1, 9, 3}) {
		t.Errorf("image at %d: % x, want at 10: 01 09 03", im.base, im.data)
	}
}

func TestPCValueEnd(t *testing.T) {
	// Values -1 -> 5 -> 2 -> 10, then the end: zig-zag deltas 6 (+6 = 12),
	// -3 (5), +8 (16); pc deltas 1, 200 (two bytes), 3.
	table := []byte{12, 1, 5, 0xc8, 0x01, 16, 3, 0, 0xee}
	end, maxVal, err := pcvalueEnd(table, 0)
	if err != nil || end != 8 || maxVal != 10 {
		t.Errorf("pcvalueEnd = %d, %d, %v; want 8, 10, nil", end, maxVal, err)
	}
	// A first value delta of 0 does not end the table.
	end, maxVal, err = pcvalueEnd([]byte{0, 4, 2, 4, 0}, 0)
	if err != nil || end != 5 || maxVal != 0 {
		t.Errorf("pcvalueEnd from a zero first delta = %d, %d, %v; want 5, 0, nil", end, maxVal, err)
	}
	if _, _, err := pcvalueEnd([]byte{12, 1, 5}, 0); err == nil {
		t.Error("a table without its end was read")
	}
}

func TestCheckedRelease(t *testing.T) {
	for v, want := range map[string]bool{
		"go1.26": true, "go1.26.0": true, "go1.26.8": true, "go1.26rc1": true,
		"go1.25.3": false, "go1.27": false, "go1.260": false, "devel go1.27-abc": false, "": false,
	} {
		if got := checkedRelease(v); got != want {
			t.Errorf("checkedRelease(%q) = %v, want %v", v, got, want)
		}
	}
}

// producers is a "producers" custom section naming Go version as the
// language, and a second field with no values, as cmd/link writes it.
func producers(version string) section {
	name := func(b []byte, s string) []byte { return append(appendU32(b, uint32(len(s))), s...) }
	p := name(nil, "producers")
	p = appendU32(p, 2)
	p = appendU32(name(p, "language"), 1)
	p = name(name(p, "Go"), version)
	p = appendU32(name(p, "processed-by"), 0)
	return section{id: 0, payload: p}
}

func TestGoVersionFromProducers(t *testing.T) {
	m := &module{sections: []section{producers("go1.26.8")}}
	if v, err := goVersion(m); err != nil || v != "go1.26.8" {
		t.Errorf("goVersion = %q, %v; want go1.26.8", v, err)
	}
	if v, err := goVersion(&module{}); err == nil {
		t.Errorf("goVersion of a module without producers = %q, want an error", v)
	}
}

func TestStripRefusesAnUncheckedRelease(t *testing.T) {
	m := &module{sections: []section{producers("go1.99")}}
	_, err := stripTraceback(m, &image{})
	if err == nil || !bytes.Contains([]byte(err.Error()), []byte("go1.99")) || !bytes.Contains([]byte(err.Error()), []byte("PASSMETER_WASM_DEBUG=1")) {
		t.Errorf("strip of a go1.99 module: %v; want a refusal naming the release and PASSMETER_WASM_DEBUG=1", err)
	}
}
