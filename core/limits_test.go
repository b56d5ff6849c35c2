package core

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"
)

// ladder is the amplifying input: one word of each length from, from+1,
// and so on, count of them.
func ladder(from, count int) []string {
	var words []string
	for k := from; k < from+count; k++ {
		words = append(words, strings.Repeat("a", k))
	}
	return words
}

// worstEmail is the largest email the limits allow, made of as many
// different lengths as fit: a.aa.aaa…@a.aa.aaa….com.
func worstEmail() string {
	dotted := func(n int) string {
		var b strings.Builder
		for k := 1; b.Len()+k+1 <= n; k++ {
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(strings.Repeat("a", k))
		}
		return b.String()
	}
	local := dotted(MaxEmailLocalLength)
	return local + "@" + dotted(MaxEmailLength-len(local)-1-4) + ".com"
}

func TestLimits(t *testing.T) {
	a := func(n int) string { return strings.Repeat("a", n) }
	for _, c := range []struct {
		name  string
		req   StrengthRequest
		field string // "" when the request is within the limits
	}{
		{"email at the limit", StrengthRequest{Password: "x", Email: a(64) + "@" + a(185) + ".com"}, ""},
		{"email over", StrengthRequest{Password: "x", Email: a(64) + "@" + a(186) + ".com"}, "email"},
		{"local part over", StrengthRequest{Password: "x", Email: a(65) + "@b.com"}, "email"},
		{"no @, long", StrengthRequest{Password: "x", Email: a(200)}, ""},
		{"worst email", StrengthRequest{Password: a(4096), Email: worstEmail()}, ""},
		{"1,024 inputs", StrengthRequest{Password: "x", UserInputs: make([]string, MaxUserInputs)}, ""},
		{"1,025 inputs", StrengthRequest{Password: "x", UserInputs: make([]string, MaxUserInputs+1)}, "user_inputs"},
		{"65,536 units of inputs", StrengthRequest{Password: "x", UserInputs: []string{a(MaxUserInputsLength - 24), "😀😀😀😀😀😀😀😀😀😀😀😀"}}, ""},
		{"65,537 units of inputs", StrengthRequest{Password: "x", UserInputs: []string{a(MaxUserInputsLength - 24), "😀😀😀😀😀😀😀😀😀😀😀😀a"}}, "user_inputs"},
		{"4,096 with 20 lengths", StrengthRequest{Password: a(4096), UserInputs: ladder(1, 20)}, ""},
		{"4,096 with 21 lengths", StrengthRequest{Password: a(4096), UserInputs: ladder(1, 21)}, "user_inputs"},
		{"16,384 with 5 lengths", StrengthRequest{Password: a(16384), UserInputs: ladder(1, 5)}, ""},
		{"16,384 with 6 lengths", StrengthRequest{Password: a(16384), UserInputs: ladder(1, 6)}, "user_inputs"},
		{"16,384 with the email's 7", StrengthRequest{Password: a(16384), Email: "a.aa.aaa@aaaa.aaaaa.com"}, "email"},
		{"lengths repeat freely", StrengthRequest{Password: a(16384), UserInputs: []string{"ann", "lee", "bob", "sue", "ANN"}}, ""},
		{"no password, any lengths", StrengthRequest{Password: "", UserInputs: ladder(1, 40)}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.req.Validate()
			var re *Error
			switch {
			case c.field == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case c.field == "":
			case !errors.As(err, &re):
				t.Fatalf("got %v, want an error naming %s", err, c.field)
			case re.Field != c.field:
				t.Fatalf("error names %q (%v), want %q", re.Field, err, c.field)
			}
		})
	}
}

// The request that took 18 s and 2.5 GB (a 16,384-unit password and a
// 192 KiB email of one word per length) is refused before any scoring,
// and the worst request within the limits is answered in bounded time.
func TestLimitsBoundTheCost(t *testing.T) {
	var b strings.Builder
	for k := 1; b.Len() < 192<<10; k++ {
		b.WriteString(strings.Repeat("a", k) + ".")
	}
	start := time.Now()
	_, err := StrengthCheck(StrengthRequest{Password: strings.Repeat("a", MaxPasswordLength), Email: b.String() + "@example.com"})
	if err == nil || time.Since(start) > time.Second {
		t.Fatalf("the 192 KiB email: %v after %v", err, time.Since(start))
	}
	if !strings.Contains(err.Error(), "email") || !strings.Contains(err.Error(), strconv.Itoa(MaxEmailLength)) {
		t.Errorf("error %q does not name the email and its limit", err)
	}
	// 25 ms natively on an idle core (README); a shared test machine gets
	// far more room, an unbounded engine (seconds) still fails.
	for _, req := range worstRequests() {
		start := time.Now()
		if _, err := StrengthCheck(req); err != nil {
			t.Fatalf("%s: %v", describe(req), err)
		}
		if took := time.Since(start); took > 2*time.Second {
			t.Errorf("%s: %v", describe(req), took)
		}
	}
}

// worstRequests are the costliest requests the limits allow, found by
// measurement (BenchmarkWorstCase): the longest passwords of one letter
// or of a l33t pair, with as many input lengths as they may have.
func worstRequests() []StrengthRequest {
	var reqs []StrengthRequest
	for _, n := range []int{4096, MaxPasswordLength} {
		for _, unit := range []string{"a", "4a"} {
			pw := strings.Repeat(unit, n)[:n]
			reqs = append(reqs,
				StrengthRequest{Password: pw, UserInputs: ladder(16, MaxUserInputWork/n)},
				StrengthRequest{Password: pw, UserInputs: ladder(1, MaxUserInputWork/n)},
				StrengthRequest{Password: pw})
		}
	}
	pw := strings.Repeat("a", 4096)
	return append(reqs, StrengthRequest{Password: pw, Email: worstEmail()})
}

func describe(r StrengthRequest) string {
	s := strconv.Itoa(len(r.Password)) + "×" + strconv.Quote(r.Password[:2])
	if n := len(r.UserInputs); n > 0 {
		s += " inputs " + strconv.Itoa(len(r.UserInputs[0])) + "-" + strconv.Itoa(len(r.UserInputs[n-1]))
	}
	if r.Email != "" {
		s += " email " + strconv.Itoa(len(r.Email))
	}
	return s
}

// BenchmarkWorstCase scores the costliest requests within the limits:
// make bench reports their time and memory.
func BenchmarkWorstCase(b *testing.B) {
	StrengthCheck(StrengthRequest{Password: "warm"}) // the word index is built once per process
	for _, req := range worstRequests() {
		b.Run(strings.ReplaceAll(describe(req), " ", "_"), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := StrengthCheck(req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
