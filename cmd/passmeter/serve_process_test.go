package main

// Tests of `passmeter serve` as a real process: the binary is built once,
// started on 127.0.0.1 with port 0, and found by the address it prints.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

var binary struct {
	once sync.Once
	dir  string
	path string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binary.dir != "" {
		os.RemoveAll(binary.dir)
	}
	os.Exit(code)
}

// passmeterBinary builds the command once per test run.
func passmeterBinary(t *testing.T) string {
	t.Helper()
	binary.once.Do(func() {
		goTool, err := exec.LookPath("go")
		if err != nil {
			binary.err = err
			return
		}
		if binary.dir, binary.err = os.MkdirTemp("", "passmeter-test-"); binary.err != nil {
			return
		}
		binary.path = filepath.Join(binary.dir, "passmeter")
		out, err := exec.Command(goTool, "build", "-o", binary.path, ".").CombinedOutput()
		if err != nil {
			binary.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binary.err != nil {
		t.Fatal(binary.err)
	}
	return binary.path
}

// serveProcess is a running `passmeter serve`.
type serveProcess struct {
	url    string // http://127.0.0.1:PORT
	cmd    *exec.Cmd
	stderr *syncBuffer
	exited chan struct{} // closed once the process has exited; then err is set
	err    error
}

func startServe(t *testing.T, args ...string) *serveProcess {
	t.Helper()
	return startServeEnv(t, nil, args...)
}

// startServeEnv is startServe with env added to the process's environment.
func startServeEnv(t *testing.T, env []string, args ...string) *serveProcess {
	t.Helper()
	return startServeWrapped(t, env, nil, args...)
}

// startServeWrapped is startServeEnv run through wrapper (a command that
// runs its arguments, such as sh -c 'ulimit -v N; exec "$0" "$@"').
func startServeWrapped(t *testing.T, env, wrapper []string, args ...string) *serveProcess {
	t.Helper()
	argv := append(append(wrapper, passmeterBinary(t), "serve", "--addr", "127.0.0.1:0"), args...)
	cmd := exec.Command(argv[0], argv[1:]...)
	if env != nil {
		cmd.Env = append(os.Environ(), env...)
	}
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &serveProcess{cmd: cmd, stderr: &syncBuffer{}, exited: make(chan struct{})}
	found := make(chan string, 1)
	go func() {
		// Keep reading stderr for the process's whole life, so the
		// request log never blocks it.
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			fmt.Fprintln(p.stderr, sc.Text())
			if m := listening.FindStringSubmatch(sc.Text() + "\n"); m != nil {
				found <- m[1]
			}
		}
		p.err = cmd.Wait()
		close(p.exited)
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-p.exited
	})
	select {
	case p.url = <-found:
	case <-p.exited:
		t.Fatalf("passmeter serve exited: %v\n%s", p.err, p.stderr)
	case <-time.After(10 * time.Second):
		t.Fatalf("passmeter serve did not say where it listens:\n%s", p.stderr)
	}
	return p
}

func (p *serveProcess) alive(t *testing.T) {
	t.Helper()
	resp, err := http.Get(p.url + healthPath)
	if err != nil {
		t.Fatalf("the server no longer answers: %v\n%s", err, p.stderr)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("%s: %d", healthPath, resp.StatusCode)
	}
}

// checkProcess runs `passmeter check` as a process on lines.
func checkProcess(t *testing.T, lines []string, args ...string) []answer {
	t.Helper()
	cmd := exec.Command(passmeterBinary(t), append([]string{"check"}, args...)...)
	cmd.Stdin = strings.NewReader(strings.Join(lines, "\n") + "\n")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("passmeter check: %v\n%s", err, stderr.String())
	}
	return splitAnswers(t, out, len(lines))
}

