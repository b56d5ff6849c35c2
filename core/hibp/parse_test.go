package hibp

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// The example lines of the range API's documentation.
const publishedExample = "0018A45C4D1DEF81644B54AB7F969B88D65:1\r\n" +
	"00D4F6E8FA6EECAD2A3AA415EEC418D38EC:2\r\n" +
	"011053FD0102E94D6AE2F8B83D76FAF94F6:1\r\n" +
	"012A7CA357541F0AC487871FEEC1891C49C:2\r\n" +
	"0136E006E24E7D152139815FB0FC6A50B15:2"

const (
	sfxA = "0018A45C4D1DEF81644B54AB7F969B88D65"
	sfxB = "00D4F6E8FA6EECAD2A3AA415EEC418D38EC"
	sfxE = "0136E006E24E7D152139815FB0FC6A50B15"
	sfxZ = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF" // absent
	pw   = "1E4C9B93F3F0682250B6CF8331B7EE68FD8" // suffix of "password"
)

func TestFindSuffix(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		suffix string
		count  int
		found  bool
		err    error // sentinel matched with errors.Is
		line   int   // for *LineError
	}{
		{"published first", publishedExample, sfxA, 1, true, nil, 0},
		{"published middle", publishedExample, sfxB, 2, true, nil, 0},
		{"published last no newline", publishedExample, sfxE, 2, true, nil, 0},
		{"published absent", publishedExample, sfxZ, 0, false, nil, 0},
		{"final CRLF", publishedExample + "\r\n", sfxE, 2, true, nil, 0},
		{"LF lines", strings.ReplaceAll(publishedExample, "\r\n", "\n") + "\n", sfxB, 2, true, nil, 0},
		{"mixed CRLF and LF", sfxA + ":1\n" + sfxB + ":7\r\n", sfxB, 7, true, nil, 0},
		{"lowercase body", strings.ToLower(publishedExample), sfxB, 2, true, nil, 0},
		{"lowercase query", publishedExample, strings.ToLower(sfxB), 2, true, nil, 0},
		{"big count", pw + ":10434004\r\n", pw, 10434004, true, nil, 0},
		{"leading zeros", pw + ":007\r\n", pw, 7, true, nil, 0},
		{"padding line not found", sfxA + ":1\r\n" + pw + ":0\r\n", pw, 0, false, nil, 0},
		{"padding then real", pw + ":0\r\n" + pw + ":3\r\n", pw, 3, true, nil, 0},
		{"first real wins", pw + ":3\r\n" + pw + ":5\r\n", pw, 3, true, nil, 0},
		{"empty body", "", pw, 0, false, nil, 0},

		{"blank line middle", sfxA + ":1\r\n\r\n" + sfxB + ":2\r\n", sfxA, 0, false, ErrBlankLine, 2},
		{"blank LF middle", sfxA + ":1\n\n" + sfxB + ":2\n", sfxA, 0, false, ErrBlankLine, 2},
		{"two final newlines", sfxA + ":1\r\n\r\n", sfxA, 0, false, ErrBlankLine, 2},
		{"only newline", "\n", sfxA, 0, false, ErrBlankLine, 1},
		{"missing colon", sfxA + ":1\r\n" + sfxB + "2\r\n", sfxA, 0, false, ErrMissingColon, 2},
		{"short suffix", sfxA[1:] + ":1\r\n", sfxA, 0, false, ErrBadSuffix, 1},
		{"long suffix", sfxA + "0:1\r\n", sfxA, 0, false, ErrBadSuffix, 1},
		{"non-hex suffix", "G" + sfxA[1:] + ":1\r\n", sfxA, 0, false, ErrBadSuffix, 1},
		{"full hash as suffix", "5BAA6" + pw + ":1\r\n", pw, 0, false, ErrBadSuffix, 1},
		{"space before colon", sfxA + " :1\r\n", sfxA, 0, false, ErrBadSuffix, 1},
		{"negative count", sfxA + ":-1\r\n", sfxA, 0, false, ErrBadCount, 1},
		{"plus count", sfxA + ":+1\r\n", sfxA, 0, false, ErrBadCount, 1},
		{"empty count", sfxA + ":\r\n", sfxA, 0, false, ErrBadCount, 1},
		{"non-numeric count", sfxA + ":x\r\n", sfxA, 0, false, ErrBadCount, 1},
		{"decimal count", sfxA + ":1.5\r\n", sfxA, 0, false, ErrBadCount, 1},
		{"overflowing count", sfxA + ":99999999999999999999999\r\n", sfxA, 0, false, ErrBadCount, 1},
		{"trailing space", sfxA + ":1 \r\n", sfxA, 0, false, ErrBadCount, 1},
		{"two colons", sfxA + ":1:2\r\n", sfxA, 0, false, ErrBadCount, 1},
		{"double CR", sfxA + ":1\r\r\n", sfxA, 0, false, ErrBadCount, 1},
		{"bad line after match", sfxA + ":1\r\nnonsense\r\n", sfxA, 0, false, ErrMissingColon, 2},
		{"line too long", sfxA + ":" + strings.Repeat("0", 200) + "1\r\n", sfxA, 0, false, ErrLineTooLong, 1},
		{"invalid query", publishedExample, "XYZ", 0, false, ErrInvalidSuffix, 0},
		{"query too short", publishedExample, sfxA[:34], 0, false, ErrInvalidSuffix, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, r := range []io.Reader{strings.NewReader(tt.body), iotest.OneByteReader(strings.NewReader(tt.body))} {
				count, found, err := FindSuffix(r, tt.suffix)
				if count != tt.count || found != tt.found {
					t.Errorf("got %d, %v; want %d, %v", count, found, tt.count, tt.found)
				}
				checkErr(t, err, tt.err, tt.line)
			}
		})
	}
}

