package hibp

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"slices"
)

// MaxRangeBody is the largest range response body accepted, in bytes. Real
// responses, padded, are a few tens of kilobytes.
const MaxRangeBody = 2 << 20

// maxLineLen bounds one line: 35 hex digits, a colon, up to 19 digits and a
// CRLF fit many times over.
const maxLineLen = 128

// FindSuffix reads a range response body from r and reports the breach count
// recorded for suffix (35 hexadecimal characters, either case).
//
// The body is a sequence of lines "SUFFIX:COUNT" ended by CRLF or LF; the
// last line may or may not end with a newline. Suffixes may be upper- or
// lower-case. A line with count 0 is padding (sent when "Add-Padding: true"
// is requested) and never counts as a match. If several non-padding lines
// carry suffix, the first one's count is reported.
//
// FindSuffix reads and checks the whole body even after a match, so the
// answer does not depend on where the match is. A blank line other than the
// final newline, or a line that is not "SUFFIX:COUNT" (35 hex digits, a
// colon, a non-negative decimal count), gives a [*LineError] naming the line;
// a body over [MaxRangeBody] bytes gives [ErrBodyTooLarge]; an invalid suffix
// argument gives [ErrInvalidSuffix]. On error, count is 0 and found false.
func FindSuffix(r io.Reader, suffix string) (count int, found bool, err error) {
	want, ok := decodeSuffix(suffix)
	if !ok {
		return 0, false, ErrInvalidSuffix
	}
	s := newScanner(r)
	for {
		k, n, err := s.next()
		if err == io.EOF {
			return count, found, nil
		}
		if err != nil {
			return 0, false, err
		}
		if !found && n > 0 && k == want {
			count, found = n, true
		}
	}
}

// Range is a parsed range response: the non-padding suffixes of one prefix
// and their counts, stored compactly (about 24 bytes a line). The zero Range
// is empty. A Range is immutable and safe for concurrent use.
type Range struct {
	entries []entry // sorted by key; one entry per key
}

type entry struct {
	key   key
	count int
}

// ReadRange reads and checks a whole range response body from r, as
// [FindSuffix] does, and returns its non-padding lines for repeated lookups.
func ReadRange(r io.Reader) (*Range, error) {
	s := newScanner(r)
	var es []entry
	for {
		k, n, err := s.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if n > 0 {
			es = append(es, entry{k, n})
		}
	}
	// Stable sort, then keep the first of equal keys, as FindSuffix does.
	slices.SortStableFunc(es, func(a, b entry) int { return bytes.Compare(a.key[:], b.key[:]) })
	es = slices.CompactFunc(es, func(a, b entry) bool { return a.key == b.key })
	return &Range{entries: slices.Clip(es)}, nil
}

// Lookup reports the count recorded for suffix (35 hexadecimal characters,
// either case). An invalid suffix is never found.
func (r *Range) Lookup(suffix string) (count int, found bool) {
	k, ok := decodeSuffix(suffix)
	if !ok || r == nil {
		return 0, false
	}
	i, found := slices.BinarySearchFunc(r.entries, k, func(e entry, k key) int {
		return bytes.Compare(e.key[:], k[:])
	})
	if !found {
		return 0, false
	}
	return r.entries[i].count, true
}

// Len returns the number of non-padding suffixes in r.
func (r *Range) Len() int {
	if r == nil {
		return 0
	}
	return len(r.entries)
}

// key is a 35-digit hexadecimal suffix packed into bytes; the low nibble of
// the last byte is always zero.
type key [(SuffixLen + 1) / 2]byte

func decodeSuffix[T string | []byte](s T) (k key, ok bool) {
	if len(s) != SuffixLen {
		return k, false
	}
	for i := 0; i < SuffixLen; i++ {
		v, ok := unhex(s[i])
		if !ok {
			return key{}, false
		}
		if i%2 == 0 {
			k[i/2] = v << 4
		} else {
			k[i/2] |= v
		}
	}
	return k, true
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	}
	return 0, false
}

// scanner reads a range response line by line with bounded memory.
type scanner struct {
	br       *bufio.Reader
	line     int   // number of the line last returned
	consumed int64 // bytes of the lines returned so far
}

func newScanner(r io.Reader) *scanner {
	// Never read more than one byte past the limit from the source.
	lr := io.LimitReader(r, MaxRangeBody+1)
	return &scanner{br: bufio.NewReaderSize(lr, maxLineLen)}
}

// next returns the next line's suffix and count, io.EOF at the end of the
// body, or an error. The size limit is checked on the bytes consumed by lines
// (not on read-ahead), so the error reported does not depend on how the
// source splits its reads.
func (s *scanner) next() (key, int, error) {
	b, err := s.br.ReadSlice('\n')
	if len(b) == 0 && err == io.EOF {
		return key{}, 0, io.EOF
	}
	s.line++
	s.consumed += int64(len(b))
	if s.consumed > MaxRangeBody {
		return key{}, 0, ErrBodyTooLarge
	}
	switch err {
	case nil, io.EOF:
	case bufio.ErrBufferFull:
		return key{}, 0, &LineError{s.line, ErrLineTooLong}
	default:
		return key{}, 0, fmt.Errorf("hibp: reading range response: %w", err)
	}
	b = bytes.TrimSuffix(b, []byte{'\n'})
	b = bytes.TrimSuffix(b, []byte{'\r'})
	if len(b) == 0 {
		return key{}, 0, &LineError{s.line, ErrBlankLine}
	}
	colon := bytes.IndexByte(b, ':')
	if colon < 0 {
		return key{}, 0, &LineError{s.line, ErrMissingColon}
	}
	k, ok := decodeSuffix(b[:colon])
	if !ok {
		return key{}, 0, &LineError{s.line, ErrBadSuffix}
	}
	n, ok := parseCount(b[colon+1:])
	if !ok {
		return key{}, 0, &LineError{s.line, ErrBadCount}
	}
	return k, n, nil
}

// parseCount parses a non-empty string of ASCII digits that fits in an int.
func parseCount(b []byte) (int, bool) {
	if len(b) == 0 {
		return 0, false
	}
	const maxInt = int(^uint(0) >> 1)
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		d := int(c - '0')
		if n > (maxInt-d)/10 {
			return 0, false
		}
		n = n*10 + d
	}
	return n, true
}
