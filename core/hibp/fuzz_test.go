package hibp

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"testing/iotest"
)

// FuzzFindSuffix checks that FindSuffix never panics, agrees with ReadRange
// and with a simple reference parser, and does not depend on how the body is
// split into reads.
func FuzzFindSuffix(f *testing.F) {
	f.Add([]byte(publishedExample), sfxB)
	f.Add([]byte(publishedExample+"\r\n"), strings.ToLower(sfxE))
	f.Add([]byte(pw+":0\r\n"+pw+":3\n"), pw)
	f.Add([]byte(sfxA+":1\r\n\r\n"+sfxB+":2"), sfxB)
	f.Add([]byte(sfxA+":-1\n"), sfxA)
	f.Add([]byte(""), pw)
	f.Add([]byte("\n"), "x")
	f.Add([]byte(sfxA+":"+strings.Repeat("0", 120)+"1"), sfxA)

	f.Fuzz(func(t *testing.T, body []byte, suffix string) {
		count, found, err := FindSuffix(bytes.NewReader(body), suffix)
		if err != nil && (found || count != 0) {
			t.Fatalf("error %v with result %d, %v", err, count, found)
		}
		if found != (count > 0) {
			t.Fatalf("found %v with count %d", found, count)
		}

		c2, f2, err2 := FindSuffix(iotest.OneByteReader(bytes.NewReader(body)), suffix)
		if c2 != count || f2 != found || errString(err2) != errString(err) {
			t.Fatalf("one-byte reads: %d, %v, %v; whole: %d, %v, %v", c2, f2, err2, count, found, err)
		}

		ref, refLine, refErr := reference(body)
		rg, rgErr := ReadRange(bytes.NewReader(body))

		if _, ok := decodeSuffix(suffix); !ok {
			if !errors.Is(err, ErrInvalidSuffix) {
				t.Fatalf("invalid suffix %q: error %v", suffix, err)
			}
		} else {
			if (err == nil) != (refErr == nil) || errString(err) != errString(rgErr) {
				t.Fatalf("errors: FindSuffix %v, ReadRange %v, reference %v", err, rgErr, refErr)
			}
			if err == nil {
				want, ok := ref[strings.ToUpper(suffix)]
				if count != want || found != ok {
					t.Fatalf("FindSuffix = %d, %v; reference %d, %v", count, found, want, ok)
				}
			}
		}
		if refErr != nil {
			var le *LineError
			if errors.As(rgErr, &le) {
				if refLine != le.Line {
					t.Fatalf("ReadRange error %v; reference line %d (%v)", rgErr, refLine, refErr)
				}
			} else if !errors.Is(rgErr, ErrBodyTooLarge) || !errors.Is(refErr, ErrBodyTooLarge) {
				t.Fatalf("ReadRange error %v; reference %v", rgErr, refErr)
			}
			return
		}
		if rgErr != nil {
			t.Fatalf("ReadRange error %v; reference accepts", rgErr)
		}
		if rg.Len() != len(ref) {
			t.Fatalf("Len = %d; reference %d", rg.Len(), len(ref))
		}
		for s, want := range ref {
			for _, q := range []string{s, strings.ToLower(s)} {
				if n, ok := rg.Lookup(q); !ok || n != want {
					t.Fatalf("Lookup(%q) = %d, %v; want %d", q, n, ok, want)
				}
				if n, ok, err := FindSuffix(bytes.NewReader(body), q); err != nil || !ok || n != want {
					t.Fatalf("FindSuffix(%q) = %d, %v, %v; want %d", q, n, ok, err, want)
				}
			}
		}
	})
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// reference parses a body the obvious way: first non-padding count per
// uppercase suffix, or the first bad line's number.
func reference(body []byte) (map[string]int, int, error) {
	lines := strings.Split(string(body), "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1] // final newline, or empty body
	}
	out := map[string]int{}
	size := 0
	for i, l := range lines {
		size += len(l) + 1
		if i == len(lines)-1 && !bytes.HasSuffix(body, []byte("\n")) {
			size--
		}
		if size > MaxRangeBody {
			return nil, 0, ErrBodyTooLarge
		}
		if len(l) >= maxLineLen {
			return nil, i + 1, ErrMalformed
		}
		l = strings.TrimSuffix(l, "\r")
		s, c, ok := strings.Cut(l, ":")
		if !ok || len(s) != SuffixLen || strings.Trim(strings.ToUpper(s), "0123456789ABCDEF") != "" {
			return nil, i + 1, ErrMalformed
		}
		if c == "" || strings.Trim(c, "0123456789") != "" {
			return nil, i + 1, ErrMalformed
		}
		n := 0
		for _, d := range c {
			if n > (int(^uint(0)>>1)-int(d-'0'))/10 {
				return nil, i + 1, ErrMalformed
			}
			n = n*10 + int(d-'0')
		}
		s = strings.ToUpper(s)
		if _, seen := out[s]; !seen && n > 0 {
			out[s] = n
		}
	}
	return out, 0, nil
}
