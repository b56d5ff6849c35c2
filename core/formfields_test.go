package core

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestInputs(t *testing.T) {
	for _, c := range []struct {
		name   string
		req    StrengthRequest
		inputs []string
		email  string
	}{
		{"nothing", StrengthRequest{}, nil, ""},
		{"user inputs and email, as before", StrengthRequest{UserInputs: []string{"acme"}, Email: "jane.doe@mail.acme.io"},
			[]string{"acme", "jane.doe@mail.acme.io", "jane.doe", "jane", "doe", "mail", "acme"}, "jane.doe@mail.acme.io"},
		{"an email field names the email", StrengthRequest{FormFields: []FormField{{"text", "Jane Doe"}, {"email", " jane@acme.io "}, {"text", "Acme"}}},
			[]string{"Jane Doe", "Jane", "Doe", "Acme", "jane@acme.io", "jane", "acme"}, "jane@acme.io"},
		{"the first non-blank email field", StrengthRequest{FormFields: []FormField{{"email", "  "}, {"email", "a@b.c"}, {"email", "x@y.z"}}},
			[]string{"x@y.z", "a@b.c", "a", "b"}, "a@b.c"},
		{"the explicit email comes first; email fields give words", StrengthRequest{Email: "a@b.c", FormFields: []FormField{{"email", "x@y.z"}}},
			[]string{"x@y.z", "a@b.c", "a", "b"}, "a@b.c"},
		{"a blank explicit email gives way to the field", StrengthRequest{Email: " ", FormFields: []FormField{{"email", "x@y.z"}}},
			[]string{"x@y.z", "x", "y"}, "x@y.z"},
		{"user_inputs, then the fields' words, then the email", StrengthRequest{UserInputs: []string{"site"}, FormFields: []FormField{{"email", "q@r.s"}, {"text", "Big Co"}}},
			[]string{"site", "Big Co", "Big", "Co", "q@r.s", "q", "r"}, "q@r.s"},
		{"white space of every kind", StrengthRequest{FormFields: []FormField{{"text", "\t Ann\u00a0 Lee\u3000Smith\n"}}},
			[]string{"Ann\u00a0 Lee\u3000Smith", "Ann", "Lee", "Smith"}, ""},
		{"one word is itself only", StrengthRequest{FormFields: []FormField{{"", " Acme "}, {"tel", ""}, {"text", "   "}}},
			[]string{"Acme"}, ""},
		{"an email-looking text field is words", StrengthRequest{FormFields: []FormField{{"text", "a@b.c"}}},
			[]string{"a@b.c"}, ""},
		{"the type is exact", StrengthRequest{FormFields: []FormField{{"Email", "a@b.c"}}},
			[]string{"a@b.c"}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			inputs, email := c.req.Inputs()
			if !reflect.DeepEqual(inputs, c.inputs) || email != c.email {
				t.Errorf("Inputs() = %q, %q; want %q, %q", inputs, email, c.inputs, c.email)
			}
		})
	}
}

// A field's words are what the page's words() gave before the rule came
// to core: trimmed, then the whole and its parts when there are several.
func TestAppendWordsAsFields(t *testing.T) {
	for _, v := range []string{"", " ", "a", " a b ", "a  b\tc", "é ü", "x\u2028y", "\u0085a\u0085b\u0085", "\xffa b"} {
		var want []string
		if f := strings.Fields(v); len(f) == 1 {
			want = f
		} else if len(f) > 1 {
			want = append([]string{strings.TrimSpace(v)}, f...)
		}
		if got, _ := (StrengthRequest{FormFields: []FormField{{"text", v}}}).Inputs(); !reflect.DeepEqual(got, want) {
			t.Errorf("the words of %q = %q, want %q", v, got, want)
		}
	}
}

