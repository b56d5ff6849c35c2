package pwned

import (
	"encoding/binary"
	"errors"
	"math/bits"
)

// entry is one hash of a bucket: the bits after the prefix and its count.
type entry struct {
	k     key
	count uint64
}

// ErrCorrupt is reported by a lookup whose bucket does not decode. Open's
// full check makes it unreachable for a store not changed since.
var ErrCorrupt = errors.New("pwned: corrupt store")

// encodeBucket appends the encoding of es (sorted, distinct, counts >= base)
// for hashes of w bits after the prefix.
func encodeBucket(dst []byte, es []entry, w uint, base uint64) []byte {
	n := uint64(len(es))
	if n == 0 {
		return dst
	}
	dst = binary.AppendUvarint(dst, n)
	h := min(log2Floor(n), w)
	l := w - h
	hiBytes := (n + 1<<h + 7) / 8
	start := len(dst)
	dst = append(dst, make([]byte, hiBytes)...)
	hi := dst[start:]
	for i, e := range es {
		p := e.k.field(l, h) + uint64(i)
		hi[p/8] |= 0x80 >> (p % 8)
	}
	bw := bitWriter{buf: dst}
	for _, e := range es {
		bw.writeKey(e.k, l)
	}
	dst = bw.flush()
	bw = bitWriter{buf: dst}
	for _, e := range es {
		bw.gamma(e.count - base + 1)
	}
	return bw.flush()
}

// bucket is a decoded bucket header with views of its three parts.
type bucket struct {
	n          uint64
	h, l       uint
	hi, lo     []byte
	cnt        []byte
	base       uint64
	hiBitCount uint64
}

// parseBucket checks the sizes of an encoded bucket and splits it.
func parseBucket(b []byte, w uint, base uint64) (bucket, error) {
	if len(b) == 0 {
		return bucket{}, nil
	}
	n, m := binary.Uvarint(b)
	// Each hash takes more than one byte, which also bounds n before any
	// arithmetic on it can overflow.
	if m <= 0 || n == 0 || n > uint64(len(b)) {
		return bucket{}, ErrCorrupt
	}
	h := min(log2Floor(n), w)
	l := w - h
	hiBits := n + 1<<h
	hiBytes := (hiBits + 7) / 8
	loBytes := (n*uint64(l) + 7) / 8
	rest := uint64(len(b) - m)
	if hiBytes+loBytes+(n+7)/8 > rest {
		return bucket{}, ErrCorrupt
	}
	b = b[m:]
	return bucket{
		n: n, h: h, l: l,
		hi:         b[:hiBytes],
		lo:         b[hiBytes : hiBytes+loBytes],
		cnt:        b[hiBytes+loBytes:],
		base:       base,
		hiBitCount: hiBits,
	}, nil
}

// nextOne returns the position of the first set bit of hi at or after p,
// or false if there is none among the bucket's high bits.
func (bk *bucket) nextOne(p uint64) (uint64, bool) {
	for p < bk.hiBitCount {
		w := readBits(bk.hi, p, 56)
		if w == 0 {
			p += 56
			continue
		}
		p += uint64(bits.LeadingZeros64(w) - 8)
		return p, p < bk.hiBitCount
	}
	return 0, false
}

// iter walks a bucket's hashes in order.
type iter struct {
	bk   *bucket
	gr   gammaReader
	p, i uint64 // next high bit to look at, next hash
}

func (bk *bucket) iter() iter {
	return iter{bk: bk, gr: gammaReader{b: bk.cnt, end: uint64(len(bk.cnt)) * 8}}
}

// next returns the next hash and its count; ok is false at the end.
func (it *iter) next() (k key, count uint64, ok bool, err error) {
	bk := it.bk
	if it.i >= bk.n {
		return key{}, 0, false, nil
	}
	q, found := bk.nextOne(it.p)
	if !found || q < it.i {
		return key{}, 0, false, ErrCorrupt
	}
	k = readLow(bk.lo, it.i*uint64(bk.l), bk.l, q-it.i)
	c, found := it.gr.next()
	if !found || c > ^uint64(0)-bk.base+1 {
		return key{}, 0, false, ErrCorrupt
	}
	it.p, it.i = q+1, it.i+1
	return k, c + bk.base - 1, true, nil
}

// each calls fn for every hash of the bucket in order, until fn returns false.
func (bk *bucket) each(fn func(k key, count uint64) bool) error {
	it := bk.iter()
	for {
		k, c, ok, err := it.next()
		if !ok || err != nil {
			return err
		}
		if !fn(k, c) {
			return nil
		}
	}
}

// lookup returns the count of k, if the bucket holds it.
func (bk *bucket) lookup(k key) (uint64, bool, error) {
	if bk.n == 0 {
		return 0, false, nil
	}
	hv := k.field(bk.l, bk.h)
	want := lowBits(k, bk.l)
	// Find the position after hv zeros: the hashes whose high part is hv
	// are the ones that follow.
	var p, zeros uint64
	for zeros < hv {
		if p >= bk.hiBitCount {
			return 0, false, ErrCorrupt
		}
		w := readBits(bk.hi, p, 56)
		z := uint64(56 - bits.OnesCount64(w))
		if zeros+z < hv {
			zeros += z
			p += 56
			continue
		}
		for zeros < hv {
			if readBits(bk.hi, p, 1) == 0 {
				zeros++
			}
			p++
		}
	}
	for i := p - hv; p < bk.hiBitCount && i < bk.n && readBits(bk.hi, p, 1) == 1; i, p = i+1, p+1 {
		got := readLow(bk.lo, i*uint64(bk.l), bk.l, 0)
		if got == want {
			gr := gammaReader{b: bk.cnt, end: uint64(len(bk.cnt)) * 8}
			if !gr.pass(int(i)) {
				return 0, false, ErrCorrupt
			}
			c, ok := gr.next()
			if !ok || c > ^uint64(0)-bk.base+1 {
				return 0, false, ErrCorrupt
			}
			return c + bk.base - 1, true, nil
		}
		if want.less(got) {
			break
		}
	}
	return 0, false, nil
}

// lowBits keeps the n low bits of k.
func lowBits(k key, n uint) key {
	var m key
	for i := 2; i >= 0; i-- {
		switch {
		case n >= 64:
			m[i] = k[i]
			n -= 64
		case n > 0:
			m[i] = k[i] & (1<<n - 1)
			n = 0
		}
	}
	return m
}

// readKeyInto shifts n bits read at pos into the low end of k.
func readKeyInto(k key, b []byte, pos uint64, n uint) key {
	for n > 0 {
		c := min(n, 56)
		k = k.shiftIn(readBits(b, pos, c), c)
		pos += uint64(c)
		n -= c
	}
	return k
}
