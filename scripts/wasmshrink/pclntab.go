package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
)

// The traceback strip. Go's runtime metadata (runtime.pclntab, see
// runtime/symtab.go and cmd/link/internal/ld/pcln.go) serves two masters:
// the garbage collector, stack growth, defer and recover, which need each
// function's frame size (pcsp), stack maps, inline tree (recover tells
// wrappers and inlined frames apart by their funcID) and funcdata; and
// tracebacks, runtime.Caller and FuncForPC, which also want names, files
// and lines. This strips the second kind, in place (every
// offset stays valid; the bytes become zeros, which the segment writer
// then leaves out of the module):
//
//   - function names: every name becomes "", except that a runtime
//     function's name becomes "runtime." (isSystemGoroutine and friends
//     test that prefix) and a method wrapper keeps its name (panicwrap
//     parses it to build its "value method called using nil pointer"
//     panic, and would throw, not panic, without it);
//   - the file table, the compilation-unit table, each function's pcfile
//     and pcln tables and start line: runtime.Caller then says "?", 0;
//   - argument info for tracebacks (FUNCDATA_ArgInfo, and the pointers
//     FUNCDATA_ArgLiveInfo and PCDATA_ArgLiveIndex): a traceback then
//     prints no arguments (-1.8 KB);
//   - the names and start lines in inline trees (the trees stay);
//   - the unsafe-point tables (PCDATA_UnsafePoint), which only
//     asynchronous preemption and debugger calls read, and wasm has
//     neither (-0.8 KB).
//
// The layout is the toolchain's private business, so it is checked on
// each module (magic, header, the module data pointing back at it, every
// function's entry agreeing with the function table) and the strip is
// refused on a Go release it was not checked on (checkedGo).

// checkedGo lists the Go releases whose runtime layout this strip was
// read from and tested on (runtime/symtab.go, runtime/runtime2.go _func,
// internal/abi/symtab.go). A module from any other release is refused.
var checkedGo = []string{"go1.26"}

const (
	pcHeaderMagic = 0xfffffff1 // abi.Go120PCLnTabMagic

	funcHeaderSize = 44 // runtime._func before its pcdata and funcdata arrays

	pcdataUnsafePoint   = 0
	pcdataStackMapIndex = 1
	pcdataInlTreeIndex  = 2
	pcdataArgLiveIndex  = 3
	pcdataPanicBounds   = 4
	pcdataCount         = 5

	funcdataInlTree     = 3
	funcdataArgInfo     = 5
	funcdataArgLiveInfo = 6
	funcdataCount       = 8

	funcIDWrapper = 23 // abi.FuncIDWrapper

	inlinedCallSize = 16 // runtime.inlinedCall: funcID, pad, nameOff, parentPc, startLine
)

// Offsets in runtime.moduledata (64-bit pointers, 24-byte slices).
const (
	mdPCHeader    = 0
	mdFuncnametab = 8
	mdCutab       = 32
	mdFiletab     = 56
	mdPctab       = 80
	mdPclntable   = 104
	mdFtab        = 128
	mdGofunc      = 320
	mdEpclntab    = 328
)

var le = binary.LittleEndian

// goVersion reads the Go release that built the module from its
// "producers" custom section (tool conventions: language "Go" and its
// version, as cmd/link/internal/wasm writes it).
func goVersion(m *module) (string, error) {
	for _, s := range m.sections {
		name, r := s.custom()
		if name != "producers" {
			continue
		}
		nfields, err := r.u32()
		for i := uint32(0); err == nil && i < nfields; i++ {
			var field string
			var nvalues uint32
			if field, err = r.name(); err != nil {
				break
			}
			if nvalues, err = r.u32(); err != nil {
				break
			}
			for j := uint32(0); err == nil && j < nvalues; j++ {
				var tool, version string
				if tool, err = r.name(); err != nil {
					break
				}
				if version, err = r.name(); err == nil && field == "language" && tool == "Go" {
					return version, nil
				}
			}
		}
		if err != nil {
			return "", fmt.Errorf("producers section: %w", err)
		}
	}
	return "", errors.New("no Go version in the module's producers section")
}

