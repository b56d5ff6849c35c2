package main

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
)

// The WebAssembly binary format, as far as this tool needs it: a module is
// a magic number, a version and a list of sections; only the data section
// (and the data count section, which must agree with it) is rewritten, and
// every other section is copied byte for byte.
const (
	sectionData      = 11
	sectionDataCount = 12
)

var wasmHeader = []byte{0x00, 'a', 's', 'm', 0x01, 0x00, 0x00, 0x00}

type section struct {
	id      byte
	payload []byte
	padSize bool // the size is written in 5 bytes, so that a loader can patch it in place
}

// custom is a custom section's name and a reader of what follows it; the
// name is "" for any other section.
func (s section) custom() (string, reader) {
	if s.id != 0 {
		return "", reader{}
	}
	r := reader{b: s.payload}
	name, err := r.name()
	if err != nil {
		return "", reader{}
	}
	return name, r
}

func (s section) customName() string {
	name, _ := s.custom()
	return name
}

func (s section) sizeBytes() []byte {
	if s.padSize {
		return appendU32Padded(nil, uint32(len(s.payload)))
	}
	return appendU32(nil, uint32(len(s.payload)))
}

// module is a parsed .wasm file.
type module struct {
	sections []section
}

func parseModule(b []byte) (*module, error) {
	if !bytes.HasPrefix(b, wasmHeader) {
		return nil, errors.New("not a WebAssembly 1.0 module (bad magic or version)")
	}
	m := &module{}
	r := reader{b: b, pos: len(wasmHeader)}
	for !r.done() {
		id, err := r.byte()
		if err != nil {
			return nil, err
		}
		size, err := r.u32()
		if err != nil {
			return nil, fmt.Errorf("section %d: %w", id, err)
		}
		payload, err := r.bytes(int(size))
		if err != nil {
			return nil, fmt.Errorf("section %d: %w", id, err)
		}
		m.sections = append(m.sections, section{id: id, payload: payload})
	}
	return m, nil
}

func (m *module) encode() []byte {
	out := slices.Clone(wasmHeader)
	for _, s := range m.sections {
		out = append(out, s.id)
		out = append(out, s.sizeBytes()...)
		out = append(out, s.payload...)
	}
	return out
}

func (m *module) section(id byte) *section {
	for i := range m.sections {
		if m.sections[i].id == id {
			return &m.sections[i]
		}
	}
	return nil
}

// segment is an active data segment of memory 0: data copied to offset
// when the module is instantiated.
type segment struct {
	offset uint32
	data   []byte
}

// segments reads the data section. Go's linker writes only active
// segments for memory 0 with an i32.const offset; anything else (a
// passive segment, another memory, a computed offset) is refused rather
// than guessed at.
func (m *module) segments() ([]segment, error) {
	s := m.section(sectionData)
	if s == nil {
		return nil, nil
	}
	r := reader{b: s.payload}
	n, err := r.u32()
	if err != nil {
		return nil, fmt.Errorf("data section: %w", err)
	}
	segs := make([]segment, 0, n)
	for i := uint32(0); i < n; i++ {
		flags, err := r.u32()
		if err != nil {
			return nil, fmt.Errorf("data segment %d: %w", i, err)
		}
		if flags != 0 {
			return nil, fmt.Errorf("data segment %d: flags %d: only active segments of memory 0 are handled", i, flags)
		}
		op, err := r.byte()
		if err != nil {
			return nil, fmt.Errorf("data segment %d: %w", i, err)
		}
		if op != 0x41 { // i32.const
			return nil, fmt.Errorf("data segment %d: offset is not an i32.const (opcode %#x)", i, op)
		}
		off, err := r.s32()
		if err != nil {
			return nil, fmt.Errorf("data segment %d: %w", i, err)
		}
		if end, err := r.byte(); err != nil || end != 0x0b {
			return nil, fmt.Errorf("data segment %d: offset expression is not i32.const alone", i)
		}
		size, err := r.u32()
		if err != nil {
			return nil, fmt.Errorf("data segment %d: %w", i, err)
		}
		data, err := r.bytes(int(size))
		if err != nil {
			return nil, fmt.Errorf("data segment %d: %w", i, err)
		}
		segs = append(segs, segment{uint32(off), data})
	}
	if !r.done() {
		return nil, errors.New("data section: bytes after the last segment")
	}
	return segs, nil
}

// setSegments replaces the data section's segments, and the data count
// section's count if the module has one.
func (m *module) setSegments(segs []segment) error { return m.writeSegments(segs, appendU32) }

// setSegmentsPadded is setSegments with the counts and the data section's
// size in 5 bytes each, which a loader can patch in place (split.go).
func (m *module) setSegmentsPadded(segs []segment) error {
	if err := m.writeSegments(segs, appendU32Padded); err != nil {
		return err
	}
	m.section(sectionData).padSize = true
	return nil
}

func (m *module) writeSegments(segs []segment, count func([]byte, uint32) []byte) error {
	s := m.section(sectionData)
	if s == nil {
		return errors.New("module has no data section")
	}
	p := count(nil, uint32(len(segs)))
	for _, seg := range segs {
		p = append(p, 0, 0x41) // active, memory 0; i32.const
		p = appendS32(p, int32(seg.offset))
		p = append(p, 0x0b)
		p = appendU32(p, uint32(len(seg.data)))
		p = append(p, seg.data...)
	}
	s.payload = p
	if dc := m.section(sectionDataCount); dc != nil {
		dc.payload = count(nil, uint32(len(segs)))
	}
	return nil
}

