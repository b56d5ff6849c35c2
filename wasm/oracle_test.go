//go:build js && wasm

package main

import (
	"bufio"
	"compress/gzip"
	"os"
	"strings"
	"testing"
)

// oracleFile holds zxcvbn@4.4.2's own answers (core/zxcvbn/testdata);
// wasmbrowsertest serves the file system to the page.
const oracleFile = "../core/zxcvbn/testdata/oracle.jsonl.gz"

// oracleCompareFile is the comparison the Node test makes too.
const oracleCompareFile = "testdata/oracle_compare.js"

// jsStringCats are the oracle's categories of what only JavaScript holds
// (lone surrogates, non-string user inputs, Infinity) and of zxcvbn's
// plain-object quirks: every line of them is run, with the first 500.
var jsStringCats = []string{`"cat":"surrogate"`, `"cat":"proto"`, `"cat":"input_types"`, `"cat":"infinity"`}

// oracleRun runs one oracle line through the strengthCheck global in
// JavaScript, so that passwords and tokens stay JavaScript strings (lone
// surrogates included) and Infinity stays a number, and returns what
// differs from zxcvbn's answer, "" when nothing does.
const oracleRun = `(compare) => (line) => {
	const c = JSON.parse(line);
	return compare(c, strengthCheck({password: c.password, user_inputs: c.user_inputs, reference_year: c.reference_year}));
}`

func TestOracle(t *testing.T) {
	f, err := os.Open(oracleFile)
	if err != nil {
		t.Fatalf("oracle data missing (it is committed; see core/zxcvbn/testdata): %v", err)
	}
	defer f.Close()
	src, err := os.ReadFile(oracleCompareFile)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	run := jsEval(oracleRun).Invoke(jsEval(string(src)))
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 1<<20)
	line, n, failed := 0, 0, 0
	perCat := map[string]int{}
	for sc.Scan() {
		line++
		text := sc.Text()
		cat := ""
		for _, c := range jsStringCats {
			if strings.Contains(text[:min(len(text), 40)], c) {
				cat = c
			}
		}
		if line > 500 && cat == "" {
			continue
		}
		n++
		perCat[cat]++
		if d := run.Invoke(text).String(); d != "" {
			failed++
			if failed <= 20 {
				t.Errorf("line %d %.100s: %s", line, text, d)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for _, c := range jsStringCats {
		if perCat[c] == 0 {
			t.Errorf("no oracle lines with %s", c)
		}
	}
	t.Logf("%d oracle lines through the wasm, %d differ (%v)", n, failed, perCat)
}
