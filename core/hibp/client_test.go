package hibp

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// stub is a local stand-in for the range API. It answers every prefix with
// padding plus the suffixes of the passwords it knows, and checks that each
// request carries nothing but the prefix.
type stub struct {
	t        *testing.T
	srv      *httptest.Server
	requests atomic.Int64
	known    map[string]int                                    // password -> count
	handle   func(w http.ResponseWriter, r *http.Request) bool // optional; true if handled
}

var prefixPath = regexp.MustCompile(`^/[0-9A-F]{5}$`)

func newStub(t *testing.T, known map[string]int) *stub {
	t.Helper()
	s := &stub{t: t, known: known}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.srv = httptest.NewUnstartedServer(http.HandlerFunc(s.serve))
	s.srv.Listener.Close()
	s.srv.Listener = ln
	s.srv.Start()
	t.Cleanup(s.srv.Close)
	return s
}

func (s *stub) serve(w http.ResponseWriter, r *http.Request) {
	s.requests.Add(1)
	if r.Method != http.MethodGet || !prefixPath.MatchString(r.URL.Path) || r.URL.RawQuery != "" || r.ContentLength > 0 {
		s.t.Errorf("request %s %q query %q length %d; want GET /XXXXX only", r.Method, r.URL.Path, r.URL.RawQuery, r.ContentLength)
	}
	if got := r.Header.Get("Add-Padding"); got != "true" {
		s.t.Errorf("Add-Padding header %q, want true", got)
	}
	if s.handle != nil && s.handle(w, r) {
		return
	}
	prefix := r.URL.Path[1:]
	var b strings.Builder
	for i := 0; i < 3; i++ { // padding
		fmt.Fprintf(&b, "%s%030X:0\r\n", prefix, i)
	}
	for pw, n := range s.known {
		if p, sfx := Hash(pw); p == prefix {
			fmt.Fprintf(&b, "%s:%d\r\n", sfx, n)
		}
	}
	w.Write([]byte(b.String()))
}

func TestClientCheck(t *testing.T) {
	s := newStub(t, map[string]int{"password": 10434004, "hunter2": 31})
	c := &Client{Endpoint: s.srv.URL}
	ctx := context.Background()

	tests := []struct {
		password string
		want     Result
		requests int64
	}{
		{"password", Result{Found: true, Count: 10434004}, 1},
		{"password", Result{Found: true, Count: 10434004, Cached: true}, 1}, // cache hit: no request
		{"hunter2", Result{Found: true, Count: 31}, 2},
		{"correct horse battery staple", Result{}, 3},
		{"correct horse battery staple", Result{Cached: true}, 3},
	}
	for _, tt := range tests {
		got, err := c.Check(ctx, tt.password)
		if err != nil {
			t.Fatalf("Check(%q): %v", tt.password, err)
		}
		if got != tt.want {
			t.Errorf("Check(%q) = %+v, want %+v", tt.password, got, tt.want)
		}
		if n := s.requests.Load(); n != tt.requests {
			t.Errorf("after Check(%q): %d requests, want %d", tt.password, n, tt.requests)
		}
	}
}

func TestClientRequestShape(t *testing.T) {
	var got *http.Request
	s := newStub(t, nil)
	s.handle = func(w http.ResponseWriter, r *http.Request) bool { got = r.Clone(context.Background()); return false }
	// A trailing slash on the endpoint does not change the path.
	c := &Client{Endpoint: s.srv.URL + "/", UserAgent: "test-agent"}
	if _, err := c.Check(context.Background(), "password"); err != nil {
		t.Fatal(err)
	}
	if got.URL.Path != "/5BAA6" {
		t.Errorf("path %q, want /5BAA6", got.URL.Path)
	}
	if ua := got.Header.Get("User-Agent"); ua != "test-agent" {
		t.Errorf("User-Agent %q", ua)
	}
	// Nothing of the password or the rest of its hash is in the request.
	_, sfx := Hash("password")
	dump := fmt.Sprint(got.URL, got.Header)
	if strings.Contains(dump, "password") || strings.Contains(strings.ToUpper(dump), sfx[:8]) {
		t.Errorf("request leaks more than the prefix: %s", dump)
	}
}

func TestClientStatusError(t *testing.T) {
	var fail atomic.Bool
	fail.Store(true)
	s := newStub(t, map[string]int{"password": 3})
	s.handle = func(w http.ResponseWriter, r *http.Request) bool {
		if fail.Load() {
			http.Error(w, "boom", http.StatusInternalServerError)
			return true
		}
		return false
	}
	c := &Client{Endpoint: s.srv.URL}
	_, err := c.Check(context.Background(), "password")
	var se *StatusError
	if !errors.Is(err, ErrStatus) || !errors.As(err, &se) || se.StatusCode != 500 {
		t.Fatalf("error %v, want StatusError 500", err)
	}
	// Failures are not cached: the next call asks again and succeeds.
	fail.Store(false)
	res, err := c.Check(context.Background(), "password")
	if err != nil || res != (Result{Found: true, Count: 3}) {
		t.Fatalf("after recovery: %+v, %v", res, err)
	}
	if n := s.requests.Load(); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}

func TestClientMalformedBody(t *testing.T) {
	s := newStub(t, nil)
	s.handle = func(w http.ResponseWriter, r *http.Request) bool {
		w.Write([]byte(sfxA + ":1\r\n<html>\r\n"))
		return true
	}
	c := &Client{Endpoint: s.srv.URL}
	for i := 0; i < 2; i++ {
		_, err := c.Check(context.Background(), "password")
		var le *LineError
		if !errors.Is(err, ErrMalformed) || !errors.As(err, &le) || le.Line != 2 {
			t.Fatalf("error %v, want malformed line 2", err)
		}
	}
	if n := s.requests.Load(); n != 2 {
		t.Errorf("%d requests, want 2 (errors are not cached)", n)
	}
}

