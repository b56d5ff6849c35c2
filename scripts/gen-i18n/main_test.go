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
	websrc := filepath.Join("..", "..", "web", "src")
	generated, err := files(websrc)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range generated {
		got, err := os.ReadFile(filepath.Join(websrc, name))
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

func TestWithTypes(t *testing.T) {
	got, err := withTypes([]byte("a\n" + beginTypes + "old\n" + endTypes + "b\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := "a\n" + beginTypes + string(types()) + endTypes + "b\n"
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if !bytes.Contains(types(), []byte("| 'sequences' | 'recentYears' | 'associatedYears'")) {
		t.Errorf("the suggestion union lacks zxcvbn-ts's keys:\n%s", types())
	}
	if _, err := withTypes([]byte("no markers\n")); err == nil {
		t.Error("a d.ts without the markers is accepted")
	}
}
