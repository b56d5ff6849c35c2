package pwned

import "math/bits"

// key holds the bits of a hash after its prefix, right-aligned in 192 bits:
// k[0] is the most significant word.
type key [3]uint64

func (a key) less(b key) bool {
	if a[0] != b[0] {
		return a[0] < b[0]
	}
	if a[1] != b[1] {
		return a[1] < b[1]
	}
	return a[2] < b[2]
}

// field returns the n bits (n <= 64) of k starting at bit from, counted
// from the least significant bit.
func (k key) field(from, n uint) uint64 {
	if n == 0 {
		return 0
	}
	wi := from / 64 // word counted from the least significant
	sh := from % 64
	w := func(i uint) uint64 {
		if i > 2 {
			return 0
		}
		return k[2-i]
	}
	v := w(wi) >> sh
	if sh != 0 {
		v |= w(wi+1) << (64 - sh)
	}
	if n < 64 {
		v &= 1<<n - 1
	}
	return v
}

// shiftIn returns k<<n | v, for n <= 64 and v < 2^n.
func (k key) shiftIn(v uint64, n uint) key {
	if n == 0 {
		return k
	}
	if n == 64 {
		return key{k[1], k[2], v}
	}
	return key{k[0]<<n | k[1]>>(64-n), k[1]<<n | k[2]>>(64-n), k[2]<<n | v}
}

var hexVal = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	for i := byte(0); i < 10; i++ {
		t['0'+i] = i
	}
	for i := byte(0); i < 6; i++ {
		t['A'+i] = 10 + i
		t['a'+i] = 10 + i
	}
	return t
}()

// parseHex reads up to 16 hex digits; ok is false on a non-hex byte.
func parseHex(b []byte) (v uint64, ok bool) {
	var bad byte
	for _, c := range b {
		d := hexVal[c]
		bad |= d
		v = v<<4 | uint64(d&0xf)
	}
	return v, bad&0xf0 == 0
}

// parsePrefix reads a 5-digit hex prefix.
func parsePrefix(b []byte) (uint32, bool) {
	if len(b) != PrefixHex {
		return 0, false
	}
	v, ok := parseHex(b)
	return uint32(v), ok
}

// parseSuffix reads the hex digits after the prefix (any count up to 48).
func parseSuffix(b []byte) (key, bool) {
	var k key
	ok := true
	for i := 2; i >= 0 && len(b) > 0; i-- {
		n := min(len(b), 16)
		v, good := parseHex(b[len(b)-n:])
		k[i], ok = v, ok && good
		b = b[:len(b)-n]
	}
	return k, ok && len(b) == 0
}

const upperHex = "0123456789ABCDEF"

// hexPairs holds the two upper-case hex digits of every byte.
var hexPairs = func() (t [512]byte) {
	for i := range 256 {
		t[2*i], t[2*i+1] = upperHex[i>>4], upperHex[i&0xf]
	}
	return t
}()

// appendHex appends the n low hex digits of v, upper-case.
func appendHex(dst []byte, v uint64, n int) []byte {
	if n&1 == 1 {
		n--
		dst = append(dst, upperHex[(v>>(4*uint(n)))&0xf])
	}
	for n > 0 {
		n -= 2
		b := byte(v >> (4 * uint(n)))
		dst = append(dst, hexPairs[2*int(b)], hexPairs[2*int(b)+1])
	}
	return dst
}

// appendSuffix appends the digits hexDigits of k, upper-case.
func appendSuffix(dst []byte, k key, hexDigits int) []byte {
	for i := 0; i < 3; i++ {
		n := hexDigits - 16*(2-i)
		if n <= 0 {
			continue
		}
		dst = appendHex(dst, k[i], min(n, 16))
	}
	return dst
}

// log2Floor is floor(log2 n) for n >= 1.
func log2Floor(n uint64) uint { return uint(bits.Len64(n)) - 1 }

// splitHash splits a whole hash into its 20-bit prefix and the rest.
func splitHash(hash []byte) (prefix uint32, k key) {
	prefix = uint32(hash[0])<<12 | uint32(hash[1])<<4 | uint32(hash[2])>>4
	k = k.shiftIn(uint64(hash[2]&0xf), 4)
	for _, c := range hash[3:] {
		k = k.shiftIn(uint64(c), 8)
	}
	return prefix, k
}
