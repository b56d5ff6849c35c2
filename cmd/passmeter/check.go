package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/passmeter/passmeter/core"
)

// maxLine bounds one request line; a longer one is answered with an error
// and skipped, and the run goes on.
const maxLine = 1 << 20

// errorResponse is Stytch's error shape.
type errorResponse struct {
	StatusCode   int    `json:"status_code"`
	RequestID    string `json:"request_id,omitempty"`
	ErrorType    string `json:"error_type"`
	ErrorMessage string `json:"error_message"`
}

func runCheck(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	year := fs.Int("reference-year", 0, "zxcvbn's reference year (default: this year)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	in := bufio.NewReaderSize(stdin, 64<<10)
	for {
		line, err := readLine(in)
		if len(line) > 0 || err == nil || errors.Is(err, errLineTooLong) {
			if err := enc.Encode(checkLine(line, err, *year)); err != nil {
				fmt.Fprintln(stderr, "passmeter check:", err)
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

func checkLine(line []byte, readErr error, year int) any {
	if errors.Is(readErr, errLineTooLong) {
		return errorResponse{StatusCode: 413, ErrorType: "request_too_large", ErrorMessage: readErr.Error()}
	}
	req, err := core.DecodeStrengthRequest(line)
	if err == nil && req.ReferenceYear == 0 {
		req.ReferenceYear = year
	}
	var resp core.StrengthResponse
	if err == nil {
		resp, err = core.StrengthCheck(req)
	}
	if err != nil {
		return requestError(err)
	}
	return resp
}

func requestError(err error) errorResponse {
	var re *core.RequestError
	if errors.As(err, &re) {
		return errorResponse{StatusCode: 400, ErrorType: re.ErrorType(), ErrorMessage: re.Error()}
	}
	return errorResponse{StatusCode: 500, ErrorType: "internal_server_error", ErrorMessage: err.Error()}
}
