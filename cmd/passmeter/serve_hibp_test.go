package main

import (
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/passmeter/passmeter/core/hibp"
)

// 500 concurrent requests against a slow HIBP make at most one outbound
// request per distinct prefix, on at most hibp.DefaultMaxConns
// connections, and every one is answered.
func TestServeHIBPSlowUnderLoad(t *testing.T) {
	const n, distinct = 500, 100
	var ranges []standinRange
	prefixes := map[string]bool{}
	pw := func(i int) string { return "slow-hibp-" + strconv.Itoa(i%distinct) }
	for i := range distinct {
		ranges = append(ranges, standinRange{password: pw(i), count: i % 2, delay: 400 * time.Millisecond})
		p, _ := hibp.Hash(pw(i))
		prefixes[p] = true
	}
	standin := newHIBPStandin(t, ranges...)
	p := startServe(t, "--hibp-endpoint", standin.Endpoint(), "--hibp-timeout", "10s")
	client := &http.Client{Transport: &http.Transport{MaxConnsPerHost: n, MaxIdleConnsPerHost: n}, Timeout: 30 * time.Second}
	var wg sync.WaitGroup
	var mu sync.Mutex
	outcomes := map[string]int{}
	for i := range n {
		wg.Go(func() {
			status, body := postBody(client, p.url+strengthCheckPath, `{"password":"`+pw(i)+`","email":"a@b.c"}`)
			outcome := "status " + strconv.Itoa(status)
			if k := strings.Index(body, `"breach_check":"`); status == 200 && k >= 0 {
				outcome = body[k+len(`"breach_check":"`):][:2]
			}
			mu.Lock()
			outcomes[outcome]++
			mu.Unlock()
		})
	}
	wg.Wait()
	paths := standin.paths()
	perPrefix := map[string]int{}
	for _, path := range paths {
		perPrefix[strings.TrimPrefix(path, "/range/")]++
	}
	t.Logf("%d requests, %d distinct prefixes: %d outbound requests on %d connections; answers %v",
		n, len(prefixes), len(paths), standin.connections(), outcomes)
	for prefix, k := range perPrefix {
		if k > 1 {
			t.Errorf("prefix requested %d times", k)
		}
		if !prefixes[prefix] {
			t.Errorf("a prefix no request had")
		}
	}
	if c := standin.connections(); c > hibp.DefaultMaxConns {
		t.Errorf("%d connections to HIBP, want at most %d", c, hibp.DefaultMaxConns)
	}
	if outcomes["ok"]+outcomes["br"] != n {
		t.Errorf("answers %v: want every one ok or breached", outcomes)
	}
	standin.check(t)
}

func postBody(c *http.Client, url, body string) (int, string) {
	resp, err := c.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, err.Error()
	}
	return resp.StatusCode, string(b)
}
