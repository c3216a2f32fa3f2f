package corpus

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// maxDrain is how much of an unread request body a connection reads past to
// stay usable; a longer body closes it. The corpus only serves GET and HEAD.
const maxDrain = 256 << 10

// httpServer serves a handler over HTTP/1.1 on a listener, one goroutine per
// connection. It replaces net/http.Server for the corpus because the server
// shares the benchmark machine with the pipeline it feeds, so its CPU per
// request is part of what is measured: net/http spends more per request on
// its connection machinery (a background read, deadlines and a cancelable
// context per request, a header write and a body write) than the corpus
// spends rendering a page. Requests are parsed by http.ReadRequest, as
// net/http parses them, and each response leaves in one write.
//
// It is not a general-purpose server: no HTTP/2, no TLS, no trailers, no
// streaming (a response is buffered whole) and no timeouts (the corpus is a
// loopback test server, and Close ends idle connections).
type httpServer struct {
	handler http.Handler
	ln      net.Listener
	bufs    *bufPool

	mu      sync.Mutex
	conns   map[*httpConn]bool // true: serving a request
	closing bool
	wg      sync.WaitGroup
}

func newHTTPServer(ln net.Listener, h http.Handler, bufs *bufPool) *httpServer {
	return &httpServer{handler: h, ln: ln, bufs: bufs, conns: make(map[*httpConn]bool)}
}

// serve accepts connections until the listener is closed.
func (srv *httpServer) serve() {
	for {
		c, err := srv.ln.Accept()
		if err != nil {
			srv.mu.Lock()
			closing := srv.closing
			srv.mu.Unlock()
			if closing || errors.Is(err, net.ErrClosed) {
				return
			}
			// Out of file descriptors and the like: wait, as net/http does.
			time.Sleep(5 * time.Millisecond)
			continue
		}
		hc := &httpConn{srv: srv, c: c}
		srv.mu.Lock()
		if srv.closing {
			srv.mu.Unlock()
			c.Close()
			return
		}
		srv.conns[hc] = false
		srv.wg.Add(1)
		srv.mu.Unlock()
		go hc.serve()
	}
}

// shutdown stops accepting, closes idle connections and waits for requests in
// flight until ctx ends, then closes what is left.
func (srv *httpServer) shutdown(ctx context.Context) error {
	srv.mu.Lock()
	srv.closing = true
	err := srv.ln.Close()
	for hc, busy := range srv.conns {
		if !busy {
			hc.c.Close()
		}
	}
	srv.mu.Unlock()
	done := make(chan struct{})
	go func() { srv.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		srv.mu.Lock()
		for hc := range srv.conns {
			hc.c.Close()
		}
		srv.mu.Unlock()
		<-done
		return ctx.Err()
	}
	if err != nil && !errors.Is(err, net.ErrClosed) {
		return fmt.Errorf("close listener: %w", err)
	}
	return nil
}

type httpConn struct {
	srv *httpServer
	c   net.Conn
	hdr []byte // reused for each response's status line and headers
}

// setBusy marks the connection as serving (or idle); it reports false when
// the server is closing and the connection should end instead.
func (hc *httpConn) setBusy(busy bool) bool {
	hc.srv.mu.Lock()
	defer hc.srv.mu.Unlock()
	if hc.srv.closing {
		return false
	}
	hc.srv.conns[hc] = busy
	return true
}

func (hc *httpConn) serve() {
	defer hc.srv.wg.Done()
	defer func() {
		hc.c.Close()
		hc.srv.mu.Lock()
		delete(hc.srv.conns, hc)
		hc.srv.mu.Unlock()
	}()
	br := bufio.NewReaderSize(hc.c, 4<<10)
	remote := hc.c.RemoteAddr().String()
	for {
		if !hc.setBusy(false) {
			return
		}
		if _, err := br.Peek(1); err != nil {
			return // client closed, or Close closed an idle connection
		}
		if !hc.setBusy(true) {
			return
		}
		req, err := http.ReadRequest(br)
		if err != nil {
			_, _ = io.WriteString(hc.c, "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n400 Bad Request")
			return
		}
		req.RemoteAddr = remote
		if !hc.serveOne(req) {
			return
		}
	}
}

