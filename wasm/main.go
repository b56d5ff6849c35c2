//go:build js && wasm

// Command wasm is passmeter's WebAssembly module. It sets
// globalThis.strengthCheck and globalThis.securityLevel and then waits
// forever, so the globals stay callable for the life of the page. It holds
// no scoring rule: each call is converted (convert.go) and answered by core.
package main

import (
	"syscall/js"
	_ "unsafe" // for go:linkname

	"github.com/passmeter/passmeter/core"
	"github.com/passmeter/passmeter/core/zxcvbn"
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

// errWordsLoading answers a call made while the shim is still writing the
// word lists in (exports.go, passmeter_words): the globals exist from the
// start, the lists only once downloaded.
var errWordsLoading = core.UnavailableError("passmeter: the word lists are still loading; wait for passmeter.load()")

// strengthCheck answers a request; a breach rule that is enabled marks
// the response by core's rule (core.BreachRule.Mark): breach_check
// "skipped" when no check is due, "due" when the caller is to run one.
func strengthCheck(body []byte, rule core.BreachRule) (response, error) {
	if !zxcvbn.TextComplete() {
		return nil, errWordsLoading
	}
	req, err := core.DecodeStrengthRequest(body)
	if err != nil {
		return nil, err
	}
	if req.ReferenceYear == 0 {
		req.ReferenceYear = localYear()
	}
	resp, err := core.StrengthCheck(req)
	if err != nil {
		return nil, err
	}
	rule.Mark(req, &resp)
	return resp, nil
}

func securityLevel(body []byte, _ core.BreachRule) (response, error) {
	if !zxcvbn.TextComplete() {
		return nil, errWordsLoading
	}
	req, err := core.DecodeSecurityRequest(body)
	if err != nil {
		return nil, err
	}
	if req.ReferenceYear == 0 {
		req.ReferenceYear = localYear()
	}
	return core.SecurityLevel(req)
}

// localYear is zxcvbn.js's reference year, new Date().getFullYear(): the
// year in the page's time zone. The module links no package time (it would
// add 37 KB of brotli), so it knows no time zone and asks JavaScript, at
// most once a second. A year outside 1-9999, which no request may give,
// is left to core's default (the year in UTC).
func localYear() int {
	if now := nanotime(); now >= yearUntil {
		yearValue = js.Global().Get("Date").New().Call("getFullYear").Int()
		if yearValue < 1 || yearValue > 9999 {
			yearValue = 0
		}
		yearUntil = now + 1e9
	}
	return yearValue
}

var (
	yearValue int
	yearUntil int64 // nanotime after which yearValue is read again
)

// nanotime is the runtime's monotonic clock, which it lets other packages
// link (runtime/time_nofake.go).
//
//go:linkname nanotime runtime.nanotime
func nanotime() int64
