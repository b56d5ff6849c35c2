package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/passmeter/passmeter/core"
	"github.com/passmeter/passmeter/core/hibp"
)

func testHandler(t *testing.T, breach *hibp.Client) (http.Handler, *syncBuffer) {
	t.Helper()
	logs := &syncBuffer{}
	// The full sequence, to compare tokens with check's; serve's default
	// answer without them is TestHandlerNoPasswordMaterial's.
	cfg := handlerConfig{referenceYear: 2024, log: log.New(logs, "passmeter: ", 0), fullSequence: true}
	if breach != nil { // a nil *Client in the interface would not be a nil checker
		cfg.breach = breach
	}
	return newHandler(cfg), logs
}

func serveOnce(h http.Handler, method, path, contentType string, body io.Reader) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, body)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestHandlerRequests(t *testing.T) {
	long := randomPassword(1, 4096)
	tests := []struct {
		name        string
		method      string
		path        string
		contentType string
		body        string
		status      int
		errorType   string // "" for a strength check answer
		allow       string
	}{
		{"score", "POST", strengthCheckPath, "application/json", `{"password":"hunter2"}`, 200, "", ""},
		{"any content type", "POST", strengthCheckPath, "text/plain", `{"password":"hunter2"}`, 200, "", ""},
		{"no content type", "POST", strengthCheckPath, "", `{"password":"hunter2"}`, 200, "", ""},
		{"query ignored", "POST", strengthCheckPath + "?password=nothere", "", `{"password":"hunter2"}`, 200, "", ""},
		{"4096 characters", "POST", strengthCheckPath, "", `{"password":"` + long + `"}`, 200, "", ""},
		{"longest password", "POST", strengthCheckPath, "", `{"password":"` + strings.Repeat(`\ud83d\ude00`, 8192) + `"}`, 200, "", ""},
		{"password too long", "POST", strengthCheckPath, "", `{"password":"` + strings.Repeat("a", 16385) + `"}`, 400, "invalid_password", ""},
		{"invalid JSON", "POST", strengthCheckPath, "", `{"password":`, 400, "invalid_request", ""},
		{"empty body", "POST", strengthCheckPath, "", ``, 400, "invalid_request", ""},
		{"JSON null", "POST", strengthCheckPath, "", `null`, 400, "invalid_request", ""},
		{"trailing data", "POST", strengthCheckPath, "", `{"password":"a"}{}`, 400, "invalid_request", ""},
		{"missing password", "POST", strengthCheckPath, "", `{"email":"a@b.c"}`, 400, "invalid_password", ""},
		{"password a number", "POST", strengthCheckPath, "", `{"password":12}`, 400, "invalid_password", ""},
		{"email an object", "POST", strengthCheckPath, "", `{"password":"a","email":{}}`, 400, "invalid_email", ""},
		{"user_inputs a string", "POST", strengthCheckPath, "", `{"password":"a","user_inputs":"b"}`, 400, "invalid_user_inputs", ""},
		{"unknown policy", "POST", strengthCheckPath, "", `{"password":"a","strength_policy":"pci"}`, 400, "invalid_strength_policy", ""},
		{"luds out of range", "POST", strengthCheckPath, "", `{"password":"a","luds":{"min_length":64}}`, 400, "invalid_luds", ""},
		{"non-UTF-8", "POST", strengthCheckPath, "", "{\"password\":\"\xff\xfe\"}", 400, "invalid_request", ""},
		{"body over the limit", "POST", strengthCheckPath, "", `{"password":"` + strings.Repeat("a", maxBody) + `"}`, 413, "request_too_large", ""},
		{"GET", "GET", strengthCheckPath, "", "", 405, "method_not_allowed", "POST"},
		{"PUT", "PUT", strengthCheckPath, "", `{"password":"a"}`, 405, "method_not_allowed", "POST"},
		{"OPTIONS", "OPTIONS", strengthCheckPath, "", "", 405, "method_not_allowed", "POST"},
		{"trailing slash", "POST", strengthCheckPath + "/", "", `{"password":"a"}`, 404, "route_not_found", ""},
		{"unknown path", "GET", "/v1/passwords", "", "", 404, "route_not_found", ""},
		{"root", "GET", "/", "", "", 404, "route_not_found", ""},
		{"health by POST", "POST", healthPath, "", "", 405, "method_not_allowed", "GET, HEAD"},
	}
	h, logs := testHandler(t, nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := serveOnce(h, tt.method, tt.path, tt.contentType, strings.NewReader(tt.body))
			if rec.Code != tt.status {
				t.Errorf("status %d, want %d: %.300s", rec.Code, tt.status, rec.Body)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type %q", ct)
			}
			if got := rec.Header().Get("Allow"); got != tt.allow {
				t.Errorf("Allow %q, want %q", got, tt.allow)
			}
			a := decodeAnswer(t, rec.Body.Bytes())
			if tt.errorType != "" {
				checkErrorShape(t, tt.name, tt.status, a, tt.errorType)
				return
			}
			if a["status_code"] != 200.0 || a["breach_check"] != "skipped" || a["breach_detection_on_create"] != false {
				t.Errorf("answer %.300v", a)
			}
		})
	}
	noPasswordsLogged(t, logs.String(), "hunter2", "nothere", long)
}