func checkedRelease(v string) bool {
	for _, c := range checkedGo {
		if v == c || strings.HasPrefix(v, c+".") || strings.HasPrefix(v, c+"rc") {
			return true
		}
	}
	return false
}

// pclntab is the runtime's table as found in the image.
type pclntab struct {
	im          *image
	header      uint64 // address of the pcHeader
	nfunc       int
	funcnametab []byte
	cutab       []byte
	filetab     []byte
	pctab       []byte
	pclntable   []byte
	gofunc      uint64
	end         uint64 // moduledata.epclntab
}

// findPclntab locates the pcHeader (by its magic and the fields around
// it) and the moduledata that points at it, and checks that they agree.
func findPclntab(im *image) (*pclntab, error) {
	var found []*pclntab
	var firstErr error
	for off := (8 - im.base%8) % 8; int(off)+72 <= len(im.data); off += 8 {
		h := im.data[off:]
		if le.Uint32(h) != pcHeaderMagic {
			continue
		}
		p, err := readPclntab(im, uint64(im.base)+uint64(off))
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		found = append(found, p)
	}
	switch {
	case len(found) == 1:
		return found[0], nil
	case len(found) > 1:
		return nil, fmt.Errorf("%d candidate pclntab headers", len(found))
	case firstErr != nil:
		return nil, fmt.Errorf("pclntab header: %w", firstErr)
	}
	return nil, errors.New("no Go 1.20+ pclntab header (magic 0xfffffff1) in the data")
}

func readPclntab(im *image, hdr uint64) (*pclntab, error) {
	h := im.at(hdr, 72)
	if h[4] != 0 || h[5] != 0 || h[6] != 1 || h[7] != 8 {
		return nil, fmt.Errorf("at %#x: pad, minLC, ptrSize are %d %d %d %d, want 0 0 1 8", hdr, h[4], h[5], h[6], h[7])
	}
	nfunc := le.Uint64(h[8:])
	offs := [5]uint64{le.Uint64(h[32:]), le.Uint64(h[40:]), le.Uint64(h[48:]), le.Uint64(h[56:]), le.Uint64(h[64:])}
	for i := 1; i < len(offs); i++ {
		if offs[i] < offs[i-1] {
			return nil, fmt.Errorf("at %#x: table offsets out of order: %v", hdr, offs)
		}
	}
	if nfunc == 0 || nfunc > 1<<24 {
		return nil, fmt.Errorf("at %#x: %d functions", hdr, nfunc)
	}
	// The moduledata: the one place holding the header's address followed
	// by the function name table's slice.
	var md []byte
	for off := (8 - im.base%8) % 8; int(off)+mdEpclntab+8 <= len(im.data); off += 8 {
		d := im.data[off:]
		if le.Uint64(d[mdPCHeader:]) == hdr && le.Uint64(d[mdFuncnametab:]) == hdr+offs[0] {
			if md != nil {
				return nil, fmt.Errorf("at %#x: two moduledata candidates", hdr)
			}
			md = d[:mdEpclntab+8]
		}
	}
	if md == nil {
		return nil, fmt.Errorf("at %#x: no moduledata points at this header", hdr)
	}
	p := &pclntab{im: im, header: hdr, nfunc: int(nfunc), gofunc: le.Uint64(md[mdGofunc:]), end: le.Uint64(md[mdEpclntab:])}
	tables := []struct {
		dst   *[]byte
		field int
		off   uint64
		elem  uint64
	}{
		{&p.funcnametab, mdFuncnametab, offs[0], 1},
		{&p.cutab, mdCutab, offs[1], 4},
		{&p.filetab, mdFiletab, offs[2], 1},
		{&p.pctab, mdPctab, offs[3], 1},
		{&p.pclntable, mdPclntable, offs[4], 1},
	}
	for _, t := range tables {
		ptr, n := le.Uint64(md[t.field:]), le.Uint64(md[t.field+8:])
		if ptr != hdr+t.off {
			return nil, fmt.Errorf("moduledata field %d points at %#x, the header says %#x", t.field, ptr, hdr+t.off)
		}
		*t.dst = im.at(ptr, n*t.elem)
		if *t.dst == nil {
			return nil, fmt.Errorf("moduledata field %d: table [%#x, +%d) outside the data", t.field, ptr, n*t.elem)
		}
	}
	if ftab := le.Uint64(md[mdFtab:]); ftab != hdr+offs[4] {
		return nil, fmt.Errorf("moduledata ftab at %#x, want the start of pclntable %#x", ftab, hdr+offs[4])
	}
	if n := le.Uint64(md[mdFtab+8:]); n != nfunc+1 {
		return nil, fmt.Errorf("ftab has %d entries for %d functions", n, nfunc)
	}
	if end := le.Uint64(md[mdEpclntab:]); end < hdr+offs[4]+uint64(len(p.pclntable)) {
		return nil, fmt.Errorf("epclntab %#x before the end of pclntable", end)
	}
	if uint64(len(p.pclntable)) < (nfunc+1)*8 {
		return nil, errors.New("pclntable shorter than its function table")
	}
	return p, nil
}

