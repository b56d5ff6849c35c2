package pwned

import (
	"encoding/binary"
	"slices"
	"testing"
)

// FuzzBucket encodes the hashes drawn from the input and decodes them back,
// for both widths; and decodes the input itself as a bucket, which must
// give an answer or ErrCorrupt, never a panic (a Quick open reads buckets
// unchecked).
func FuzzBucket(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25}, uint8(0))
	f.Add([]byte{}, uint8(1))
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, base uint8) {
		for _, w := range []uint{SHA1.suffixBits(), NTLM.suffixBits()} {
			b := uint64(base%4) + 1
			var es []entry
			for d := data; len(d) >= 25; d = d[25:] {
				k := lowBits(key{binary.LittleEndian.Uint64(d), binary.LittleEndian.Uint64(d[8:]), binary.LittleEndian.Uint64(d[16:])}, w)
				// Counts from the base to the largest, small ones most often.
				c := b + uint64(d[24]&0x7)
				if d[24]&0x80 != 0 {
					c = ^uint64(0) >> (d[24] & 0x3f)
					c = max(c, b)
				}
				es = append(es, entry{k, c})
			}
			slices.SortFunc(es, cmpEntry)
			es = slices.CompactFunc(es, func(x, y entry) bool { return x.k == y.k })
			enc := encodeBucket(nil, es, w, b)
			if err := checkBucket(enc, es, w, b); err != nil {
				t.Fatalf("w=%d: %v", w, err)
			}
			bk, err := parseBucket(enc, w, b)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range es {
				if c, found, err := bk.lookup(e.k); !found || err != nil || c != e.count {
					t.Fatalf("lookup: %d %v %v, want %d", c, found, err, e.count)
				}
				other := lowBits(key{e.k[0], e.k[1], e.k[2] ^ 1}, w)
				_, there := slices.BinarySearchFunc(es, entry{k: other}, cmpEntry)
				if _, found, _ := bk.lookup(other); found != there {
					t.Fatalf("lookup of a neighbour: found %v, there %v", found, there)
				}
			}

			// The raw input as a bucket.
			if bk, err := parseBucket(data, w, b); err == nil {
				bk.each(func(key, uint64) bool { return true })
				bk.lookup(key{1, 2, 3})
				for _, e := range es {
					bk.lookup(e.k)
				}
			}
		}
	})
}

// TestReadLow compares the word-wise reader with the bit-wise one at every
// width and offset.
func TestReadLow(t *testing.T) {
	b := make([]byte, 64)
	for i := range b {
		b[i] = byte(i*37 + 11)
	}
	for n := uint(1); n <= 140; n++ {
		for pos := uint64(0); pos < 16*8 && pos+uint64(n) <= 64*8+8; pos++ {
			for _, hv := range []uint64{0, 1, 5} {
				if n+3 > 140 && hv != 0 {
					continue
				}
				if got, want := readLow(b, pos, n, hv), readKeyInto(key{0, 0, hv}, b, pos, n); got != want {
					t.Fatalf("readLow(pos %d, n %d, hv %d) = %x, want %x", pos, n, hv, got, want)
				}
			}
		}
	}
	// At the end of the slice, past which bits read as zeros.
	for pos := uint64(64*8 - 140); pos < 64*8; pos++ {
		if got, want := readLow(b, pos, 140, 0), readKeyInto(key{}, b, pos, 140); got != want {
			t.Fatalf("at the end, pos %d: %x, want %x", pos, got, want)
		}
	}
}

// TestGammaPass compares passing over codes with reading them one by one.
func TestGammaPass(t *testing.T) {
	var bw bitWriter
	var vals []uint64
	for i := range 3000 {
		v := uint64(1 + i%5)
		switch i % 97 {
		case 0:
			v = ^uint64(0) >> (i % 64)
		case 1:
			v = 1 << 27
		}
		vals = append(vals, v)
		bw.gamma(v)
	}
	b := bw.flush()
	for k := 0; k < len(vals); k += 1 + k/7 {
		r := gammaReader{b: b, end: uint64(len(b)) * 8}
		if !r.pass(k) {
			t.Fatalf("pass(%d) failed", k)
		}
		if v, ok := r.next(); !ok || v != vals[k] {
			t.Fatalf("after pass(%d): %d, %v; want %d", k, v, ok, vals[k])
		}
	}
	r := gammaReader{b: b, end: uint64(len(b)) * 8}
	if r.pass(len(vals) + 1) {
		t.Error("passed over more codes than there are")
	}
}