func checkErr(t *testing.T, err, want error, line int) {
	t.Helper()
	if want == nil {
		if err != nil {
			t.Fatalf("unexpected error %v", err)
		}
		return
	}
	if !errors.Is(err, want) {
		t.Fatalf("error %v, want %v", err, want)
	}
	var le *LineError
	isLine := errors.As(err, &le)
	if isLine != (line > 0) {
		t.Fatalf("error %v: LineError %v, want %v", err, isLine, line > 0)
	}
	if isLine {
		if le.Line != line {
			t.Errorf("error line %d, want %d (%v)", le.Line, line, err)
		}
		if !errors.Is(err, ErrMalformed) {
			t.Errorf("%v does not match ErrMalformed", err)
		}
		if !strings.Contains(err.Error(), "line ") {
			t.Errorf("message %q does not name the line", err)
		}
	}
}

// sizedBody returns a valid body of exactly n bytes (n >= 38) of padding
// lines "SUFFIX:0\n", the last one with extra leading zeros.
func sizedBody(n int) []byte {
	const line = sfxZ + ":0\n" // 38 bytes
	k, rem := n/len(line), n%len(line)
	var b bytes.Buffer
	b.Grow(n)
	for i := 0; i < k-1; i++ {
		b.WriteString(line)
	}
	b.WriteString(sfxZ + ":" + strings.Repeat("0", 1+rem) + "\n")
	return b.Bytes()
}

func TestSizeLimit(t *testing.T) {
	exact := sizedBody(MaxRangeBody)
	if len(exact) != MaxRangeBody {
		t.Fatalf("sizedBody: %d bytes", len(exact))
	}
	real := pw + ":5\n"
	atLimit := append([]byte(real), sizedBody(MaxRangeBody-len(real))...)
	n, found, err := FindSuffix(bytes.NewReader(atLimit), pw)
	if err != nil || !found || n != 5 {
		t.Fatalf("body at limit: %d, %v, %v", n, found, err)
	}
	if _, err := ReadRange(bytes.NewReader(atLimit)); err != nil {
		t.Fatalf("ReadRange at limit: %v", err)
	}

	for name, body := range map[string][]byte{
		"one byte over":      append(atLimit[:len(atLimit):len(atLimit)], '\n'),
		"one more line":      append(atLimit[:len(atLimit):len(atLimit)], real...),
		"far over":           append(sizedBody(MaxRangeBody), sizedBody(MaxRangeBody)...),
		"over with no error": sizedBody(MaxRangeBody + 100),
	} {
		n, found, err := FindSuffix(bytes.NewReader(body), pw)
		if !errors.Is(err, ErrBodyTooLarge) || found || n != 0 {
			t.Errorf("%s: got %d, %v, %v; want ErrBodyTooLarge", name, n, found, err)
		}
		if _, err := ReadRange(bytes.NewReader(body)); !errors.Is(err, ErrBodyTooLarge) {
			t.Errorf("%s: ReadRange error %v", name, err)
		}
	}
}

// An endless source stops being read shortly after the limit.
func TestSizeLimitEndless(t *testing.T) {
	r := &countingReader{r: &infiniteLines{}}
	_, _, err := FindSuffix(r, pw)
	if !errors.Is(err, ErrBodyTooLarge) {
		t.Fatalf("error %v", err)
	}
	if r.n > MaxRangeBody+1 {
		t.Errorf("read %d bytes, limit %d", r.n, MaxRangeBody)
	}
}

type infiniteLines struct{ off int }

func (l *infiniteLines) Read(p []byte) (int, error) {
	const line = sfxZ + ":0\r\n"
	for i := range p {
		p[i] = line[l.off%len(line)]
		l.off++
	}
	return len(p), nil
}

type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func TestReadError(t *testing.T) {
	boom := errors.New("boom")
	r := io.MultiReader(strings.NewReader(sfxA+":1\r\n"), iotest.ErrReader(boom))
	if _, _, err := FindSuffix(r, sfxA); !errors.Is(err, boom) {
		t.Fatalf("error %v, want boom", err)
	}
}

func TestReadRange(t *testing.T) {
	body := publishedExample + "\r\n" + pw + ":0\r\n" + strings.ToLower(pw) + ":9\r\n" + sfxB + ":4\r\n"
	rg, err := ReadRange(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if rg.Len() != 6 {
		t.Errorf("Len = %d, want 6", rg.Len())
	}
	tests := []struct {
		suffix string
		count  int
		found  bool
	}{
		{sfxA, 1, true},
		{sfxB, 2, true}, // first of the duplicates
		{sfxE, 2, true},
		{pw, 9, true}, // padding line ignored, lowercase line found
		{strings.ToLower(sfxA), 1, true},
		{sfxZ, 0, false},
		{"", 0, false},
		{"not hex", 0, false},
	}
	for _, tt := range tests {
		n, found := rg.Lookup(tt.suffix)
		if n != tt.count || found != tt.found {
			t.Errorf("Lookup(%q) = %d, %v; want %d, %v", tt.suffix, n, found, tt.count, tt.found)
		}
	}

	var nilRange *Range
	if n, found := nilRange.Lookup(sfxA); found || n != 0 || nilRange.Len() != 0 {
		t.Error("nil Range not empty")
	}

	if _, err := ReadRange(strings.NewReader(sfxA + ":1\r\n\r\n" + sfxB + ":1")); !errors.Is(err, ErrBlankLine) {
		t.Errorf("ReadRange blank line: %v", err)
	}
}
