package pwned

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"time"
)

// File layout constants; see the package documentation.
const (
	version     = 1
	headerLen   = 16
	indexLen    = 8 * (Buckets + 1)
	chunkSize   = 64 << 20 // bytes per checksum, so Open can check chunks in parallel
	trailerLen  = 16       // footer CRC, footer length, end magic
	footerFixed = 8 + 4 + 4 + 8*8
)

var (
	headerMagic = [8]byte{'P', 'M', 'P', 'W', 'N', 'E', 'D', 0}
	footerMagic = [8]byte{'P', 'M', 'P', 'W', 'F', 'O', 'O', 'T'}
	endMagic    = [8]byte{'P', 'M', 'P', 'W', 'E', 'N', 'D', 0}
	castagnoli  = crc32.MakeTable(crc32.Castagnoli)
)

// PartialSuffix is appended to a store's path while it is being written.
// A file under that name is never a store: it has no footer until the
// very end, and is renamed only after it has been checked.
const PartialSuffix = ".partial"

// ErrOrder is reported when hashes are not given in strictly increasing
// order (an unsorted or duplicated line).
var ErrOrder = errors.New("hash out of order (the input must be sorted, without duplicates)")

// Writer writes a store hash by hash, in increasing order. Its output is a
// temporary file that [Writer.Close] checks and renames into place.
type Writer struct {
	path, tmp string
	f         *os.File
	crc       *crcWriter
	out       *bufio.Writer
	kind      Kind
	w         uint   // bits after the prefix
	base      uint64 // the lowest count stored
	minCount  uint64

	index      []uint64
	nextBucket int    // first bucket whose start is not yet in index
	dataOff    uint64 // bytes of bucket data written
	cur        int    // bucket of pending; -1 before the first hash
	pending    []entry
	last       key
	hashes     uint64
	scratch    []byte
	done       bool
	beforeSync func() error // test hook: runs just before the final sync

	syncTime, checkTime time.Duration
}

// Create starts a store at path for hashes of kind; counts below minCount
// must not be added (Import drops them). Nothing exists at path until
// Close succeeds.
func Create(path string, kind Kind, minCount uint64) (*Writer, error) {
	if kind != SHA1 && kind != NTLM {
		return nil, fmt.Errorf("pwned: cannot create a store of kind %v", kind)
	}
	tmp := path + PartialSuffix
	f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, err
	}
	cw := &crcWriter{w: f}
	wr := &Writer{
		path: path, tmp: tmp, f: f, crc: cw, out: bufio.NewWriterSize(cw, 1<<20),
		kind: kind, w: kind.suffixBits(), base: max(1, minCount), minCount: minCount,
		index: make([]uint64, Buckets+1), cur: -1,
	}
	var h [headerLen]byte
	copy(h[:], headerMagic[:])
	binary.LittleEndian.PutUint32(h[8:], version)
	binary.LittleEndian.PutUint32(h[12:], uint32(kind))
	if _, err := wr.out.Write(h[:]); err != nil {
		wr.Abort()
		return nil, err
	}
	return wr, nil
}

// Add appends one hash (20 bytes for SHA-1, 16 for NTLM) seen count
// times; hashes must come in increasing order, each once ([ErrOrder]
// otherwise), and counts at least the store's minimum.
func (wr *Writer) Add(hash []byte, count uint64) error {
	if len(hash)*2 != wr.kind.hexLen() {
		return fmt.Errorf("pwned: a %v hash is %d bytes, not %d", wr.kind, wr.kind.hexLen()/2, len(hash))
	}
	prefix, k := splitHash(hash)
	return wr.add(prefix, k, count)
}

// add appends one hash; prefix and k must follow the previous hash.
func (wr *Writer) add(prefix uint32, k key, count uint64) error {
	b := int(prefix)
	switch {
	case count < wr.base:
		return fmt.Errorf("pwned: count %d below the store's minimum %d", count, wr.base)
	case b < wr.cur || (b == wr.cur && !wr.last.less(k)):
		return ErrOrder
	case b != wr.cur:
		if err := wr.flushBucket(); err != nil {
			return err
		}
		wr.cur = b
	}
	wr.pending = append(wr.pending, entry{k, count})
	wr.last = k
	wr.hashes++
	return nil
}

// flushBucket encodes the pending bucket, checks that it decodes to what
// was given, and writes it.
func (wr *Writer) flushBucket() error {
	if wr.cur < 0 || len(wr.pending) == 0 {
		return nil
	}
	for ; wr.nextBucket <= wr.cur; wr.nextBucket++ {
		wr.index[wr.nextBucket] = wr.dataOff
	}
	wr.scratch = encodeBucket(wr.scratch[:0], wr.pending, wr.w, wr.base)
	if err := checkBucket(wr.scratch, wr.pending, wr.w, wr.base); err != nil {
		return err
	}
	if _, err := wr.out.Write(wr.scratch); err != nil {
		return err
	}
	wr.dataOff += uint64(len(wr.scratch))
	wr.pending = wr.pending[:0]
	return nil
}

