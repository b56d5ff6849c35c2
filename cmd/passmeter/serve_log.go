package main

import (
	"fmt"
	"log"
	"net/http"
	"runtime"
	"strconv"
	"time"
)

// withLogAndRecover logs one line per request (method, path, status and
// duration: never a header, a query or a body, so never a password) and
// turns a panic in next into a 500 in Stytch's shape instead of a dropped
// connection.
func withLogAndRecover(logger *log.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w}
		defer func() {
			v := recover()
			if v != nil && v != http.ErrAbortHandler {
				// A runtime error's text is the program's own; any other
				// panic value might hold request data, so only its type is
				// logged.
				what := fmt.Sprintf("%T", v)
				if re, ok := v.(runtime.Error); ok {
					what = re.Error()
				}
				logger.Printf("panic serving %s %s: %s", logSafe(r.Method), logPath(r.URL.Path), what)
				if !rec.wroteHeader {
					writeJSON(rec, http.StatusInternalServerError, internalError())
				} else {
					rec.status = http.StatusInternalServerError
					v = http.ErrAbortHandler // the answer is cut: drop the connection
				}
			}
			logger.Printf("%s %s %d %s", logSafe(r.Method), logPath(r.URL.Path), rec.statusCode(), time.Since(start).Round(time.Microsecond))
			if v == http.ErrAbortHandler {
				panic(v)
			}
		}()
		next.ServeHTTP(rec, r)
	})
}

// statusRecorder remembers the status a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status      int
	wroteHeader bool
}

func (r *statusRecorder) WriteHeader(status int) {
	if !r.wroteHeader {
		r.status, r.wroteHeader = status, true
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if !r.wroteHeader {
		r.status, r.wroteHeader = http.StatusOK, true
	}
	return r.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the server's writer.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

func (r *statusRecorder) statusCode() int {
	if !r.wroteHeader {
		return http.StatusOK
	}
	return r.status
}

// unwrapWriter returns the writer at the bottom of a chain of wrappers.
func unwrapWriter(w http.ResponseWriter) http.ResponseWriter {
	for {
		u, ok := w.(interface{ Unwrap() http.ResponseWriter })
		if !ok {
			return w
		}
		w = u.Unwrap()
	}
}

// logSafe keeps a client-chosen method or path to one short, printable
// log field.
func logSafe(s string) string {
	s = truncate(s, 200)
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c >= 0x7f || c == '"' {
			return strconv.Quote(s)
		}
	}
	return s
}

// logPath is logSafe for a path, with a range request's prefix left out:
// it is derived from a password.
func logPath(p string) string {
	if rangeRoute(p) {
		return rangePrefix + "{prefix}"
	}
	return logSafe(p)
}
