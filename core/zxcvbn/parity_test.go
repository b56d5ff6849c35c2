package zxcvbn

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/passmeter/passmeter/core/internal/jsonr"
	"github.com/passmeter/passmeter/core/internal/userinput"
)

// oracleFile holds zxcvbn@4.4.2's own answers, recorded under Node by
// scripts/oracle (see testdata/README.md).
const oracleFile = "testdata/oracle.jsonl.gz"

// minOracleCases guards against a truncated or wrong recording.
const minOracleCases = 27000

// The lines are read with core's own JSON reader, so strings are WTF-8:
// a lone surrogate JSON.stringify wrote as \udXXX is that unit again,
// where encoding/json would make it U+FFFD and hide a wrong token.

func TestParityWithZxcvbnJS(t *testing.T) {
	path := oracleFile
	if p := os.Getenv("PASSMETER_ORACLE"); p != "" {
		path = p // another recording, e.g. a larger one made locally
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("oracle data missing: %v (run scripts/oracle)", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	total, failed := 0, 0
	perCat := map[string][2]int{}
	for sc.Scan() {
		c, err := jsonr.Parse(sc.Bytes())
		if err != nil {
			t.Fatalf("line %d: %v", total+1, err)
		}
		total++
		cat, password := member(&c, "cat").Str, member(&c, "password").Str
		inputs := userinput.FromJSON(member(&c, "user_inputs").Items)
		year, _ := strconv.Atoi(member(&c, "reference_year").Num)
		r := Estimate(password, inputs, &Options{ReferenceYear: year})
		got, err := jsonr.Parse(r.AppendJSONForJS(nil))
		if err != nil {
			t.Fatalf("our JSON: %v", err)
		}
		diff := compareOracle(&c, &got)
		pc := perCat[cat]
		pc[0]++
		if diff != "" {
			failed++
			pc[1]++
			if failed <= 20 {
				t.Errorf("%s %+q %+q: %s", cat, password, inputs, diff)
			}
		}
		perCat[cat] = pc
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if total < minOracleCases {
		t.Errorf("only %d oracle cases, want at least %d", total, minOracleCases)
	}
	t.Logf("parity: %d cases, %d differ", total, failed)
	cats := make([]string, 0, len(perCat))
	for cat := range perCat {
		cats = append(cats, cat)
	}
	sort.Strings(cats)
	for _, cat := range cats {
		t.Logf("  %-16s %6d cases, %d differ", cat, perCat[cat][0], perCat[cat][1])
	}
}

func member(v *jsonr.Value, name string) *jsonr.Value {
	if m, ok := v.Get(name); ok {
		return m
	}
	return &jsonr.Value{Kind: jsonr.Null}
}

// compareOracle compares every field the oracle recorded (all of zxcvbn's
// result but password and calc_time) with ours, and requires of each match
// exactly zxcvbn's fields (ours adds base_matches, which the oracle leaves
// out).
func compareOracle(want, got *jsonr.Value) string {
	for _, m := range want.Members {
		switch m.Name {
		case "cat", "password", "user_inputs", "reference_year":
			continue
		}
		g, ok := got.Get(m.Name)
		if !ok {
			return "no " + m.Name
		}
		if d := compareJS(m.Name, &m.Value, g); d != "" {
			return d
		}
	}
	return ""
}

// compareJS compares an oracle value with ours: numbers to 1e-9 relative
// (the oracle spells ±Infinity and NaN as strings, we as ±1e999 and null),
// strings unit for unit, objects on the oracle's keys, and a match object
// (one with a "pattern") on exactly its keys.
func compareJS(path string, want, got *jsonr.Value) string {
	if w, ok := oracleNumber(want); ok {
		g, ok := ourNumber(got)
		if !ok || !near(g, w) {
			return fmt.Sprintf("%s: %s, want %v", path, show(got), w)
		}
		return ""
	}
	if want.Kind != got.Kind {
		if strings.HasSuffix(path, ".rank") && got.Kind == jsonr.Null {
			return "" // a prototype name's rank: an object in zxcvbn.js, null here
		}
		return fmt.Sprintf("%s: %s, want %s", path, show(got), show(want))
	}
	switch want.Kind {
	case jsonr.String:
		if want.Str != got.Str {
			return fmt.Sprintf("%s: %+q, want %+q", path, got.Str, want.Str)
		}
	case jsonr.Bool:
		if want.Bool != got.Bool {
			return fmt.Sprintf("%s: %v, want %v", path, got.Bool, want.Bool)
		}
	case jsonr.Array:
		if len(want.Items) != len(got.Items) {
			return fmt.Sprintf("%s: %d items, want %d: %s, want %s", path, len(got.Items), len(want.Items), show(got), show(want))
		}
		for k := range want.Items {
			if d := compareJS(path+"."+strconv.Itoa(k), &want.Items[k], &got.Items[k]); d != "" {
				return d
			}
		}
	case jsonr.Object:
		for _, m := range want.Members {
			g, ok := got.Get(m.Name)
			if !ok {
				return fmt.Sprintf("%s: no %s", path, m.Name)
			}
			if d := compareJS(path+"."+m.Name, &m.Value, g); d != "" {
				return d
			}
		}
		if _, isMatch := want.Get("pattern"); isMatch {
			for _, m := range got.Members {
				if _, ok := want.Get(m.Name); !ok && m.Name != "base_matches" && m.Name != "rank" {
					return fmt.Sprintf("%s: field %s zxcvbn does not set", path, m.Name)
				}
			}
		}
	}
	return ""
}

func oracleNumber(v *jsonr.Value) (float64, bool) {
	switch {
	case v.Kind == jsonr.Number:
		f, _ := strconv.ParseFloat(v.Num, 64)
		return f, true
	case v.Kind == jsonr.String && (v.Str == "Infinity" || v.Str == "-Infinity" || v.Str == "NaN"):
		f, _ := strconv.ParseFloat(v.Str, 64)
		return f, true
	}
	return 0, false
}

func ourNumber(v *jsonr.Value) (float64, bool) {
	switch v.Kind {
	case jsonr.Number:
		f, _ := strconv.ParseFloat(v.Num, 64) // 1e999 reads as +Inf (ErrRange)
		return f, true
	case jsonr.Null:
		return math.NaN(), true // the one number JSON cannot spell
	}
	return 0, false
}

func near(got, want float64) bool {
	if math.IsNaN(want) || math.IsNaN(got) {
		return math.IsNaN(want) && math.IsNaN(got)
	}
	if math.IsInf(want, 0) || math.IsInf(got, 0) {
		return got == want
	}
	return math.Abs(got-want) <= 1e-9*math.Abs(want)
}

func show(v *jsonr.Value) string {
	switch v.Kind {
	case jsonr.Null:
		return "null"
	case jsonr.Bool:
		return strconv.FormatBool(v.Bool)
	case jsonr.Number:
		return v.Num
	case jsonr.String:
		return fmt.Sprintf("%+q", v.Str)
	case jsonr.Array:
		parts := make([]string, len(v.Items))
		for k := range v.Items {
			parts[k] = show(&v.Items[k])
		}
		return "[" + strings.Join(parts, " ") + "]"
	}
	parts := make([]string, len(v.Members))
	for k, m := range v.Members {
		parts[k] = m.Name + ":" + show(&m.Value)
	}
	return "{" + strings.Join(parts, " ") + "}"
}

func seqString(ms []*Match) string {
	s := ""
	for _, m := range ms {
		s += fmt.Sprintf("[%s %d-%d %+q] ", m.Pattern, m.I, m.J, m.Token)
	}
	return s
}