// checkBucket decodes an encoded bucket and compares it with es, so that
// an encoder bug stops the import instead of shipping a wrong store.
func checkBucket(b []byte, es []entry, w uint, base uint64) error {
	bk, err := parseBucket(b, w, base)
	if err != nil {
		return fmt.Errorf("pwned: bucket does not decode: %w", err)
	}
	i := 0
	err = bk.each(func(k key, c uint64) bool {
		if i >= len(es) || es[i].k != k || es[i].count != c {
			return false
		}
		i++
		return true
	})
	if err != nil || i != len(es) || bk.n != uint64(len(es)) {
		return errors.New("pwned: bucket does not decode to its hashes")
	}
	return nil
}

// Hashes returns the number of hashes added so far.
func (wr *Writer) Hashes() uint64 { return wr.hashes }

// Close writes the index and the footer, syncs the file, opens it as a
// store to check it, and renames it to its path. On any error the
// temporary file is removed and nothing is left at the path.
func (wr *Writer) Close() (err error) {
	if wr.done {
		return errors.New("pwned: writer already closed")
	}
	defer func() {
		if err != nil {
			wr.Abort()
		}
	}()
	if err := wr.flushBucket(); err != nil {
		return err
	}
	for ; wr.nextBucket <= Buckets; wr.nextBucket++ {
		wr.index[wr.nextBucket] = wr.dataOff
	}
	idx := make([]byte, 0, indexLen)
	for _, off := range wr.index {
		idx = binary.LittleEndian.AppendUint64(idx, off)
	}
	if _, err := wr.out.Write(idx); err != nil {
		return err
	}
	if err := wr.out.Flush(); err != nil {
		return err
	}
	crcs := wr.crc.sums()
	foot := make([]byte, 0, footerFixed+4*len(crcs)+trailerLen)
	foot = append(foot, footerMagic[:]...)
	foot = binary.LittleEndian.AppendUint32(foot, version)
	foot = binary.LittleEndian.AppendUint32(foot, uint32(wr.kind))
	for _, v := range []uint64{wr.hashes, wr.minCount, uint64(time.Now().Unix()), headerLen,
		headerLen + wr.dataOff, chunkSize, uint64(len(crcs)), 0} {
		foot = binary.LittleEndian.AppendUint64(foot, v)
	}
	for _, c := range crcs {
		foot = binary.LittleEndian.AppendUint32(foot, c)
	}
	foot = binary.LittleEndian.AppendUint32(foot, crc32.Checksum(foot, castagnoli))
	foot = binary.LittleEndian.AppendUint32(foot, uint32(len(foot)+4+8))
	foot = append(foot, endMagic[:]...)
	if _, err := wr.f.Write(foot); err != nil {
		return err
	}
	if wr.beforeSync != nil {
		if err := wr.beforeSync(); err != nil {
			return err
		}
	}
	t0 := time.Now()
	if err := wr.f.Sync(); err != nil {
		return err
	}
	wr.syncTime = time.Since(t0)
	if err := wr.f.Close(); err != nil {
		return err
	}
	wr.done = true
	t0 = time.Now()
	s, err := Open(wr.tmp)
	wr.checkTime = time.Since(t0)
	if err != nil {
		return fmt.Errorf("pwned: the written store does not open: %w", err)
	}
	if s.Hashes() != wr.hashes {
		s.Close()
		return errors.New("pwned: the written store does not hold the hashes given")
	}
	if err := s.Close(); err != nil {
		return err
	}
	if err := os.Rename(wr.tmp, wr.path); err != nil {
		return err
	}
	return syncDir(filepath.Dir(wr.path))
}

// Abort stops writing and removes the temporary file.
func (wr *Writer) Abort() error {
	if !wr.done {
		wr.f.Close()
		wr.done = true
	}
	err := os.Remove(wr.tmp)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}

// syncDir makes a rename in dir durable. Not every system can sync a
// directory; that is not an error.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	d.Sync()
	return nil
}

// crcWriter passes bytes through and keeps a CRC-32C of each chunkSize
// bytes.
type crcWriter struct {
	w    io.Writer
	crcs []uint32
	cur  uint32
	in   uint64 // bytes in the current chunk
}

func (c *crcWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	q := p[:n]
	for len(q) > 0 {
		m := min(uint64(len(q)), chunkSize-c.in)
		c.cur = crc32.Update(c.cur, castagnoli, q[:m])
		c.in += m
		q = q[m:]
		if c.in == chunkSize {
			c.crcs = append(c.crcs, c.cur)
			c.cur, c.in = 0, 0
		}
	}
	return n, err
}

// sums returns the checksums of every chunk, the last one partial.
func (c *crcWriter) sums() []uint32 {
	s := c.crcs
	if c.in > 0 {
		s = append(s, c.cur)
	}
	return s
}