func TestServeProcessMatchesCheck(t *testing.T) {
	t.Parallel()
	p := startServe(t, "--no-breach-check", "--reference-year", "2024")
	requests := append(parityRequests, `{"password":"`+randomPassword(7, 4096)+`"}`)
	want := checkProcess(t, requests, "--reference-year", "2024")
	for i, body := range requests {
		status, _, got := post(t, http.DefaultClient, p.url+strengthCheckPath, strings.NewReader(body))
		if code, _ := want[i]["status_code"].(float64); status != int(code) {
			t.Errorf("%.80s: HTTP status %d, check says %v", body, status, code)
		}
		sameAnswer(t, fmt.Sprintf("%.80s", body), got, want[i])
	}
	p.alive(t)
	noPasswordsLogged(t, p.stderr.String(), "hunter2", "correcthorsebatterystaple", "alicesmith1990", "Password1!", "пароль-кошка-2019")
}

func TestServeProcessConcurrent(t *testing.T) {
	t.Parallel()
	p := startServe(t, "--reference-year", "2024")
	const n = 200
	words := []string{"monkey", "dragon", "sunshine", "Tr0ub4dor&3", "correct horse", "пароль", "qwerty"}
	requests := make([]string, n)
	for i := range requests {
		req := map[string]any{"password": fmt.Sprintf("%s%d", words[i%len(words)], i*37)}
		if i%3 == 0 {
			req["strength_policy"] = "luds"
		}
		if i%5 == 0 {
			req["user_inputs"] = []string{"monkey"}
		}
		b, _ := json.Marshal(req)
		requests[i] = string(b)
	}
	want := checkProcess(t, requests, "--reference-year", "2024")

	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: n}, Timeout: 30 * time.Second}
	defer client.CloseIdleConnections()
	type result struct {
		status int
		body   []byte
		err    error
	}
	results := make([]result, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			<-start
			resp, err := client.Post(p.url+strengthCheckPath, "application/json", strings.NewReader(requests[i]))
			if err != nil {
				results[i].err = err
				return
			}
			defer resp.Body.Close()
			results[i].status = resp.StatusCode
			results[i].body, results[i].err = io.ReadAll(resp.Body)
		})
	}
	close(start)
	wg.Wait()
	ids := map[string]bool{}
	for i, r := range results {
		if r.err != nil || r.status != 200 {
			t.Errorf("request %d: %v, status %d", i, r.err, r.status)
			continue
		}
		got := decodeAnswer(t, r.body)
		ids[got["request_id"].(string)] = true
		// Breach detection is on, but no request names an email.
		if got["breach_detection_on_create"] != true || got["breach_check"] != "skipped" || got["breached_password"] != false {
			t.Errorf("request %d: breach fields %v %v %v", i, got["breach_detection_on_create"], got["breach_check"], got["breached_password"])
		}
		delete(got, "breach_detection_on_create")
		delete(want[i], "breach_detection_on_create")
		sameAnswer(t, requests[i], got, want[i])
	}
	if len(ids) != n {
		t.Errorf("%d distinct request ids for %d answers", len(ids), n)
	}
	p.alive(t)
}

func TestServeProcessBadInputs(t *testing.T) {
	t.Parallel()
	p := startServe(t, "--no-breach-check")
	long := randomPassword(3, 4096)
	tests := []struct {
		name      string
		method    string
		path      string
		body      func() io.Reader
		status    int
		errorType string // "" for a strength check answer
	}{
		{"invalid JSON", "POST", strengthCheckPath, text(`{"password": "abc`), 400, "invalid_request"},
		{"wrong type", "POST", strengthCheckPath, text(`{"password": 123456}`), 400, "invalid_password"},
		{"wrong element type", "POST", strengthCheckPath, text(`{"password":"a","user_inputs":{"0":"a"}}`), 400, "invalid_user_inputs"},
		{"10 MB body", "POST", strengthCheckPath, func() io.Reader {
			return io.MultiReader(strings.NewReader(`{"password":"`), io.LimitReader(repeatReader('a'), 10<<20), strings.NewReader(`"}`))
		}, 413, "request_too_large"},
		{"empty body", "POST", strengthCheckPath, text(``), 400, "invalid_request"},
		{"non-UTF-8 bytes", "POST", strengthCheckPath, text("{\"password\":\"caf\xe9\xff\"}"), 400, "invalid_request"},
		{"4,096 characters", "POST", strengthCheckPath, text(`{"password":"` + long + `"}`), 200, ""},
		{"GET", "GET", strengthCheckPath, text(``), 405, "method_not_allowed"},
		{"unknown path", "POST", "/v1/passwords", text(`{"password":"a"}`), 404, "route_not_found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, p.url+tt.path, tt.body())
			if err != nil {
				t.Fatal(err)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatalf("%v\n%s", err, p.stderr)
			}
			b, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d: %.300s", resp.StatusCode, tt.status, b)
			}
			a := decodeAnswer(t, b)
			if tt.errorType != "" {
				checkErrorShape(t, tt.name, tt.status, a, tt.errorType)
			} else if a["score"] != 4.0 || a["valid_password"] != true {
				t.Errorf("score %v, valid_password %v", a["score"], a["valid_password"])
			}
			// The server keeps serving.
			status, _, good := post(t, http.DefaultClient, p.url+strengthCheckPath, text(`{"password":"hunter2"}`)())
			if status != 200 || good["score"] != 1.0 {
				t.Errorf("the next request: %d %v", status, good)
			}
		})
	}
	p.alive(t)
	noPasswordsLogged(t, p.stderr.String(), long, "hunter2")
}