func TestClientTimeout(t *testing.T) {
	s := newStub(t, nil)
	s.handle = func(w http.ResponseWriter, r *http.Request) bool {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
		return true
	}
	c := &Client{Endpoint: s.srv.URL, Timeout: 50 * time.Millisecond}
	start := time.Now()
	_, err := c.Check(context.Background(), "password")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("error %v, want deadline exceeded", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("time-out took %v", d)
	}
}

// A body that starts quickly but stalls is also cut off by the time-out.
func TestClientTimeoutDuringBody(t *testing.T) {
	s := newStub(t, nil)
	s.handle = func(w http.ResponseWriter, r *http.Request) bool {
		w.Write([]byte(sfxA + ":1\r\n"))
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
		return true
	}
	c := &Client{Endpoint: s.srv.URL, Timeout: 50 * time.Millisecond}
	if _, err := c.Check(context.Background(), "password"); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("error %v, want deadline exceeded", err)
	}
}

func TestClientDefaultTimeout(t *testing.T) {
	if DefaultTimeout != 3*time.Second {
		t.Errorf("DefaultTimeout = %v", DefaultTimeout)
	}
	if DefaultEndpoint != "https://api.pwnedpasswords.com/range" {
		t.Errorf("DefaultEndpoint = %q", DefaultEndpoint)
	}
}

func TestClientCancel(t *testing.T) {
	started := make(chan struct{})
	s := newStub(t, nil)
	s.handle = func(w http.ResponseWriter, r *http.Request) bool {
		close(started)
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
		return true
	}
	c := &Client{Endpoint: s.srv.URL, Timeout: -1}
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-started; cancel() }()
	_, err := c.Check(ctx, "password")
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}

	// An already-cancelled context sends nothing.
	before := s.requests.Load()
	if _, err := c.Check(ctx, "other"); !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	if s.requests.Load() != before {
		t.Error("request sent with a cancelled context")
	}
}

func TestClientCacheBound(t *testing.T) {
	s := newStub(t, nil)
	c := &Client{Endpoint: s.srv.URL, CacheSize: 2}
	ctx := context.Background()
	check := func(pw string, wantCached bool) {
		t.Helper()
		res, err := c.Check(ctx, pw)
		if err != nil {
			t.Fatal(err)
		}
		if res.Cached != wantCached {
			t.Errorf("Check(%q).Cached = %v, want %v", pw, res.Cached, wantCached)
		}
	}
	// "a", "b", "c" have different prefixes.
	check("a", false)
	check("b", false)
	check("a", true)  // a is now most recent
	check("c", false) // evicts b
	check("a", true)
	check("b", false) // evicts c
	check("c", false)
	if n := c.cache.len(); n != 2 {
		t.Errorf("cache holds %d, want 2", n)
	}
	if n := s.requests.Load(); n != 5 {
		t.Errorf("%d requests, want 5", n)
	}
}

func TestClientCacheDisabled(t *testing.T) {
	s := newStub(t, nil)
	c := &Client{Endpoint: s.srv.URL, CacheSize: -1}
	for i := 0; i < 3; i++ {
		if res, err := c.Check(context.Background(), "password"); err != nil || res.Cached {
			t.Fatalf("%+v, %v", res, err)
		}
	}
	if n := s.requests.Load(); n != 3 {
		t.Errorf("%d requests, want 3", n)
	}
}

func TestClientRange(t *testing.T) {
	s := newStub(t, map[string]int{"password": 2})
	c := &Client{Endpoint: s.srv.URL}
	rg, cached, err := c.Range(context.Background(), "5baa6")
	if err != nil || cached {
		t.Fatalf("%v, %v", cached, err)
	}
	if n, found := rg.Lookup(pw); !found || n != 2 {
		t.Errorf("Lookup = %d, %v", n, found)
	}
	if rg.Len() != 1 {
		t.Errorf("Len = %d, want 1 (padding excluded)", rg.Len())
	}
	// The same prefix in upper case hits the cache.
	if _, cached, err := c.Range(context.Background(), "5BAA6"); err != nil || !cached {
		t.Errorf("second Range: cached %v, %v", cached, err)
	}
	for _, bad := range []string{"", "5BAA", "5BAA61", "5BAG6", "../.."} {
		if _, _, err := c.Range(context.Background(), bad); err == nil {
			t.Errorf("Range(%q): no error", bad)
		}
	}
	if n := s.requests.Load(); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

func TestClientConcurrent(t *testing.T) {
	known := map[string]int{}
	for i := 0; i < 20; i++ {
		known[fmt.Sprint("pw", i)] = i + 1
	}
	s := newStub(t, known)
	c := &Client{Endpoint: s.srv.URL, CacheSize: 8} // small, to exercise eviction
	var wg sync.WaitGroup
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 40; i++ {
				n := (g + i) % 25 // 20 known, 5 unknown
				pwd := fmt.Sprint("pw", n)
				res, err := c.Check(context.Background(), pwd)
				if err != nil {
					t.Error(err)
					return
				}
				want, ok := known[pwd]
				if res.Found != ok || res.Count != want {
					t.Errorf("Check(%q) = %+v, want %d, %v", pwd, res, want, ok)
				}
			}
		}(g)
	}
	wg.Wait()
	if n := c.cache.len(); n > 8 {
		t.Errorf("cache holds %d, bound 8", n)
	}
}
