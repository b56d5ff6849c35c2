package main

import (
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/passmeter/passmeter/core"
	"github.com/passmeter/passmeter/core/pwned"
)

// rangePrefix is the path of HIBP's range API, as the shim calls it:
// {endpoint}/{prefix} with the endpoint ending in /range.
const rangePrefix = "/range/"

func rangeRoute(path string) bool { return strings.HasPrefix(path, rangePrefix) }

// rangeMaxAge is how long a range answer may be cached. The corpus
// changes only when it is imported again.
const rangeMaxAge = "public, max-age=86400"

var rangeBufs = sync.Pool{New: func() any { b := make([]byte, 0, 64<<10); return &b }}

// serveRange answers GET /range/{prefix} from the store as HIBP does: the
// prefix in either case, the body's suffixes upper-case with their counts,
// CRLF between lines, padding lines of count 0 with "Add-Padding: true",
// and CORS so that a page on another origin can ask.
func (h *handler) serveRange(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("Access-Control-Allow-Origin", "*")
	switch r.Method {
	case http.MethodGet, http.MethodHead:
	case http.MethodOptions:
		hd.Set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
		hd.Set("Access-Control-Allow-Headers", "Add-Padding")
		hd.Set("Access-Control-Max-Age", "86400")
		hd.Set("Cache-Control", rangeMaxAge)
		w.WriteHeader(http.StatusNoContent)
		return
	default:
		// Not methodNotAllowed, which quotes the path.
		hd.Set("Allow", "GET, HEAD, OPTIONS")
		writeError(w, core.MethodNotAllowedError(rangePrefix+"{prefix} allows GET, HEAD and OPTIONS"))
		return
	}
	prefix, ok := parseRangePrefix(strings.TrimPrefix(r.URL.Path, rangePrefix))
	if !ok {
		// The message never repeats the prefix: it is derived from a password.
		writeError(w, core.RequestFault("hash_prefix", "must be 5 hexadecimal characters"))
		return
	}
	want := pwned.SHA1
	switch mode := r.URL.Query().Get("mode"); strings.ToLower(mode) {
	case "", "sha1":
	case "ntlm":
		want = pwned.NTLM
	default:
		writeError(w, core.RequestFault("mode", "must be sha1 or ntlm"))
		return
	}
	if want != h.ranges.Kind() {
		writeError(w, core.RequestFault("mode", "this server's corpus holds "+h.ranges.Kind().String()+" hashes"))
		return
	}
	padTo := 0
	if strings.EqualFold(strings.TrimSpace(r.Header.Get("Add-Padding")), "true") {
		n, err := h.ranges.Entries(prefix)
		if err != nil {
			h.rangeFailed(w, err)
			return
		}
		padTo = pwned.PaddedSize(n, pwned.DefaultRand)
	}
	bp := rangeBufs.Get().(*[]byte)
	defer rangeBufs.Put(bp)
	body, err := h.ranges.AppendRange((*bp)[:0], prefix, padTo, pwned.DefaultRand)
	*bp = body[:0]
	if err != nil {
		h.rangeFailed(w, err)
		return
	}
	hd.Set("Content-Type", "text/plain")
	hd.Set("Content-Length", strconv.Itoa(len(body)))
	hd.Set("Cache-Control", rangeMaxAge)
	hd.Set("Vary", "Add-Padding")
	hd.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodGet {
		w.Write(body)
	}
}

func (h *handler) rangeFailed(w http.ResponseWriter, err error) {
	h.log.Printf("range unavailable: %v", hibpFailure(err))
	writeError(w, internalError())
}

// parseRangePrefix reads a 5-digit hexadecimal prefix in either case.
func parseRangePrefix(s string) (uint32, bool) {
	if len(s) != pwned.PrefixHex {
		return 0, false
	}
	v, err := strconv.ParseUint(s, 16, 32)
	return uint32(v), err == nil
}
