package jsonw

import (
	"bytes"
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/passmeter/passmeter/core/internal/jsonr"
	"github.com/passmeter/passmeter/core/internal/wtf8"
)

// encodingJSON is what encoding/json writes for v, less HTML escaping
// (jsonw writes as JSON.stringify, which leaves <, > and & alone).
func encodingJSON(t testing.TB, v any) string {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// units is s as JavaScript holds it: UTF-16 code units, a lone surrogate
// (WTF-8) as itself, a byte that is not WTF-8 as U+FFFD.
func units(s string) []uint16 {
	var u []uint16
	for i := 0; i < len(s); {
		r, n := wtf8.DecodeRune(s[i:])
		if r > 0xffff {
			hi, lo := utf16.EncodeRune(r)
			u = append(u, uint16(hi), uint16(lo))
		} else {
			u = append(u, uint16(r))
		}
		i += n
	}
	return u
}

var stringCases = func() []string {
	cases := []string{
		"", "a", "password", `"`, `\`, `"\"`, "/", "<script>&amp;</script>",
		"\x7f", "é", "Grüße", "пароль", "密码", "🙂", "a\U0001F600b", "\u2028", "\u2029", "a\u2028b\u2029c",
		"\ufeff", "\ufffd", "\U0010ffff", "\u00a0\u200b\u200c",
		"\xff", "a\xffb", "\xc3", "\xe2\x82", "\xf0\x9f\x98", "\xc0\xaf", "\xed\xa0\x80", "\xed\xbf\xbf",
		"\xed\xa0\xbd\xed\xb8\x80", "x\xed\xb0\x80y",
	}
	for c := 0; c < 0x20; c++ {
		cases = append(cases, string(rune(c)), "a"+string(rune(c))+"b")
	}
	return cases
}()

// Valid UTF-8 is written byte for byte as encoding/json writes it.
func TestStringAgreesWithEncodingJSON(t *testing.T) {
	for _, s := range stringCases {
		if !utf8.ValidString(s) {
			continue
		}
		if got, want := string(String(nil, s)), encodingJSON(t, s); got != want {
			t.Errorf("String(%+q) = %s, encoding/json writes %s", s, got, want)
		}
	}
}

// Any string reads back, as JSON.parse would read it, as the code units
// JavaScript holds for it: lone surrogates kept, other bad bytes U+FFFD.
func TestStringReadsBack(t *testing.T) {
	for _, s := range stringCases {
		checkString(t, s)
	}
}

func checkString(t *testing.T, s string) {
	t.Helper()
	out := String(nil, s)
	if utf8.ValidString(s) {
		if want := encodingJSON(t, s); string(out) != want {
			t.Fatalf("String(%+q) = %s, encoding/json writes %s", s, out, want)
		}
	}
	if !utf8.Valid(out) || !json.Valid(out) {
		t.Fatalf("String(%+q) = %+q: not valid UTF-8 JSON", s, out)
	}
	v, err := jsonr.Parse(out)
	if err != nil || v.Kind != jsonr.String {
		t.Fatalf("String(%+q) = %s: reads back as %v, %v", s, out, v.Kind, err)
	}
	if got, want := units(v.Str), units(s); !slices.Equal(got, want) {
		t.Fatalf("String(%+q) = %s reads back as units %x, want %x", s, out, got, want)
	}
	// encoding/json reads what is text the same way (a lone surrogate it reads as U+FFFD)
	var back string
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatalf("encoding/json cannot read %s: %v", out, err)
	}
	if wtf8.Valid(s) && !strings.Contains(s, "\xed") && back != s {
		t.Fatalf("encoding/json reads String(%+q) as %+q", s, back)
	}
}

func FuzzString(f *testing.F) {
	for _, s := range stringCases {
		f.Add(s)
	}
	f.Fuzz(checkString)
}

var floatCases = []float64{
	0, math.Copysign(0, -1), 1, -1, 0.1, 0.2 + 0.1, 1.5, 100, 1e6, 123456789, 1e20, 1e21, 1e22, -1e21,
	1e-6, 1e-7, 9.99999e-7, 1.0000001e-6, 5e-324, math.SmallestNonzeroFloat64, math.MaxFloat64, -math.MaxFloat64,
	2.5e-8, 1.7976931348623157e308, 4.4e15, 3.4028234663852886e38, 1 << 53, 1<<53 + 2, 0.000001234, 12345678901234567890,
}

func checkFloat(t *testing.T, f float64) {
	t.Helper()
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return // encoding/json refuses them; TestFloatNonFinite has jsonw's answer
	}
	want := encodingJSON(t, f)
	for _, nf := range []NonFinite{AsNull, AsOverflow} {
		if got := string(FloatWith(nil, f, nf)); got != want {
			t.Fatalf("FloatWith(%v, %d) = %s, encoding/json writes %s", f, nf, got, want)
		}
	}
}

func TestFloatCasesAgreeWithEncodingJSON(t *testing.T) {
	for _, f := range floatCases {
		checkFloat(t, f)
		checkFloat(t, -f)
	}
	// every power of ten and its neighbours, across the exponent switch
	for e := -330; e <= 310; e++ {
		p := math.Pow(10, float64(e))
		checkFloat(t, p)
		checkFloat(t, math.Nextafter(p, 0))
		checkFloat(t, math.Nextafter(p, math.Inf(1)))
	}
}

func FuzzFloat(f *testing.F) {
	for _, x := range floatCases {
		f.Add(math.Float64bits(x))
	}
	f.Fuzz(func(t *testing.T, bits uint64) { checkFloat(t, math.Float64frombits(bits)) })
}

// An object is what encoding/json writes for a struct with the same
// fields in the same order.
func TestObjectAgreesWithEncodingJSON(t *testing.T) {
	type inner struct {
		A string `json:"a"`
	}
	want := encodingJSON(t, struct {
		S     string   `json:"s"`
		I     int      `json:"i"`
		F     float64  `json:"f"`
		B     bool     `json:"b"`
		N     *int     `json:"n"`
		Empty []string `json:"empty"`
		List  []string `json:"list"`
		Raw   inner    `json:"raw"`
		Key   string   `json:"k-1"`
	}{"<a & \"b\">\n", -42, 1e-7, true, nil, []string{}, []string{"x", "é\t"}, inner{"y"}, "v"})
	o := Begin(nil)
	o.Str("s", "<a & \"b\">\n")
	o.Int("i", -42)
	o.Float("f", 1e-7)
	o.Bool("b", true)
	o.Null("n")
	o.Strs("empty", nil)
	o.Strs("list", []string{"x", "é\t"})
	o.Raw("raw", func(b []byte) []byte { r := Begin(b); r.Str("a", "y"); return r.End() })
	o.Str("k-1", "v")
	if got := string(o.End()); got != want {
		t.Errorf("object\n got %s\nwant %s", got, want)
	}
}
