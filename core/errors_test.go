package core

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// Every error is written in one shape: Stytch's keys in Stytch's order,
// then field, each always present.
func TestErrorJSON(t *testing.T) {
	for _, e := range []*Error{
		RequestFault("luds.min_length", "must be between 8 and 32"),
		RequestFault("", "request body is not JSON"),
		InternalError("boom"),
		TooLargeError("request is larger than 16 KiB"),
		NewError(429, TypeTooManyRequests, "slow down"),
		{Status: 503, Type: TypeUnavailable, Message: "draining", RequestID: "request-id-fixed"},
	} {
		b := e.AppendJSON(nil)
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if m["status_code"] != float64(e.Status) || m["error_type"] != e.Type || m["error_message"] != e.Error() ||
			m["field"] != e.Field || m["error_url"] != fmt.Sprintf("https://stytch.com/docs/api/errors/%d", e.Status) {
			t.Errorf("%s: does not match %+v", b, *e)
		}
		if id, _ := m["request_id"].(string); !strings.HasPrefix(id, "request-id-") || (e.RequestID != "" && id != e.RequestID) {
			t.Errorf("%s: request_id %q", b, id)
		}
		q := func(s string) string { j, _ := json.Marshal(s); return string(j) }
		want := fmt.Sprintf(`{"status_code":%d,"request_id":%s,"error_type":%s,"error_message":%s,"error_url":%s,"field":%s}`,
			e.Status, q(m["request_id"].(string)), q(e.Type), q(e.Error()), q(ErrorURL(e.Status)), q(e.Field))
		if string(b) != want {
			t.Errorf("got  %s\nwant %s", b, want)
		}
		if mj, _ := json.Marshal(e); string(mj[:40]) != string(b[:40]) {
			t.Errorf("MarshalJSON %s, AppendJSON %s", mj, b)
		}
	}
}

func TestErrorTypes(t *testing.T) {
	for _, tt := range []struct {
		e             *Error
		status        int
		typ, messsage string
	}{
		{RequestFault("luds.min_length", "too short"), 400, "invalid_luds", "luds.min_length: too short"},
		{RequestFault("email", "must be a string"), 400, "invalid_email", "email: must be a string"},
		{RequestFault("", "not JSON"), 400, "invalid_request", "not JSON"},
		{InternalError("boom"), 500, "internal_server_error", "passmeter: internal error: boom"},
		{ErrorOf(errors.New("disk on fire")), 500, "internal_server_error", "passmeter: internal error: disk on fire"},
		{ErrorOf(fmt.Errorf("wrapped: %w", RequestFault("password", "is required"))), 400, "invalid_password", "password: is required"},
		{ErrorOf(RequestTooLargeError()), 413, "request_too_large", "request is larger than 256 KiB"},
		{NotFoundError("no such route"), 404, "route_not_found", "no such route"},
		{MethodNotAllowedError("use POST"), 405, "method_not_allowed", "use POST"},
		{TooManyRequestsError("full"), 429, "too_many_requests", "full"},
		{UnavailableError("draining"), 503, "service_unavailable", "draining"},
	} {
		if tt.e.Status != tt.status || tt.e.Type != tt.typ || tt.e.Error() != tt.messsage {
			t.Errorf("%+v: want %d %s %q", *tt.e, tt.status, tt.typ, tt.messsage)
		}
	}
}

// The password and reference_year are validated by one rule in both
// request types, by their Validate, their decoder and their check.
func TestValidateBothRequests(t *testing.T) {
	long := strings.Repeat("a", MaxPasswordLength+1)
	for _, tt := range []struct {
		name, password string
		year           int
		field          string // "" when valid
	}{
		{"plain", "correct horse", 0, ""},
		{"year 1", "x", 1, ""},
		{"year 2026", "x", 2026, ""},
		{"year 9999", "x", 9999, ""},
		{"year -3", "x", -3, "reference_year"},
		{"year -1", "x", -1, "reference_year"},
		{"year 10000", "x", 10000, "reference_year"},
		{"not UTF-8", "a\xffb", 0, "password"},
		{"too long", long, 0, "password"},
		{"longest", long[1:], 0, ""},
		{"lone surrogate", "a\xed\xa0\x80", 0, ""},
	} {
		// The password as JSON: a lone surrogate as its escape; bytes
		// that are no UTF-8 have none (the decoder refuses the body whole).
		pw, _ := json.Marshal(tt.password)
		switch tt.name {
		case "not UTF-8":
			pw = nil
		case "lone surrogate":
			pw = []byte(`"a\ud800"`)
		}
		checks := []struct {
			what string
			err  error
		}{
			{"StrengthRequest.Validate", StrengthRequest{Password: tt.password, ReferenceYear: tt.year}.Validate()},
			{"SecurityRequest.Validate", SecurityRequest{Password: tt.password, ReferenceYear: tt.year}.Validate()},
			{"SecurityLevel", func() error {
				_, err := SecurityLevel(SecurityRequest{Password: tt.password, ReferenceYear: tt.year})
				return err
			}()},
		}
		if pw != nil {
			body := fmt.Sprintf(`{"password":%s,"reference_year":%d}`, pw, tt.year)
			_, serr := DecodeStrengthRequest([]byte(body))
			_, aerr := DecodeSecurityRequest([]byte(body))
			checks = append(checks, struct {
				what string
				err  error
			}{"DecodeStrengthRequest", serr}, struct {
				what string
				err  error
			}{"DecodeSecurityRequest", aerr})
		}
		for _, c := range checks {
			e, ok := errors.AsType[*Error](c.err)
			switch {
			case tt.field == "" && c.err != nil:
				t.Errorf("%s: %s refused it: %v", tt.name, c.what, c.err)
			case tt.field == "":
			case !ok:
				t.Errorf("%s: %s gave %v, want an Error naming %s", tt.name, c.what, c.err, tt.field)
			case e.Field != tt.field || e.Status != 400 || e.Type != "invalid_"+tt.field:
				t.Errorf("%s: %s gave %+v, want a 400 naming %s", tt.name, c.what, *e, tt.field)
			}
		}
	}
}

func TestRequestTooLargeMessage(t *testing.T) {
	if want := "request is larger than " + strconv.Itoa(MaxRequestBytes>>10) + " KiB"; requestTooLarge != want {
		t.Errorf("requestTooLarge %q, want %q", requestTooLarge, want)
	}
}
