package hibp

import (
	"errors"
	"fmt"
	"strconv"
)

// Errors reported while parsing a range response. A problem with one line is
// reported as a [*LineError] wrapping one of the line sentinels below; every
// such error also matches [ErrMalformed] under [errors.Is].
var (
	// ErrMalformed matches every [*LineError].
	ErrMalformed = errors.New("malformed range response")

	ErrBlankLine    = errors.New("blank line")                                  // empty line other than the final newline
	ErrMissingColon = errors.New("missing colon")                               // no ':' between suffix and count
	ErrBadSuffix    = errors.New("suffix is not 35 hexadecimal characters")     // wrong length or non-hex
	ErrBadCount     = errors.New("count is not a non-negative decimal integer") // empty, signed, non-digit or overflowing
	ErrLineTooLong  = errors.New("line too long")                               // far longer than any valid line

	// ErrBodyTooLarge is returned when a response body exceeds
	// [MaxRangeBody] bytes.
	ErrBodyTooLarge = errors.New("hibp: range response larger than limit")

	// ErrInvalidSuffix is returned by [FindSuffix] when the suffix it is
	// asked to look for is not 35 hexadecimal characters.
	ErrInvalidSuffix = errors.New("hibp: suffix to find is not 35 hexadecimal characters")

	// ErrStatus matches every [*StatusError].
	ErrStatus = errors.New("hibp: unexpected HTTP status")

	// ErrUnavailable is returned at once while the client's circuit
	// breaker is open: the endpoint has been failing.
	ErrUnavailable = errors.New("hibp: range API unavailable (recent requests failed; the next is tried after a cool-down)")
)

// LineError reports a malformed line of a range response.
type LineError struct {
	Line int   // 1-based line number
	Err  error // one of ErrBlankLine, ErrMissingColon, ErrBadSuffix, ErrBadCount, ErrLineTooLong
}

func (e *LineError) Error() string {
	return "hibp: malformed range response: line " + strconv.Itoa(e.Line) + ": " + e.Err.Error()
}

// Unwrap returns the sentinel describing what is wrong with the line.
func (e *LineError) Unwrap() error { return e.Err }

// Is reports whether target is [ErrMalformed].
func (e *LineError) Is(target error) bool { return target == ErrMalformed }

// StatusError reports a range response whose HTTP status was not 200 OK.
type StatusError struct {
	StatusCode int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("hibp: unexpected HTTP status %d", e.StatusCode)
}

// Is reports whether target is [ErrStatus].
func (e *StatusError) Is(target error) bool { return target == ErrStatus }
