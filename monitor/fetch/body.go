package fetch

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// readBody reads at most limit bytes from r and, when they start with the
// gzip magic (whether or not Content-Encoding said so), decodes them with the
// same limit on the decoded size.
func readBody(r io.Reader, limit, sizeHint int64) ([]byte, error) {
	raw, err := readCapped(r, limit, sizeHint)
	if err != nil {
		return nil, err
	}
	if !isGzip(raw) {
		return raw, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("decode gzip: %w", err)
	}
	defer zr.Close()
	out, err := readCapped(zr, limit, 4*int64(len(raw)))
	if err != nil {
		return nil, fmt.Errorf("decode gzip: %w", err)
	}
	return out, nil
}

// readPrefix reads at most limit bytes from r, gzip-decoded like readBody,
// and reports whether the body went on past them. A gzip stream cut by the
// limit yields what decoded before the cut.
func readPrefix(r io.Reader, limit int64) ([]byte, bool, error) {
	raw, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, false, err
	}
	truncated := int64(len(raw)) > limit
	if truncated {
		raw = raw[:limit]
	}
	if !isGzip(raw) {
		return raw, truncated, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, false, fmt.Errorf("decode gzip: %w", err)
	}
	defer zr.Close()
	out, err := io.ReadAll(io.LimitReader(zr, limit+1))
	if err != nil && !(truncated && errors.Is(err, io.ErrUnexpectedEOF)) {
		return nil, false, fmt.Errorf("decode gzip: %w", err)
	}
	if int64(len(out)) > limit {
		out, truncated = out[:limit], true
	}
	return out, truncated, nil
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
