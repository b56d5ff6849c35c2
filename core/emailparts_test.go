package core

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// emailParts splits by hand what it used to split with strings.FieldsFunc
// and strings.Split (they cost the wasm module 4.9 KB): the same parts.
func TestEmailPartsAsStrings(t *testing.T) {
	notWord := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
	want := func(email string) []string {
		email = strings.TrimSpace(email)
		if email == "" {
			return nil
		}
		parts := []string{email}
		at := strings.LastIndexByte(email, '@')
		if at < 0 {
			return parts
		}
		local, domain := email[:at], email[at+1:]
		parts = append(parts, local)
		if words := strings.FieldsFunc(local, notWord); len(words) > 1 {
			parts = append(parts, words...)
		}
		if labels := strings.Split(domain, "."); len(labels) > 1 {
			parts = append(parts, labels[:len(labels)-1]...)
		}
		return parts
	}
	emails := []string{
		"", "@", "a@", "@b", "a@b", "a.b@c.d", "ann.lee@mail.acme.com", " x_y-z@..a..b. ",
		"jöhn.smïth@mail.example.com", "a\xffb@c", "\xff\xfe@\xff.\xfe", "٣٤.x@y", "a..b--c@d.e.f.",
		"Ω1+ω2@", "日本.語@例え.jp", "a@b@c.d", "...@...", "a\u00a0b@c\u2028d.e", "x\U0001F600y@z",
	}
	alphabet := []string{"a", "Z", "7", ".", "@", "-", "_", " ", "é", "\xff", "٣", "\u00a0", "語", "\U0001F600"}
	for n := 0; n < 20000; n++ { // pseudo-random strings over the alphabet
		var b strings.Builder
		for k, x := 0, uint32(n)*2654435761; k < 1+n%9; k, x = k+1, x*1664525+1013904223 {
			b.WriteString(alphabet[x>>24%uint32(len(alphabet))])
		}
		emails = append(emails, b.String())
	}
	for _, e := range emails {
		if got, w := emailParts(e), want(e); !reflect.DeepEqual(got, w) {
			t.Fatalf("emailParts(%q) = %q, want %q", e, got, w)
		}
	}
}
