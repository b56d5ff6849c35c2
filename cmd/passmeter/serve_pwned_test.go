package main

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/passmeter/passmeter/core/hibp"
)

// TestServePwnedNoOutbound runs `passmeter serve --pwned` with every
// proxy variable pointing at the HIBP stand-in, so that any request the
// process sent outside would reach it: the breach check and the range
// endpoint work, and the stand-in sees nothing. The same set-up without
// --pwned shows the stand-in would have seen one.
func TestServePwnedNoOutbound(t *testing.T) {
	t.Parallel()
	c := testCorpus(2000)
	store := importStore(t, c)
	standin := newHIBPStandin(t)
	env := []string{"HTTP_PROXY=" + standin.URL, "HTTPS_PROXY=" + standin.URL, "http_proxy=" + standin.URL, "https_proxy=" + standin.URL, "NO_PROXY=", "no_proxy="}

	p := startServeEnv(t, env, "--pwned", store, "--pwned-quick", "--reference-year", "2024")
	requests := []string{
		`{"password":"violet lantern quarry 77 mosaic","email":"ann@example.com"}`,
		`{"password":"Tr0ub4dor&3","email":"ann@example.com"}`,
		`{"password":"` + cleanPassword + `","email":"ann@example.com"}`,
		`{"password":"password"}`,
	}
	wantOutcome := []string{"breached", "breached", "ok", "skipped"}
	got := make([]answer, len(requests))
	for i, body := range requests {
		status, _, a := post(t, http.DefaultClient, p.url+strengthCheckPath, strings.NewReader(body))
		if status != 200 || a["breach_check"] != wantOutcome[i] {
			t.Errorf("request %d: %d, breach_check %v, want %s", i, status, a["breach_check"], wantOutcome[i])
		}
		got[i] = a
	}
	prefix, _ := hibp.Hash("password")
	resp, err := http.Get(p.url + "/range/" + strings.ToLower(prefix))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(body) != expectedRange(c, prefix) {
		t.Errorf("range: %d %.200q", resp.StatusCode, body)
	}
	if n := len(standin.paths()); n != 0 {
		t.Errorf("serve --pwned sent %d requests out: %v", n, standin.paths())
	}
	if l := p.stderr.String(); strings.Contains(l, prefix) || strings.Contains(l, strings.ToLower(prefix)) {
		t.Errorf("the log holds a prefix:\n%s", l)
	}
	noPasswordsLogged(t, p.stderr.String(), "violet lantern quarry 77 mosaic", cleanPassword, "Tr0ub4dor&3")

	// check --pwned answers as serve --pwned does.
	want := checkProcess(t, requests, "--pwned", store, "--reference-year", "2024")
	for i := range requests {
		sameAnswer(t, "check --pwned vs serve --pwned", got[i], want[i])
	}

	// The control: without --pwned the same process does try to reach HIBP
	// (over plain HTTP here, so that the stand-in can answer as a proxy),
	// and the stand-in sees it.
	q := startServeEnv(t, env, "--hibp-endpoint", "http://api.pwnedpasswords.com/range", "--hibp-timeout", "2s")
	post(t, http.DefaultClient, q.url+strengthCheckPath, strings.NewReader(requests[0]))
	if len(standin.paths()) == 0 {
		t.Error("the proxy set-up would not have seen an outbound request")
	}
	standin.check(t)
}

func TestServePwnedFlags(t *testing.T) {
	c := testCorpus(100)
	store := importStore(t, c)
	damaged := filepath.Join(t.TempDir(), "damaged.pwned")
	b, _ := os.ReadFile(store)
	b[len(b)/3] ^= 1
	os.WriteFile(damaged, b, 0o644)
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--pwned", store, "--hibp-endpoint", "http://127.0.0.1:1/range"}, 2, "exclude each other"},
		{[]string{"--pwned", damaged}, 1, "checksum mismatch"},
		{[]string{"--pwned", store + ".nope"}, 1, "no such file"},
		{[]string{"--pwned-quick"}, 2, "--pwned-quick needs --pwned"},
	} {
		var stderr bytes.Buffer
		code := runServe(append([]string{"--addr", "127.0.0.1:0"}, tt.args...), &stderr)
		if code != tt.code || !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("serve %v: exit %d, %q; want %d, %q", tt.args, code, stderr.String(), tt.code, tt.want)
		}
	}
	var stderr bytes.Buffer
	if code := runCheck([]string{"--pwned", damaged}, strings.NewReader(""), io.Discard, &stderr); code != 1 || !strings.Contains(stderr.String(), "checksum") {
		t.Errorf("check --pwned with a damaged store: %d %q", code, stderr.String())
	}
}

// check follows core.BreachRule as serve does: an email form field names
// the email, and --breach-without-email checks requests without one.
func TestCheckBreachRule(t *testing.T) {
	store := importStore(t, testCorpus(100))
	requests := []string{
		`{"password":"Tr0ub4dor&3"}`,
		`{"password":"Tr0ub4dor&3","form_fields":[{"type":"text","value":"Ann Lee"},{"type":"email","value":"ann@example.com"}]}`,
		`{"password":"Tr0ub4dor&3","form_fields":[{"type":"text","value":"ann@example.com"}]}`,
	}
	for _, c := range []struct {
		args []string
		want []string
	}{
		{nil, []string{"skipped", "breached", "skipped"}},
		{[]string{"--breach-without-email"}, []string{"breached", "breached", "breached"}},
	} {
		got := checkProcess(t, requests, append([]string{"--pwned", store}, c.args...)...)
		for i, a := range got {
			if a["breach_check"] != c.want[i] || a["breach_detection_on_create"] != true {
				t.Errorf("%q, request %d: breach_check %v, want %s", c.args, i, a["breach_check"], c.want[i])
			}
		}
	}
}
