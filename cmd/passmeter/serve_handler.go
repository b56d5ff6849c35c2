package main

import (
	"context"
	"errors"
	"io"
	"log"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/passmeter/passmeter/core"
	"github.com/passmeter/passmeter/core/hibp"
	"github.com/passmeter/passmeter/core/pwned"
)

// Routes.
const (
	strengthCheckPath = "/v1/passwords/strength_check"
	healthPath        = "/healthz"
)

// maxBody bounds a request body: core's limit on a request's JSON, in
// which the longest password core accepts, written with JSON escapes,
// fits well.
const maxBody = core.MaxRequestBytes

// handlerConfig is what the HTTP handler needs.
type handlerConfig struct {
	// breach checks passwords against HIBP or a local store; nil turns
	// breach detection off.
	breach hibp.Checker
	// breachWithoutEmail checks requests that name no email too
	// (core.BreachRule.WithoutEmail); Stytch's default is false.
	breachWithoutEmail bool
	// ranges, when set, answers GET /range/{prefix} as HIBP's range API.
	ranges        *pwned.Store
	referenceYear int         // default reference year; 0: this year
	log           *log.Logger // one line per request: method, path, status, duration
	// admit bounds the estimates in flight; nil admits every request at
	// once (tests that are not about admission).
	admit *lanes
	// deadline bounds a strength check from its start to its answer,
	// queue and breach check included; 0: none beyond the server's.
	deadline time.Duration
	// fullSequence answers zxcvbn's whole match sequence, tokens and
	// matched words included; by default it is left without them.
	fullSequence bool
	// draining is closed when shutdown starts: /healthz answers 503 and
	// new strength checks are refused; nil: never.
	draining <-chan struct{}
}

// newHandler returns the server's handler: Stytch's strength check and a
// health check, errors in Stytch's shape, each request logged and a panic
// answered with a 500.
func newHandler(cfg handlerConfig) http.Handler {
	if cfg.log == nil {
		cfg.log = log.New(io.Discard, "", 0)
	}
	return withLogAndRecover(cfg.log, &handler{cfg})
}

type handler struct{ handlerConfig }

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h.isDraining() {
		// The connection ends with this answer: the server is stopping.
		w.Header().Set("Connection", "close")
	}
	if rangeRoute(r.URL.Path) {
		if h.ranges == nil {
			// Not the generic 404, which quotes the path: it holds a prefix.
			writeError(w, core.NotFoundError("this server has no breach corpus; passmeter serve --pwned STORE serves "+rangePrefix+"{prefix}"))
			return
		}
		h.serveRange(w, r)
		return
	}
	switch r.URL.Path {
	case strengthCheckPath:
		if r.Method != http.MethodPost {
			methodNotAllowed(w, r, "POST")
			return
		}
		h.strengthCheck(w, r)
	case healthPath:
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			methodNotAllowed(w, r, "GET, HEAD")
			return
		}
		if h.isDraining() {
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "draining"})
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	default:
		// The path is not quoted back: a client may put anything in it.
		writeError(w, core.NotFoundError("no such route; passmeter serves POST "+strengthCheckPath+" and GET "+healthPath))
	}
}

func (h *handler) strengthCheck(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if h.deadline > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, h.deadline)
		defer cancel()
	}
	if h.isDraining() {
		// A request on a connection made before shutdown: refused in
		// Stytch's shape rather than reset.
		refuse(w, errDraining)
		return
	}
	if r.ContentLength > maxBody {
		// Refused before the body is read, so that a client sending
		// Expect: 100-continue gets the 413 at once, never the 100.
		w.Header().Set("Connection", "close")
		writeError(w, bodyTooLarge())
		return
	}
	// MaxBytesReader gets the server's own writer, which it tells to close
	// the connection once the limit is hit.
	body, err := io.ReadAll(http.MaxBytesReader(unwrapWriter(w), r.Body, maxBody))
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			writeError(w, bodyTooLarge())
			return
		}
		// The error's text may name the connection's addresses.
		writeError(w, core.RequestFault("", "reading the request body failed: "+bodyFailure(err)))
		return
	}
	req, err := decodeRequest(body, h.referenceYear)
	if err != nil {
		writeError(w, core.ErrorOf(err))
		return
	}
	release, err := h.admit.lane(core.PasswordLength(req.Password)).acquire(ctx)
	if err != nil {
		refuse(w, err)
		return
	}
	resp, err := core.StrengthCheck(req)
	release()
	if err != nil {
		writeError(w, core.ErrorOf(err))
		return
	}
	h.checkBreach(ctx, req, &resp)
	if !h.fullSequence {
		resp.RedactSequence()
	}
	writeJSON(w, http.StatusOK, &resp)
}

func (h *handler) isDraining() bool {
	select {
	case <-h.draining:
		return true
	default:
		return false
	}
}

// refuse answers a request admission turned away, in Stytch's shape with
// Retry-After, or notes that its client went away or its deadline passed
// before its estimate started: that work is abandoned.
func refuse(w http.ResponseWriter, err error) {
	w.Header().Set("Retry-After", "1")
	switch {
	case errors.Is(err, errQueueFull):
		writeError(w, core.TooManyRequestsError("Too many requests have been made: every estimate slot and queue place is taken; retry after 1 s"))
	case errors.Is(err, context.Canceled):
		noteOutcome(w, "client gone before its estimate")
		writeError(w, core.UnavailableError("the request was cancelled before its estimate"))
	case errors.Is(err, context.DeadlineExceeded):
		noteOutcome(w, "deadline passed before its estimate")
		writeError(w, core.UnavailableError("the request's time ran out before its estimate"))
	case errors.Is(err, errDraining):
		writeError(w, core.UnavailableError("the server is shutting down; retry after 1 s"))
	default:
		writeError(w, core.UnavailableError(err.Error()+"; retry after 1 s"))
	}
}

// bodyTooLarge is the 413 for a body over maxBody.
func bodyTooLarge() *core.Error {
	return core.TooLargeError("request body is larger than " + strconv.Itoa(maxBody>>10) + " KiB")
}

// bodyFailure says why reading a body failed without the error's text,
// which names the connection's socket addresses.
func bodyFailure(err error) string {
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return "it did not arrive in time"
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return "it ended before its length"
	}
	return "the connection failed"
}

func (h *handler) checkBreach(ctx context.Context, req core.StrengthRequest, resp *core.StrengthResponse) {
	checkBreach(ctx, h.breach, h.breachWithoutEmail, h.log, req, resp)
}

func methodNotAllowed(w http.ResponseWriter, r *http.Request, allow string) {
	w.Header().Set("Allow", allow)
	writeError(w, core.MethodNotAllowedError(r.URL.Path+" does not allow this method; use "+allow))
}

// writeError writes e, in Stytch's shape with a fresh request_id
// (core.Error), as the answer.
func writeError(w http.ResponseWriter, e *core.Error) { writeJSON(w, e.Status, e) }

// writeJSON writes v as the response body; an answer that cannot be
// encoded becomes a 500.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := marshalJSON(v)
	if err != nil {
		status = http.StatusInternalServerError
		b, _ = marshalJSON(internalError())
	}
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if _, err := w.Write(b); err == nil {
		// Sent now, while the handler can still tell it failed.
		http.NewResponseController(w).Flush()
	}
}

// internalError is the 500 the server answers when it failed: the log,
// never the answer, says why.
func internalError() *core.Error {
	return core.InternalError("this request could not be answered; the server log says why")
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
