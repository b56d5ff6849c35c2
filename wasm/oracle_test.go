//go:build js && wasm

package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"math"
	"os"
	"reflect"
	"strconv"
	"testing"
)

// oracleFile holds zxcvbn@4.4.2's own answers (core/zxcvbn/testdata);
// wasmbrowsertest serves the file system to the page.
const oracleFile = "../core/zxcvbn/testdata/oracle.jsonl.gz"

// oracleCompare runs one oracle line through strengthCheck in JavaScript,
// so passwords stay JavaScript strings (Go's decoder would replace a lone
// surrogate), and returns the oracle's and the module's answers side by
// side with every number as a string ("Infinity" included).
const oracleCompare = `(line) => {
	const c = JSON.parse(line);
	const r = strengthCheck({password: c.password, user_inputs: c.user_inputs, reference_year: c.reference_year});
	const pick = (x) => x.status_code && x.status_code !== 200 ? {error: x.error_message} : {
		score: x.score,
		guesses_log10: String(x.guesses_log10),
		sequence: x.sequence.map((m) => [m.pattern, m.i, m.j, m.token]),
		warning: x.feedback.warning,
		suggestions: x.feedback.suggestions,
	};
	return JSON.stringify([pick(c), pick(r)]);
}`

type oracleAnswer struct {
	Error        string   `json:"error"`
	Score        int      `json:"score"`
	GuessesLog10 string   `json:"guesses_log10"`
	Sequence     [][]any  `json:"sequence"`
	Warning      string   `json:"warning"`
	Suggestions  []string `json:"suggestions"`
}

func TestOracleSample(t *testing.T) {
	f, err := os.Open(oracleFile)
	if err != nil {
		t.Fatalf("oracle data missing (it is committed; see core/zxcvbn/testdata): %v", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	compare := jsEval(oracleCompare)
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 1<<20)
	n, skipped := 0, 0
	for n < 500 && sc.Scan() {
		n++
		var pair [2]oracleAnswer
		out := compare.Invoke(sc.Text()).String()
		if err := json.Unmarshal([]byte(out), &pair); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		want, got := pair[0], pair[1]
		if got.Error != "" {
			skipped++ // a lone surrogate: refused by design, zxcvbn scores it
			t.Logf("line %d: %s", n, got.Error)
			continue
		}
		wl, _ := strconv.ParseFloat(want.GuessesLog10, 64)
		gl, _ := strconv.ParseFloat(got.GuessesLog10, 64)
		logOK := wl == gl || math.Abs(wl-gl) <= 1e-9*math.Abs(wl)
		got.GuessesLog10, want.GuessesLog10 = "", ""
		if !logOK || !reflect.DeepEqual(got, want) {
			t.Errorf("line %d: %s\n want %+v log10 %v\n got  %+v log10 %v", n, sc.Text()[:min(120, len(sc.Text()))], want, wl, got, gl)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d oracle lines through the wasm, %d refused", n, skipped)
}
