package pwned

import (
	"bufio"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"os"
	"time"
)

// ResumeSuffix is appended to a store's path for the checkpoint of an
// import run with ImportOptions.Resume, next to its PartialSuffix file.
const ResumeSuffix = ".partial.resume"

// defaultCheckpointEvery is how often a resumable import syncs what it has
// written and records where it is.
const defaultCheckpointEvery = 30 * time.Second

var resumeMagic = [8]byte{'P', 'M', 'P', 'W', 'R', 'E', 'S', '1'}

// checkpoint is where a resumable import stood at a bucket boundary: its
// input, its position in it, its counters and its writer's state.
type checkpoint struct {
	inputSize, inputMtime int64
	inputDir              bool
	kind                  Kind
	minCount              uint64
	pos                   uint64 // byte offset of the next line (a file), or the next prefix (a directory)
	lines, bad, zero      uint64
	belowMin, hashes      uint64
	dataOff               uint64
	cur                   int64
	last                  key
	crcCur                uint32
	crcIn                 uint64
	crcs                  []uint32
	index                 []uint64 // starts of the buckets before nextBucket
}

func (c *checkpoint) marshal() []byte {
	le := binary.LittleEndian
	b := append([]byte(nil), resumeMagic[:]...)
	dir := uint64(0)
	if c.inputDir {
		dir = 1
	}
	for _, v := range []uint64{uint64(c.inputSize), uint64(c.inputMtime), dir, uint64(c.kind), c.minCount, c.pos,
		c.lines, c.bad, c.zero, c.belowMin, c.hashes, c.dataOff, uint64(c.cur), c.last[0], c.last[1], c.last[2],
		uint64(c.crcCur), c.crcIn, uint64(len(c.crcs)), uint64(len(c.index))} {
		b = le.AppendUint64(b, v)
	}
	for _, v := range c.crcs {
		b = le.AppendUint32(b, v)
	}
	for _, v := range c.index {
		b = le.AppendUint64(b, v)
	}
	return le.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

var errBadCheckpoint = errors.New("pwned: unreadable checkpoint")

func unmarshalCheckpoint(b []byte) (*checkpoint, error) {
	le := binary.LittleEndian
	const fixed = 8 + 20*8
	if len(b) < fixed+4 || [8]byte(b[:8]) != resumeMagic ||
		crc32.Checksum(b[:len(b)-4], castagnoli) != le.Uint32(b[len(b)-4:]) {
		return nil, errBadCheckpoint
	}
	u := func(i int) uint64 { return le.Uint64(b[8+8*i:]) }
	c := &checkpoint{
		inputSize: int64(u(0)), inputMtime: int64(u(1)), inputDir: u(2) == 1, kind: Kind(u(3)), minCount: u(4), pos: u(5),
		lines: u(6), bad: u(7), zero: u(8), belowMin: u(9), hashes: u(10), dataOff: u(11), cur: int64(u(12)),
		last: key{u(13), u(14), u(15)}, crcCur: uint32(u(16)), crcIn: u(17),
	}
	nc, ni := u(18), u(19)
	if nc > 1<<32 || ni > Buckets+1 || uint64(len(b)) != fixed+4*nc+8*ni+4 || c.cur < 0 || c.cur >= Buckets || int64(ni) != c.cur+1 {
		return nil, errBadCheckpoint
	}
	rest := b[fixed:]
	for range nc {
		c.crcs = append(c.crcs, le.Uint32(rest))
		rest = rest[4:]
	}
	for range ni {
		c.index = append(c.index, le.Uint64(rest))
		rest = rest[8:]
	}
	return c, nil
}

// saveCheckpoint makes what the writer has written durable, then records
// c beside it (under a temporary name, renamed: a checkpoint is whole or
// absent). The writer must be at a bucket boundary.
func (wr *Writer) saveCheckpoint(c *checkpoint) error {
	if err := wr.flushBucket(); err != nil {
		return err
	}
	if err := wr.out.Flush(); err != nil {
		return err
	}
	if err := wr.f.Sync(); err != nil {
		return err
	}
	c.kind, c.minCount, c.hashes = wr.kind, wr.minCount, wr.hashes
	c.dataOff, c.cur, c.last = wr.dataOff, int64(wr.cur), wr.last
	c.crcCur, c.crcIn, c.crcs = wr.crc.cur, wr.crc.in, wr.crc.crcs
	c.index = wr.index[:wr.nextBucket]
	path := wr.path + ResumeSuffix
	tmp := path + ".tmp"
	if err := writeFileSync(tmp, c.marshal()); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func writeFileSync(path string, b []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// resumeWriter reopens the temporary file of an interrupted import at the
// checkpoint c: it cuts what was written after it, checks what is left
// against the checkpoint's checksums, and restores the writer's state.
func resumeWriter(path string, c *checkpoint) (*Writer, error) {
	if c.kind != SHA1 && c.kind != NTLM {
		return nil, errBadCheckpoint
	}
	tmp := path + PartialSuffix
	f, err := os.OpenFile(tmp, os.O_RDWR, 0)
	if err != nil {
		return nil, err
	}
	end := int64(headerLen + c.dataOff)
	fi, err := f.Stat()
	if err == nil && fi.Size() < end {
		err = errBadCheckpoint
	}
	if err == nil {
		err = f.Truncate(end)
	}
	if err == nil {
		err = checkWritten(f, end, c)
	}
	if err == nil {
		_, err = f.Seek(end, io.SeekStart)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	cw := &crcWriter{w: f, crcs: append([]uint32(nil), c.crcs...), cur: c.crcCur, in: c.crcIn}
	wr := &Writer{
		path: path, tmp: tmp, f: f, crc: cw, out: bufio.NewWriterSize(cw, 1<<20),
		kind: c.kind, w: c.kind.suffixBits(), base: max(1, c.minCount), minCount: c.minCount,
		index: make([]uint64, Buckets+1), nextBucket: len(c.index), dataOff: c.dataOff,
		cur: int(c.cur), last: c.last, hashes: c.hashes,
	}
	copy(wr.index, c.index)
	return wr, nil
}

// checkWritten compares the first n bytes of f with the checkpoint's
// checksums, so that a file changed since is not continued.
func checkWritten(f *os.File, n int64, c *checkpoint) error {
	if uint64(len(c.crcs))*chunkSize+c.crcIn != uint64(n) {
		return errBadCheckpoint
	}
	buf := make([]byte, 1<<20)
	r := io.NewSectionReader(f, 0, n)
	var cur uint32
	var in uint64
	chunk := 0
	for {
		m, err := r.Read(buf[:min(uint64(len(buf)), chunkSize-in)])
		cur = crc32.Update(cur, castagnoli, buf[:m])
		in += uint64(m)
		if in == chunkSize {
			if chunk >= len(c.crcs) || c.crcs[chunk] != cur {
				return errBadCheckpoint
			}
			chunk, cur, in = chunk+1, 0, 0
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
	}
	if chunk != len(c.crcs) || in != c.crcIn || cur != c.crcCur {
		return errBadCheckpoint
	}
	return nil
}

// resume takes up an interrupted import's checkpoint if there is one for
// this input and these options; otherwise the import starts over.
func (im *importer) resume() {
	b, err := os.ReadFile(im.to + ResumeSuffix)
	if err != nil {
		return
	}
	c, err := unmarshalCheckpoint(b)
	if err != nil || c.inputSize != im.input.Size() || c.inputMtime != im.input.ModTime().UnixNano() ||
		c.inputDir != im.input.IsDir() || c.minCount != im.o.MinCount || (im.o.Kind != KindAuto && im.o.Kind != c.kind) {
		return
	}
	wr, err := resumeWriter(im.to, c)
	if err != nil {
		return
	}
	im.wr, im.kind, im.from = wr, c.kind, c.pos
	im.p.Lines, im.p.Bad, im.p.Zero, im.p.BelowMin, im.p.Hashes = c.lines, c.bad, c.zero, c.belowMin, c.hashes
	im.p.Resumed = true
	im.checkpoints = 1
}

// checkpoint records that the import can go on from pos, with lines lines
// read so far, if one is due.
func (im *importer) checkpoint(pos, lines uint64) error {
	if !im.o.Resume || im.wr == nil || time.Since(im.last) < im.o.checkpointEvery {
		return nil
	}
	c := &checkpoint{
		inputSize: im.input.Size(), inputMtime: im.input.ModTime().UnixNano(), inputDir: im.input.IsDir(),
		pos: pos, lines: lines, bad: im.p.Bad, zero: im.p.Zero, belowMin: im.p.BelowMin,
	}
	if err := im.wr.saveCheckpoint(c); err != nil {
		return err
	}
	im.last = time.Now()
	im.checkpoints++
	if im.o.afterCheckpoint != nil {
		return im.o.afterCheckpoint(im.checkpoints)
	}
	return nil
}
