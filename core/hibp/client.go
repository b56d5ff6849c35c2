package hibp

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Defaults used by a [Client] whose fields are left zero.
const (
	DefaultEndpoint  = "https://api.pwnedpasswords.com/range"
	DefaultTimeout   = 3 * time.Second
	DefaultCacheSize = 256 // prefixes; a padded prefix costs about 24 KB
)

// Result is the answer of a breach check.
type Result struct {
	Found  bool // the password's suffix is in the range with a count above 0
	Count  int  // times seen in breaches; 0 when not found
	Cached bool // answered from the client's cache, without a request
}

// Client checks passwords against a Pwned Passwords range endpoint. Only the
// five-character SHA-1 prefix is sent; the password and the rest of its hash
// never leave the process.
//
// The zero Client is ready to use with the defaults. A Client is safe for
// concurrent use; set its fields before the first call and do not copy it
// afterwards.
type Client struct {
	// Endpoint is the range API's base URL, without the prefix; requests go
	// to Endpoint + "/" + prefix. Empty means DefaultEndpoint. A company
	// mirror or a test server can be used instead.
	Endpoint string

	// HTTPClient makes the requests. Nil means http.DefaultClient.
	HTTPClient *http.Client

	// Timeout bounds each request, body included. Zero means
	// DefaultTimeout; a negative value means no time-out beyond the context.
	Timeout time.Duration

	// CacheSize is how many prefixes' parsed responses are kept, least
	// recently used evicted first. Zero means DefaultCacheSize; a negative
	// value disables the cache. Only successful responses are cached.
	CacheSize int

	// UserAgent is sent as the User-Agent header. Empty means "passmeter".
	UserAgent string

	once  sync.Once
	cache *lru // nil when disabled
}

// Check reports whether password appears in the range returned for its hash
// prefix. It sends GET {Endpoint}/{prefix} with the header
// "Add-Padding: true" unless the prefix's range is cached.
//
// Errors: a status other than 200 gives a [*StatusError] (matching
// [ErrStatus]); a malformed or oversized body gives the errors of
// [ReadRange]; a time-out or cancelled ctx gives an error matching
// [context.DeadlineExceeded] or [context.Canceled]. A failed check is not
// cached and says nothing about the password: callers should report the
// check as unavailable, never as a breach.
func (c *Client) Check(ctx context.Context, password string) (Result, error) {
	prefix, suffix := Hash(password)
	rg, cached, err := c.fetchRange(ctx, prefix)
	if err != nil {
		return Result{}, err
	}
	n, found := rg.Lookup(suffix)
	return Result{Found: found, Count: n, Cached: cached}, nil
}

// Range returns the parsed range for a 5-character hexadecimal prefix
// (either case), from the cache or from the endpoint, and whether it came
// from the cache. It is the building block of [Client.Check] for callers
// that hash elsewhere.
func (c *Client) Range(ctx context.Context, prefix string) (rg *Range, cached bool, err error) {
	if len(prefix) != PrefixLen {
		return nil, false, fmt.Errorf("hibp: prefix %q is not %d hexadecimal characters", prefix, PrefixLen)
	}
	for i := 0; i < len(prefix); i++ {
		if _, ok := unhex(prefix[i]); !ok {
			return nil, false, fmt.Errorf("hibp: prefix %q is not %d hexadecimal characters", prefix, PrefixLen)
		}
	}
	return c.fetchRange(ctx, strings.ToUpper(prefix))
}

func (c *Client) fetchRange(ctx context.Context, prefix string) (*Range, bool, error) {
	c.once.Do(c.init)
	if c.cache != nil {
		if rg, ok := c.cache.get(prefix); ok {
			return rg, true, nil
		}
	}
	rg, err := c.request(ctx, prefix)
	if err != nil {
		return nil, false, err
	}
	if c.cache != nil {
		c.cache.add(prefix, rg)
	}
	return rg, false, nil
}

func (c *Client) init() {
	switch {
	case c.CacheSize == 0:
		c.cache = newLRU(DefaultCacheSize)
	case c.CacheSize > 0:
		c.cache = newLRU(c.CacheSize)
	}
}

func (c *Client) request(ctx context.Context, prefix string) (*Range, error) {
	timeout := c.Timeout
	if timeout == 0 {
		timeout = DefaultTimeout
	}
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	endpoint := c.Endpoint
	if endpoint == "" {
		endpoint = DefaultEndpoint
	}
	url := strings.TrimRight(endpoint, "/") + "/" + prefix
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("hibp: building range request: %w", err)
	}
	req.Header.Set("Add-Padding", "true")
	ua := c.UserAgent
	if ua == "" {
		ua = "passmeter"
	}
	req.Header.Set("User-Agent", ua)

	hc := c.HTTPClient
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("hibp: range request: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, &StatusError{StatusCode: resp.StatusCode}
	}
	rg, err := ReadRange(resp.Body)
	if err != nil {
		return nil, err
	}
	return rg, nil
}
