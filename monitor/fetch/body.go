package fetch

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/klauspost/compress/zstd"
)

// readBody reads at most limit bytes from r and decodes them (see decode)
// with the same limit on the decoded size. encoding is the response's
// Content-Encoding.
func readBody(r io.Reader, encoding string, limit, sizeHint int64) ([]byte, error) {
	raw, err := readCapped(r, limit, sizeHint)
	if err != nil {
		return nil, err
	}
	return decode(raw, encoding, limit, false, false)
}

// readPrefix reads at most limit bytes from r, decoded like readBody,
// and reports whether the body went on past them. A compressed stream cut
// by the limit yields what decoded before the cut.
func readPrefix(r io.Reader, encoding string, limit int64) ([]byte, bool, error) {
	raw, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, false, err
	}
	truncated := int64(len(raw)) > limit
	if truncated {
		raw = raw[:limit]
	}
	out, err := decode(raw, encoding, limit, true, truncated)
	if err != nil {
		return nil, false, err
	}
	if int64(len(out)) > limit {
		out, truncated = out[:limit], true
	}
	return out, truncated, nil
}

// maxLayers bounds how many compressions decode undoes: a precompressed
// file gzipped again on the fly is two.
const maxLayers = 3

// decode undoes the compression of a body. storywatch asks for gzip only,
// but servers send what they have: gzip without saying so, gzip twice (a
// precompressed feed.xml.gz served with gzip on), deflate (zlib or raw) and
// zstd when their header says so. A body that starts with the gzip or
// zstd magic is decoded whatever the header says; deflate, which has no
// reliable magic, only when the header says so and the bytes decode. A
// brotli or other body storywatch cannot decode is an error naming the
// encoding, not a parse error about "plain text". No layer may decode to
// more than limit bytes (ErrTooLarge), or with prefix set, each layer
// stops after limit+1 bytes; cut says the body was cut at the limit, and a
// stream ending early then yields what decoded.
func decode(b []byte, encoding string, limit int64, prefix, cut bool) ([]byte, error) {
	encoding = strings.ToLower(strings.TrimSpace(encoding))
	for layer := 0; layer < maxLayers; layer++ {
		var zr io.Reader
		var name string
		switch {
		case isGzip(b):
			gr, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				return nil, fmt.Errorf("decode gzip: %w", err)
			}
			defer gr.Close()
			zr, name = gr, "gzip"
		case isZstd(b):
			d, err := zstd.NewReader(bytes.NewReader(b), zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(uint64(limit)+1<<20))
			if err != nil {
				return nil, fmt.Errorf("decode zstd: %w", err)
			}
			defer d.Close()
			zr, name = d, "zstd"
		case layer == 0 && encoding == "deflate" && !looksLikeText(b):
			if isZlib(b) {
				r, err := zlib.NewReader(bytes.NewReader(b))
				if err != nil {
					return nil, fmt.Errorf("decode deflate: %w", err)
				}
				defer r.Close()
				zr = r
			} else {
				zr = flate.NewReader(bytes.NewReader(b))
			}
			name = "deflate"
		case layer == 0 && encoding != "" && encoding != "identity" && encoding != "gzip" && encoding != "x-gzip" &&
			encoding != "deflate" && encoding != "zstd" && !looksLikeText(b):
			return nil, fmt.Errorf("decode body: Content-Encoding %s, which storywatch cannot decode (it asks for gzip): %w", encoding, ErrEncoding)
		default:
			return b, nil
		}
		var out []byte
		var err error
		if prefix {
			out, err = io.ReadAll(io.LimitReader(zr, limit+1))
		} else {
			out, err = readCapped(zr, limit, 4*int64(len(b)))
		}
		if err != nil && !(cut && errors.Is(err, io.ErrUnexpectedEOF)) {
			return nil, fmt.Errorf("decode %s: %w", name, err)
		}
		b = out
	}
	return b, nil
}

// looksLikeText tells a body a server only said was compressed from
// compressed bytes: text starts (after white space and a byte order mark)
// with markup or JSON.
func looksLikeText(b []byte) bool {
	b = bytes.TrimLeft(b, " \t\r\n\xef\xbb\xbf")
	return len(b) > 0 && (b[0] == '<' || b[0] == '{' || b[0] == '[')
}

func isZstd(b []byte) bool {
	return len(b) >= 4 && b[0] == 0x28 && b[1] == 0xb5 && b[2] == 0x2f && b[3] == 0xfd
}

// isZlib checks the two-byte zlib header: deflate, a window size, and a
// check value that makes the pair a multiple of 31.
func isZlib(b []byte) bool {
	return len(b) >= 2 && b[0]&0x0f == 8 && b[0]>>4 <= 7 && (uint16(b[0])<<8|uint16(b[1]))%31 == 0
}

func isGzip(b []byte) bool {
	return len(b) >= 3 && b[0] == 0x1f && b[1] == 0x8b && b[2] == 8
}

// maxSizeHint caps the buffer allocated up front from a Content-Length.
const maxSizeHint = 1 << 20

// readCapped reads all of r, failing with ErrTooLarge past limit bytes.
func readCapped(r io.Reader, limit, sizeHint int64) ([]byte, error) {
	var buf bytes.Buffer
	// Growing from 512 bytes by doubling copies a 100 KB feed nine times;
	// the announced length sizes the buffer once. It may lie, so it is
	// capped: a server cannot make us allocate much more than it sends.
	if sizeHint > 0 {
		buf.Grow(int(min(sizeHint, limit, maxSizeHint) + bytes.MinRead))
	}
	n, err := buf.ReadFrom(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if n > limit {
		return nil, fmt.Errorf("more than %d bytes: %w", limit, ErrTooLarge)
	}
	return buf.Bytes(), nil
}

// parseRetryAfter reads Retry-After as delay-seconds or an HTTP date. Bad or
// past values give zero.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs <= 0 {
			return 0
		}
		const maxSecs = int64(1<<63-1) / int64(time.Second)
		if secs > maxSecs {
			secs = maxSecs
		}
		return time.Duration(secs) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d.Round(time.Second)
		}
	}
	return 0
}
