package main

import (
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/passmeter/passmeter/core/hibp"
	"github.com/passmeter/passmeter/core/pwned"
)

func rangeHandler(t *testing.T, c map[string]int) (http.Handler, *syncBuffer) {
	t.Helper()
	s, err := pwned.Open(importStore(t, c))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	logs := &syncBuffer{}
	return newHandler(handlerConfig{breach: s, ranges: s, referenceYear: 2024, log: log.New(logs, "passmeter: ", 0)}), logs
}

func TestServeRange(t *testing.T) {
	c := testCorpus(3000)
	h, logs := rangeHandler(t, c)
	prefix, _ := hibp.Hash("password")
	want := expectedRange(c, prefix)
	cleanPrefix, _ := hibp.Hash(cleanPassword)
	emptyPrefix := ""
	for p := 0; emptyPrefix == ""; p++ {
		if q := fmt.Sprintf("%05X", p); expectedRange(c, q) == "" {
			emptyPrefix = q
		}
	}

	tests := []struct {
		name, method, path string
		header             map[string]string
		status             int
		body               string // exact body, when not padded
		errType            string
	}{
		{"upper-case prefix", "GET", "/range/" + prefix, nil, 200, want, ""},
		{"lower-case prefix", "GET", "/range/" + strings.ToLower(prefix), nil, 200, want, ""},
		{"the clean password's prefix", "GET", "/range/" + cleanPrefix, nil, 200, expectedRange(c, cleanPrefix), ""},
		{"an empty range", "GET", "/range/" + emptyPrefix, nil, 200, "", ""},
		{"mode=sha1", "GET", "/range/" + prefix + "?mode=sha1", nil, 200, want, ""},
		{"HEAD", "HEAD", "/range/" + prefix, nil, 200, "", ""},
		{"four digits", "GET", "/range/ABCD", nil, 400, "", "invalid_hash_prefix"},
		{"six digits", "GET", "/range/ABCDEF", nil, 400, "", "invalid_hash_prefix"},
		{"not hex", "GET", "/range/ABCDG", nil, 400, "", "invalid_hash_prefix"},
		{"a sign", "GET", "/range/+ABCD", nil, 400, "", "invalid_hash_prefix"},
		{"no prefix", "GET", "/range/", nil, 400, "", "invalid_hash_prefix"},
		{"a trailing slash", "GET", "/range/" + prefix + "/", nil, 400, "", "invalid_hash_prefix"},
		{"a whole hash", "GET", "/range/5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8", nil, 400, "", "invalid_hash_prefix"},
		{"mode=ntlm on a SHA-1 store", "GET", "/range/" + prefix + "?mode=ntlm", nil, 400, "", "invalid_mode"},
		{"an unknown mode", "GET", "/range/" + prefix + "?mode=md5", nil, 400, "", "invalid_mode"},
		{"POST", "POST", "/range/" + prefix, nil, 405, "", "method_not_allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, tt.path, nil)
			rec := serveRequest(h, req)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			if got := rec.Header().Get("Access-Control-Allow-Origin"); got != "*" {
				t.Errorf("Access-Control-Allow-Origin %q", got)
			}
			if tt.status != 200 {
				checkErrorShape(t, tt.name, tt.status, decodeAnswer(t, rec.Body.Bytes()), tt.errType)
				if strings.Contains(strings.ToUpper(rec.Body.String()), "ABCD") || strings.Contains(rec.Body.String(), prefix) {
					t.Errorf("the error repeats the prefix: %s", rec.Body)
				}
				return
			}
			if rec.Body.String() != tt.body {
				t.Errorf("body:\n got %.300q\nwant %.300q", rec.Body, tt.body)
			}
			for k, v := range map[string]string{
				"Content-Type": "text/plain", "Cache-Control": "public, max-age=86400", "Vary": "Add-Padding",
				"X-Content-Type-Options": "nosniff",
			} {
				if got := rec.Header().Get(k); got != v {
					t.Errorf("%s %q, want %q", k, got, v)
				}
			}
			if tt.method == "HEAD" && rec.Header().Get("Content-Length") != strconv.Itoa(len(want)) {
				t.Errorf("HEAD Content-Length %q, want %d", rec.Header().Get("Content-Length"), len(want))
			}
		})
	}

	t.Run("preflight", func(t *testing.T) {
		req, _ := http.NewRequest("OPTIONS", "/range/"+prefix, nil)
		req.Header.Set("Origin", "https://shop.example")
		req.Header.Set("Access-Control-Request-Method", "GET")
		req.Header.Set("Access-Control-Request-Headers", "add-padding")
		rec := serveRequest(h, req)
		if rec.Code != 204 || rec.Header().Get("Access-Control-Allow-Origin") != "*" ||
			!strings.Contains(rec.Header().Get("Access-Control-Allow-Headers"), "Add-Padding") ||
			!strings.Contains(rec.Header().Get("Access-Control-Allow-Methods"), "GET") {
			t.Errorf("preflight: %d %v", rec.Code, rec.Header())
		}
	})

	t.Run("padding", func(t *testing.T) {
		sizes := map[int]bool{}
		for range 8 {
			req, _ := http.NewRequest("GET", "/range/"+strings.ToLower(prefix), nil)
			req.Header.Set("Add-Padding", "true")
			rec := serveRequest(h, req)
			lines := strings.Split(rec.Body.String(), "\r\n")
			if len(lines) < 800 || len(lines) > 1000 {
				t.Fatalf("padded range has %d lines", len(lines))
			}
			sizes[len(lines)] = true
			var real []string
			for i, l := range lines {
				if len(l) < 37 || l[35] != ':' || strings.ToUpper(l) != l || (i > 0 && l[:35] <= lines[i-1][:35]) {
					t.Fatalf("padded line %d %q: not an upper-case sorted distinct SUFFIX:COUNT", i, l)
				}
				if !strings.HasSuffix(l, ":0") {
					real = append(real, l)
				}
			}
			if strings.Join(real, "\r\n") != want {
				t.Fatal("padding changed the real lines")
			}
			// The range as the client parses it: the password is found,
			// with its count.
			if n, found, err := hibp.FindSuffix(strings.NewReader(rec.Body.String()), mustSuffix("password")); err != nil || !found || n != breachedPasswords["password"] {
				t.Errorf("FindSuffix on the padded range = %d, %v, %v", n, found, err)
			}
		}
		if len(sizes) < 2 {
			t.Errorf("8 padded answers all had the same size")
		}
	})

	if l := logs.String(); strings.Contains(l, prefix) || strings.Contains(l, strings.ToLower(prefix)) || strings.Contains(l, "ABCD") {
		t.Errorf("the log holds a prefix:\n%s", l)
	} else if !strings.Contains(l, "GET /range/{prefix} 200") {
		t.Errorf("the log does not show the range requests:\n%s", l)
	}
}

