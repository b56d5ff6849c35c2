package data

import (
	"math"
	"testing"
)

// Powers gives V8's Math.pow for every k of every table, bit for bit.
func TestPowersAreV8s(t *testing.T) {
	if len(v8Powers) != 4 {
		t.Fatalf("%d power tables, want 4", len(v8Powers))
	}
	for name, p := range v8Powers {
		if len(p.got) != len(p.want) {
			t.Errorf("%s: %d powers, V8 has %d", name, len(p.got), len(p.want))
			continue
		}
		for k := range p.want {
			if math.Float64bits(p.got[k]) != math.Float64bits(p.want[k]) {
				t.Errorf("%s[%d] = %v, V8 gives %v", name, k, p.got[k], p.want[k])
			}
		}
	}
}

// The ulps do matter: without them the tables are not V8's.
func TestPowersUlps(t *testing.T) {
	differ := 0
	for _, p := range v8Powers {
		for k, v := range p.want {
			if exact := Powers(p.want[1], string(make([]byte, k+1)))[k]; exact != v {
				differ++
			}
		}
	}
	if differ == 0 {
		t.Error("every V8 power is the correctly rounded one; the ulps would not be needed")
	}
}