// fn is one runtime._func, a slice of pclntable.
type fn struct {
	b         []byte
	npcdata   int
	nfuncdata int
}

func (p *pclntab) fn(i int) (fn, error) {
	entry, off := le.Uint32(p.pclntable[8*i:]), le.Uint32(p.pclntable[8*i+4:])
	if uint64(off)+funcHeaderSize > uint64(len(p.pclntable)) {
		return fn{}, fmt.Errorf("function %d: _func at %d past pclntable", i, off)
	}
	b := p.pclntable[off:]
	f := fn{b: b, npcdata: int(le.Uint32(b[28:])), nfuncdata: int(b[43])}
	if le.Uint32(b[0:]) != entry {
		return fn{}, fmt.Errorf("function %d: _func.entryOff %#x, ftab says %#x", i, le.Uint32(b), entry)
	}
	if f.npcdata > pcdataCount || f.nfuncdata > funcdataCount {
		return fn{}, fmt.Errorf("function %d: %d pcdata and %d funcdata tables, more than the %d and %d known", i, f.npcdata, f.nfuncdata, pcdataCount, funcdataCount)
	}
	if funcHeaderSize+4*(f.npcdata+f.nfuncdata) > len(b) {
		return fn{}, fmt.Errorf("function %d: _func past pclntable", i)
	}
	return f, nil
}

func (f fn) nameOff() uint32 { return le.Uint32(f.b[4:]) }
func (f fn) funcID() byte    { return f.b[40] }
func (f fn) pcsp() uint32    { return le.Uint32(f.b[16:]) }

func (f fn) pcdata(i int) uint32 {
	if i >= f.npcdata {
		return 0
	}
	return le.Uint32(f.b[funcHeaderSize+4*i:])
}

func (f fn) setPcdata(i int, v uint32) {
	if i < f.npcdata {
		le.PutUint32(f.b[funcHeaderSize+4*i:], v)
	}
}

func (f fn) funcdata(i int) uint32 {
	if i >= f.nfuncdata {
		return ^uint32(0)
	}
	return le.Uint32(f.b[funcHeaderSize+4*f.npcdata+4*i:])
}

func (f fn) setFuncdata(i int, v uint32) {
	if i < f.nfuncdata {
		le.PutUint32(f.b[funcHeaderSize+4*f.npcdata+4*i:], v)
	}
}

// pcvalueEnd returns the end of the pc-value table at off in pctab and
// the largest value it takes (runtime.step: pairs of a zig-zag value delta
// and a pc delta, both varints, ended by a zero value delta after the
// first pair).
func pcvalueEnd(pctab []byte, off uint32) (end int, maxVal int32, err error) {
	r := reader{b: pctab, pos: int(off)}
	val := int32(-1)
	maxVal = -1
	for first := true; ; first = false {
		if r.pos >= len(pctab) {
			return 0, 0, fmt.Errorf("pc-value table at %d runs past pctab", off)
		}
		if pctab[r.pos] == 0 && !first {
			return r.pos + 1, maxVal, nil
		}
		uv, err := r.u32()
		if err != nil {
			return 0, 0, fmt.Errorf("pc-value table at %d: %w", off, err)
		}
		val += int32(-(uv & 1) ^ (uv >> 1))
		maxVal = max(maxVal, val)
		if _, err := r.u32(); err != nil {
			return 0, 0, fmt.Errorf("pc-value table at %d: %w", off, err)
		}
	}
}