func TestHandlerHealth(t *testing.T) {
	h, _ := testHandler(t, nil)
	rec := serveOnce(h, "GET", healthPath, "", nil)
	if rec.Code != 200 || strings.TrimSpace(rec.Body.String()) != `{"status":"ok"}` {
		t.Errorf("GET %s: %d %s", healthPath, rec.Code, rec.Body)
	}
	rec = serveOnce(h, "HEAD", healthPath, "", nil)
	if rec.Code != 200 {
		t.Errorf("HEAD %s: %d", healthPath, rec.Code)
	}
}

// The server answers as `passmeter check` does, field for field.
func TestHandlerMatchesCheck(t *testing.T) {
	want := runCheckLines(t, parityRequests, "--reference-year", "2024")
	h, _ := testHandler(t, nil)
	for i, body := range parityRequests {
		rec := serveOnce(h, "POST", strengthCheckPath, "application/json", strings.NewReader(body))
		got := decodeAnswer(t, rec.Body.Bytes())
		if code, _ := want[i]["status_code"].(float64); rec.Code != int(code) {
			t.Errorf("%s: HTTP status %d, check says %v", body, rec.Code, code)
		}
		sameAnswer(t, body, got, want[i])
	}
}

func TestHandlerBreach(t *testing.T) {
	standin := newHIBPStandin(t,
		standinRange{password: "breached-password-1", count: 3861493},
		standinRange{password: "padding-only-password", count: 0},
		standinRange{password: "slow-hibp-password", delay: 4 * time.Second},
		standinRange{password: "failing-hibp-password", status: 500},
		standinRange{password: "rate-limited-password", status: 429},
	)
	// The time-out leaves room for a loaded machine; the slow range takes
	// far longer.
	on := &hibp.Client{Endpoint: standin.Endpoint(), Timeout: time.Second}
	tests := []struct {
		name                string
		client              *hibp.Client
		password, email     string
		breached, onCreate  bool
		breachCheck         string
		validUnlessBreached bool // valid_password as the strength alone says
	}{
		{"listed", on, "breached-password-1", "a@example.com", true, true, "breached", false},
		{"not listed", on, "zebra-quantum-harbor-71", "a@example.com", false, true, "ok", true},
		{"padding line only", on, "padding-only-password", "a@example.com", false, true, "ok", true},
		{"time-out", on, "slow-hibp-password", "a@example.com", false, true, "unavailable", true},
		{"HIBP 500", on, "failing-hibp-password", "a@example.com", false, true, "unavailable", true},
		{"HIBP 429", on, "rate-limited-password", "a@example.com", false, true, "unavailable", true},
		{"no email", on, "breached-password-1", "", false, true, "skipped", true},
		{"blank email", on, "breached-password-1", "  ", false, true, "skipped", true},
		{"breach check off", nil, "breached-password-1", "a@example.com", false, false, "skipped", true},
		// core.BreachRule: an email form field names the email too, and
		// --breach-without-email checks requests without one.
		{"email form field", on, "breached-password-1", "field:a@example.com", true, true, "breached", false},
		{"text form field only", on, "breached-password-1", "text:a@example.com", false, true, "skipped", true},
		{"no email, --breach-without-email", on, "breached-password-1", "without:", true, true, "breached", false},
		{"--breach-without-email, not listed", on, "zebra-quantum-harbor-71", "without:", false, true, "ok", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, logs := testHandler(t, tt.client)
			req := map[string]any{"password": tt.password, "email": tt.email}
			switch kind, value, _ := strings.Cut(tt.email, ":"); kind {
			case "field":
				req = map[string]any{"password": tt.password, "form_fields": []core.FormField{{Type: "text", Value: "Ann"}, {Type: "email", Value: value}}}
			case "text":
				req = map[string]any{"password": tt.password, "form_fields": []core.FormField{{Type: "text", Value: value}}}
			case "without":
				req = map[string]any{"password": tt.password}
				cfg := handlerConfig{referenceYear: 2024, log: log.New(logs, "passmeter: ", 0), breach: tt.client, breachWithoutEmail: true}
				h = newHandler(cfg)
			}
			body, _ := json.Marshal(req)
			start := time.Now()
			rec := serveOnce(h, "POST", strengthCheckPath, "", bytes.NewReader(body))
			if took := time.Since(start); took > 3*time.Second {
				t.Errorf("took %v; the HIBP time-out is 1s", took)
			}
			if rec.Code != 200 {
				t.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			a := decodeAnswer(t, rec.Body.Bytes())
			if a["breached_password"] != tt.breached || a["breach_detection_on_create"] != tt.onCreate || a["breach_check"] != tt.breachCheck {
				t.Errorf("breached_password %v, breach_detection_on_create %v, breach_check %v; want %v, %v, %v",
					a["breached_password"], a["breach_detection_on_create"], a["breach_check"], tt.breached, tt.onCreate, tt.breachCheck)
			}
			if tt.breached && a["valid_password"] != false {
				t.Errorf("a breached password is valid")
			}
			if !tt.breached {
				// The verdict is the strength check's alone.
				want := runCheckLines(t, []string{string(body)}, "--reference-year", "2024")[0]
				if a["valid_password"] != want["valid_password"] {
					t.Errorf("valid_password %v, strength alone says %v", a["valid_password"], want["valid_password"])
				}
			}
			noPasswordsLogged(t, logs.String(), tt.password)
		})
	}
	standin.check(t)
}

