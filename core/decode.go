package core

import (
	"strconv"
	"unicode/utf8"

	"github.com/passmeter/passmeter/core/internal/jsonr"
	"github.com/passmeter/passmeter/core/internal/userinput"
	"github.com/passmeter/passmeter/core/luds"
)

// jsonField is one field of a request: its name and how to take its value.
type jsonField struct {
	name string
	set  func(name string, v *jsonr.Value) error
}

// decodeObject parses body as exactly one JSON object and fills fields
// from it; null counts as absent, and a wrongly typed value is an error
// naming its field. Unknown fields are ignored, as Stytch does. A body
// over MaxRequestBytes is refused unread (413), whoever hands it in: the
// command's lines, serve's bodies and the module's requests alike.
func decodeObject(body []byte, fields []jsonField) (*jsonr.Value, error) {
	if len(body) > MaxRequestBytes {
		return nil, RequestTooLargeError()
	}
	if !utf8.Valid(body) {
		return nil, RequestFault("", "request body is not valid UTF-8")
	}
	v, err := jsonr.Parse(body)
	if err != nil {
		return nil, RequestFault("", "request body is not JSON: "+err.Error())
	}
	if v.Kind != jsonr.Object {
		return nil, RequestFault("", "request body is not a JSON object")
	}
	for _, f := range fields {
		fv, ok := v.Get(f.name)
		if !ok || fv.Kind == jsonr.Null {
			continue
		}
		if err := f.set(f.name, fv); err != nil {
			return nil, err
		}
	}
	return &v, nil
}

// textValue takes a string as JavaScript has it: a lone surrogate from a
// \udXXX escape is kept (WTF-8), as zxcvbn.js scores it.
func textValue(name string, v *jsonr.Value) (string, error) {
	if v.Kind != jsonr.String {
		return "", fieldError(name, "must be a string")
	}
	return v.Str, nil
}

func stringField(dst *string) func(string, *jsonr.Value) error {
	return func(name string, v *jsonr.Value) (err error) {
		*dst, err = textValue(name, v)
		return err
	}
}

// userInputsField takes user_inputs as zxcvbn.js does (see
// core/internal/userinput): strings, numbers and booleans count, anything
// else in the array is skipped.
func userInputsField(dst *[]string) func(string, *jsonr.Value) error {
	return func(name string, v *jsonr.Value) error {
		if v.Kind != jsonr.Array {
			return fieldError(name, "must be an array of strings (numbers and booleans count too)")
		}
		if err := UserInputsCountError(len(v.Items)); err != nil {
			return err
		}
		*dst = userinput.FromJSON(v.Items)
		return nil
	}
}

func boolField(dst *bool) func(string, *jsonr.Value) error {
	return func(name string, v *jsonr.Value) error {
		if v.Kind != jsonr.Bool {
			return fieldError(name, "must be a boolean")
		}
		*dst = v.Bool
		return nil
	}
}

func intField(dst *int) func(string, *jsonr.Value) error {
	return func(name string, v *jsonr.Value) error {
		if v.Kind != jsonr.Number {
			return fieldError(name, "must be an integer")
		}
		n, ok := atoi(v.Num)
		if !ok {
			return fieldError(name, "must be an integer")
		}
		*dst = n
		return nil
	}
}

func ludsField(dst **luds.Options) func(string, *jsonr.Value) error {
	return func(name string, v *jsonr.Value) error {
		if v.Kind != jsonr.Object {
			return fieldError(name, "must be an object {min_length, min_complexity} of integers")
		}
		var o luds.Options
		for _, f := range []struct {
			name string
			dst  *int
		}{{"min_length", &o.MinLength}, {"min_complexity", &o.MinComplexity}} {
			if fv, ok := v.Get(f.name); ok && fv.Kind != jsonr.Null {
				if err := intField(f.dst)(name+"."+f.name, fv); err != nil {
					return err
				}
				if *f.dst == 0 { // zero would read as "the default" later
					re := luds.OutOfRange(name+"."+f.name, 0)
					return fieldError(re.Field, re.Requirement())
				}
			}
		}
		*dst = &o
		return nil
	}
}

// formFieldsField takes form_fields: an array of objects {type, value},
// each a string (null or absent: ""; as JSON.parse, the last of a
// repeated member counts). Their count is checkLimits's.
func formFieldsField(dst *[]FormField) func(string, *jsonr.Value) error {
	return func(name string, v *jsonr.Value) error {
		if v.Kind != jsonr.Array {
			return fieldError(name, "must be an array of objects {type, value} of strings")
		}
		fields := make([]FormField, len(v.Items))
		for i := range v.Items {
			it, f := &v.Items[i], &fields[i]
			ok := it.Kind == jsonr.Object
			for k := 0; ok && k < len(it.Members); k++ {
				m := &it.Members[k]
				dst := &f.Value
				switch m.Name {
				case "type":
					dst = &f.Type
				case "value":
				default:
					continue
				}
				if m.Value.Kind == jsonr.String || m.Value.Kind == jsonr.Null { // a null's Str is ""
					*dst = m.Value.Str
				} else if last, _ := it.Get(m.Name); last == &m.Value { // wrong, and not replaced later
					ok = false
				}
			}
			if !ok {
				return fieldError(name, "element "+strconv.Itoa(i)+" must be an object {type, value} of strings")
			}
		}
		*dst = fields
		return nil
	}
}
