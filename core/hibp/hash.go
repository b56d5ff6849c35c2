package hibp

import (
	"crypto/sha1"
	"encoding/hex"
	"strings"

	"github.com/passmeter/passmeter/core/internal/wtf8"
)

// Lengths of the two halves of an uppercase hexadecimal SHA-1 as used by the
// range API.
const (
	PrefixLen = 5  // characters sent to the server
	SuffixLen = 35 // characters kept and looked up in the response
)

// Hash returns the SHA-1 of the UTF-8 bytes of password as uppercase
// hexadecimal, split into the 5-character prefix sent to the range API and
// the 35-character suffix looked up in its response. A lone surrogate
// (WTF-8, as a JSON \udXXX escape gives it) is hashed as U+FFFD, the bytes
// the page's TextEncoder makes of it, so page and server ask the same.
func Hash(password string) (prefix, suffix string) {
	sum := sha1.Sum([]byte(wtf8.ToUTF8(password)))
	h := strings.ToUpper(hex.EncodeToString(sum[:]))
	return h[:PrefixLen], h[PrefixLen:]
}
