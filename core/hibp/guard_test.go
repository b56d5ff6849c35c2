package hibp

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Checks of passwords sharing a prefix, made while that prefix's request
// is in flight, share it: 500 concurrent checks of 50 passwords against a
// slow endpoint make one request per prefix, cache off.
func TestClientSharesRequestsInFlight(t *testing.T) {
	s := newStub(t, nil)
	var mu sync.Mutex
	perPrefix := map[string]int{}
	s.handle = func(w http.ResponseWriter, r *http.Request) bool {
		mu.Lock()
		perPrefix[r.URL.Path]++
		mu.Unlock()
		time.Sleep(300 * time.Millisecond)
		return false
	}
	c := &Client{Endpoint: s.srv.URL, CacheSize: -1, MaxConns: -1, Timeout: 5 * time.Second}
	prefixes := map[string]bool{}
	var wg sync.WaitGroup
	var failed atomic.Int64
	for i := range 500 {
		pw := "shared-" + strconv.Itoa(i%50)
		p, _ := Hash(pw)
		prefixes[p] = true
		wg.Go(func() {
			if _, err := c.Check(context.Background(), pw); err != nil {
				failed.Add(1)
			}
		})
	}
	wg.Wait()
	if failed.Load() > 0 {
		t.Errorf("%d checks failed", failed.Load())
	}
	if got := s.requests.Load(); got > int64(len(prefixes)) {
		t.Errorf("%d requests for %d prefixes", got, len(prefixes))
	}
	for p, n := range perPrefix {
		if n > 1 {
			t.Errorf("%s requested %d times", p, n)
		}
	}
}

// A caller who gives up does not fail the others waiting on its request.
func TestClientSharedRequestOutlivesItsCaller(t *testing.T) {
	s := newStub(t, map[string]int{"outlive": 3})
	release := make(chan struct{})
	s.handle = func(w http.ResponseWriter, r *http.Request) bool {
		<-release
		return false
	}
	c := &Client{Endpoint: s.srv.URL, Timeout: 5 * time.Second}
	ctx, cancel := context.WithCancel(context.Background())
	first := make(chan error, 1)
	go func() { _, err := c.Check(ctx, "outlive"); first <- err }()
	for s.requests.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	second := make(chan Result, 1)
	go func() { r, _ := c.Check(context.Background(), "outlive"); second <- r }()
	time.Sleep(20 * time.Millisecond)
	cancel()
	if err := <-first; !errors.Is(err, context.Canceled) {
		t.Errorf("the caller who gave up: %v", err)
	}
	close(release)
	if r := <-second; !r.Found || r.Count != 3 {
		t.Errorf("the caller who waited: %+v", r)
	}
	if n := s.requests.Load(); n != 1 {
		t.Errorf("%d requests", n)
	}
}

