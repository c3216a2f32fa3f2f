package monitor

import (
	"bytes"
	"io"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// pageUTF8 converts a page whose charset only the HTTP header names to
// UTF-8. The extractor reads <meta charset> itself and otherwise assumes
// UTF-8 or windows-1252, which would garble a windows-1251 page served with
// "Content-Type: text/html; charset=windows-1251" and no meta tag.
func pageUTF8(body []byte, contentType string) []byte {
	if utf8.Valid(body) {
		return body
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil || params["charset"] == "" || strings.EqualFold(params["charset"], "utf-8") {
		return body
	}
	enc, name := charset.Lookup(params["charset"])
	if enc == nil || name == "utf-8" {
		return body
	}
	out, err := io.ReadAll(enc.NewDecoder().Reader(bytes.NewReader(body)))
	if err != nil {
		return body
	}
	return out
}
