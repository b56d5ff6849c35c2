//go:build !js

package userinput

import "github.com/passmeter/passmeter/core/internal/jsnum"

// numberText is String(n) for the JSON number text raw, as JavaScript
// writes it.
func numberText(raw string) string {
	return jsnum.Format(jsnum.Parse(raw))
}
