package pwned

import (
	"encoding/binary"
	"math/bits"
)

// bitWriter appends bits most significant first to a byte slice.
type bitWriter struct {
	buf []byte
	acc uint64 // the last nb bits written, not yet in buf
	nb  uint   // < 8 between calls
}

// write appends the n low bits of v (n <= 64).
func (w *bitWriter) write(v uint64, n uint) {
	if n > 32 {
		w.write(v>>32, n-32)
		v, n = v&0xffffffff, 32
	}
	if n == 0 {
		return
	}
	w.acc = w.acc<<n | v&(1<<n-1)
	w.nb += n
	for w.nb >= 8 {
		w.nb -= 8
		w.buf = append(w.buf, byte(w.acc>>w.nb))
	}
	w.acc &= 1<<w.nb - 1
}

// writeKey appends the n low bits of k, most significant first.
func (w *bitWriter) writeKey(k key, n uint) {
	for n > 0 {
		c := min(n, 56)
		n -= c
		w.write(k.field(n, c), c)
	}
}

// gamma appends the Elias-gamma code of v >= 1: floor(log2 v) zeros, then v.
func (w *bitWriter) gamma(v uint64) {
	z := log2Floor(v)
	w.write(0, z)
	w.write(v, z+1)
}

// flush pads the last byte with zeros and returns the bytes.
func (w *bitWriter) flush() []byte {
	if w.nb > 0 {
		w.buf = append(w.buf, byte(w.acc<<(8-w.nb)))
		w.acc, w.nb = 0, 0
	}
	return w.buf
}

// readBits returns the n bits (n <= 57) of b starting at bit pos, most
// significant first; bits past the end of b read as zeros.
func readBits(b []byte, pos uint64, n uint) uint64 {
	if n == 0 {
		return 0
	}
	i := pos >> 3
	var w uint64
	if i+8 <= uint64(len(b)) {
		w = binary.BigEndian.Uint64(b[i:])
	} else {
		var t [8]byte
		if i < uint64(len(b)) {
			copy(t[:], b[i:])
		}
		w = binary.BigEndian.Uint64(t[:])
	}
	return (w << (pos & 7)) >> (64 - n)
}

// read64 returns the 64 bits of b at bit pos; bits past the end read as
// zeros.
func read64(b []byte, pos uint64) uint64 {
	i, sh := pos>>3, pos&7
	if i+9 <= uint64(len(b)) {
		w := binary.BigEndian.Uint64(b[i:])
		if sh == 0 {
			return w
		}
		return w<<sh | uint64(b[i+8])>>(8-sh)
	}
	return readBits(b, pos, 32)<<32 | readBits(b, pos+32, 32)
}

// readLow returns hv<<n | (the n bits of b at pos) as a key: one hash of
// a bucket from its high part and its low bits. It reads whole words where
// it can, as a range body decodes thousands of them.
func readLow(b []byte, pos uint64, n uint, hv uint64) key {
	switch {
	case n >= 128 && n-128 <= 56:
		top := n - 128
		return key{hv<<top | readBits(b, pos, top), read64(b, pos+uint64(top)), read64(b, pos+uint64(top)+64)}
	case n >= 64 && n-64 <= 56 && hv>>(128-n) == 0:
		top := n - 64
		return key{0, hv<<top | readBits(b, pos, top), read64(b, pos+uint64(top))}
	}
	return readKeyInto(key{0, 0, hv}, b, pos, n)
}

// readKey reads n bits at pos as the low bits of a key.
func readKey(b []byte, pos uint64, n uint) key { return readKeyInto(key{}, b, pos, n) }

// gammaReader reads Elias-gamma codes from a bit string of known length.
type gammaReader struct {
	b   []byte
	pos uint64
	end uint64 // in bits
}

// next returns the next code's value, or ok false if the bits run out or
// the code does not fit in 64 bits (a corrupt store).
func (r *gammaReader) next() (v uint64, ok bool) {
	var z uint
	for {
		if r.pos >= r.end {
			return 0, false
		}
		w := readBits(r.b, r.pos, 56)
		if w != 0 {
			lz := uint(bits.LeadingZeros64(w)) - 8
			z += lz
			r.pos += uint64(lz)
			break
		}
		z += 56
		r.pos += 56
		if z > 63 {
			return 0, false
		}
	}
	if z > 63 || r.pos+uint64(z)+1 > r.end {
		return 0, false
	}
	n := z + 1
	if n > 56 {
		v = readBits(r.b, r.pos, n-56) << 56
		r.pos += uint64(n - 56)
		n = 56
	}
	v |= readBits(r.b, r.pos, n)
	r.pos += uint64(n)
	return v, true
}

// pass reads over k codes without decoding them, as many at a time as one 56-bit window
// holds: a lookup skips the counts of every hash before its own.
func (r *gammaReader) pass(k int) bool {
	for k > 0 {
		if r.pos+56 <= r.end {
			w := readBits(r.b, r.pos, 56) << 8 // the window, left-aligned
			var used uint64
			for k > 0 && w != 0 {
				n := 2*uint64(bits.LeadingZeros64(w)) + 1 // zeros, then as many bits again and one
				if used+n > 56 {
					break
				}
				w <<= n
				used += n
				k--
			}
			if used > 0 {
				r.pos += used
				continue
			}
		}
		if _, ok := r.next(); !ok {
			return false
		}
		k--
	}
	return true
}