// argInfoEnd returns the end of the argument info at off past gofunc
// (the format runtime.printArgs reads: an offset byte and a size byte
// per argument word, or a marker byte, up to endSeq).
func argInfoEnd(im *image, gofunc uint64, off uint32) (uint32, error) {
	const (
		endSeq         = 0xff
		offsetTooLarge = 0xfb // this and the three above it are markers
		maxLen         = 1024 // far past abi.TraceArgsMaxLen's
	)
	for n := uint32(0); n < maxLen; n++ {
		b := im.at(gofunc+uint64(off)+uint64(n), 1)
		if b == nil {
			break
		}
		switch {
		case b[0] == endSeq:
			return off + n + 1, nil
		case b[0] < offsetTooLarge:
			n++ // an offset: its size byte follows
		}
	}
	return 0, fmt.Errorf("argument info at %#x has no end", off)
}

func cstring(b []byte, off uint32) (string, error) {
	if int64(off) >= int64(len(b)) {
		return "", fmt.Errorf("name offset %d past funcnametab", off)
	}
	n := bytes.IndexByte(b[off:], 0)
	if n < 0 {
		return "", fmt.Errorf("name at %d not terminated", off)
	}
	return string(b[off : int(off)+n]), nil
}

// stripStats says what a strip did.
type stripStats struct {
	funcs, keptNames, inlineEntries int
}

