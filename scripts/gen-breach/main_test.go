package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// The committed file is what the generator writes: rerun it
// (go run ./scripts/gen-breach) after changing core's breach rule.
func TestGeneratedFileIsCommitted(t *testing.T) {
	want, err := breachJS()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("..", "..", "web", "src", "breach.js"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("web/src/breach.js differs from what go run ./scripts/gen-breach writes")
	}
}

func TestEffects(t *testing.T) {
	for outcome, want := range map[string]string{
		"breached": `{"breach_check":"breached","breach_detection_on_create":true,"breached_password":true,"valid_password":false}`,
		"ok":       `{"breach_check":"ok","breach_detection_on_create":true}`,
	} {
		set, err := effects(outcome)
		if err != nil {
			t.Fatal(err)
		}
		if got := quote(set); got != want {
			t.Errorf("%s: %s, want %s", outcome, got, want)
		}
	}
}
