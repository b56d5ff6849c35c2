package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"net/http"
	"os"
	"strings"
	"testing"
)

// oracleFile is zxcvbn@4.4.2's own answers (core/zxcvbn/testdata).
const oracleFile = "../../core/zxcvbn/testdata/oracle.jsonl.gz"

// oracleLine keeps the oracle's strings as raw JSON: lone surrogates are
// \udXXX escapes there, which encoding/json would turn into U+FFFD.
type oracleLine struct {
	Cat        string            `json:"cat"`
	Password   json.RawMessage   `json:"password"`
	UserInputs json.RawMessage   `json:"user_inputs"`
	Score      int               `json:"score"`
	Guesses    float64           `json:"guesses"`
	Sequence   []json.RawMessage `json:"sequence"`
}

type rawAnswer struct {
	StatusCode int     `json:"status_code"`
	Score      int     `json:"score"`
	Guesses    float64 `json:"guesses"`
	Sequence   []struct {
		Token json.RawMessage `json:"token"`
	} `json:"sequence"`
}

// oracleCases returns up to n lines of the oracle's categories cats, as
// requests for check and serve, with the lines.
func oracleCases(t *testing.T, n int, cats ...string) ([]string, []oracleLine) {
	t.Helper()
	f, err := os.Open(oracleFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 1<<20)
	var reqs []string
	var lines []oracleLine
	for sc.Scan() && len(lines) < n {
		var l oracleLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatal(err)
		}
		for _, c := range cats {
			if l.Cat == c {
				reqs = append(reqs, `{"password":`+string(l.Password)+`,"user_inputs":`+string(l.UserInputs)+`,"reference_year":2026}`)
				lines = append(lines, l)
			}
		}
	}
	if len(lines) == 0 {
		t.Fatalf("no oracle lines of %v", cats)
	}
	return reqs, lines
}

// rawToken is a token's JSON as JSON.stringify writes it: passmeter's
// writer also escapes U+2028 and U+2029, which JSON.stringify leaves.
func rawToken(b json.RawMessage) string {
	return strings.NewReplacer("\u2028", `\u2028`, "\u2029", `\u2029`).Replace(string(b))
}

// compareRaw checks one answer's JSON against the oracle: score, guesses
// and every token, unit for unit (the \udXXX escapes compared as text).
func compareRaw(t *testing.T, what string, body []byte, want oracleLine) {
	t.Helper()
	var got rawAnswer
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatalf("%s: %v: %.200s", what, err, body)
	}
	if got.StatusCode != 200 || got.Score != want.Score || got.Guesses != want.Guesses || len(got.Sequence) != len(want.Sequence) {
		t.Errorf("%s: status %d score %d guesses %v, %d matches; want score %d guesses %v, %d matches",
			what, got.StatusCode, got.Score, got.Guesses, len(got.Sequence), want.Score, want.Guesses, len(want.Sequence))
		return
	}
	for k, m := range want.Sequence {
		var w struct {
			Token json.RawMessage `json:"token"`
		}
		json.Unmarshal(m, &w)
		if g := rawToken(got.Sequence[k].Token); g != rawToken(w.Token) {
			t.Errorf("%s: token %d %s, want %s", what, k, g, w.Token)
		}
	}
}

// A JSON \udXXX escape is valid JSON, and check and serve give zxcvbn's
// answer for it, tokens as the same escapes; numbers and booleans in
// user_inputs too. (Bytes that are not UTF-8 stay refused: see
// TestHandlerRequests.)
func TestCheckAndServeScoreJSStrings(t *testing.T) {
	reqs, lines := oracleCases(t, 400, "surrogate", "input_types", "proto")
	var out, errOut bytes.Buffer
	if code := runCheck(nil, strings.NewReader(strings.Join(reqs, "\n")+"\n"), &out, &errOut); code != 0 {
		t.Fatalf("check exited %d: %s", code, errOut.String())
	}
	answers := bytes.Split(bytes.TrimSuffix(out.Bytes(), []byte("\n")), []byte("\n"))
	if len(answers) != len(reqs) {
		t.Fatalf("%d answers for %d requests", len(answers), len(reqs))
	}
	h, _ := testHandler(t, nil)
	for i, req := range reqs {
		compareRaw(t, "check "+req, answers[i], lines[i])
		rec := serveOnce(h, "POST", strengthCheckPath, "application/json", strings.NewReader(req))
		if rec.Code != http.StatusOK {
			t.Errorf("serve %.80s: HTTP %d", req, rec.Code)
		}
		compareRaw(t, "serve "+req, rec.Body.Bytes(), lines[i])
	}
	// The refused bytes: a surrogate's three bytes are no UTF-8.
	rec := serveOnce(h, "POST", strengthCheckPath, "", strings.NewReader("{\"password\":\"a\xed\xa0\x80\"}"))
	if rec.Code != http.StatusBadRequest {
		t.Errorf("raw surrogate bytes: HTTP %d, want 400", rec.Code)
	}
}

// HTTP JSON writes a crack time zxcvbn.js overflows to Infinity as null,
// as JSON.stringify would (the README says so); the number stays readable
// by any JSON reader.
func TestCheckInfinityIsNull(t *testing.T) {
	reqs, lines := oracleCases(t, 50, "infinity")
	as := runCheckLines(t, reqs)
	nulls := 0
	for i, a := range as {
		times, _ := a["crack_times_seconds"].(map[string]any)
		v, ok := times["online_throttling_100_per_hour"]
		if !ok {
			t.Fatalf("no online_throttling_100_per_hour in %v", times)
		}
		if v == nil {
			nulls++
		}
		if g, _ := a["guesses"].(float64); g != lines[i].Guesses {
			t.Errorf("%.40s: guesses %v, want %v", reqs[i], g, lines[i].Guesses)
		}
	}
	if nulls == 0 {
		t.Errorf("no answer overflowed")
	}
}
