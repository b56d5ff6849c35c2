//go:build unix

package main

// Signals to a running server; Windows has no SIGTERM to send.

import (
	"net/http"
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
