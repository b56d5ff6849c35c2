package main

import (
	"bytes"
	"encoding/json"
)

// marshalJSON encodes v as one line of JSON ending in a newline, with HTML
// characters left as they are. The command and the server write every
// answer through it. The response types write their own JSON (core's
// AppendJSON), non-finite numbers as null as JSON.stringify does, so a
// 4,096-character password whose guesses overflow still gets an answer.
func marshalJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
