package clock

import (
	"testing"
	"time"
)

func TestUTCYear(t *testing.T) {
	// Year boundaries on both sides of 1970, leap days and centuries, and
	// the ends of a 400-year era.
	var secs []int64
	for _, y := range []int{1, 1600, 1899, 1900, 1969, 1970, 1971, 1999, 2000, 2024, 2025, 2100, 2400, 9999} {
		for _, d := range []time.Time{
			time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC),
			time.Date(y, 2, 29, 12, 0, 0, 0, time.UTC),
			time.Date(y, 3, 1, 0, 0, 0, 0, time.UTC),
			time.Date(y, 12, 31, 23, 59, 59, 0, time.UTC),
		} {
			secs = append(secs, d.Unix()-1, d.Unix(), d.Unix()+1)
		}
	}
	for s := int64(-1e10); s < 3e11; s += 7777777 {
		secs = append(secs, s)
	}
	for _, s := range secs {
		if got, want := utcYear(s), time.Unix(s, 0).UTC().Year(); got != want {
			t.Fatalf("utcYear(%d) = %d, want %d", s, got, want)
		}
	}
}

func TestNanotime(t *testing.T) {
	a := Nanotime()
	time.Sleep(2 * time.Millisecond)
	if d := Nanotime() - a; d < int64(2*time.Millisecond) {
		t.Fatalf("Nanotime advanced %d ns over a 2 ms sleep", d)
	}
}

func TestYear(t *testing.T) {
	if got, want := Year(), time.Now().Year(); got != want && got != want-1 && got != want+1 {
		t.Fatalf("Year() = %d, now is %d", got, want)
	}
}
