package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// parityRequests are strength check requests answered the same way by
// `passmeter check` (one per line) and by the server (one per POST), given
// --reference-year 2024 and no breach check. Errors included.
var parityRequests = []string{
	`{"password":"hunter2","reference_year":2024}`,
	`{"password":"correcthorsebatterystaple","reference_year":2024}`,
	`{"password":"Tr0ub4dor&3","email":"alice.smith@example.com","reference_year":2024}`,
	`{"password":"alicesmith1990","email":"alice.smith@example.com","user_inputs":["passmeter","alice"],"reference_year":2024}`,
	`{"password":"Password1!","strength_policy":"luds","luds":{"min_length":10,"min_complexity":4},"reference_year":2024}`,
	`{"password":"short","strength_policy":"luds"}`,
	`{"password":"qwertyuiop1987","strength_policy":"zxcvbn","reference_year":2010}`,
	`{"password":"qwertyuiop1987"}`,
	`{"password":"пароль-кошка-2019","reference_year":2024}`,
	`{"password":"😀😀😀 correct horse 密码","reference_year":2024}`,
	`{"password":"","reference_year":2024}`,
	`{"password":"a<b>&c\"d\\e","reference_year":2024,"unknown_field":true}`,
	`{"password":"x","strength_policy":"nope"}`,
	`{"password":"x","luds":{"min_length":3}}`,
	`{"password":"x","reference_year":"2024"}`,
	`{"email":"a@b.c"}`,
	`{"password":["x"]}`,
	`{"password":"x"} {"password":"y"}`,
	`[]`,
	`not json`,
}

// randomPassword returns n characters drawn from letters and digits: past
// about 300 of them zxcvbn's crack times overflow to +Inf.
func randomPassword(seed uint64, n int) string {
	const chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	rng := rand.New(rand.NewPCG(seed, 42))
	b := make([]byte, n)
	for i := range b {
		b[i] = chars[rng.IntN(len(chars))]
	}
	return string(b)
}

// answer is a decoded JSON response.
type answer = map[string]any

func decodeAnswer(t *testing.T, b []byte) answer {
	t.Helper()
	var a answer
	if err := json.Unmarshal(b, &a); err != nil {
		t.Fatalf("response is not a JSON object: %v: %.300q", err, b)
	}
	return a
}

// stable drops the fields that differ between two answers to the same
// request: the request id and the time taken; and it keeps of each match
// what serve's default answer has (pattern, i, j: no password material),
// so that check and serve compare equal.
func stable(a answer) answer {
	c := make(answer, len(a))
	for k, v := range a {
		if k != "request_id" && k != "calc_time_ms" {
			c[k] = v
		}
	}
	if seq, ok := a["sequence"].([]any); ok {
		redacted := make([]any, len(seq))
		for i, m := range seq {
			m, _ := m.(map[string]any)
			redacted[i] = map[string]any{"pattern": m["pattern"], "i": m["i"], "j": m["j"]}
		}
		c["sequence"] = redacted
	}
	return c
}

func sameAnswer(t *testing.T, what string, got, want answer) {
	t.Helper()
	if g, w := stable(got), stable(want); !reflect.DeepEqual(g, w) {
		gb, _ := json.Marshal(g)
		wb, _ := json.Marshal(w)
		t.Errorf("%s:\n got %.600s\nwant %.600s", what, gb, wb)
	}
}

// checkErrorShape checks a Stytch error body: its four fields, the status
// repeated, and the error type.
func checkErrorShape(t *testing.T, what string, status int, a answer, wantType string) {
	t.Helper()
	if got, _ := a["status_code"].(float64); int(got) != status {
		t.Errorf("%s: status_code %v, want %d", what, a["status_code"], status)
	}
	if id, _ := a["request_id"].(string); !strings.HasPrefix(id, "request-id-") {
		t.Errorf("%s: request_id %q", what, a["request_id"])
	}
	if got, _ := a["error_type"].(string); got != wantType {
		t.Errorf("%s: error_type %q, want %q (%v)", what, got, wantType, a["error_message"])
	}
	if msg, _ := a["error_message"].(string); msg == "" {
		t.Errorf("%s: empty error_message", what)
	}
	if got, want := a["error_url"], fmt.Sprintf("https://stytch.com/docs/api/errors/%d", status); got != want {
		t.Errorf("%s: error_url %v, want %s", what, got, want)
	}
	if _, ok := a["field"].(string); !ok || len(a) != 6 {
		t.Errorf("%s: keys of %v, want status_code, request_id, error_type, error_message, error_url and field", what, a)
	}
}

// errorKeys is the shape every error is written in (core.Error.AppendJSON).
const errorKeys = "status_code,request_id,error_type,error_message,error_url,field"

// checkErrorJSON is checkErrorShape on an error's JSON text, its keys in
// core.Error's order too.
func checkErrorJSON(t *testing.T, what string, status int, raw []byte, wantType string) answer {
	t.Helper()
	if got := strings.Join(jsonKeys(t, raw), ","); got != errorKeys {
		t.Errorf("%s: keys %s, want %s", what, got, errorKeys)
	}
	a := decodeAnswer(t, raw)
	checkErrorShape(t, what, status, a, wantType)
	return a
}

// jsonKeys is the top-level keys of a JSON object, in order.
func jsonKeys(t *testing.T, raw []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("not a JSON object: %.200q", raw)
	}
	var keys []string
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			t.Fatalf("%.200q: %v", raw, err)
		}
		keys = append(keys, k.(string))
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			t.Fatalf("%.200q: %v", raw, err)
		}
	}
	return keys
}

// post sends body to url and returns the status, the headers and the
// decoded body.
func post(t *testing.T, client *http.Client, url string, body io.Reader) (int, http.Header, answer) {
	t.Helper()
	resp, err := client.Post(url, "application/json", body)
	if err != nil {
		t.Fatalf("POST %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("POST %s: reading the answer: %v", url, err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("POST %s: Content-Type %q", url, ct)
	}
	return resp.StatusCode, resp.Header, decodeAnswer(t, b)
}

// runCheckLines answers lines with `passmeter check` in process.
func runCheckLines(t *testing.T, lines []string, args ...string) []answer {
	t.Helper()
	return splitAnswers(t, runCheckOut(t, lines, args...), len(lines))
}

// runCheckOut runs passmeter check on lines and returns its output.
func runCheckOut(t *testing.T, lines []string, args ...string) []byte {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := runCheck(args, strings.NewReader(strings.Join(lines, "\n")+"\n"), &out, &errOut); code != 0 {
		t.Fatalf("passmeter check exited %d: %s", code, errOut.String())
	}
	return out.Bytes()
}

func splitAnswers(t *testing.T, out []byte, n int) []answer {
	t.Helper()
	var as []answer
	for _, line := range bytes.Split(bytes.TrimSuffix(out, []byte("\n")), []byte("\n")) {
		as = append(as, decodeAnswer(t, line))
	}
	if len(as) != n {
		t.Fatalf("passmeter check gave %d answers for %d requests", len(as), n)
	}
	return as
}

// syncBuffer is a bytes.Buffer safe for concurrent use, for logs.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// noPasswordsLogged fails if the log holds any of the passwords (those
// long enough to be told apart from ordinary log text).
func noPasswordsLogged(t *testing.T, log string, passwords ...string) {
	t.Helper()
	for _, p := range passwords {
		if len(p) >= 6 && strings.Contains(log, p) {
			t.Errorf("the log holds the password %.40q", p)
		}
	}
}
