package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"

	"github.com/passmeter/passmeter/core"
	"github.com/passmeter/passmeter/core/hibp"
)

// maxLine bounds one request line; a longer one is answered with an error
// and skipped, and the run goes on.
const maxLine = 1 << 20

func runCheck(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	year := fs.Int("reference-year", 0, "zxcvbn's reference year (default: this year)")
	store := fs.String("pwned", "", "a store written by passmeter pwned import: requests with an email get a breach check from it, as serve gives")
	withoutEmail := fs.Bool("breach-without-email", false, "with --pwned, check the passwords of requests that name no email too, as serve --breach-without-email")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	var breach hibp.Checker
	if *store != "" {
		s, err := openStore(*store, true, false)
		if err != nil {
			fmt.Fprintln(stderr, "passmeter check:", err)
			return 1
		}
		defer s.Close()
		breach = s
	}
	logger := log.New(stderr, "passmeter check: ", 0)
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	in := bufio.NewReaderSize(stdin, 64<<10)
	for {
		line, err := readLine(in)
		if len(line) > 0 || err == nil || errors.Is(err, errLineTooLong) {
			b, encErr := marshalJSON(checkLine(line, err, *year, breach, *withoutEmail, logger))
			if encErr == nil {
				_, encErr = out.Write(b)
			}
			if encErr != nil {
				fmt.Fprintln(stderr, "passmeter check:", encErr)
				return 1
			}
		}
		if err == io.EOF {
			return 0
		}
		if err != nil && !errors.Is(err, errLineTooLong) {
			fmt.Fprintln(stderr, "passmeter check:", err)
			return 1
		}
	}
}

var errLineTooLong = errors.New("request line longer than 1 MiB")

// readLine returns the next line without its end; an over-long line is
// consumed and reported as errLineTooLong.
func readLine(r *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if len(line)+len(chunk) <= maxLine {
			line = append(line, chunk...)
		} else {
			line = line[:0]
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = r.ReadSlice('\n')
			}
			if err == nil {
				err = errLineTooLong
			}
			return nil, err
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		for len(line) > 0 && (line[len(line)-1] == '\n' || line[len(line)-1] == '\r') {
			line = line[:len(line)-1]
		}
		return line, err
	}
}

func checkLine(line []byte, readErr error, year int, breach hibp.Checker, withoutEmail bool, logger *log.Logger) any {
	if errors.Is(readErr, errLineTooLong) {
		return core.TooLargeError(readErr.Error())
	}
	req, resp, err := decodeAndCheck(line, year)
	if err != nil {
		return core.ErrorOf(err) // written with a fresh request_id
	}
	checkBreach(context.Background(), breach, withoutEmail, logger, req, &resp)
	return &resp
}

// decodeAndCheck decodes one JSON strength check request and scores it;
// year is the reference year used when the request names none (0: this
// year). The command and the server both answer through it.
func decodeAndCheck(body []byte, year int) (core.StrengthRequest, core.StrengthResponse, error) {
	req, err := decodeRequest(body, year)
	if err != nil {
		return req, core.StrengthResponse{}, err
	}
	resp, err := core.StrengthCheck(req)
	return req, resp, err
}

// decodeRequest decodes and validates one request, with year as its
// reference year when it names none.
func decodeRequest(body []byte, year int) (core.StrengthRequest, error) {
	req, err := core.DecodeStrengthRequest(body)
	if err == nil && req.ReferenceYear == 0 {
		req.ReferenceYear = year
	}
	return req, err
}
