package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/passmeter/passmeter/core"
)

// A request announcing a body over the limit with Expect: 100-continue is
// answered 413 at once, never 100 Continue, in Stytch's shape.
func TestServeExpectContinueOverLimit(t *testing.T) {
	p := startServe(t, "--no-breach-check")
	conn, err := net.Dial("tcp", strings.TrimPrefix(p.url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	_, err = conn.Write([]byte("POST " + strengthCheckPath + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
		"Content-Length: 12000000\r\nExpect: 100-continue\r\n\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no answer before the body: %v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d, want 413 before any body", resp.StatusCode)
	}
	var b strings.Builder
	buf := make([]byte, 4096)
	for {
		n, err := resp.Body.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			break
		}
	}
	checkErrorShape(t, "413", 413, decodeAnswer(t, []byte(b.String())), "request_too_large")
}

// Errors echo no client path and no socket address; check's errors carry
// a request_id and error_url as serve's do.
func TestErrorsEchoNothing(t *testing.T) {
	h, _ := testHandler(t, nil)
	rec := serveOnce(h, "GET", "/v1/passwords/hunter2-in-the-path", "", nil)
	if rec.Code != 404 || strings.Contains(rec.Body.String(), "hunter2") {
		t.Errorf("404: %d %s", rec.Code, rec.Body)
	}
	checkErrorShape(t, "404", 404, decodeAnswer(t, rec.Body.Bytes()), "route_not_found")
	rec = serveOnce(h, "PATCH-hunter2", strengthCheckPath, "", nil)
	if rec.Code != 405 || strings.Contains(rec.Body.String(), "hunter2") {
		t.Errorf("405: %d %s", rec.Code, rec.Body)
	}
	got := runCheckLines(t, []string{`{"password":`, `{"password":"x","email":"` + strings.Repeat("a", 300) + `"}`})
	for i, a := range got {
		checkErrorShape(t, "check line "+string(rune('1'+i)), 400, a, []string{"invalid_request", "invalid_email"}[i])
	}
}

// Every error path of serve's handler answers in core.Error's one shape:
// its keys in order, a request_id, Stytch's error_url, JSON's headers,
// and nothing of the request (each holds "hunter2").
func TestServeErrorPaths(t *testing.T) {
	logger := log.New(io.Discard, "", 0)
	plain := newHandler(handlerConfig{referenceYear: 2024, log: logger})
	held := func(inFlight, queue int, wait time.Duration) http.Handler {
		a := newAdmission(inFlight, queue, wait, nil)
		release, err := a.acquire(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(release)
		return newHandler(handlerConfig{referenceYear: 2024, log: logger, admit: &lanes{light: a, heavy: a}})
	}
	closed := make(chan struct{})
	close(closed)
	draining := newHandler(handlerConfig{referenceYear: 2024, log: logger, draining: closed})
	panics := withLogAndRecover(logger, http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("hunter2") }))
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	pw := `{"password":"hunter2"}`
	for _, tt := range []struct {
		name      string
		h         http.Handler
		method    string
		path      string
		body      string
		ctx       context.Context
		chunked   bool // no Content-Length: the limit is met while reading
		status    int
		errorType string
		field     string
	}{
		{"400 not JSON", plain, "POST", strengthCheckPath, `{"password":"hunter2"`, nil, false, 400, "invalid_request", ""},
		{"400 a field", plain, "POST", strengthCheckPath, `{"password":"hunter2","email":7}`, nil, false, 400, "invalid_email", "email"},
		{"400 reference_year", plain, "POST", strengthCheckPath, `{"password":"hunter2","reference_year":-3}`, nil, false, 400, "invalid_reference_year", "reference_year"},
		{"400 strength_policy", plain, "POST", strengthCheckPath, `{"password":"x","strength_policy":"hunter2"}`, nil, false, 400, "invalid_strength_policy", "strength_policy"},
		{"400 email an object", plain, "POST", strengthCheckPath, `{"password":"x","email":{"hunter2":"hunter2"}}`, nil, false, 400, "invalid_email", "email"},
		{"400 luds", plain, "POST", strengthCheckPath, `{"password":"hunter2","luds":{"min_length":2}}`, nil, false, 400, "invalid_luds", "luds.min_length"},
		{"404 no route", plain, "GET", "/hunter2", "", nil, false, 404, "route_not_found", ""},
		{"404 no corpus", plain, "GET", "/range/ABCDE", "", nil, false, 404, "route_not_found", ""},
		{"405", plain, "DELETE", strengthCheckPath, pw, nil, false, 405, "method_not_allowed", ""},
		{"413 by Content-Length", plain, "POST", strengthCheckPath, `{"password":"hunter2` + strings.Repeat("a", maxBody) + `"}`, nil, false, 413, "request_too_large", ""},
		{"413 while reading", plain, "POST", strengthCheckPath, `{"password":"hunter2` + strings.Repeat("a", maxBody) + `"}`, nil, true, 413, "request_too_large", ""},
		{"429 queue full", held(1, 0, time.Second), "POST", strengthCheckPath, pw, nil, false, 429, "too_many_requests", ""},
		{"503 waited too long", held(1, 1, 10*time.Millisecond), "POST", strengthCheckPath, pw, nil, false, 503, "service_unavailable", ""},
		{"503 client gone", held(1, 1, time.Second), "POST", strengthCheckPath, pw, cancelled, false, 503, "service_unavailable", ""},
		{"503 draining", draining, "POST", strengthCheckPath, pw, nil, false, 503, "service_unavailable", ""},
		{"500 panic", panics, "POST", strengthCheckPath, pw, nil, false, 500, "internal_server_error", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var body io.Reader = strings.NewReader(tt.body)
			if tt.chunked {
				body = io.MultiReader(body) // httptest.NewRequest gives no length to an unknown reader
			}
			req := httptest.NewRequest(tt.method, tt.path, body)
			if tt.ctx != nil {
				req = req.WithContext(tt.ctx)
			}
			rec := httptest.NewRecorder()
			tt.h.ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %.300s", rec.Code, tt.status, rec.Body)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type %q", ct)
			}
			a := checkErrorJSON(t, tt.name, tt.status, rec.Body.Bytes(), tt.errorType)
			if a["field"] != tt.field {
				t.Errorf("field %v, want %q", a["field"], tt.field)
			}
			if strings.Contains(rec.Body.String(), "hunter2") {
				t.Errorf("the error quotes the request: %s", rec.Body)
			}
		})
	}
}