func TestHandlerPanic(t *testing.T) {
	logs := &syncBuffer{}
	logger := log.New(logs, "passmeter: ", 0)
	secret := "s3cret-in-panic"
	h := withLogAndRecover(logger, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/value":
			panic("boom " + secret)
		case "/runtime":
			var m map[string]int
			m[secret]++ // assignment to entry in nil map
		case "/after-header":
			w.WriteHeader(200)
			w.Write([]byte(`{"partial":`))
			panic(errors.New(secret))
		default:
			w.Write([]byte(`{"ok":true}`))
		}
	}))
	srv := httptest.NewServer(h)
	defer srv.Close()
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	for _, path := range []string{"/value", "/runtime"} {
		status, _, a := post(t, srv.Client(), srv.URL+path, strings.NewReader("{}"))
		if status != 500 {
			t.Errorf("%s: status %d", path, status)
		}
		checkErrorShape(t, path, 500, a, "internal_server_error")
	}
	// Once the answer has started, the connection is dropped rather than
	// finished as if nothing happened.
	if resp, err := srv.Client().Get(srv.URL + "/after-header"); err == nil {
		_, err = io.ReadAll(resp.Body)
		resp.Body.Close()
		if err == nil {
			t.Errorf("/after-header: the cut answer was read whole")
		}
	}
	resp, err := srv.Client().Get(srv.URL + "/fine")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("after the panics: %v %v", err, resp)
	}
	resp.Body.Close()
	got := logs.String()
	noPasswordsLogged(t, got, secret)
	// The paths are no route, so the log names none of them.
	for _, want := range []string{"panic serving POST (no route): string", "assignment to entry in nil map", "POST (no route) 500", "GET (no route) 500", "GET (no route) 200"} {
		if !strings.Contains(got, want) {
			t.Errorf("log lacks %q:\n%s", want, got)
		}
	}
}

func TestHandlerLogLine(t *testing.T) {
	h, logs := testHandler(t, nil)
	serveOnce(h, "POST", strengthCheckPath, "", strings.NewReader(`{"password":"open-sesame-4242"}`))
	serveOnce(h, "GET", "/a%20b%0A%22c", "", nil)
	lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
	want := []*regexp.Regexp{
		regexp.MustCompile(`^passmeter: POST /v1/passwords/strength_check 200 [0-9]{3,5}B [0-9.]+[µm]?s$`),
		regexp.MustCompile(`^passmeter: GET \(no route\) 404 [0-9]+B [0-9.]+[µm]?s$`),
	}
	if len(lines) != len(want) {
		t.Fatalf("log:\n%s", logs)
	}
	for i, re := range want {
		if !re.MatchString(lines[i]) {
			t.Errorf("log line %q does not match %s", lines[i], re)
		}
	}
}

