//go:build js && wasm

package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"syscall/js"
	"testing"

	"github.com/passmeter/passmeter/core"
)

// samplePasswords is a varied list: common and strong passwords, l33t,
// keyboard walks, dates, repeats, sequences, non-Latin scripts, emoji,
// whitespace, and seeded random strings.
func samplePasswords() []string {
	pws := []string{
		"", "a", "password", "Password1", "P@ssw0rd", "123456", "qwerty", "letmein",
		"correct horse battery staple", "Tr0ub4dour&3", "zxcvbnm", "qazwsx", "1qaz2wsx",
		"asdfghjkl;", "!@#$%^&*()", "aaaaaaa", "abcabcabc", "abcdefg", "9876543210",
		"13/12/1987", "1987-12-13", "december1987", "19871213", "2026", "1999",
		"john.smith", "jsmith1987", "alice@example.com", "iloveyou!", "monkey123",
		"p4ssw0rd", "l3tm31n", "d0ct0r_wh0", "$uperm@n", "Tr0ub4dor&3xyz",
		"ﾊﾟｽﾜｰﾄﾞ", "пароль", "пароль123", "contraseña", "mötörhead", "Straße",
		"密码", "密码12345", "パスワード", "비밀번호", "كلمة السر", "סיסמה", "पासवर्ड",
		"😀", "😀😀😀😀", "🔥password🔥", "I❤️NY", "👨‍👩‍👧‍👦family", "🇫🇷🇩🇪",
		"é", "É", "ǅ", "İstanbul", "ΣΊΣΥΦΟΣ", "ﬁnance",
		" ", "   ", "pass word", "tab\there", "line\nbreak", "\u00a0nbsp",
		"Xk9$mQ2!vL", "hR7#pW4@zN8&", strings.Repeat("ab", 40), strings.Repeat("x", 300),
		"qwertyuiopasdfghjklzxcvbnm", "ZAQ!2wsxCDE#", "1234qwer", "!QAZxsw2",
	}
	rng := rand.New(rand.NewPCG(5, 2026))
	alphabets := []string{
		"abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
		"!@#$%^&*()-_=+[]{};:,.<>/?", "äöüßéèêçñ", "日本語漢字かなカナ", "😀😎🚀🔥💯🎉",
	}
	for len(pws) < 200 {
		var b strings.Builder
		for n := 1 + rng.IntN(24); n > 0; n-- {
			a := []rune(alphabets[rng.IntN(len(alphabets))])
			b.WriteRune(a[rng.IntN(len(a))])
		}
		pws = append(pws, b.String())
	}
	return pws
}

// sampleRequests varies the options around each password.
func sampleRequests() []map[string]any {
	var reqs []map[string]any
	for i, pw := range samplePasswords() {
		r := map[string]any{"password": pw, "reference_year": 2026}
		switch i % 4 {
		case 1:
			r["user_inputs"] = []string{"alice", "smith", "passmeter", "1987"}
		case 2:
			r["email"] = "john.smith1987@example.com"
			r["user_inputs"] = []string{"😀", "密码"}
		case 3:
			r["email"] = "no-at-sign"
			r["form_fields"] = []map[string]string{{"type": "text", "value": "Alice Smith"}, {"type": "email", "value": "alice@acme.io"}}
		}
		if i%3 == 0 {
			r["strength_policy"] = "luds"
			if i%2 == 0 {
				r["luds"] = map[string]int{"min_length": 8 + i%25, "min_complexity": 1 + i%4}
			}
		}
		reqs = append(reqs, r)
	}
	return reqs
}

// canonical drops what differs per call and re-encodes the rest.
func canonical(t testing.TB, m map[string]any) string {
	t.Helper()
	delete(m, "request_id")
	delete(m, "calc_time_ms")
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The wasm answer is the core's answer, field for field.
func TestParityWithCore(t *testing.T) {
	for _, req := range sampleRequests() {
		body, _ := json.Marshal(req)
		got := js.Global().Call("strengthCheck", jsJSON.Call("parse", string(body)))

		native, err := core.DecodeStrengthRequest(body)
		if err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		resp, err := core.StrengthCheck(native)
		if err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		nb, _ := json.Marshal(resp)
		var want map[string]any
		json.Unmarshal(nb, &want)

		if g, w := canonical(t, decodeJS(t, got)), canonical(t, want); g != w {
			t.Errorf("%s:\n wasm %s\n core %s", body, g, w)
		}
		if g, w := objectKeys(got), jsonKeys(nb); !reflect.DeepEqual(g, w) {
			t.Errorf("%s: keys %v, want the struct's order %v", body, g, w)
		}
		if g, w := objectKeys(got.Get("feedback")), jsonKeys(mustMarshal(resp.Feedback)); !reflect.DeepEqual(g, w) {
			t.Errorf("%s: feedback keys %v, want %v", body, g, w)
		}
	}
}

func TestSecurityLevelParity(t *testing.T) {
	for i, pw := range samplePasswords()[:60] {
		req := core.SecurityRequest{Password: pw, MFAEnrolled: i%2 == 0, EmailBinded: i%3 == 0,
			PhoneBinded: i%5 == 0, ReferenceYear: 2026}
		body := mustMarshal(req)
		got := js.Global().Call("securityLevel", jsJSON.Call("parse", string(body)))
		info, err := core.SecurityLevel(req)
		if err != nil {
			t.Fatal(err)
		}
		want := mustMarshal(info)
		if g := toJSON(got); g != string(want) {
			t.Errorf("%s:\n wasm %s\n core %s", body, g, want)
		}
	}
}

// jsonKeys lists the top-level keys of a JSON object in document order.
func jsonKeys(b []byte) []string {
	var keys []string
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.Token()
	for dec.More() {
		k, _ := dec.Token()
		keys = append(keys, k.(string))
		var skip json.RawMessage
		dec.Decode(&skip)
	}
	return keys
}

func mustMarshal(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprint("marshal: ", err))
	}
	return b
}
