package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/passmeter/passmeter/core/hibp"
)

// queueOne starts a request that waits for a's slot, and returns once it
// is in the queue; its outcome goes to waited.
func queueOne(ctx context.Context, a *admission, waited chan<- error) {
	go func() {
		r, err := a.acquire(ctx)
		if err == nil {
			r()
		}
		waited <- err
	}()
	for a.queued.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
}

func TestAdmission(t *testing.T) {
	draining := make(chan struct{})
	a := newAdmission(1, 1, 200*time.Millisecond, draining)
	ctx := context.Background()
	release, err := a.acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The slot is taken: one may wait, the next is refused at once.
	waited := make(chan error, 1)
	queueOne(ctx, a, waited)
	start := time.Now()
	if _, err := a.acquire(ctx); !errors.Is(err, errQueueFull) {
		t.Errorf("with the queue full: %v, want errQueueFull", err)
	}
	if took := time.Since(start); took > 50*time.Millisecond {
		t.Errorf("refused after %v, not at once", took)
	}
	if err := <-waited; !errors.Is(err, errWaited) {
		t.Errorf("waiting past the wait: %v, want errWaited", err)
	}
	// Released, the slot goes to the one waiting.
	queueOne(ctx, a, waited)
	release()
	if err := <-waited; err != nil {
		t.Errorf("after a release: %v", err)
	}
	// A request whose client has gone does not start.
	gone, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := a.acquire(gone); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	close(draining)
	if _, err := a.acquire(ctx); !errors.Is(err, errDraining) {
		t.Errorf("draining: %v", err)
	}
	// nil admits at once.
	var none *lanes
	if r, err := none.lane(heavyFrom).acquire(ctx); err != nil {
		t.Errorf("nil lanes: %v", err)
	} else {
		r()
	}
}

// A full lane answers 429 in Stytch's shape with Retry-After at once; the
// other lane still answers; a request whose client has gone is not
// scored, and the log says so.
func TestHandlerAdmission(t *testing.T) {
	logs := &syncBuffer{}
	l := &lanes{light: newAdmission(1, 8, time.Second, nil), heavy: newAdmission(1, 0, time.Second, nil)}
	h := newHandler(handlerConfig{referenceYear: 2024, log: log.New(logs, "passmeter: ", 0), admit: l})
	hold, err := l.heavy.acquire(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer hold()
	long := `{"password":"` + randomPassword(3, heavyFrom) + `"}`
	rec := serveOnce(h, "POST", strengthCheckPath, "", strings.NewReader(long))
	if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") != "1" {
		t.Fatalf("long password with its lane full: %d, Retry-After %q: %s", rec.Code, rec.Header().Get("Retry-After"), rec.Body)
	}
	checkErrorShape(t, "429", 429, decodeAnswer(t, rec.Body.Bytes()), "too_many_requests")
	if rec := serveOnce(h, "POST", strengthCheckPath, "", strings.NewReader(`{"password":"hunter2"}`)); rec.Code != 200 {
		t.Errorf("short password beside a full long lane: %d %s", rec.Code, rec.Body)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req, _ := http.NewRequestWithContext(ctx, "POST", strengthCheckPath, strings.NewReader(`{"password":"gone-before-scored"}`))
	rec = serveRequest(h, req)
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("client gone: %d %s", rec.Code, rec.Body)
	}
	if strings.Contains(rec.Body.String(), `"score"`) {
		t.Errorf("client gone, yet scored: %s", rec.Body)
	}
	if !strings.Contains(logs.String(), "(client gone before its estimate)") {
		t.Errorf("log:\n%s", logs)
	}
	noPasswordsLogged(t, logs.String(), "gone-before-scored")
}

// serve's default answer holds no password material: each match is its
// pattern, i and j; --full-sequence gives zxcvbn's whole sequence.
func TestHandlerNoPasswordMaterial(t *testing.T) {
	pw := "Tr0ub4dour&3correcthorse1987-05-04qwertyzyxwvuabcabcabc"
	pieces := []string{"tr0ub", "troub", "correct", "horse", "1987", "qwerty", "zyxwv", "abcabc", "dour", `"sub"`, `"token"`, "matched_word", "base_token", "regex_match"}
	for _, full := range []bool{false, true} {
		h := newHandler(handlerConfig{referenceYear: 2024, fullSequence: full})
		rec := serveOnce(h, "POST", strengthCheckPath, "", strings.NewReader(`{"password":"`+pw+`","email":"ann.lee@acme.com"}`))
		if rec.Code != 200 {
			t.Fatalf("%d %s", rec.Code, rec.Body)
		}
		body := strings.ToLower(rec.Body.String())
		a := decodeAnswer(t, rec.Body.Bytes())
		seq, _ := a["sequence"].([]any)
		if len(seq) < 3 {
			t.Fatalf("sequence %v", a["sequence"])
		}
		if full {
			if !strings.Contains(body, `"token":"tr0ub4dour`) {
				t.Errorf("--full-sequence: no tokens in %s", body)
			}
			continue
		}
		for _, p := range pieces {
			if strings.Contains(body, p) {
				t.Errorf("the answer holds %q: %s", p, body)
			}
		}
		for _, m := range seq {
			m, _ := m.(map[string]any)
			if len(m) != 3 || m["pattern"] == nil || m["i"] == nil || m["j"] == nil {
				t.Errorf("match %v: want pattern, i and j only", m)
			}
		}
	}
}

// postStatus posts body and reads the whole answer: its status, or an
// error when there is no answer or a refusal lacks Retry-After.
func postStatus(c *http.Client, url, body string) (int, error) {
	resp, err := c.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return 0, err
	}
	if (resp.StatusCode == 429 || resp.StatusCode == 503) && resp.Header.Get("Retry-After") == "" {
		return 0, fmt.Errorf("%d without Retry-After", resp.StatusCode)
	}
	return resp.StatusCode, nil
}

func percentile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, int(q*float64(len(sorted))))]
}

// An answer the write time-out cuts off is logged as not delivered, not
// as a plain 200.
func TestHandlerLogsUndeliveredAnswer(t *testing.T) {
	standin := newHIBPStandin(t, standinRange{password: "too-slow-to-deliver", delay: 400 * time.Millisecond})
	logs := &syncBuffer{}
	h := newHandler(handlerConfig{log: log.New(logs, "passmeter: ", 0),
		breach: &hibp.Client{Endpoint: standin.Endpoint(), Timeout: 2 * time.Second}})
	srv := httptest.NewUnstartedServer(h)
	srv.Config.WriteTimeout = 100 * time.Millisecond
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.Start()
	defer srv.Close()
	resp, err := http.Post(srv.URL+strengthCheckPath, "application/json", strings.NewReader(`{"password":"too-slow-to-deliver","email":"a@b.c"}`))
	if err == nil {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	for deadline := time.Now().Add(3 * time.Second); time.Now().Before(deadline) && !strings.Contains(logs.String(), strengthCheckPath); {
		time.Sleep(10 * time.Millisecond)
	}
	if got := logs.String(); !strings.Contains(got, "(answer not delivered: write time-out)") {
		t.Errorf("log:\n%s", got)
	}
	noPasswordsLogged(t, logs.String(), "too-slow-to-deliver")
}
