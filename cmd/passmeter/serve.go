package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"syscall"
	"time"

	"github.com/passmeter/passmeter/core/hibp"
	"github.com/passmeter/passmeter/core/pwned"
)

// Server time-outs. The write time-out covers the whole handler, breach
// check included, so it stays well above the HIBP time-out.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 15 * time.Second
	minWriteTimeout   = 30 * time.Second
	idleTimeout       = 60 * time.Second
	maxHeaderBytes    = 64 << 10
)

// serveOptions are the flags of `passmeter serve`.
type serveOptions struct {
	addr          string
	hibpEndpoint  string
	hibpTimeout   time.Duration
	pwned         string // a local store instead of the remote range API
	pwnedQuick    bool   // open it without reading it all
	noBreachCheck bool
	// breachWithoutEmail checks requests with no email too (the page's
	// default), not only those naming one (Stytch's).
	breachWithoutEmail bool
	referenceYear      int
	shutdownTimeout    time.Duration
	fullSequence       bool

	// Admission (serve_admit.go): estimates in flight and waiting, for
	// passwords under heavyFrom units and for longer ones.
	maxEstimates, maxQueue         int
	maxLongEstimates, maxLongQueue int
	queueWait                      time.Duration
}

func runServe(args []string, stderr io.Writer) int {
	opts, err := parseServeFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, stop, opts, stderr)
}

// defaultAdmission is serve's admission when no flag says otherwise:
// GOMAXPROCS estimates in flight, half of them (at least one) for long
// passwords, a queue of 1,024 short ones and 4 per long slot, each
// waiting up to a second.
func defaultAdmission() serveOptions {
	procs := runtime.GOMAXPROCS(0)
	long := max(1, procs/2)
	return serveOptions{maxEstimates: procs, maxQueue: 1024, maxLongEstimates: long, maxLongQueue: 4 * long, queueWait: time.Second}
}

// parseServeFlags parses serve's flags, saying what is wrong on stderr.
func parseServeFlags(args []string, stderr io.Writer) (serveOptions, error) {
	var o serveOptions
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "address to listen on (port 0: any free port)")
	fs.StringVar(&o.hibpEndpoint, "hibp-endpoint", hibp.DefaultEndpoint, "HIBP range API base URL (a mirror or a stand-in)")
	fs.DurationVar(&o.hibpTimeout, "hibp-timeout", hibp.DefaultTimeout, "time-out of one HIBP range request")
	fs.StringVar(&o.pwned, "pwned", "", "a store written by passmeter pwned import: breach checks from it, with no outbound request, and GET /range/{prefix} served as HIBP's")
	fs.BoolVar(&o.pwnedQuick, "pwned-quick", false, "open the --pwned store checking only its footer and index, not every byte (fast start for a store of billions on storage you trust)")
	fs.BoolVar(&o.noBreachCheck, "no-breach-check", false, "never query HIBP (breach_detection_on_create false)")
	fs.BoolVar(&o.breachWithoutEmail, "breach-without-email", false, "check passwords of requests that name no email too (by default, as Stytch, only those with an email or an email form field); the page's load({hibp: {withoutEmail: true}}), its default, answers the same")
	fs.IntVar(&o.referenceYear, "reference-year", 0, "zxcvbn's reference year for requests that give none (default: this year)")
	fs.DurationVar(&o.shutdownTimeout, "shutdown-timeout", 10*time.Second, "how long in-flight requests may run after SIGTERM or SIGINT")
	fs.BoolVar(&o.fullSequence, "full-sequence", false, "answer zxcvbn's whole match sequence (tokens, matched words: the password in pieces); by default each match is pattern, i and j")
	d := defaultAdmission()
	fs.IntVar(&o.maxEstimates, "max-estimates", d.maxEstimates, "estimates in flight at once (default: GOMAXPROCS)")
	fs.IntVar(&o.maxQueue, "max-queue", d.maxQueue, "estimates that may wait for a slot; more are refused with 429")
	fs.IntVar(&o.maxLongEstimates, "max-long-estimates", d.maxLongEstimates, "of passwords of "+strconv.Itoa(heavyFrom)+" units or more, estimates in flight at once, in their own lane (default: half of GOMAXPROCS)")
	fs.IntVar(&o.maxLongQueue, "max-long-queue", d.maxLongQueue, "of passwords of "+strconv.Itoa(heavyFrom)+" units or more, estimates that may wait")
	fs.DurationVar(&o.queueWait, "queue-wait", d.queueWait, "how long an estimate may wait for a slot before a 503")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	var err error
	endpointSet := false
	fs.Visit(func(f *flag.Flag) { endpointSet = endpointSet || f.Name == "hibp-endpoint" })
	switch u, urlErr := url.Parse(o.hibpEndpoint); {
	case o.pwnedQuick && o.pwned == "":
		err = errors.New("--pwned-quick needs --pwned")
	case o.pwned != "" && endpointSet:
		err = errors.New("--pwned and --hibp-endpoint exclude each other: the store answers every breach check")
	case fs.NArg() > 0:
		err = fmt.Errorf("unexpected argument %q", fs.Arg(0))
	case urlErr != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
		err = fmt.Errorf("--hibp-endpoint %q is not an http or https URL", o.hibpEndpoint)
	case o.hibpTimeout <= 0:
		err = errors.New("--hibp-timeout must be positive")
	case o.referenceYear < 0 || o.referenceYear > 9999:
		err = errors.New("--reference-year must be between 1 and 9999")
	case o.shutdownTimeout <= 0:
		err = errors.New("--shutdown-timeout must be positive")
	case o.maxEstimates < 1 || o.maxLongEstimates < 1:
		err = errors.New("--max-estimates and --max-long-estimates must be at least 1")
	case o.maxQueue < 0 || o.maxLongQueue < 0:
		err = errors.New("--max-queue and --max-long-queue must not be negative")
	case o.queueWait <= 0:
		err = errors.New("--queue-wait must be positive")
	}
	if err != nil {
		fmt.Fprintln(stderr, "passmeter serve:", err)
	}
	return o, err
}

