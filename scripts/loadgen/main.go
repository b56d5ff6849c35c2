// Command loadgen measures a running `passmeter serve`: it sends strength
// check requests from a fixed, varied set over loopback with a bounded
// number of workers, requests and seconds, and prints requests per second
// and latency percentiles as a Markdown table row. scripts/bench-serve.sh
// runs it. With -range it sends GET {url}/{random prefix} instead, as the
// page's breach check does (scripts/bench-pwned.sh).
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	target := flag.String("url", "", "strength check URL on a loopback address, e.g. http://127.0.0.1:8080/v1/passwords/strength_check")
	workers := flag.Int("c", 32, "concurrent connections")
	maxRequests := flag.Int("n", 50000, "most requests to send")
	maxDuration := flag.Duration("d", 10*time.Second, "most time to spend sending")
	warmup := flag.Int("warmup", 500, "requests sent (and not measured) first")
	header := flag.Bool("header", false, "print the table header before the row")
	label := flag.String("label", "", "first column (default: describes the run)")
	rangeMode := flag.Bool("range", false, "GET {url}/{prefix} of random prefixes (url: a /range base) instead of strength checks")
	prefixes := flag.Int("prefixes", 1<<20, "with -range: draw prefixes from 00000 to this many minus one")
	padding := flag.Bool("padding", false, "with -range: send Add-Padding: true, as the page does")
	flag.Parse()
	if err := checkLoopback(*target); err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(2)
	}
	if *workers < 1 || *maxRequests < 1 || *maxDuration <= 0 || *maxDuration > 5*time.Minute {
		fmt.Fprintln(os.Stderr, "loadgen: -c and -n must be positive, -d between 0 and 5m")
		os.Exit(2)
	}
	client := &http.Client{
		Transport: &http.Transport{MaxIdleConnsPerHost: *workers, DisableCompression: true},
		Timeout:   10 * time.Second,
	}
	bodies := requestBodies()
	send := func(i int64) (*http.Response, error) {
		return client.Post(*target, "application/json", bytes.NewReader(bodies[i%int64(len(bodies))]))
	}
	if *rangeMode {
		if *prefixes < 1 || *prefixes > 1<<20 {
			fmt.Fprintln(os.Stderr, "loadgen: -prefixes must be from 1 to 1048576")
			os.Exit(2)
		}
		send = func(i int64) (*http.Response, error) {
			// A fixed scatter of the request number over the prefixes.
			p := uint64(i) * 0x9E3779B97F4A7C15 >> 12 % uint64(*prefixes)
			req, err := http.NewRequest(http.MethodGet, fmt.Sprintf("%s/%05X", *target, p), nil)
			if err != nil {
				return nil, err
			}
			if *padding {
				req.Header.Set("Add-Padding", "true")
			}
			return client.Do(req)
		}
	}
	if _, errs := run(send, *workers, *warmup, time.Minute); errs > 0 {
		fmt.Fprintf(os.Stderr, "loadgen: %d errors while warming up\n", errs)
		os.Exit(1)
	}
	start := time.Now()
	lat, errs := run(send, *workers, *maxRequests, *maxDuration)
	elapsed := time.Since(start)

	if *label == "" {
		*label = fmt.Sprintf("passmeter serve, loopback, %d connections", *workers)
	}
	if *header {
		fmt.Println("| run | requests | requests/s | p50 | p99 | errors |")
		fmt.Println("| --- | ---: | ---: | ---: | ---: | ---: |")
	}
	fmt.Printf("| %s | %d | %.0f | %s | %s | %d |\n", *label, len(lat)+errs,
		float64(len(lat)+errs)/elapsed.Seconds(), ms(percentile(lat, 50)), ms(percentile(lat, 99)), errs)
	if errs > 0 {
		os.Exit(1)
	}
}

// checkLoopback refuses any target but this machine.
func checkLoopback(target string) error {
	u, err := url.Parse(target)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return fmt.Errorf("-url %q is not an http URL", target)
	}
	if ip := net.ParseIP(u.Hostname()); u.Hostname() != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("-url %q is not on a loopback address", target)
	}
	return nil
}

// run sends up to n requests (fewer if d runs out; send makes request i)
// from workers goroutines and returns the latencies of the successful ones and the
// number of failures.
func run(send func(i int64) (*http.Response, error), workers, n int, d time.Duration) ([]time.Duration, int) {
	deadline := time.Now().Add(d)
	var next atomic.Int64
	var errs atomic.Int64
	lats := make([][]time.Duration, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for {
				i := next.Add(1) - 1
				if i >= int64(n) || time.Now().After(deadline) {
					return
				}
				t0 := time.Now()
				resp, err := send(i)
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if err == nil && resp.StatusCode != http.StatusOK {
						err = fmt.Errorf("status %d", resp.StatusCode)
					}
				}
				if err != nil {
					if errs.Add(1) == 1 {
						fmt.Fprintln(os.Stderr, "loadgen: first error:", err)
					}
					continue
				}
				lats[w] = append(lats[w], time.Since(t0))
			}
		})
	}
	wg.Wait()
	return slices.Concat(lats...), int(errs.Load())
}

func percentile(lat []time.Duration, p int) time.Duration {
	if len(lat) == 0 {
		return 0
	}
	slices.Sort(lat)
	return lat[(len(lat)-1)*p/100]
}

func ms(d time.Duration) string {
	return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond))
}

// requestBodies is a mix of what a sign-up form sends: common and
// mangled words, names with dates, passphrases, random strings, some with
// the LUDS policy or user inputs.
func requestBodies() [][]byte {
	passwords := []string{
		"password", "123456", "hunter2", "Password1!", "qwertyuiop", "iloveyou2019",
		"Tr0ub4dor&3", "correcthorsebatterystaple", "alice1990", "Summer2024!",
		"dragon-monkey-sunshine", "zxcvbnm,./", "P@ssw0rd", "letmein123", "1q2w3e4r5t",
		"purple elephant dances slowly", "j8#Kq!2vLp9@", "aaaaaaaaaaaa", "abcdefgh1234",
		"пароль-кошка", "密码很强123", "😀 secure 😀", "Xk4#mQ9$zR2&wN7!", "jordan23jordan23",
	}
	var bodies [][]byte
	for i, pw := range passwords {
		req := map[string]any{"password": pw, "reference_year": 2024}
		switch i % 4 {
		case 1:
			req["strength_policy"] = "luds"
		case 2:
			req["user_inputs"] = []string{"alice", "passmeter"}
		}
		b, _ := json.Marshal(req)
		bodies = append(bodies, b)
	}
	return bodies
}
