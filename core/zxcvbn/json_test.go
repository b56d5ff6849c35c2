package zxcvbn

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"slices"
	"testing"
)

// TestMatchJSONKeysAsZxcvbnJS checks that each match is written with the
// same keys zxcvbn.js puts on it, on the oracle's cases.
func TestMatchJSONKeysAsZxcvbnJS(t *testing.T) {
	f, err := os.Open(oracleFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, _ := gzip.NewReader(f)
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for n := 0; sc.Scan() && n < 3000; n++ {
		var c struct {
			Password      string           `json:"password"`
			UserInputs    []string         `json:"user_inputs"`
			ReferenceYear int              `json:"reference_year"`
			Sequence      []map[string]any `json:"sequence"`
		}
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		r := Estimate(c.Password, c.UserInputs, &Options{ReferenceYear: c.ReferenceYear})
		out, err := json.Marshal(r)
		if err != nil || !json.Valid(out) {
			t.Fatalf("%q: %v", c.Password, err)
		}
		var got struct{ Sequence []map[string]any }
		json.Unmarshal(out, &got)
		for k := range got.Sequence {
			if k >= len(c.Sequence) {
				break
			}
			gk, wk := keys(got.Sequence[k]), keys(c.Sequence[k])
			if got.Sequence[k]["pattern"] == "repeat" {
				wk = append(wk, "base_matches")
				slices.Sort(wk)
			}
			if !slices.Equal(gk, wk) {
				t.Fatalf("%q match %d keys %v, want %v", c.Password, k, gk, wk)
			}
		}
	}
}

func keys(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
