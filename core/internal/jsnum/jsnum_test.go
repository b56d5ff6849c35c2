package jsnum

import "testing"

// numberTable (table_test.go) is generated under Node.

func TestFormatAgreesWithJavaScript(t *testing.T) {
	for _, tt := range numberTable {
		if got := Format(Parse(tt.text)); got != tt.want {
			t.Errorf("String(%s) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestFormatNonFinite(t *testing.T) {
	inf := Parse("1e999")
	for _, tt := range []struct {
		f    float64
		want string
	}{{inf, "Infinity"}, {-inf, "-Infinity"}, {inf - inf, "NaN"}} {
		if got := Format(tt.f); got != tt.want {
			t.Errorf("Format(%v) = %q, want %q", tt.f, got, tt.want)
		}
	}
}
