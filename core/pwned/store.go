package pwned

import (
	"context"
	"crypto/sha1"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/passmeter/passmeter/core/hibp"
)

// ErrNotStore is matched by every error of Open about the file's contents:
// not a store, a store cut short, changed or of an unknown version.
var ErrNotStore = errors.New("not a passmeter pwned store")

// Store is an opened store: a read-only memory map of the file (or the
// file read into memory where mapping is not available). A Store is safe
// for concurrent use; it must not be used after Close.
type Store struct {
	data     []byte
	release  func() error
	kind     Kind
	w        uint
	base     uint64
	minCount uint64
	hashes   uint64
	created  time.Time
	buckets  []byte // the bucket data
	index    []byte
}

// Options tune Open.
type Options struct {
	// Quick checks only the footer and the index, not every byte: for a
	// store so large that reading it all at start takes too long, on
	// storage trusted not to change it. A bucket damaged since the import
	// is then not noticed: its lookups may fail with ErrCorrupt or answer
	// wrongly for that prefix (never for another one, and never panic).
	Quick bool
}

// Open maps the store at path and checks it whole: footer, every chunk's
// CRC-32C, the index and every bucket's header.
func Open(path string) (*Store, error) { return OpenOptions(path, Options{}) }

// OpenOptions is Open with options.
func OpenOptions(path string, o Options) (*Store, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.Size() < headerLen+indexLen+footerFixed+trailerLen {
		return nil, notStore("too short")
	}
	data, release, err := mapFile(f, fi.Size())
	if err != nil {
		return nil, err
	}
	s, err := parseStore(data, o)
	if err != nil {
		release()
		return nil, err
	}
	s.release = release
	adviseRandom(data)
	return s, nil
}

func notStore(why string) error { return fmt.Errorf("%w: %s", ErrNotStore, why) }

func parseStore(data []byte, o Options) (*Store, error) {
	le := binary.LittleEndian
	if [8]byte(data[:8]) != headerMagic {
		return nil, notStore("no header")
	}
	if v := le.Uint32(data[8:]); v != version {
		return nil, notStore(fmt.Sprintf("version %d, this passmeter reads %d", v, version))
	}
	size := uint64(len(data))
	tail := data[size-trailerLen:]
	if [8]byte(tail[8:]) != endMagic {
		return nil, notStore("no footer (an import that did not finish?)")
	}
	footLen := uint64(le.Uint32(tail[4:]))
	if footLen < footerFixed+trailerLen || footLen > size-headerLen-indexLen {
		return nil, notStore("bad footer length")
	}
	foot := data[size-footLen:]
	body := foot[:footLen-trailerLen]
	if crc32.Checksum(body, castagnoli) != le.Uint32(tail) {
		return nil, notStore("footer checksum mismatch")
	}
	if [8]byte(body[:8]) != footerMagic || le.Uint32(body[8:]) != version {
		return nil, notStore("bad footer")
	}
	kind := Kind(le.Uint32(body[12:]))
	if kind != SHA1 && kind != NTLM || kind != Kind(le.Uint32(data[12:])) {
		return nil, notStore("unknown hash kind")
	}
	u := func(i int) uint64 { return le.Uint64(body[16+8*i:]) }
	hashes, minCount, created, dataStart, indexStart, cs, nChunks := u(0), u(1), u(2), u(3), u(4), u(5), u(6)
	footStart := size - footLen
	if dataStart != headerLen || indexStart < dataStart || indexStart+indexLen != footStart ||
		cs == 0 || nChunks != (footStart+cs-1)/cs || uint64(len(body)) != footerFixed+4*nChunks {
		return nil, notStore("footer does not match the file's size")
	}
	if !o.Quick {
		if err := checkChunks(data[:footStart], cs, body[footerFixed:]); err != nil {
			return nil, err
		}
	}
	s := &Store{
		data: data, kind: kind, w: kind.suffixBits(), base: max(1, minCount), minCount: minCount,
		hashes: hashes, created: time.Unix(int64(created), 0).UTC(),
		buckets: data[dataStart:indexStart], index: data[indexStart:footStart],
	}
	// The index must rise from 0 to the end of the bucket data; with the
	// full check, every bucket's header must fit its bytes and the counts
	// of hashes add up.
	var prev, total uint64
	for b := 0; b <= Buckets; b++ {
		off := le.Uint64(s.index[8*b:])
		if off < prev || (b == 0 && off != 0) {
			return nil, notStore("index out of order")
		}
		if b > 0 && !o.Quick {
			bk, err := parseBucket(s.buckets[prev:off], s.w, s.base)
			if err != nil {
				return nil, notStore("bucket does not fit its bytes")
			}
			total += bk.n
		}
		prev = off
	}
	if prev != uint64(len(s.buckets)) {
		return nil, notStore("index does not end at the bucket data's end")
	}
	if !o.Quick && total != hashes {
		return nil, notStore("buckets do not add up to the footer's count")
	}
	return s, nil
}

