package pwned

import "fmt"

// Kind is the hash function of a corpus.
type Kind uint32

// The corpora HIBP publishes.
const (
	KindAuto Kind = 0 // import only: decided by the first line's length
	SHA1     Kind = 1 // SHA-1 of the UTF-8 password, 40 hex digits
	NTLM     Kind = 2 // MD4 of the UTF-16LE password, 32 hex digits
)

func (k Kind) String() string {
	switch k {
	case SHA1:
		return "SHA-1"
	case NTLM:
		return "NTLM"
	case KindAuto:
		return "auto"
	}
	return fmt.Sprintf("Kind(%d)", uint32(k))
}

// hexLen is the number of hex digits of a whole hash; 0 for an unknown kind.
func (k Kind) hexLen() int {
	switch k {
	case SHA1:
		return 40
	case NTLM:
		return 32
	}
	return 0
}

// suffixHex is the number of hex digits after the 5-digit prefix.
func (k Kind) suffixHex() int { return k.hexLen() - PrefixHex }

// suffixBits is W, the bits of a hash after its prefix.
func (k Kind) suffixBits() uint { return uint(k.suffixHex()) * 4 }

// PrefixHex is the length of a range prefix in hex digits; PrefixBits and
// Buckets follow from it.
const (
	PrefixHex  = 5
	PrefixBits = 4 * PrefixHex
	Buckets    = 1 << PrefixBits
)
