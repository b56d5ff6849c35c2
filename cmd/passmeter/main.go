// Command passmeter re-checks passwords with the same rules as the
// passmeter page: `passmeter check` reads JSON Lines requests and writes
// JSON Lines responses; `passmeter serve` answers Stytch's strength check
// endpoint over HTTP.
package main

import (
	"fmt"
	"io"
	"os"
)

const usage = `usage:
  passmeter check [--reference-year YYYY] [--pwned STORE]
                                            JSON Lines in, JSON Lines out
  passmeter serve [--addr 127.0.0.1:8080] [--hibp-endpoint URL | --pwned STORE] [--no-breach-check]
                                            Stytch-compatible HTTP endpoint
                                            (passmeter serve -h: every flag)
  passmeter pwned import|export|info       a self-hosted Pwned Passwords corpus
                                            (passmeter pwned -h)
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "check":
		return runCheck(args[1:], stdin, stdout, stderr)
	case "serve":
		return runServe(args[1:], stderr)
	case "pwned":
		ctx, stop := signalContext()
		defer stop()
		return runPwned(ctx, args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "passmeter: unknown command %q\n%s", args[0], usage)
	return 2
}