// MaxConns bounds the requests at once.
func TestClientMaxConns(t *testing.T) {
	s := newStub(t, nil)
	var now, peak atomic.Int64
	s.handle = func(w http.ResponseWriter, r *http.Request) bool {
		n := now.Add(1)
		for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
		}
		time.Sleep(30 * time.Millisecond)
		now.Add(-1)
		return false
	}
	c := &Client{Endpoint: s.srv.URL, MaxConns: 3, CacheSize: -1, Timeout: 5 * time.Second}
	var wg sync.WaitGroup
	for i := range 24 {
		wg.Go(func() {
			if _, err := c.Check(context.Background(), "conns-"+strconv.Itoa(i)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if p := peak.Load(); p > 3 || p == 0 {
		t.Errorf("%d requests at once, want at most 3", p)
	}
}

// While the endpoint fails, the breaker opens after BreakerFailures in a
// row and answers ErrUnavailable at once; after the cool-down one probe
// goes out, and its success closes the breaker.
func TestClientCircuitBreaker(t *testing.T) {
	s := newStub(t, nil)
	var failing atomic.Bool
	failing.Store(true)
	s.handle = func(w http.ResponseWriter, r *http.Request) bool {
		if failing.Load() {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return true
		}
		return false
	}
	c := &Client{Endpoint: s.srv.URL, CacheSize: -1, BreakerFailures: 3, BreakerCooldown: 200 * time.Millisecond}
	for i := range 3 {
		if _, err := c.Check(context.Background(), "breaker-"+strconv.Itoa(i)); !errors.Is(err, ErrStatus) {
			t.Fatalf("failure %d: %v", i, err)
		}
	}
	before := s.requests.Load()
	start := time.Now()
	for i := range 50 {
		if _, err := c.Check(context.Background(), "open-"+strconv.Itoa(i)); !errors.Is(err, ErrUnavailable) {
			t.Fatalf("with the breaker open: %v", err)
		}
	}
	if took := time.Since(start); took > 100*time.Millisecond {
		t.Errorf("50 checks with the breaker open took %v", took)
	}
	if n := s.requests.Load() - before; n != 0 {
		t.Errorf("%d requests with the breaker open", n)
	}
	time.Sleep(250 * time.Millisecond)
	// The probe fails: open again, without a second request.
	if _, err := c.Check(context.Background(), "probe-1"); !errors.Is(err, ErrStatus) {
		t.Errorf("the failing probe: %v", err)
	}
	if _, err := c.Check(context.Background(), "probe-1b"); !errors.Is(err, ErrUnavailable) {
		t.Errorf("after a failed probe: %v", err)
	}
	time.Sleep(250 * time.Millisecond)
	failing.Store(false)
	if _, err := c.Check(context.Background(), "probe-2"); err != nil {
		t.Errorf("the probe that succeeds: %v", err)
	}
	if _, err := c.Check(context.Background(), "closed-again"); err != nil {
		t.Errorf("closed again: %v", err)
	}
}

// A redirect is not followed: the prefix goes to no other host.
func TestClientNoRedirect(t *testing.T) {
	var elsewhere atomic.Int64
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { elsewhere.Add(1) }))
	defer other.Close()
	s := newStub(t, nil)
	s.handle = func(w http.ResponseWriter, r *http.Request) bool {
		http.Redirect(w, r, other.URL+r.URL.Path, http.StatusFound)
		return true
	}
	for _, hc := range []*http.Client{nil, {}} {
		c := &Client{Endpoint: s.srv.URL, HTTPClient: hc}
		_, err := c.Check(context.Background(), "redirected")
		var se *StatusError
		if !errors.As(err, &se) || se.StatusCode != http.StatusFound {
			t.Errorf("redirect: %v, want a StatusError 302", err)
		}
	}
	if n := elsewhere.Load(); n != 0 {
		t.Errorf("the redirect was followed %d times", n)
	}
}

// No error's text holds the prefix or the URL.
func TestClientErrorsHoldNoPrefix(t *testing.T) {
	const pw = "errors-hold-no-prefix"
	prefix, _ := Hash(pw)
	slow := newStub(t, nil)
	slow.handle = func(w http.ResponseWriter, r *http.Request) bool { time.Sleep(300 * time.Millisecond); return true }
	bad := newStub(t, nil)
	bad.handle = func(w http.ResponseWriter, r *http.Request) bool { w.Write([]byte("not a range\r\n")); return true }
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	for _, c := range []*Client{
		{Endpoint: closed.URL, BreakerFailures: -1},
		{Endpoint: slow.srv.URL, Timeout: 50 * time.Millisecond, BreakerFailures: -1},
		{Endpoint: bad.srv.URL},
		{Endpoint: "http://[::1]:namedport"},
	} {
		_, err := c.Check(context.Background(), pw)
		if err == nil {
			t.Errorf("%s: no error", c.Endpoint)
			continue
		}
		if msg := err.Error(); strings.Contains(strings.ToUpper(msg), prefix) || strings.Contains(msg, "/"+prefix) {
			t.Errorf("error holds the prefix: %q", msg)
		}
	}
	if _, _, err := (&Client{}).Range(context.Background(), "ZZZZZ"); err == nil || strings.Contains(err.Error(), "ZZZZZ") {
		t.Errorf("Range error: %v", err)
	}
}