func text(s string) func() io.Reader {
	return func() io.Reader { return strings.NewReader(s) }
}

type repeatReader byte

func (r repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

func TestServeProcessBreach(t *testing.T) {
	t.Parallel()
	standin := newHIBPStandin(t,
		standinRange{password: "P@ssw0rd-from-a-breach", count: 52579},
		standinRange{password: "listed-as-padding-only", count: 0},
		standinRange{password: "hibp-takes-too-long", delay: 4 * time.Second},
		standinRange{password: "hibp-answers-500", status: 500},
	)
	p := startServe(t, "--hibp-endpoint", standin.Endpoint(), "--hibp-timeout", "1s", "--reference-year", "2024")
	tests := []struct {
		password    string
		breached    bool
		breachCheck string
	}{
		{"P@ssw0rd-from-a-breach", true, "breached"},
		{"P@ssw0rd-from-a-breach", true, "breached"}, // from the cache
		{"never-seen-anywhere-4711", false, "ok"},
		{"listed-as-padding-only", false, "ok"},
		{"hibp-takes-too-long", false, "unavailable"},
		{"hibp-answers-500", false, "unavailable"},
	}
	var passwords []string
	for _, tt := range tests {
		passwords = append(passwords, tt.password)
		body := fmt.Sprintf(`{"password":%q,"email":"jo@example.com"}`, tt.password)
		start := time.Now()
		status, _, a := post(t, http.DefaultClient, p.url+strengthCheckPath, strings.NewReader(body))
		if took := time.Since(start); took > 3*time.Second {
			t.Errorf("%s: took %v with a 1s HIBP time-out", tt.password, took)
		}
		if status != 200 {
			t.Errorf("%s: status %d", tt.password, status)
			continue
		}
		if a["breached_password"] != tt.breached || a["breach_check"] != tt.breachCheck || a["breach_detection_on_create"] != true {
			t.Errorf("%s: breached_password %v, breach_check %v, breach_detection_on_create %v; want %v, %v, true",
				tt.password, a["breached_password"], a["breach_check"], a["breach_detection_on_create"], tt.breached, tt.breachCheck)
		}
		if tt.breached && a["valid_password"] != false {
			t.Errorf("%s: breached yet valid", tt.password)
		}
	}
	// Without an email no breach check runs, as with Stytch.
	status, _, a := post(t, http.DefaultClient, p.url+strengthCheckPath, strings.NewReader(`{"password":"P@ssw0rd-from-a-breach"}`))
	if status != 200 || a["breached_password"] != false || a["breach_check"] != "skipped" || a["breach_detection_on_create"] != true {
		t.Errorf("without an email: %d %v %v %v", status, a["breached_password"], a["breach_check"], a["breach_detection_on_create"])
	}
	standin.check(t)
	p.alive(t)
	noPasswordsLogged(t, p.stderr.String(), passwords...)
	for _, path := range standin.paths() {
		for _, pw := range passwords {
			if strings.Contains(path, pw) {
				t.Errorf("HIBP saw the password in %s", path)
			}
		}
	}
}