// serveOne runs the handler for req and writes its response; it reports
// whether the connection can carry another request.
func (hc *httpConn) serveOne(req *http.Request) (keep bool) {
	w := &bufferedResponse{h: make(http.Header, 8), req: req, body: hc.srv.bufs.get()}
	defer hc.srv.bufs.put(w.body)
	if !hc.runHandler(w, req) {
		return false
	}
	keep = !req.Close
	if req.Body != nil && req.Body != http.NoBody {
		n, err := io.Copy(io.Discard, io.LimitReader(req.Body, maxDrain+1))
		if err != nil || n > maxDrain {
			keep = false
		}
		req.Body.Close()
	}
	hc.hdr = w.appendHeader(hc.hdr[:0], keep)
	out := net.Buffers{hc.hdr}
	if bodyAllowed(w.code) && req.Method != http.MethodHead && len(*w.body) > 0 {
		out = append(out, *w.body)
	}
	// One writev: the client sees the response in one segment.
	if _, err := out.WriteTo(hc.c); err != nil {
		return false
	}
	return keep
}

// runHandler calls the handler; a panic closes the connection without a
// response, as net/http does.
func (hc *httpConn) runHandler(w http.ResponseWriter, req *http.Request) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	hc.srv.handler.ServeHTTP(w, req)
	return true
}

// bufferedResponse collects a whole response: headers, status and body.
type bufferedResponse struct {
	h      http.Header
	req    *http.Request
	code   int
	body   *[]byte // pooled
	header bool    // WriteHeader was called
}

func (w *bufferedResponse) Header() http.Header { return w.h }

func (w *bufferedResponse) WriteHeader(code int) {
	if w.header || code < 200 { // 1xx informational responses are not supported; skip them
		return
	}
	w.header, w.code = true, code
}

func (w *bufferedResponse) Write(p []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	if !bodyAllowed(w.code) {
		return 0, http.ErrBodyNotAllowed
	}
	*w.body = append(*w.body, p...)
	return len(p), nil
}

func bodyAllowed(code int) bool {
	return code >= 200 && code != http.StatusNoContent && code != http.StatusNotModified
}

// headerValueFix replaces line breaks in header values, as net/http does,
// so a value cannot inject a header.
var headerValueFix = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ")

// appendHeader appends the status line and headers, completing those
// net/http adds (Content-Length, Content-Type, Date, Connection). keep false
// adds "Connection: close".
func (w *bufferedResponse) appendHeader(out []byte, keep bool) []byte {
	w.WriteHeader(http.StatusOK)
	h := w.h
	delete(h, "Transfer-Encoding") // the body is sent whole, with its length
	if bodyAllowed(w.code) {
		if _, ok := h["Content-Length"]; !ok {
			h["Content-Length"] = []string{strconv.Itoa(len(*w.body))}
		}
		if _, ok := h["Content-Type"]; !ok && len(*w.body) > 0 {
			h["Content-Type"] = []string{http.DetectContentType(*w.body)}
		}
	}
	if _, ok := h["Date"]; !ok {
		h["Date"] = []string{time.Now().UTC().Format(http.TimeFormat)}
	}
	if !keep {
		h["Connection"] = []string{"close"}
	} else if !w.req.ProtoAtLeast(1, 1) {
		h["Connection"] = []string{"keep-alive"}
	}
	out = append(out, "HTTP/1.1 "...)
	out = strconv.AppendInt(out, int64(w.code), 10)
	out = append(out, ' ')
	out = append(out, http.StatusText(w.code)...)
	out = append(out, "\r\n"...)
	for k, vs := range h {
		for _, v := range vs {
			out = append(out, k...)
			out = append(out, ": "...)
			if strings.ContainsAny(v, "\r\n") {
				v = headerValueFix.Replace(v)
			}
			out = append(out, v...)
			out = append(out, "\r\n"...)
		}
	}
	return append(out, "\r\n"...)
}
