//go:build js && wasm

// Command wasm is passmeter's WebAssembly module. It sets
// globalThis.strengthCheck and globalThis.securityLevel and then waits
// forever, so the globals stay callable for the life of the page. It holds
// no scoring rule: each call is converted (convert.go) and answered by core.
package main

import (
	"syscall/js"

	"github.com/passmeter/passmeter/core"
)

func main() {
	register()
	select {} // returning would stop the Go runtime and every later call
}

// register defines the globals; the tests call it instead of main.
func register() {
	js.Global().Set("strengthCheck", js.FuncOf(bridge(strengthCheck)))
	js.Global().Set("securityLevel", js.FuncOf(bridge(securityLevel)))
}

func strengthCheck(body []byte) (response, error) {
	req, err := core.DecodeStrengthRequest(body)
	if err != nil {
		return nil, err
	}
	return core.StrengthCheck(req)
}

func securityLevel(body []byte) (response, error) {
	req, err := core.DecodeSecurityRequest(body)
	if err != nil {
		return nil, err
	}
	return core.SecurityLevel(req)
}
