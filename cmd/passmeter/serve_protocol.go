package main

import (
	"bytes"
	"log"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/passmeter/passmeter/core"
)

// Go's HTTP server answers some requests itself, before any handler runs
// and in plain text: a request line or header it cannot parse (400), a
// missing or malformed Host (400), headers over MaxHeaderBytes (431), an
// HTTP version it does not speak (505), a transfer coding it does not know
// (501) and an Expect other than 100-continue (417). net/http offers no
// hook for these (net/http/server.go, conn.serve and
// response.sendExpectationFailed), so the listener's connections
// recognise the replies as they are written and put the same status in
// Stytch's JSON shape in their place.
//
// The replies are recognised by their whole text, which no handler's
// answer can have: the first kinds are written straight to the
// connection in one Write, as
//
//	HTTP/1.1 431 Request Header Fields Too Large\r\n
//	Content-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n
//	431 Request Header Fields Too Large
//
// with a body that repeats the status line (501: "Unsupported transfer
// encoding"), while every answer that goes through a ResponseWriter has a
// Date header; the 417 is an empty answer with a status passmeter's
// handler never writes. None of them quotes the request, and neither do
// their replacements: the messages are Go's own literals or passmeter's.

// protocolErrors is a listener whose connections answer Go's protocol
// errors in Stytch's shape.
type protocolErrors struct {
	net.Listener
	log *log.Logger
}

func (l protocolErrors) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &protocolErrorConn{Conn: c, log: l.log}, nil
}

type protocolErrorConn struct {
	net.Conn
	log *log.Logger
}

func (c *protocolErrorConn) Write(b []byte) (int, error) {
	e := protocolError(b)
	if e == nil {
		return c.Conn.Write(b)
	}
	if c.log != nil {
		c.log.Printf("(refused before any handler) %d %s", e.Status, e.Type)
	}
	if _, err := c.Conn.Write(protocolErrorReply(e, time.Now())); err != nil {
		return 0, err
	}
	return len(b), nil
}

// CloseWrite lets the server half-close the connection as it does after
// a 431, so that the client reads the answer before the close.
func (c *protocolErrorConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}

// goErrorHeaders are the headers of net/http's plain-text error replies.
const goErrorHeaders = "\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n"

// goExpectationFailed starts net/http's reply to an Expect it does not meet.
const goExpectationFailed = "HTTP/1.1 417 Expectation Failed\r\n"

// protocolError is the error b, one Write on a connection, is net/http's
// plain-text reply for, or nil when b is anything else.
func protocolError(b []byte) *core.Error {
	// The replies are short; an answer's writes are mostly longer.
	if len(b) > 256 || !bytes.HasPrefix(b, []byte("HTTP/1.1 ")) {
		return nil
	}
	if bytes.HasPrefix(b, []byte(goExpectationFailed)) && bytes.HasSuffix(b, []byte("\r\n\r\n")) &&
		bytes.Contains(b, []byte("\r\nContent-Length: 0\r\n")) {
		return core.NewError(http.StatusExpectationFailed, core.TypeExpectationFailed,
			"the only expectation passmeter meets is Expect: 100-continue")
	}
	i := bytes.Index(b, []byte(goErrorHeaders))
	if i < 0 {
		return nil
	}
	line, body := b[len("HTTP/1.1 "):i], b[i+len(goErrorHeaders):]
	if len(line) < 4 || line[3] != ' ' {
		return nil
	}
	status, err := strconv.Atoi(string(line[:3]))
	if err != nil {
		return nil
	}
	if status == http.StatusNotImplemented && string(body) == "Unsupported transfer encoding" {
		return core.NewError(status, core.TypeNotImplemented,
			"the request's Transfer-Encoding is not one passmeter knows (chunked is)")
	}
	if !bytes.Equal(body, line) {
		return nil
	}
	// Go's own text after the status, as "400 Bad Request: malformed
	// Host header" has it; a literal of net/http's, never request data.
	detail := ""
	if j := bytes.Index(line, []byte(": ")); j >= 0 {
		detail = string(line[j+2:])
	}
	switch status {
	case http.StatusBadRequest:
		if detail == "" {
			detail = "the request line or a header is malformed"
		}
		return core.RequestFault("", "not an HTTP request passmeter can read: "+detail)
	case http.StatusRequestHeaderFieldsTooLarge:
		return core.NewError(status, core.TypeHeadersTooLarge,
			"the request's headers are larger than "+strconv.Itoa(maxHeaderBytes>>10)+" KiB")
	case http.StatusHTTPVersionNotSupported:
		return core.NewError(status, core.TypeVersionNotSupported,
			"unsupported protocol version; passmeter serves HTTP/1.0 and HTTP/1.1")
	}
	if detail == "" {
		detail = http.StatusText(status)
	}
	return core.NewError(status, "http_"+strconv.Itoa(status), detail)
}

// protocolErrorReply is the whole HTTP answer for e, the headers
// writeJSON sets and Connection: close, as net/http's reply had.
func protocolErrorReply(e *core.Error, now time.Time) []byte {
	body := e.AppendJSON(nil)
	b := make([]byte, 0, 256+len(body))
	b = append(b, "HTTP/1.1 "...)
	b = strconv.AppendInt(b, int64(e.Status), 10)
	b = append(b, ' ')
	b = append(b, http.StatusText(e.Status)...)
	b = append(b, "\r\nContent-Type: application/json\r\nContent-Length: "...)
	b = strconv.AppendInt(b, int64(len(body)), 10)
	b = append(b, "\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\nDate: "...)
	b = now.UTC().AppendFormat(b, http.TimeFormat)
	b = append(b, "\r\n\r\n"...)
	return append(b, body...)
}
