package main

import (
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"syscall"
	"time"
)

// withLogAndRecover logs one line per request (method, path, status,
// bytes of body written and duration, and what went wrong: a write that
// failed or timed out, a client gone before its estimate; never a header,
// a query or a body, so never a password) and
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
					writeError(rec, internalError())
				} else {
					rec.status = http.StatusInternalServerError
					v = http.ErrAbortHandler // the answer is cut: drop the connection
				}
			}
			outcome := ""
			switch {
			case rec.writeErr != nil:
				outcome = " (answer not delivered: " + writeFailure(rec.writeErr) + ")"
			case rec.note != "":
				outcome = " (" + rec.note + ")"
			}
			logger.Printf("%s %s %d %dB %s%s", logSafe(r.Method), logPath(r.URL.Path), rec.statusCode(), rec.bytes,
				time.Since(start).Round(time.Microsecond), outcome)
			if v == http.ErrAbortHandler {
				panic(v)
			}
		}()
		next.ServeHTTP(rec, r)
	})
}

// statusRecorder remembers the status a handler wrote, how much of the
// body went out and whether writing it failed.
type statusRecorder struct {
	http.ResponseWriter
	status      int
	wroteHeader bool
	bytes       int
	writeErr    error  // the first failed write or flush
	note        string // what else the log should say
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
	n, err := r.ResponseWriter.Write(b)
	r.bytes += n
	if err != nil && r.writeErr == nil {
		r.writeErr = err
	}
	return n, err
}

// FlushError sends what is buffered, so that a failure to deliver the
// answer (the client gone, the write time-out passed) is seen and logged
// rather than the answer counted as delivered.
func (r *statusRecorder) FlushError() error {
	err := http.NewResponseController(r.ResponseWriter).Flush()
	if err != nil && r.writeErr == nil {
		r.writeErr = err
	}
	return err
}

// recorder returns the statusRecorder under w, or nil.
func recorder(w http.ResponseWriter) *statusRecorder {
	for {
		if r, ok := w.(*statusRecorder); ok {
			return r
		}
		u, ok := w.(interface{ Unwrap() http.ResponseWriter })
		if !ok {
			return nil
		}
		w = u.Unwrap()
	}
}

// noteOutcome adds what happened to the request's log line.
func noteOutcome(w http.ResponseWriter, note string) {
	if r := recorder(w); r != nil {
		r.note = note
	}
}

// writeFailure says why an answer was not delivered, without the error's
// text, which names socket addresses.
func writeFailure(err error) string {
	switch {
	case errors.Is(err, os.ErrDeadlineExceeded):
		return "write time-out"
	case errors.Is(err, syscall.EPIPE), errors.Is(err, syscall.ECONNRESET), errors.Is(err, http.ErrHandlerTimeout):
		return "client gone"
	}
	return "write failed"
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

// logPath names the route a path is for: a range request's prefix is
// left out (it is derived from a password), and a path that is no route
// is not logged at all, as a client may put anything in it, a password
// included.
func logPath(p string) string {
	switch {
	case rangeRoute(p):
		return rangePrefix + "{prefix}"
	case p == strengthCheckPath, p == healthPath:
		return p
	}
	return "(no route)"
}
