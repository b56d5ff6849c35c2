package luds

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	def := Options{MinLength: 8, MinComplexity: 3}
	tests := []struct {
		password string
		opts     Options
		want     Requirements
	}{
		{"", def, Requirements{MissingComplexity: 3, MissingCharacters: 8}},
		{"abc", def, Requirements{HasLowerCase: true, MissingComplexity: 2, MissingCharacters: 5}},
		{"abcDEF12", def, Requirements{HasLowerCase: true, HasUpperCase: true, HasDigit: true}},
		{"abc def!", def, Requirements{HasLowerCase: true, HasSymbol: true, MissingComplexity: 1}},
		{"ÄÖÜäöüßé", def, Requirements{HasSymbol: true, MissingComplexity: 2}},
		{"😀😀😀😀😀😀😀😀", def, Requirements{HasSymbol: true, MissingComplexity: 2}},
		{"😀😀😀😀😀😀😀", def, Requirements{HasSymbol: true, MissingComplexity: 2, MissingCharacters: 1}},
		{"aA1!", Options{MinLength: 32, MinComplexity: 4}, Requirements{true, true, true, true, 0, 28}},
		{strings.Repeat("a", 40), Options{MinLength: 32, MinComplexity: 1}, Requirements{HasLowerCase: true}},
	}
	for _, tt := range tests {
		got := Check(tt.password, tt.opts)
		if got != tt.want {
			t.Errorf("Check(%q, %+v) = %+v, want %+v", tt.password, tt.opts, got, tt.want)
		}
		if got.Met() != (tt.want.MissingCharacters == 0 && tt.want.MissingComplexity == 0) {
			t.Errorf("Met(%q) = %v", tt.password, got.Met())
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		in      Options
		want    Options
		wantErr string
	}{
		{Options{}, Options{8, 3}, ""},
		{Options{MinLength: 12}, Options{12, 3}, ""},
		{Options{MinLength: 7}, Options{}, "luds.min_length"},
		{Options{MinLength: 33}, Options{}, "luds.min_length"},
		{Options{MinComplexity: 5}, Options{}, "luds.min_complexity"},
		{Options{MinComplexity: -1}, Options{}, "luds.min_complexity"},
		{Options{MinLength: 32, MinComplexity: 4}, Options{32, 4}, ""},
	}
	for _, tt := range tests {
		got, err := tt.in.Normalize()
		if tt.wantErr != "" {
			if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
				t.Errorf("Normalize(%+v) error = %v, want prefix %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("Normalize(%+v) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
}
