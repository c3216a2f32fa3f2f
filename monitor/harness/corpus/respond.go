package corpus

import (
	"bytes"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
	"sync"
	"time"
)

// maxPooledBuf caps the buffers kept for reuse, so one huge feed does not pin
// its buffer for the life of the server.
const maxPooledBuf = 1 << 20

// bufPool recycles the buffers bodies are rendered into: a page is ~12 KB and
// is rendered on every request, which would otherwise be the server's main
// garbage.
type bufPool struct{ p sync.Pool }

func (b *bufPool) get() *[]byte {
	if v, ok := b.p.Get().(*[]byte); ok {
		*v = (*v)[:0]
		return v
	}
	buf := make([]byte, 0, 32<<10)
	return &buf
}

func (b *bufPool) put(v *[]byte) {
	if cap(*v) <= maxPooledBuf {
		b.p.Put(v)
	}
}

// lazyBody renders a response body on first use, so a 304 never renders.
type lazyBody struct {
	pool   *bufPool
	buf    *[]byte
	render func(dst []byte) []byte
}

func (b *lazyBody) bytes() []byte {
	if b.buf == nil {
		b.buf = b.pool.get()
		*b.buf = b.render(*b.buf)
	}
	return *b.buf
}

func (b *lazyBody) release() {
	if b.buf != nil {
		b.pool.put(b.buf)
		b.buf = nil
	}
}

// respond answers r exactly as http.ServeContent(w, r, "", modtime,
// bytes.NewReader(body)) does, for a handler that has set Content-Type and
// ETag. Plain and If-None-Match / If-Modified-Since requests, nearly all of
// them, are answered here with one Write (ServeContent would copy the body
// through io.CopyN and a 32 KB buffer); If-Match, If-Unmodified-Since and
// Range requests go to ServeContent itself.
func respond(w http.ResponseWriter, r *http.Request, modtime time.Time, body *lazyBody) {
	if !answeredHere(r) {
		http.ServeContent(w, r, "", modtime, bytes.NewReader(body.bytes()))
		return
	}
	h := w.Header()
	if notModified(r, h.Get("Etag"), modtime) {
		writeNotModified(w, modtime)
		return
	}
	if !isZeroTime(modtime) {
		h.Set("Last-Modified", modtime.UTC().Format(http.TimeFormat))
	}
	b := body.bytes()
	h.Set("Accept-Ranges", "bytes")
	if h.Get("Content-Encoding") == "" {
		h.Set("Content-Length", strconv.Itoa(len(b)))
	}
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(b)
	}
}

// answeredHere reports whether respond answers r itself rather than
// handing it to http.ServeContent: no Range, If-Match or If-Unmodified-Since.
func answeredHere(r *http.Request) bool {
	return r.Header.Get("Range") == "" && r.Header.Get("If-Match") == "" && r.Header.Get("If-Unmodified-Since") == ""
}

// conditional reports whether r carries a validator that can make it a 304.
func conditional(r *http.Request) bool {
	return r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != ""
}

// writeNotModified writes a 304 with the headers http.ServeContent leaves
// on one: no representation metadata, and Last-Modified only without an ETag.
func writeNotModified(w http.ResponseWriter, modtime time.Time) {
	h := w.Header()
	delete(h, "Content-Type")
	delete(h, "Content-Length")
	delete(h, "Content-Encoding")
	if h.Get("Etag") == "" && !isZeroTime(modtime) {
		h.Set("Last-Modified", modtime.UTC().Format(http.TimeFormat))
	}
	w.WriteHeader(http.StatusNotModified)
}

var unixEpochTime = time.Unix(0, 0)

func isZeroTime(t time.Time) bool { return t.IsZero() || t.Equal(unixEpochTime) }

// notModified is net/http's If-None-Match, then If-Modified-Since, check for
// a GET or HEAD without If-Match or If-Unmodified-Since.
func notModified(r *http.Request, etag string, modtime time.Time) bool {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return false
	}
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		return noneMatchFails(inm, etag)
	}
	ims := r.Header.Get("If-Modified-Since")
	if ims == "" || isZeroTime(modtime) {
		return false
	}
	t, err := http.ParseTime(ims)
	if err != nil {
		return false
	}
	// Last-Modified has no sub-second precision, so neither does the comparison.
	return modtime.Truncate(time.Second).Compare(t) <= 0
}

// noneMatchFails reports whether an If-None-Match list names etag (weak
// comparison) or is "*".
func noneMatchFails(inm, etag string) bool {
	buf := inm
	for {
		buf = textproto.TrimString(buf)
		if len(buf) == 0 {
			return false
		}
		if buf[0] == ',' {
			buf = buf[1:]
			continue
		}
		if buf[0] == '*' {
			return true
		}
		tag, remain := scanETag(buf)
		if tag == "" {
			return false
		}
		if strings.TrimPrefix(tag, "W/") == strings.TrimPrefix(etag, "W/") {
			return true
		}
		buf = remain
	}
}

// scanETag splits the leading entity tag off s, as net/http does.
func scanETag(s string) (etag string, remain string) {
	s = textproto.TrimString(s)
	start := 0
	if strings.HasPrefix(s, "W/") {
		start = 2
	}
	if len(s[start:]) < 2 || s[start] != '"' {
		return "", ""
	}
	for i := start + 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == 0x21 || c >= 0x23 && c <= 0x7E || c >= 0x80:
		case c == '"':
			return s[:i+1], s[i+1:]
		default:
			return "", ""
		}
	}
	return "", ""
}
