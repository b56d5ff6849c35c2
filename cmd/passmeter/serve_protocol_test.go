package main

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Go's HTTP server refuses these before any handler runs, in plain text;
// serve answers each in Stytch's shape with the same status, quoting
// nothing of the request (each holds "hunter2").
func TestServeProtocolErrorsInStytchShape(t *testing.T) {
	p := startServe(t, "--no-breach-check")
	addr := strings.TrimPrefix(p.url, "http://")
	body := `{"password":"x"}`
	good := "POST " + strengthCheckPath + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
		strconv.Itoa(len(body)) + "\r\n\r\n" + body
	for _, tt := range []struct {
		name, request string
		status        int
		errorType     string
		before        int // answers before the error on the same connection
	}{
		{"malformed request line", "hunter2 hunter2\r\n\r\n", 400, "invalid_request", 0},
		{"no method", " / HTTP/1.1\r\nHost: hunter2\r\n\r\n", 400, "invalid_request", 0},
		{"bad Host", "GET /healthz HTTP/1.1\r\nHost: hunter2 hunter2\r\n\r\n", 400, "invalid_request", 0},
		{"no Host", "GET /hunter2 HTTP/1.1\r\n\r\n", 400, "invalid_request", 0},
		{"bad header name", "GET /healthz HTTP/1.1\r\nHost: x\r\nhunter2 2: x\r\n\r\n", 400, "invalid_request", 0},
		{"bad header value", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: hunter2\x01\r\n\r\n", 400, "invalid_request", 0},
		{"header line without colon", "GET /healthz HTTP/1.1\r\nHost: x\r\nhunter2\r\n\r\n", 400, "invalid_request", 0},
		{"HTTP/3.0", "GET /hunter2 HTTP/3.0\r\nHost: x\r\n\r\n", 505, "http_version_not_supported", 0},
		{"HTTP/2.0 without preface", "GET /hunter2 HTTP/2.0\r\nHost: x\r\n\r\n", 505, "http_version_not_supported", 0},
		{"1 MB of headers", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("hunter2 ", 1<<17) + "\r\n\r\n", 431, "request_header_fields_too_large", 0},
		{"unknown transfer coding", "POST " + strengthCheckPath + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: hunter2\r\n\r\n", 501, "not_implemented", 0},
		{"unknown expectation", "POST " + strengthCheckPath + " HTTP/1.1\r\nHost: x\r\nExpect: hunter2\r\nContent-Length: 2\r\n\r\n{}", 417, "expectation_failed", 0},
		{"after a good request on the same connection", good + "hunter2\r\n\r\n", 400, "invalid_request", 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			conn.SetDeadline(time.Now().Add(10 * time.Second))
			// Written while the answer is read: the server answers a 431
			// before it has read the whole request.
			go io.WriteString(conn, tt.request)
			br := bufio.NewReader(conn)
			for i := 0; i < tt.before; i++ {
				resp, err := http.ReadResponse(br, nil)
				if err != nil {
					t.Fatal(err)
				}
				io.Copy(io.Discard, resp.Body)
				if resp.StatusCode != 200 {
					t.Fatalf("answer %d: %d, want 200", i, resp.StatusCode)
				}
			}
			raw, err := io.ReadAll(br)
			if len(raw) == 0 {
				t.Fatalf("no answer: %v", err)
			}
			text := string(raw)
			if want := "HTTP/1.1 " + strconv.Itoa(tt.status) + " " + http.StatusText(tt.status) + "\r\n"; !strings.HasPrefix(text, want) {
				t.Fatalf("answer %.200q, want status %d", text, tt.status)
			}
			if strings.Contains(strings.ToLower(text), "hunter2") {
				t.Errorf("the answer quotes the request: %q", text)
			}
			resp, err := http.ReadResponse(bufio.NewReader(strings.NewReader(text)), nil)
			if err != nil {
				t.Fatalf("%q: %v", text, err)
			}
			body, _ := io.ReadAll(resp.Body)
			if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type %q", ct)
			}
			if !resp.Close || resp.Header.Get("Date") == "" || resp.Header.Get("Cache-Control") != "no-store" {
				t.Errorf("headers %v", resp.Header)
			}
			if int(resp.ContentLength) != len(body) {
				t.Errorf("Content-Length %d, body %d bytes", resp.ContentLength, len(body))
			}
			a := decodeAnswer(t, body)
			checkErrorShape(t, tt.name, tt.status, a, tt.errorType)
			if strings.Contains(text, addr) || strings.Contains(text, "127.0.0.1") {
				t.Errorf("the answer names a socket address: %q", text)
			}
		})
	}
	// The server still answers.
	status, _, a := post(t, http.DefaultClient, p.url+strengthCheckPath, strings.NewReader(`{"password":"x"}`))
	if status != 200 || a["status_code"] != float64(200) {
		t.Fatalf("after the protocol errors: %d %v", status, a)
	}
}

// Only net/http's own plain-text replies are recognised: never an answer
// a handler wrote, whatever it holds.
func TestProtocolErrorRecognisesOnlyGosReplies(t *testing.T) {
	for _, tt := range []struct {
		write  string
		status int // 0: passed through
	}{
		{"HTTP/1.1 400 Bad Request" + goErrorHeaders + "400 Bad Request", 400},
		{"HTTP/1.1 400 Bad Request: malformed Host header" + goErrorHeaders + "400 Bad Request: malformed Host header", 400},
		{"HTTP/1.1 431 Request Header Fields Too Large" + goErrorHeaders + "431 Request Header Fields Too Large", 431},
		{"HTTP/1.1 505 HTTP Version Not Supported: unsupported protocol version" + goErrorHeaders + "505 HTTP Version Not Supported: unsupported protocol version", 505},
		{"HTTP/1.1 501 Not Implemented" + goErrorHeaders + "Unsupported transfer encoding", 501},
		{"HTTP/1.1 417 Expectation Failed\r\nConnection: close\r\nDate: Tue, 01 Dec 2026 14:00:00 GMT\r\nContent-Length: 0\r\n\r\n", 417},
		// a handler's answers
		{"HTTP/1.1 400 Bad Request" + goErrorHeaders + "400 Bad Request, and more", 0},
		{"HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nDate: Tue, 01 Dec 2026 14:00:00 GMT\r\nConnection: close\r\n\r\n400 Bad Request", 0},
		{"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello", 0},
		{"400 Bad Request" + goErrorHeaders + "400 Bad Request", 0},
		{"HTTP/1.1 417 Expectation Failed\r\nContent-Length: 3\r\n\r\nabc", 0},
		{"HTTP/1.1 4x0 Bad Request" + goErrorHeaders + "4x0 Bad Request", 0},
	} {
		e := protocolError([]byte(tt.write))
		switch {
		case tt.status == 0 && e != nil:
			t.Errorf("%.60q: recognised as %d", tt.write, e.Status)
		case tt.status != 0 && (e == nil || e.Status != tt.status):
			t.Errorf("%.60q: got %v, want %d", tt.write, e, tt.status)
		}
	}
}