// check's errors are JSON Lines in the same shape, each with its own
// request_id, and the run goes on.
func TestCheckErrorLines(t *testing.T) {
	lines := []string{
		`{"password":"hunter2"`,
		`{"password":"hunter2","email":7}`,
		`{"password":"hunter2","reference_year":-3}`,
		`{"password":"hunter2","junk":"` + strings.Repeat("a", core.MaxRequestBytes) + `"}`,
		`{"password":"` + strings.Repeat("a", maxLine) + `"}`,
		`{"password":"hunter2"}`,
	}
	want := []struct {
		status     int
		typ, field string
	}{
		{400, "invalid_request", ""},
		{400, "invalid_email", "email"},
		{400, "invalid_reference_year", "reference_year"},
		{413, "request_too_large", ""},
		{413, "request_too_large", ""},
	}
	raws := bytes.Split(bytes.TrimSuffix(runCheckOut(t, lines), []byte("\n")), []byte("\n"))
	if len(raws) != len(lines) {
		t.Fatalf("%d lines out for %d in", len(raws), len(lines))
	}
	ids := map[any]bool{}
	for i, w := range want {
		a := checkErrorJSON(t, "line "+strconv.Itoa(i+1), w.status, raws[i], w.typ)
		if a["field"] != w.field {
			t.Errorf("line %d: field %v, want %q", i+1, a["field"], w.field)
		}
		if ids[a["request_id"]] {
			t.Errorf("line %d: request_id %v again", i+1, a["request_id"])
		}
		ids[a["request_id"]] = true
		if bytes.Contains(raws[i], []byte("hunter2")) {
			t.Errorf("line %d quotes the request: %s", i+1, raws[i])
		}
	}
	if a := decodeAnswer(t, raws[len(raws)-1]); a["status_code"] != 200.0 {
		t.Errorf("the run did not go on: %v", a)
	}
}

// A 500 is spelled internal_server_error, as Stytch spells it, in every
// source of the project: Go, JavaScript and the types.
func TestOneInternalErrorSpelling(t *testing.T) {
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "node_modules", "dist", ".git", "testdata":
				return filepath.SkipDir
			}
			return nil
		}
		switch filepath.Ext(path) {
		case ".go", ".js", ".mjs", ".ts", ".cts", ".md":
		default:
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.Contains(bytes.ReplaceAll(b, []byte("internal_server_error"), nil), []byte("internal_error")) &&
			!strings.HasSuffix(path, "serve_errors_test.go") {
			t.Errorf("%s spells a 500 other than internal_server_error", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