// checkChunks verifies the CRC-32C of every chunk, several at once.
func checkChunks(data []byte, cs uint64, sums []byte) error {
	n := len(sums) / 4
	var failed atomic.Bool
	var next sync.Mutex
	i := 0
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for {
				next.Lock()
				c := i
				i++
				next.Unlock()
				if c >= n {
					return
				}
				lo := uint64(c) * cs
				hi := min(lo+cs, uint64(len(data)))
				if crc32.Checksum(data[lo:hi], castagnoli) != binary.LittleEndian.Uint32(sums[4*c:]) {
					failed.Store(true)
				}
			}
		})
	}
	wg.Wait()
	if failed.Load() {
		return notStore("checksum mismatch (the file was changed or damaged)")
	}
	return nil
}

// Close unmaps the store.
func (s *Store) Close() error {
	if s.release == nil {
		return nil
	}
	err := s.release()
	s.release = nil
	return err
}

// Kind returns the store's hash function.
func (s *Store) Kind() Kind { return s.kind }

// Hashes returns the number of hashes in the store.
func (s *Store) Hashes() uint64 { return s.hashes }

// MinCount returns the --min-count the store was imported with (0: none).
func (s *Store) MinCount() uint64 { return s.minCount }

// Created returns when the store was written.
func (s *Store) Created() time.Time { return s.created }

// Size returns the store's size in bytes.
func (s *Store) Size() int64 { return int64(len(s.data)) }

func (s *Store) bucket(prefix uint32) (bucket, error) {
	if prefix >= Buckets {
		return bucket{}, errors.New("pwned: prefix out of range")
	}
	lo := binary.LittleEndian.Uint64(s.index[8*prefix:])
	hi := binary.LittleEndian.Uint64(s.index[8*prefix+8:])
	if lo > hi || hi > uint64(len(s.buckets)) {
		return bucket{}, ErrCorrupt
	}
	return parseBucket(s.buckets[lo:hi], s.w, s.base)
}

// Lookup reports the count of a whole hash (20 bytes for SHA-1, 16 for
// NTLM), if the store holds it. A hash of the wrong length is never found.
func (s *Store) Lookup(hash []byte) (count uint64, found bool, err error) {
	if len(hash)*2 != s.kind.hexLen() {
		return 0, false, nil
	}
	prefix, k := splitHash(hash)
	bk, err := s.bucket(prefix)
	if err != nil {
		return 0, false, err
	}
	return bk.lookup(k)
}

// Check reports whether password is in a SHA-1 store, as [hibp.Client]
// does against the range API, without any request. Result.Cached is
// always false. An NTLM store cannot answer and gives an error.
func (s *Store) Check(ctx context.Context, password string) (hibp.Result, error) {
	if s.kind != SHA1 {
		return hibp.Result{}, fmt.Errorf("pwned: the store holds %v hashes, the breach check needs SHA-1", s.kind)
	}
	sum := sha1.Sum([]byte(password))
	n, found, err := s.Lookup(sum[:])
	if err != nil || !found {
		return hibp.Result{}, err
	}
	return hibp.Result{Found: true, Count: int(min(n, uint64(maxInt)))}, nil
}

const maxInt = int(^uint(0) >> 1)

var _ hibp.Checker = (*Store)(nil)

// Entries returns the number of hashes under prefix.
func (s *Store) Entries(prefix uint32) (int, error) {
	bk, err := s.bucket(prefix)
	return int(bk.n), err
}

// AppendRange appends the range body of prefix (0 to 2^20-1), as the range
// API answers it: one "SUFFIX:COUNT" line a hash, sorted, upper-case,
// CRLF between lines and none after the last. With padTo greater than the
// number of hashes, lines with count 0 and random suffixes (rnd, distinct
// from the real ones) are merged in until there are padTo lines.
func (s *Store) AppendRange(dst []byte, prefix uint32, padTo int, rnd func() uint64) ([]byte, error) {
	bk, err := s.bucket(prefix)
	if err != nil {
		return dst, err
	}
	digits := s.kind.suffixHex()
	// A line is the suffix, a colon, a count and CRLF: 40 bytes for most.
	dst = slices.Grow(dst, max(int(bk.n), padTo)*(digits+6))
	if padTo <= int(bk.n) {
		it := bk.iter()
		for first := true; ; first = false {
			k, c, ok, err := it.next()
			if !ok || err != nil {
				return dst, err
			}
			dst = appendLine(dst, k, c, digits, first)
		}
	}
	es := make([]entry, 0, padTo)
	if err := bk.each(func(k key, c uint64) bool { es = append(es, entry{k, c}); return true }); err != nil {
		return dst, err
	}
	es = pad(es, padTo, s.w, rnd)
	for i, e := range es {
		dst = appendLine(dst, e.k, e.count, digits, i == 0)
	}
	return dst, nil
}

func appendLine(dst []byte, k key, c uint64, digits int, first bool) []byte {
	if !first {
		dst = append(dst, '\r', '\n')
	}
	dst = appendSuffix(dst, k, digits)
	dst = append(dst, ':')
	return appendUint(dst, c)
}

func appendUint(dst []byte, v uint64) []byte {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			break
		}
	}
	return append(dst, b[i:]...)
}
