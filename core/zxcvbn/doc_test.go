package zxcvbn

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"regexp"
	"strings"
	"testing"
)

// The table in doc.go names files, functions and tests that exist.
func TestDocTableNamesExist(t *testing.T) {
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, ".", nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	declared := map[string]bool{}
	var doc string
	for _, pkg := range pkgs {
		for name, f := range pkg.Files {
			if strings.HasSuffix(name, "doc.go") {
				doc = f.Doc.Text()
			}
			ast.Inspect(f, func(n ast.Node) bool {
				switch d := n.(type) {
				case *ast.FuncDecl:
					declared[d.Name.Name] = true
				case *ast.TypeSpec:
					declared[d.Name.Name] = true
				case *ast.Field:
					for _, id := range d.Names {
						declared[id.Name] = true
					}
				}
				return true
			})
		}
	}
	if !strings.Contains(doc, "matcher") {
		t.Fatal("doc.go has no matcher table")
	}
	names := regexp.MustCompile(`\b(?:(?:Test|Fuzz)[A-Z]\w*|[a-z]+[A-Z]\w*)\b`).FindAllString(doc, -1)
	if len(names) < 30 {
		t.Fatalf("only %d names found in doc.go", len(names))
	}
	for _, name := range names {
		if !declared[name] {
			t.Errorf("doc.go names %s, which is not declared in the package", name)
		}
	}
	for _, file := range regexp.MustCompile(`\b[a-z0-9_]+\.go\b`).FindAllString(doc, -1) {
		if _, err := os.Stat(file); err != nil {
			t.Errorf("doc.go names %s: %v", file, err)
		}
	}
}