func TestParseServeFlags(t *testing.T) {
	tests := []struct {
		args []string
		ok   bool
	}{
		{nil, true},
		{[]string{"--addr", "127.0.0.1:0", "--hibp-endpoint", "http://127.0.0.1:9/range", "--hibp-timeout", "200ms", "--reference-year", "2024"}, true},
		{[]string{"--no-breach-check"}, true},
		{[]string{"--hibp-endpoint", "ftp://mirror/range"}, false},
		{[]string{"--hibp-endpoint", "api.pwnedpasswords.com/range"}, false},
		{[]string{"--hibp-timeout", "0s"}, false},
		{[]string{"--reference-year", "-1"}, false},
		{[]string{"--shutdown-timeout", "-1s"}, false},
		{[]string{"--nope"}, false},
		{[]string{"extra"}, false},
	}
	for _, tt := range tests {
		var stderr bytes.Buffer
		o, err := parseServeFlags(tt.args, &stderr)
		if ok := err == nil; ok != tt.ok {
			t.Errorf("%q: ok %v, want %v (%s)", tt.args, ok, tt.ok, stderr.String())
		}
		if err == nil && o.addr == "" {
			t.Errorf("%q: no address", tt.args)
		}
	}
	if code := runServe([]string{"--hibp-timeout", "nope"}, io.Discard); code != 2 {
		t.Errorf("runServe with a bad flag: exit %d, want 2", code)
	}
	if code := runServe([]string{"-h"}, io.Discard); code != 0 {
		t.Errorf("runServe -h: exit %d, want 0", code)
	}
}

// serve finishes a request in flight when its context ends, then returns 0.
func TestServeShutdownInProcess(t *testing.T) {
	standin := newHIBPStandin(t, standinRange{password: "slow-in-process", delay: 500 * time.Millisecond})
	logs := &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	opts := serveOptions{addr: "127.0.0.1:0", hibpEndpoint: standin.Endpoint(), hibpTimeout: 5 * time.Second, shutdownTimeout: 5 * time.Second}
	exited := make(chan int, 1)
	go func() { exited <- serve(ctx, func() {}, opts, logs) }()
	base := waitListening(t, logs)

	answered := asyncPost(base+strengthCheckPath, `{"password":"slow-in-process","email":"a@b.c"}`)
	<-standin.arrived
	cancel()
	select {
	case r := <-answered:
		if r.err != nil || r.status != 200 || !strings.Contains(r.body, `"breach_check":"ok"`) {
			t.Errorf("the request in flight: %v %d %.300s", r.err, r.status, r.body)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the request in flight got no answer")
	}
	if code := <-exited; code != 0 {
		t.Errorf("serve returned %d:\n%s", code, logs)
	}
}

var listening = regexp.MustCompile(`passmeter: listening on (http://127\.0\.0\.1:[0-9]+)\n`)

func waitListening(t *testing.T, logs *syncBuffer) string {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if m := listening.FindStringSubmatch(logs.String()); m != nil {
			return m[1]
		}
	}
	t.Fatalf("the server did not say where it listens:\n%s", logs)
	return ""
}

type postResult struct {
	status int
	body   string
	err    error
}

// asyncPost sends a request in the background.
func asyncPost(url, body string) <-chan postResult {
	c := make(chan postResult, 1)
	go func() {
		resp, err := http.Post(url, "application/json", strings.NewReader(body))
		if err != nil {
			c <- postResult{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		c <- postResult{resp.StatusCode, string(b), err}
	}()
	return c
}

// --breach-without-email sets core.BreachRule.WithoutEmail; by default,
// as Stytch, it is off.
func TestServeBreachWithoutEmailFlag(t *testing.T) {
	for _, c := range []struct {
		args []string
		want bool
	}{{nil, false}, {[]string{"--breach-without-email"}, true}} {
		o, err := parseServeFlags(c.args, io.Discard)
		if err != nil || o.breachWithoutEmail != c.want {
			t.Errorf("%q: breachWithoutEmail %v, %v; want %v", c.args, o.breachWithoutEmail, err, c.want)
		}
	}
}
