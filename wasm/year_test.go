//go:build js && wasm

package main

import (
	"strconv"
	"syscall/js"
	"testing"
)

// Without a reference year, zxcvbn's is JavaScript's new Date().getFullYear(),
// which the module asks for since it links no package time.
func TestDefaultYearIsJavaScripts(t *testing.T) {
	year := js.Global().Get("Date").New().Call("getFullYear").Int()
	if got := localYear(); got != year {
		t.Fatalf("localYear() = %d, JavaScript says %d", got, year)
	}
	// A year 60 back scores by its distance to the reference year, so the
	// default must give what the explicit year gives, and another year not.
	pw := strconv.Itoa(year - 60)
	guesses := func(req string) float64 {
		return js.Global().Call("strengthCheck", jsEval(req)).Get("guesses").Float()
	}
	def := guesses(`{password: "` + pw + `"}`)
	if same := guesses(`{password: "` + pw + `", reference_year: ` + strconv.Itoa(year) + `}`); def != same {
		t.Errorf("%s: %v guesses by default, %v with reference_year %d", pw, def, same, year)
	}
	if other := guesses(`{password: "` + pw + `", reference_year: ` + strconv.Itoa(year+10) + `}`); def == other {
		t.Errorf("%s: reference years %d and %d give the same %v guesses; the test tells nothing", pw, year, year+10, def)
	}
	sec := js.Global().Call("securityLevel", jsEval(`{password: "`+pw+`"}`)).Get("passwordSecurityLevel").Int()
	if sec < 1 {
		t.Errorf("securityLevel without a reference year: level %d", sec)
	}
}
