package main

import (
	"fmt"
	"io"
)

func runServe(args []string, stderr io.Writer) int {
	fmt.Fprintln(stderr, "passmeter serve: not built yet")
	return 2
}