// stripTraceback removes the traceback-only metadata from the image in
// place; see the comment at the top of the file.
func stripTraceback(m *module, im *image) (stripStats, error) {
	var st stripStats
	v, err := goVersion(m)
	if err != nil {
		return st, err
	}
	if !checkedRelease(v) {
		return st, fmt.Errorf("the module was built by %s, but the traceback strip was only checked on %s: "+
			"its runtime tables may have moved. Build with PASSMETER_WASM_DEBUG=1 for an unstripped module, "+
			"or check runtime/symtab.go, runtime/runtime2.go (_func) and internal/abi/symtab.go against "+
			"scripts/wasmshrink/pclntab.go and add the release to checkedGo", v, strings.Join(checkedGo, ", "))
	}
	p, err := findPclntab(im)
	if err != nil {
		return st, err
	}
	funcs := make([]fn, p.nfunc)
	for i := range funcs {
		if funcs[i], err = p.fn(i); err != nil {
			return st, err
		}
	}
	st.funcs = len(funcs)

	// New names: "" at 0 (funcName's convention for no name), "runtime."
	// at 1, then the wrappers' names.
	names := []byte("\x00runtime.\x00")
	newOff := map[uint32]uint32{0: 0}
	mapName := func(old uint32, keep bool) (uint32, error) {
		if n, ok := newOff[old]; ok {
			return n, nil
		}
		name, err := cstring(p.funcnametab, old)
		if err != nil {
			return 0, err
		}
		switch {
		case name == "reflect.makeFuncStub" || name == "reflect.methodValueCall":
			// runtime.getArgInfo finds these two by name.
			return 0, fmt.Errorf("the module links %s, which the runtime finds by name", name)
		case strings.HasPrefix(name, "runtime."):
			newOff[old] = 1
		case keep:
			newOff[old] = uint32(len(names))
			names = append(append(names, name...), 0)
			st.keptNames++
		default:
			newOff[old] = 0
		}
		return newOff[old], nil
	}
	// Wrappers first, so that an inlined call of one finds its kept name.
	for _, f := range funcs {
		if f.funcID() == funcIDWrapper {
			if _, err := mapName(f.nameOff(), true); err != nil {
				return st, err
			}
		}
	}

	keep := make([]bool, len(p.pctab)) // pctab bytes some kept table uses
	if len(keep) > 0 {
		keep[0] = true
	}
	markTable := func(off uint32) (int32, error) {
		if off == 0 {
			return -1, nil
		}
		end, maxVal, err := pcvalueEnd(p.pctab, off)
		if err != nil {
			return 0, err
		}
		for i := int(off); i < end; i++ {
			keep[i] = true
		}
		return maxVal, nil
	}
	// Argument info is zeroed where no funcdata that stays starts inside
	// it: the linker merges symbols of equal content, whatever they are
	// for, so one could in principle be a stack map too.
	keptFuncdata := map[uint32]bool{}
	var argInfos [][2]uint32 // [start, end) past gofunc
	for i, f := range funcs {
		if f.funcdata(funcdataArgLiveInfo) != ^uint32(0) {
			// Only register-ABI arguments have liveness info, and wasm
			// has none: its format is not handled here.
			return st, fmt.Errorf("function %d has argument liveness info, unknown on wasm", i)
		}
		for k := 0; k < f.nfuncdata; k++ {
			off := f.funcdata(k)
			switch {
			case off == ^uint32(0):
			case k == funcdataArgInfo:
				end, err := argInfoEnd(im, p.gofunc, off)
				if err != nil {
					return st, fmt.Errorf("function %d: %w", i, err)
				}
				argInfos = append(argInfos, [2]uint32{off, end})
			default:
				keptFuncdata[off] = true
			}
		}
	}
	for i, f := range funcs {
		if _, err := markTable(f.pcsp()); err != nil {
			return st, fmt.Errorf("function %d pcsp: %w", i, err)
		}
		for _, k := range []int{pcdataStackMapIndex, pcdataPanicBounds} {
			if _, err := markTable(f.pcdata(k)); err != nil {
				return st, fmt.Errorf("function %d pcdata %d: %w", i, k, err)
			}
		}
		maxInl, err := markTable(f.pcdata(pcdataInlTreeIndex))
		if err != nil {
			return st, fmt.Errorf("function %d inline index: %w", i, err)
		}
		if tree := f.funcdata(funcdataInlTree); tree != ^uint32(0) && maxInl >= 0 {
			entries := im.at(p.gofunc+uint64(tree), uint64(maxInl+1)*inlinedCallSize)
			if entries == nil {
				return st, fmt.Errorf("function %d: inline tree outside the data", i)
			}
			for e := 0; e < int(maxInl)+1; e++ {
				c := entries[e*inlinedCallSize:]
				n, err := mapName(le.Uint32(c[4:]), c[0] == funcIDWrapper)
				if err != nil {
					return st, fmt.Errorf("function %d inline entry %d: %w", i, e, err)
				}
				le.PutUint32(c[4:], n)
				le.PutUint32(c[12:], 0) // startLine
				st.inlineEntries++
			}
		}
		n, err := mapName(f.nameOff(), false)
		if err != nil {
			return st, fmt.Errorf("function %d: %w", i, err)
		}
		le.PutUint32(f.b[4:], n)
		le.PutUint32(f.b[20:], 0) // pcfile
		le.PutUint32(f.b[24:], 0) // pcln
		le.PutUint32(f.b[32:], 0) // cuOffset
		le.PutUint32(f.b[36:], 0) // startLine
		f.setPcdata(pcdataArgLiveIndex, 0)
		f.setPcdata(pcdataUnsafePoint, 0)
		f.setFuncdata(funcdataArgInfo, ^uint32(0))
		f.setFuncdata(funcdataArgLiveInfo, ^uint32(0))
	}
	if len(names) > len(p.funcnametab) {
		return st, errors.New("kept names do not fit the name table")
	}
argInfo:
	for _, a := range argInfos {
		for off := a[0]; off < a[1]; off++ {
			if keptFuncdata[off] {
				continue argInfo
			}
		}
		clear(im.at(p.gofunc+uint64(a[0]), uint64(a[1]-a[0])))
	}
	clear(p.funcnametab)
	clear(p.cutab)
	clear(p.filetab)
	copy(p.funcnametab, names)
	for i, k := range keep {
		if !k {
			p.pctab[i] = 0
		}
	}
	return st, nil
}
