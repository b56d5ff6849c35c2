package core

import (
	"errors"
	"strconv"
	"strings"

	"github.com/passmeter/passmeter/core/internal/jsonw"
)

// Error is every error passmeter answers, in every front end: the command,
// the server and the WebAssembly module write it through AppendJSON (the
// module's JavaScript objects carry the same keys), so that its shape is
// Stytch's everywhere:
//
//	{"status_code":400,"request_id":"request-id-…","error_type":"invalid_email",
//	 "error_message":"email: must be a string","error_url":"https://stytch.com/docs/api/errors/400",
//	 "field":"email"}
//
// field is passmeter's addition: the request field at fault, "" when it is
// the request as a whole or not the request at all. An Error never holds a
// password, a client's path or a socket address: the messages are
// passmeter's own.
type Error struct {
	Status    int    // HTTP status: 400 for a request's fault, 500 for passmeter's
	Type      string // Stytch's error_type
	Message   string // what is wrong, without the field's name
	Field     string // the request field at fault; "" for the request as a whole
	RequestID string // "" until written: AppendJSON and ID give a fresh one

	// Not comparable (an *Error is compared by pointer): the compiler
	// then writes no equality function for it, 0.8 KB of the module.
	_ [0]func()
}

// Stytch's error types for what passmeter answers (Type).
const (
	TypeInvalidRequest   = "invalid_request"
	TypeInternal         = "internal_server_error"
	TypeTooLarge         = "request_too_large"
	TypeTooManyRequests  = "too_many_requests"
	TypeUnavailable      = "service_unavailable"
	TypeNotFound         = "route_not_found"
	TypeMethodNotAllowed = "method_not_allowed"
	// What Go's HTTP server refuses before any handler runs (serve).
	TypeHeadersTooLarge     = "request_header_fields_too_large"
	TypeVersionNotSupported = "http_version_not_supported"
	TypeNotImplemented      = "not_implemented"
	TypeExpectationFailed   = "expectation_failed"
)

// Error is the message, after the field's name when there is one.
func (e *Error) Error() string {
	if e.Field == "" {
		return e.Message
	}
	return e.Field + ": " + e.Message
}

// ID is the error's request_id: RequestID, or a fresh one when it is
// unset (e is not changed).
func (e *Error) ID() string {
	if e.RequestID == "" {
		return NewRequestID()
	}
	return e.RequestID
}

// AppendJSON appends the error in Stytch's shape, every key always
// present: status_code, request_id, error_type, error_message (Error()),
// error_url, then field.
func (e *Error) AppendJSON(b []byte) []byte {
	o := jsonw.Begin(b)
	o.Int("status_code", e.Status)
	o.Str("request_id", e.ID())
	o.Str("error_type", e.Type)
	o.Str("error_message", e.Error())
	o.Str("error_url", ErrorURL(e.Status))
	o.Str("field", e.Field)
	return o.End()
}

// MarshalJSON makes encoding/json write what AppendJSON writes.
func (e *Error) MarshalJSON() ([]byte, error) { return e.AppendJSON(nil), nil }

// ErrorURL is Stytch's documentation page for an error status, as its
// errors name it in error_url.
func ErrorURL(status int) string { return "https://stytch.com/docs/api/errors/" + strconv.Itoa(status) }

// NewError is an error of the given status, type and message, for no
// field.
func NewError(status int, errorType, message string) *Error {
	return &Error{Status: status, Type: errorType, Message: message}
}

// RequestFault is a 400 for the request's fault: field names what is wrong
// ("" for the request as a whole) and the type is invalid_ and the field
// up to its first "." (luds.min_length: invalid_luds), or invalid_request.
func RequestFault(field, message string) *Error {
	t := TypeInvalidRequest
	if field != "" {
		top := field // no strings.Cut, which links a substring search
		if i := strings.IndexByte(top, '.'); i >= 0 {
			top = top[:i]
		}
		t = "invalid_" + top
	}
	return &Error{Status: 400, Type: t, Message: message, Field: field}
}

// fieldError is RequestFault, the name core's checks use. Messages are
// built with strconv, not fmt: fmt would bring its reflection-based
// printer into the WebAssembly module.
func fieldError(field, message string) *Error { return RequestFault(field, message) }

// InternalError is a 500, internal_server_error as Stytch spells it:
// passmeter failed, not the request. detail says what failed, for the
// log and the caller; it must not hold request data.
func InternalError(detail string) *Error {
	return NewError(500, TypeInternal, "passmeter: internal error: "+detail)
}

// TooLargeError is a 413: the request is over a size limit.
func TooLargeError(message string) *Error { return NewError(413, TypeTooLarge, message) }

// The errors serve answers besides a request's fault and its own.

// NotFoundError is a 404: no such route.
func NotFoundError(message string) *Error { return NewError(404, TypeNotFound, message) }

// MethodNotAllowedError is a 405: the route does not take the method.
func MethodNotAllowedError(message string) *Error {
	return NewError(405, TypeMethodNotAllowed, message)
}

// TooManyRequestsError is a 429: every slot and queue place is taken.
func TooManyRequestsError(message string) *Error { return NewError(429, TypeTooManyRequests, message) }

// UnavailableError is a 503: the server cannot answer now (shutting
// down, or the request's time ran out before its turn).
func UnavailableError(message string) *Error { return NewError(503, TypeUnavailable, message) }

// ErrorOf is err as an Error: the *Error it wraps, or a 500 with its text
// (core's own errors hold no request data).
func ErrorOf(err error) *Error {
	if e, ok := errors.AsType[*Error](err); ok { // not errors.As, which links reflectlite (13 KB in the module)
		return e
	}
	return InternalError(err.Error())
}
