package main

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/passmeter/passmeter/core/hibp"
)

// standinRange is how the HIBP stand-in answers for one password's prefix.
type standinRange struct {
	password string
	count    int           // > 0: listed as breached; 0: listed only as padding
	delay    time.Duration // wait this long before answering
	status   int           // answer this status instead of a range (0: 200)
}

// hibpStandin is a local Pwned Passwords range endpoint: real-format
// bodies (35-digit suffixes, CRLF, padding lines with count 0) for the
// prefixes it was given, random ranges for any other.
type hibpStandin struct {
	*httptest.Server
	mu       sync.Mutex
	requests []string        // paths asked for
	clients  map[string]bool // the connections they came on (remote addresses)
	problems []string        // requests not shaped as the range API expects
	arrived  chan string
}

var rangePath = regexp.MustCompile(`^/range/[0-9A-F]{5}$`)

func newHIBPStandin(t *testing.T, ranges ...standinRange) *hibpStandin {
	t.Helper()
	byPrefix := map[string]standinRange{}
	for _, r := range ranges {
		prefix, _ := hibp.Hash(r.password)
		byPrefix[prefix] = r
	}
	s := &hibpStandin{arrived: make(chan string, 1024), clients: map[string]bool{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		s.mu.Lock()
		s.requests = append(s.requests, req.URL.Path)
		s.clients[req.RemoteAddr] = true
		if req.Method != http.MethodGet || !rangePath.MatchString(req.URL.Path) || req.URL.RawQuery != "" || req.Header.Get("Add-Padding") != "true" {
			s.problems = append(s.problems, fmt.Sprintf("%s %s Add-Padding=%q", req.Method, req.URL, req.Header.Get("Add-Padding")))
		}
		s.mu.Unlock()
		select {
		case s.arrived <- req.URL.Path:
		default:
		}
		prefix := strings.TrimPrefix(req.URL.Path, "/range/")
		r, known := byPrefix[prefix]
		if r.delay > 0 {
			select {
			case <-time.After(r.delay):
			case <-req.Context().Done():
				return
			}
		}
		if r.status != 0 {
			http.Error(w, "stand-in failure", r.status)
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, rangeBody(prefix, known, r))
	}))
	t.Cleanup(s.Close)
	return s
}

// Endpoint is the base URL to give passmeter.
func (s *hibpStandin) Endpoint() string { return s.URL + "/range" }

// connections returns how many connections the requests came on.
func (s *hibpStandin) connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.clients)
}

// paths returns the paths requested so far.
func (s *hibpStandin) paths() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}

func (s *hibpStandin) check(t *testing.T) {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range s.problems {
		t.Errorf("HIBP stand-in got a malformed request: %s", p)
	}
}

// rangeBody builds a range response as the real API sends it with
// padding: a few hundred suffixes with counts, padding lines with count 0,
// sorted, CRLF between lines.
func rangeBody(prefix string, known bool, r standinRange) string {
	rng := rand.New(rand.NewPCG(uint64(len(prefix)), uint64(prefix[0])<<8|uint64(prefix[4])))
	var lines []string
	hex := func() string {
		const digits = "0123456789ABCDEF"
		b := make([]byte, hibp.SuffixLen)
		for i := range b {
			b[i] = digits[rng.IntN(16)]
		}
		return string(b)
	}
	for range 300 {
		lines = append(lines, fmt.Sprintf("%s:%d", hex(), 1+rng.IntN(5000)))
	}
	for range 500 {
		lines = append(lines, hex()+":0")
	}
	if known {
		_, suffix := hibp.Hash(r.password)
		lines = append(lines, fmt.Sprintf("%s:%d", suffix, r.count))
	}
	slices.Sort(lines)
	return strings.Join(lines, "\r\n")
}