// image is linear memory as the data segments leave it at instantiation:
// memory starts zeroed, and the segments are copied in order.
type image struct {
	base uint32 // address of data[0]
	data []byte
}

func newImage(segs []segment) (*image, error) {
	if len(segs) == 0 {
		return &image{}, nil
	}
	lo, hi := uint64(segs[0].offset), uint64(0)
	for _, s := range segs {
		lo = min(lo, uint64(s.offset))
		hi = max(hi, uint64(s.offset)+uint64(len(s.data)))
	}
	if hi > 1<<32 {
		return nil, errors.New("a data segment ends past 4 GiB")
	}
	im := &image{base: uint32(lo), data: make([]byte, hi-lo)}
	for _, s := range segs {
		copy(im.data[s.offset-im.base:], s.data) // a later segment wins, as at instantiation
	}
	return im, nil
}

// minZeroRun is the shortest run of zeros that ends a segment. A segment
// costs up to 13 bytes before its data (flags, i32.const and its offset,
// end, the length), which compress poorly, while a run of zeros costs
// next to nothing after brotli: Go's linker, which splits at 8 zeros,
// writes some 29,000 segments, mostly in the runtime's almost all-zero
// PC-to-function table. Measured on the stripped module (brotli -q 11):
// 64: 781,926 bytes, 128: 783,394, 256: 781,354, 512: 781,472, 1024:
// 782,368, one segment: 782,452; Go's 8: about 860,000.
const minZeroRun = 256

// segments cuts the image into as few segments as leave out every run of
// at least minZeroRun zeros (and the zeros at either end): instantiating
// them gives the same memory, byte for byte.
func (im *image) segments() []segment {
	var segs []segment
	d := im.data
	i := 0
	for i < len(d) {
		for i < len(d) && d[i] == 0 {
			i++
		}
		if i == len(d) {
			break
		}
		start, end := i, i // end: one past the last non-zero byte so far
		for i < len(d) {
			if d[i] != 0 {
				i++
				end = i
				continue
			}
			z := i
			for i < len(d) && d[i] == 0 {
				i++
			}
			if i-z >= minZeroRun || i == len(d) {
				break
			}
		}
		segs = append(segs, segment{im.base + uint32(start), d[start:end]})
	}
	return segs
}

// addr returns the image's bytes at a linear memory address, or nil when
// [a, a+n) is not all inside the image.
func (im *image) at(a uint64, n uint64) []byte {
	if a < uint64(im.base) || a+n > uint64(im.base)+uint64(len(im.data)) || a+n < a {
		return nil
	}
	o := a - uint64(im.base)
	return im.data[o : o+n : o+n]
}

// reader reads the binary format's integers: LEB128, unsigned and signed.
type reader struct {
	b   []byte
	pos int
}

func (r *reader) done() bool { return r.pos >= len(r.b) }

var errTruncated = errors.New("unexpected end of module")

func (r *reader) byte() (byte, error) {
	if r.pos >= len(r.b) {
		return 0, errTruncated
	}
	r.pos++
	return r.b[r.pos-1], nil
}

func (r *reader) bytes(n int) ([]byte, error) {
	if n < 0 || n > len(r.b)-r.pos {
		return nil, errTruncated
	}
	r.pos += n
	return r.b[r.pos-n : r.pos], nil
}

func (r *reader) name() (string, error) {
	n, err := r.u32()
	if err != nil {
		return "", err
	}
	b, err := r.bytes(int(n))
	return string(b), err
}

func (r *reader) u32() (uint32, error) {
	var v uint64
	for shift := 0; shift < 35; shift += 7 {
		c, err := r.byte()
		if err != nil {
			return 0, err
		}
		v |= uint64(c&0x7f) << shift
		if c&0x80 == 0 {
			if v > 1<<32-1 {
				return 0, errors.New("u32 out of range")
			}
			return uint32(v), nil
		}
	}
	return 0, errors.New("u32 longer than 5 bytes")
}

func (r *reader) s32() (int32, error) {
	var v int64
	for shift := 0; shift < 35; shift += 7 {
		c, err := r.byte()
		if err != nil {
			return 0, err
		}
		v |= int64(c&0x7f) << shift
		if c&0x80 == 0 {
			if shift+7 < 64 && c&0x40 != 0 {
				v |= -1 << (shift + 7) // sign-extend
			}
			if v < -1<<31 || v > 1<<31-1 {
				return 0, errors.New("s32 out of range")
			}
			return int32(v), nil
		}
	}
	return 0, errors.New("s32 longer than 5 bytes")
}

func appendU32(b []byte, v uint32) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v == 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

// appendU32Padded writes v in exactly 5 bytes, as the format allows.
func appendU32Padded(b []byte, v uint32) []byte {
	for i := 0; i < 4; i++ {
		b = append(b, byte(v&0x7f)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

func appendS32(b []byte, v int32) []byte {
	x := int64(v)
	for {
		c := byte(x & 0x7f)
		x >>= 7
		if (x == 0 && c&0x40 == 0) || (x == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}