func TestFormFieldsCountTowardsTheLimits(t *testing.T) {
	a := func(n int) string { return strings.Repeat("a", n) }
	words := func(n int) []FormField {
		f := make([]FormField, n)
		for i := range f {
			f[i] = FormField{"text", "w"}
		}
		return f
	}
	for _, c := range []struct {
		name  string
		req   StrengthRequest
		field string
	}{
		{"1,024 fields", StrengthRequest{Password: "x", FormFields: words(MaxUserInputs)}, ""},
		{"1,025 fields", StrengthRequest{Password: "x", FormFields: words(MaxUserInputs + 1)}, "form_fields"},
		{"fields' words and user_inputs together over", StrengthRequest{Password: "x", UserInputs: make([]string, 1000), FormFields: words(25)}, "form_fields"},
		{"a field's parts count", StrengthRequest{Password: "x", FormFields: []FormField{{"text", strings.Repeat("w ", MaxUserInputs)}}}, "form_fields"},
		{"the fields' length", StrengthRequest{Password: "x", FormFields: []FormField{{"text", a(MaxUserInputsLength + 1)}}}, "form_fields"},
		{"the email field's limit", StrengthRequest{Password: "x", FormFields: []FormField{{"email", a(65) + "@b.com"}}}, "form_fields"},
		{"an explicit email, the field is words", StrengthRequest{Password: "x", Email: "a@b.c", FormFields: []FormField{{"email", a(65) + "@b.com"}}}, ""},
		{"the work bound counts the fields' lengths", StrengthRequest{Password: a(16384), FormFields: []FormField{{"text", "a aa aaa aaaa aaaaa"}}}, "form_fields"},
		{"and the email field's parts", StrengthRequest{Password: a(16384), FormFields: []FormField{{"email", "a.aa.aaa@aaaa.aaaaa.com"}}}, "email"},
		{"invalid UTF-8", StrengthRequest{Password: "x", FormFields: []FormField{{"text", "\xff"}}}, "form_fields"},
		{"invalid UTF-8 in the email field", StrengthRequest{Password: "x", FormFields: []FormField{{"email", "a@\xff"}}}, "form_fields"},
		{"a lone surrogate is text", StrengthRequest{Password: "x", FormFields: []FormField{{"text", "\xed\xa0\x80"}}}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.req.Validate()
			re, ok := errors.AsType[*Error](err)
			switch {
			case c.field == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case c.field == "":
			case !ok:
				t.Fatalf("got %v, want an error naming %s", err, c.field)
			case re.Field != c.field:
				t.Fatalf("error names %q (%v), want %q", re.Field, err, c.field)
			}
		})
	}
}

func TestDecodeFormFields(t *testing.T) {
	req, err := DecodeStrengthRequest([]byte(`{"password":"x","form_fields":[{"type":"email","value":"a@b.c"},{"value":"Jane"},{"type":null,"value":null,"other":1},{"type":5,"type":"text","value":"x","value":null}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if want := []FormField{{"email", "a@b.c"}, {"", "Jane"}, {"", ""}, {"text", ""}}; !reflect.DeepEqual(req.FormFields, want) {
		t.Errorf("FormFields = %q, want %q", req.FormFields, want)
	}
	for _, body := range []string{
		`{"password":"x","form_fields":{"type":"email"}}`,
		`{"password":"x","form_fields":["Jane"]}`,
		`{"password":"x","form_fields":[{"type":"text","value":5}]}`,
		`{"password":"x","form_fields":[{"type":true,"value":"Jane"}]}`,
		`{"password":"x","form_fields":[{"type":"email","value":"` + strings.Repeat("a", 300) + `"}]}`,
		`{"password":"x","form_fields":[{"type":"text","type":5}]}`,
	} {
		_, err := DecodeStrengthRequest([]byte(body))
		if re, ok := errors.AsType[*Error](err); !ok || re.Field != "form_fields" || !strings.HasPrefix(re.Error(), "form_fields: ") {
			t.Errorf("%.60s: %v, want an error naming form_fields", body, err)
		}
	}
}

// The server re-checking a form's fields reaches the verdict the page
// reached with the same fields: the fields decide the inputs.
func TestFormFieldsScoreAsTheirInputs(t *testing.T) {
	fields := []FormField{{"text", "Jane Doe"}, {"email", "jdoe@acme.io"}, {"text", "Acme"}}
	got, err := StrengthCheck(StrengthRequest{Password: "JaneAcme2024", FormFields: fields, ReferenceYear: 2026})
	if err != nil {
		t.Fatal(err)
	}
	inputs, email := StrengthRequest{FormFields: fields}.Inputs()
	want, _ := StrengthCheck(StrengthRequest{Password: "JaneAcme2024", UserInputs: inputs[:4], Email: email, ReferenceYear: 2026})
	bare, _ := StrengthCheck(StrengthRequest{Password: "JaneAcme2024", ReferenceYear: 2026})
	if got.Guesses != want.Guesses || !(got.Guesses < bare.Guesses) {
		t.Errorf("guesses %v, as user_inputs and email %v, without %v", got.Guesses, want.Guesses, bare.Guesses)
	}
}
