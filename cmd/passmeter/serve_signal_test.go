//go:build unix

package main

// Signals to a running server; Windows has no SIGTERM to send.

import (
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A signal lets the request in flight finish, then the process exits 0.
func TestServeProcessGracefulShutdown(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			t.Parallel()
			standin := newHIBPStandin(t, standinRange{password: "slow-breach-check", delay: time.Second})
			p := startServe(t, "--hibp-endpoint", standin.Endpoint(), "--hibp-timeout", "5s")
			answered := asyncPost(p.url+strengthCheckPath, `{"password":"slow-breach-check","email":"a@b.c"}`)
			select {
			case <-standin.arrived: // the request is in flight
			case <-time.After(5 * time.Second):
				t.Fatal("the request did not reach HIBP")
			}
			sent := time.Now()
			if err := p.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			r := <-answered
			if r.err != nil || r.status != 200 || !strings.Contains(r.body, `"breach_check":"ok"`) {
				t.Errorf("the request in flight: %v %d %.300s", r.err, r.status, r.body)
			}
			if took := time.Since(sent); took < 500*time.Millisecond {
				t.Errorf("answered %v after the signal; HIBP takes 1s", took)
			}
			select {
			case <-p.exited:
			case <-time.After(10 * time.Second):
				t.Fatalf("still running after %v:\n%s", sig, p.stderr)
			}
			if p.err != nil {
				t.Errorf("exit: %v\n%s", p.err, p.stderr)
			}
			if _, err := http.Get(p.url + healthPath); err == nil {
				t.Errorf("still answering after exit")
			}
			if !strings.Contains(p.stderr.String(), "passmeter: stopped") {
				t.Errorf("log:\n%s", p.stderr)
			}
		})
	}
}

// SIGTERM under load: /healthz turns 503 at once, the request in flight
// is answered, and of 200 requests already sent (long passwords, keeping
// the CPUs busy) every one is answered in Stytch's shape, 200, 429 or
// 503: none is reset.
func TestServeProcessDrainUnderLoad(t *testing.T) {
	standin := newHIBPStandin(t, standinRange{password: "in-flight-at-sigterm", delay: time.Second})
	p := startServe(t, "--hibp-endpoint", standin.Endpoint(), "--hibp-timeout", "5s")
	inFlight := asyncPost(p.url+strengthCheckPath, `{"password":"in-flight-at-sigterm","email":"a@b.c"}`)
	<-standin.arrived

	const n = 200
	client := &http.Client{Transport: &http.Transport{MaxConnsPerHost: n, MaxIdleConnsPerHost: n}, Timeout: 20 * time.Second}
	type result struct {
		status int
		err    error
	}
	results := make(chan result, n)
	for i := range n {
		go func() {
			body := `{"password":"` + randomPassword(uint64(i), 4096) + `"}`
			if i%2 == 0 {
				body = `{"password":"short-one-` + strconv.Itoa(i) + `"}`
			}
			status, err := postStatus(client, p.url+strengthCheckPath, body)
			results <- result{status, err}
		}()
	}
	time.Sleep(10 * time.Millisecond) // some are sent, a few answered
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	// /healthz: 503 from the signal on, until the listener closes.
	saw503 := false
	for deadline := time.Now().Add(2 * time.Second); time.Now().Before(deadline) && !saw503; time.Sleep(5 * time.Millisecond) {
		resp, err := http.Get(p.url + healthPath)
		if err != nil {
			break
		}
		resp.Body.Close()
		saw503 = resp.StatusCode == http.StatusServiceUnavailable
	}
	if !saw503 {
		t.Errorf("/healthz never said 503 while draining")
	}
	statuses := map[int]int{}
	for range n {
		r := <-results
		if r.err != nil {
			t.Errorf("a request sent before SIGTERM got no answer: %v", r.err)
			continue
		}
		statuses[r.status]++
	}
	for status := range statuses {
		if status != 200 && status != 429 && status != 503 {
			t.Errorf("status %d: %v", status, statuses)
		}
	}
	if r := <-inFlight; r.err != nil || r.status != 200 {
		t.Errorf("the request in flight: %v %d %.200s", r.err, r.status, r.body)
	}
	select {
	case <-p.exited:
	case <-time.After(15 * time.Second):
		t.Fatalf("still running:\n%s", p.stderr)
	}
	if p.err != nil {
		t.Errorf("exit: %v", p.err)
	}
	t.Logf("answers to the %d requests: %v", n, statuses)
}