func TestRangeWithoutStore(t *testing.T) {
	h, logs := testHandler(t, nil)
	rec := serveOnce(h, "GET", "/range/5BAA6", "", nil)
	if rec.Code != 404 || strings.Contains(rec.Body.String(), "5BAA6") || strings.Contains(logs.String(), "5BAA6") {
		t.Errorf("without a store: %d %s\nlog: %s", rec.Code, rec.Body, logs)
	}
}

func TestBreachFromStore(t *testing.T) {
	h, _ := rangeHandler(t, testCorpus(500))
	for _, tt := range []struct {
		password, email, outcome string
		valid                    bool
	}{
		{"violet lantern quarry 77 mosaic", "ann@example.com", "breached", false},
		{"password", "ann@example.com", "breached", false},
		{cleanPassword, "ann@example.com", "ok", true},
		{"violet lantern quarry 77 mosaic", "", "skipped", true},
	} {
		body := `{"password":"` + tt.password + `","email":"` + tt.email + `","reference_year":2024}`
		rec := serveOnce(h, "POST", strengthCheckPath, "application/json", strings.NewReader(body))
		a := decodeAnswer(t, rec.Body.Bytes())
		if a["breach_check"] != tt.outcome || a["valid_password"] != tt.valid || a["breached_password"] != (tt.outcome == "breached") {
			t.Errorf("%q: breach_check %v, valid %v, breached %v", tt.password, a["breach_check"], a["valid_password"], a["breached_password"])
		}
	}
}

func serveRequest(h http.Handler, req *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func mustSuffix(pw string) string { _, s := hibp.Hash(pw); return s }

func TestServeRangeNTLM(t *testing.T) {
	// "password" in NTLM, and a neighbour.
	lines := "8846F7EAEE8FB117AD06BDD830B7586C:1\r\n8846F7EAEE8FB117AD06BDD830B7586D:2\r\n"
	from := filepath.Join(t.TempDir(), "ntlm.txt")
	os.WriteFile(from, []byte(lines), 0o644)
	to := filepath.Join(t.TempDir(), "ntlm.pwned")
	if code, out := pwnedCmd("import", "--from", from, "--to", to); code != 0 {
		t.Fatal(out)
	}
	if _, err := openStore(to, true, false); err == nil || !strings.Contains(err.Error(), "NTLM") {
		t.Errorf("an NTLM store for breach checks: %v", err)
	}
	s, err := openStore(to, false, false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	h := newHandler(handlerConfig{ranges: s})
	rec := serveOnce(h, "GET", "/range/8846f?mode=ntlm", "", nil)
	if rec.Code != 200 || rec.Body.String() != "7EAEE8FB117AD06BDD830B7586C:1\r\n7EAEE8FB117AD06BDD830B7586D:2" {
		t.Errorf("NTLM range: %d %q", rec.Code, rec.Body)
	}
	if rec := serveOnce(h, "GET", "/range/8846F", "", nil); rec.Code != 400 {
		t.Errorf("a SHA-1 range from an NTLM store: %d", rec.Code)
	}
}
