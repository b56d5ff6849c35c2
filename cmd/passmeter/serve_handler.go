package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"strconv"

	"github.com/passmeter/passmeter/core"
	"github.com/passmeter/passmeter/core/hibp"
	"github.com/passmeter/passmeter/core/pwned"
)

// Routes.
const (
	strengthCheckPath = "/v1/passwords/strength_check"
	healthPath        = "/healthz"
)

// maxBody bounds a request body. The longest password core accepts,
// written with JSON escapes, fits well within it.
const maxBody = 256 << 10

// handlerConfig is what the HTTP handler needs.
type handlerConfig struct {
	// breach checks passwords against HIBP or a local store; nil turns
	// breach detection off.
	breach hibp.Checker
	// ranges, when set, answers GET /range/{prefix} as HIBP's range API.
	ranges        *pwned.Store
	referenceYear int         // default reference year; 0: this year
	log           *log.Logger // one line per request: method, path, status, duration
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
	if rangeRoute(r.URL.Path) {
		if h.ranges == nil {
			// Not the generic 404, which quotes the path: it holds a prefix.
			writeError(w, http.StatusNotFound, "route_not_found",
				"this server has no breach corpus; passmeter serve --pwned STORE serves "+rangePrefix+"{prefix}")
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
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	default:
		writeError(w, http.StatusNotFound, "route_not_found",
			fmt.Sprintf("no route %s; passmeter serves POST %s", strconv.Quote(truncate(r.URL.Path, 200)), strengthCheckPath))
	}
}

func (h *handler) strengthCheck(w http.ResponseWriter, r *http.Request) {
	// MaxBytesReader gets the server's own writer, which it tells to close
	// the connection once the limit is hit.
	body, err := io.ReadAll(http.MaxBytesReader(unwrapWriter(w), r.Body, maxBody))
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			writeError(w, http.StatusRequestEntityTooLarge, "request_too_large",
				fmt.Sprintf("request body is larger than %d KiB", maxBody>>10))
			return
		}
		writeError(w, http.StatusBadRequest, "invalid_request", "reading request body: "+err.Error())
		return
	}
	req, resp, err := decodeAndCheck(body, h.referenceYear)
	if err != nil {
		e := requestError(err)
		e.RequestID = core.NewRequestID()
		writeJSON(w, e.StatusCode, &e)
		return
	}
	h.checkBreach(r.Context(), req, &resp)
	writeJSON(w, http.StatusOK, &resp)
}

func (h *handler) checkBreach(ctx context.Context, req core.StrengthRequest, resp *core.StrengthResponse) {
	checkBreach(ctx, h.breach, h.log, req, resp)
}

func methodNotAllowed(w http.ResponseWriter, r *http.Request, allow string) {
	w.Header().Set("Allow", allow)
	writeError(w, http.StatusMethodNotAllowed, "method_not_allowed",
		fmt.Sprintf("%s does not allow %s; use %s", r.URL.Path, strconv.Quote(truncate(r.Method, 40)), allow))
}

// writeError writes an error in Stytch's shape.
func writeError(w http.ResponseWriter, status int, errorType, message string) {
	writeJSON(w, status, &errorResponse{
		StatusCode:   status,
		RequestID:    core.NewRequestID(),
		ErrorType:    errorType,
		ErrorMessage: message,
	})
}

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
	w.Write(b)
}

func internalError() *errorResponse {
	return &errorResponse{
		StatusCode:   http.StatusInternalServerError,
		RequestID:    core.NewRequestID(),
		ErrorType:    "internal_server_error",
		ErrorMessage: "passmeter could not answer this request; the server log says why",
	}
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