// serve listens on opts.addr and answers until ctx is done, then lets the
// requests in flight finish (up to opts.shutdownTimeout) and returns the
// exit code. stopSignals, called once shutdown starts, restores the default
// signal handling so that a second signal ends the process at once.
func serve(ctx context.Context, stopSignals func(), opts serveOptions, stderr io.Writer) int {
	logger := log.New(stderr, "passmeter: ", 0)
	if opts.maxEstimates == 0 { // options not from the flags (tests)
		d := defaultAdmission()
		opts.maxEstimates, opts.maxQueue, opts.maxLongEstimates, opts.maxLongQueue, opts.queueWait =
			d.maxEstimates, d.maxQueue, d.maxLongEstimates, d.maxLongQueue, d.queueWait
	}
	draining := make(chan struct{})
	writeTimeout := max(minWriteTimeout, opts.hibpTimeout+10*time.Second)
	cfg := handlerConfig{
		referenceYear:      opts.referenceYear,
		breachWithoutEmail: opts.breachWithoutEmail,
		log:                logger,
		admit: &lanes{
			light: newAdmission(opts.maxEstimates, opts.maxQueue, opts.queueWait, draining),
			heavy: newAdmission(opts.maxLongEstimates, opts.maxLongQueue, opts.queueWait, draining),
		},
		// Answered before the write time-out cuts the connection.
		deadline:     writeTimeout - 2*time.Second,
		fullSequence: opts.fullSequence,
		draining:     draining,
	}
	if opts.pwned != "" {
		store, err := openStore(opts.pwned, !opts.noBreachCheck, opts.pwnedQuick)
		if err != nil {
			logger.Print(err)
			return 1
		}
		defer store.Close()
		logger.Printf("breach corpus: %s %v hashes, no outbound request", thousands(store.Hashes()), store.Kind())
		cfg.ranges = store
		if !opts.noBreachCheck {
			cfg.breach = store
		}
	} else if !opts.noBreachCheck {
		// At most hibp.DefaultMaxConns requests at once (the client
		// waits for a free one), each on a connection kept for the next.
		transport := http.DefaultTransport.(*http.Transport).Clone()
		transport.MaxConnsPerHost = hibp.DefaultMaxConns
		transport.MaxIdleConnsPerHost = hibp.DefaultMaxConns
		cfg.breach = &hibp.Client{
			Endpoint:   opts.hibpEndpoint,
			HTTPClient: &http.Client{Transport: transport},
			Timeout:    opts.hibpTimeout,
		}
	}
	srv := &http.Server{
		Handler:           newHandler(cfg),
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          log.New(stderr, "passmeter: http: ", 0),
	}

	tcp, err := net.Listen("tcp", opts.addr)
	if err != nil {
		logger.Print(err)
		return 1
	}
	ln := &drainListener{Listener: tcp}
	logger.Printf("listening on http://%s", ln.Addr())

	served := make(chan error, 1)
	// Go's own plain-text refusals answered in Stytch's shape
	// (serve_protocol.go).
	go func() { served <- srv.Serve(protocolErrors{Listener: ln, log: logger}) }()
	select {
	case err := <-served:
		logger.Print(err)
		return 1
	case <-ctx.Done():
	}
	stopSignals()
	// Draining: /healthz says 503 at once, so a load balancer stops
	// sending; requests on connections already made are answered (those
	// in flight) or refused in Stytch's shape (new and queued ones) with
	// Connection: close, and connections the kernel took but the server
	// had not yet accepted are taken in and answered too, rather than
	// reset when the listener closes: it closes once they stop coming (at
	// most drainAccepts). Idle keep-alive connections stay open until
	// then, so that a request a client sends on one as the signal comes is
	// refused, not cut off.
	close(draining)
	logger.Print("shutting down: refusing new requests, finishing those in flight")
	ln.waitQuiet(drainQuiet, drainAccepts)
	shutdownCtx, cancel := context.WithTimeout(context.Background(), opts.shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		logger.Printf("shutdown: %v; closing the remaining connections", err)
		srv.Close()
		return 1
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		logger.Print(err)
		return 1
	}
	logger.Print("stopped")
	return 0
}

// openStore opens a breach corpus store for serve or check; forChecks
// says it will answer breach checks, which need SHA-1 hashes; quick skips
// the check of every byte.
func openStore(path string, forChecks, quick bool) (*pwned.Store, error) {
	s, err := pwned.OpenOptions(path, pwned.Options{Quick: quick})
	if err != nil {
		return nil, fmt.Errorf("--pwned: %w", err)
	}
	if forChecks && s.Kind() != pwned.SHA1 {
		s.Close()
		return nil, fmt.Errorf("--pwned: the store holds %v hashes; breach checks need SHA-1 (or give --no-breach-check to serve only its ranges)", s.Kind())
	}
	return s, nil
}
