package core

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"
)

// jsonField is one field of a request: where it goes and what it must be.
type jsonField struct {
	name string
	dst  any
	want string // "a string", ... for the error message
}

// decodeObject parses body as exactly one JSON object and fills fields
// from it; null counts as absent, and a wrongly typed value is an error
// naming its field. Unknown fields are ignored, as Stytch does.
func decodeObject(body []byte, fields []jsonField) (map[string]json.RawMessage, error) {
	if !utf8.Valid(body) {
		return nil, &RequestError{Message: "request body is not valid UTF-8"}
	}
	var raw map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(&raw); err != nil || raw == nil {
		return nil, &RequestError{Message: "request body is not a JSON object"}
	}
	if dec.More() {
		return nil, &RequestError{Message: "request body has data after the JSON object"}
	}
	for _, f := range fields {
		v, ok := raw[f.name]
		if !ok || string(v) == "null" {
			continue
		}
		if err := json.Unmarshal(v, f.dst); err != nil {
			return nil, fieldError(f.name, "must be "+f.want)
		}
	}
	return raw, nil
}
