package hibp

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Defaults used by a [Client] whose fields are left zero.
const (
	DefaultEndpoint  = "https://api.pwnedpasswords.com/range"
	DefaultTimeout   = 3 * time.Second
	DefaultCacheSize = 256 // prefixes; a padded prefix costs about 24 KB
	DefaultMaxConns  = 16  // requests to the endpoint at once
	// The circuit breaker opens after DefaultBreakerFailures failed
	// requests in a row and probes again after DefaultBreakerCooldown.
	DefaultBreakerFailures = 5
	DefaultBreakerCooldown = 10 * time.Second
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

	// MaxConns bounds the requests to the endpoint at once (so the
	// connections to it); a check that finds them all busy waits, within
	// its time-out. Zero means DefaultMaxConns; negative, no bound.
	MaxConns int

	// BreakerFailures is how many failed requests in a row open the
	// circuit breaker: while open, checks fail at once with
	// [ErrUnavailable] rather than each waiting out its time-out, and
	// after BreakerCooldown one request goes out as a probe, closing the
	// breaker if it succeeds. Zero means DefaultBreakerFailures and
	// DefaultBreakerCooldown; a negative BreakerFailures turns it off.
	BreakerFailures int
	BreakerCooldown time.Duration

	once    sync.Once
	cache   *lru // nil when disabled
	http    *http.Client
	conns   chan struct{} // nil: no bound
	breaker *breaker      // nil: off
	flights flights
}

// Check reports whether password appears in the range returned for its hash
// prefix. It sends GET {Endpoint}/{prefix} with the header
// "Add-Padding: true" unless the prefix's range is cached.
//
// Concurrent checks of passwords with the same prefix share one request.
// Redirects are not followed (a 3xx is a [*StatusError]).
//
// Errors: a status other than 200 gives a [*StatusError] (matching
// [ErrStatus]); a malformed or oversized body gives the errors of
// [ReadRange]; a time-out or cancelled ctx gives an error matching
// [context.DeadlineExceeded] or [context.Canceled]; an open circuit
// breaker gives [ErrUnavailable]. No error's text holds the prefix or
// the URL, so an error may be logged. A failed check is not cached and
// says nothing about the password: callers should report the check as
// unavailable, never as a breach.
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
	// The error does not quote the prefix: it is derived from a password.
	if len(prefix) != PrefixLen {
		return nil, false, fmt.Errorf("hibp: prefix is not %d hexadecimal characters", PrefixLen)
	}
	for i := 0; i < len(prefix); i++ {
		if _, ok := unhex(prefix[i]); !ok {
			return nil, false, fmt.Errorf("hibp: prefix is not %d hexadecimal characters", PrefixLen)
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
	rg, _, err := c.flights.do(ctx, prefix, func(ctx context.Context) (*Range, error) {
		rg, err := c.guarded(ctx, prefix)
		if err == nil && c.cache != nil {
			c.cache.add(prefix, rg)
		}
		return rg, err
	})
	if err != nil {
		return nil, false, err
	}
	return rg, false, nil
}

// guarded is request behind the circuit breaker and the bound on
// requests at once.
func (c *Client) guarded(ctx context.Context, prefix string) (*Range, error) {
	if c.breaker != nil && !c.breaker.allow() {
		return nil, ErrUnavailable
	}
	rg, err := c.request(ctx, prefix)
	if c.breaker != nil {
		c.breaker.record(err == nil)
	}
	return rg, err
}

func (c *Client) init() {
	switch {
	case c.CacheSize == 0:
		c.cache = newLRU(DefaultCacheSize)
	case c.CacheSize > 0:
		c.cache = newLRU(c.CacheSize)
	}
	switch {
	case c.MaxConns == 0:
		c.conns = make(chan struct{}, DefaultMaxConns)
	case c.MaxConns > 0:
		c.conns = make(chan struct{}, c.MaxConns)
	}
	if c.BreakerFailures >= 0 {
		b := &breaker{threshold: c.BreakerFailures, cooldown: c.BreakerCooldown, now: time.Now}
		if b.threshold == 0 {
			b.threshold = DefaultBreakerFailures
		}
		if b.cooldown <= 0 {
			b.cooldown = DefaultBreakerCooldown
		}
		c.breaker = b
	}
	// A copy that follows no redirect: the range API never sends one, and
	// a redirect would take the prefix to another host.
	hc := http.DefaultClient
	if c.HTTPClient != nil {
		hc = c.HTTPClient
	}
	cp := *hc
	cp.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	c.http = &cp
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
	target := strings.TrimRight(endpoint, "/") + "/" + prefix
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return nil, fmt.Errorf("hibp: building range request: %w", withoutURL(err))
	}
	req.Header.Set("Add-Padding", "true")
	ua := c.UserAgent
	if ua == "" {
		ua = "passmeter"
	}
	req.Header.Set("User-Agent", ua)

	if c.conns != nil {
		select {
		case c.conns <- struct{}{}:
			defer func() { <-c.conns }()
		case <-ctx.Done():
			return nil, fmt.Errorf("hibp: range request: waiting for a connection: %w", ctx.Err())
		}
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("hibp: range request: %w", withoutURL(err))
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

// withoutURL is err without the URL a *url.Error names, which ends in
// the prefix: only what went wrong is kept.
func withoutURL(err error) error {
	if ue, ok := errors.AsType[*url.Error](err); ok {
		return ue.Err
	}
	return err
}
