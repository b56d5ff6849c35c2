package hibp

import (
	"crypto/sha1"
	"encoding/hex"
	"strings"
)

// Lengths of the two halves of an uppercase hexadecimal SHA-1 as used by the
// range API.
const (
	PrefixLen = 5  // characters sent to the server
	SuffixLen = 35 // characters kept and looked up in the response
)

// Hash returns the SHA-1 of the UTF-8 bytes of password as uppercase
// hexadecimal, split into the 5-character prefix sent to the range API and
// the 35-character suffix looked up in its response.
func Hash(password string) (prefix, suffix string) {
	sum := sha1.Sum([]byte(password))
	h := strings.ToUpper(hex.EncodeToString(sum[:]))
	return h[:PrefixLen], h[PrefixLen:]
}
