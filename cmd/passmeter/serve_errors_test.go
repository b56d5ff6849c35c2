package main

import (
	"bufio"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
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
