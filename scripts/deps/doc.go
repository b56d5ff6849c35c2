// Package deps holds passmeter's dependency policy, in the style of Go's
// go/build/deps_test.go: what the WebAssembly module may link (every
// package costs download bytes, issue 15) and what each package of core
// may import (core stays pure Go, importable by a server, free of
// reflection-based encoders). The policy and its checks are in
// deps_test.go; `go test ./scripts/deps` runs them.
package deps
