package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// The committed files are what the generator writes: rerun it
// (go run ./scripts/gen-i18n) after changing core/zxcvbn's codes.
func TestGeneratedFilesAreCommitted(t *testing.T) {
	for name, want := range files() {
		got, err := os.ReadFile(filepath.Join("..", "..", "web", "src", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("web/src/%s differs from what go run ./scripts/gen-i18n writes", filepath.ToSlash(name))
		}
	}
}

func TestEnglishNamesEveryCode(t *testing.T) {
	en := string(english())
	for _, want := range []string{"    sequences: \"Sequences like abc or 6543 are easy to guess\",\n", "    sequences: \"Avoid sequences\",\n", `"Repeats like \"aaa\" are easy to guess"`} {
		if !bytes.Contains([]byte(en), []byte(want)) {
			t.Errorf("en.js lacks %s", want)
		}
	}
}
