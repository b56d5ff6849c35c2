package hibp

import (
	"crypto/sha1"
	"encoding/hex"
	"strings"
	"testing"
)

func TestHash(t *testing.T) {
	// Full digests checked with sha1sum.
	tests := []struct {
		password string
		full     string
	}{
		{"password", "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8"},
		{"", "DA39A3EE5E6B4B0D3255BFEF95601890AFD80709"},
		{"abc", "A9993E364706816ABA3E25717850C26C9CD0D89D"},
		{"P@ssw0rd", "21BD12DC183F740EE76F27B78EB39C8AD972A757"},
		{"pässwörd", "F517DDF1D32A112FF1AD55C66D1B12CB38E7E8F7"}, // UTF-8 bytes
		{"😀", "9C533688A979A858CBD6A43C9F91ABA624651F18"},
		// "a\ud800": Node's TextEncoder writes the lone surrogate as U+FFFD.
		{"a\xed\xa0\x80", "FF570A76DA46E07DE99C8CCCAB5D872AC960F33D"},
	}
	for _, tt := range tests {
		prefix, suffix := Hash(tt.password)
		if prefix != tt.full[:5] || suffix != tt.full[5:] {
			t.Errorf("Hash(%q) = %q, %q; want %q, %q", tt.password, prefix, suffix, tt.full[:5], tt.full[5:])
		}
	}
}

func TestHashShape(t *testing.T) {
	for _, pw := range []string{"", "a", "correct horse battery staple", strings.Repeat("x", 10000), "\x00\xff"} {
		prefix, suffix := Hash(pw)
		if len(prefix) != PrefixLen || len(suffix) != SuffixLen {
			t.Fatalf("Hash(%q): lengths %d, %d", pw, len(prefix), len(suffix))
		}
		if strings.ToUpper(prefix+suffix) != prefix+suffix {
			t.Errorf("Hash(%q) not uppercase: %s%s", pw, prefix, suffix)
		}
		sum := sha1.Sum([]byte(pw))
		if got := strings.ToLower(prefix + suffix); got != hex.EncodeToString(sum[:]) {
			t.Errorf("Hash(%q) = %s, want %x", pw, got, sum)
		}
	}
}
