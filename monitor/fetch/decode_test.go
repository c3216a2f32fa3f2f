package fetch

import (
	"bytes"
	"compress/gzip"
	"errors"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"
)

// TestDecodeBody: the header is believed only where the bytes agree; a
// compressed body may not decode past the limit, in any layer.
func TestDecodeBody(t *testing.T) {
	const doc = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>`
	gz := func(b []byte) []byte {
		var buf bytes.Buffer
		w := gzip.NewWriter(&buf)
		w.Write(b)
		w.Close()
		return buf.Bytes()
	}
	enc, err := zstd.NewWriter(nil)
	if err != nil {
		t.Fatal(err)
	}
	zeros := make([]byte, 1<<20)
	for _, tt := range []struct {
		name, encoding string
		body           []byte
		want           string // "" with wantErr
		wantErr        error
	}{
		{"plain text said to be deflate", "deflate", []byte(doc), doc, nil},
		{"plain text said to be brotli", "br", []byte("\ufeff " + doc), "\ufeff " + doc, nil},
		{"plain text said to be gzip", "gzip", []byte(doc), doc, nil},
		{"gzip said to be nothing", "", gz([]byte(doc)), doc, nil},
		{"gzip three times", "gzip", gz(gz(gz([]byte(doc)))), doc, nil},
		{"zstd said to be gzip", "gzip", enc.EncodeAll([]byte(doc), nil), doc, nil},
		{"compress", "compress", []byte{0x1f, 0x9d, 0x90, 0x3c}, "", ErrEncoding},
		{"zstd bomb", "zstd", enc.EncodeAll(zeros, nil), "", ErrTooLarge},
		{"gzip bomb inside gzip", "gzip", gz(gz(zeros)), "", ErrTooLarge},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decode(tt.body, tt.encoding, 64<<10, false, false)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil || string(got) != tt.want {
				t.Fatalf("got %q, %v; want %q", got, err, strings.TrimSpace(tt.want))
			}
		})
	}
}
