package monitor

import (
	"bytes"
	"io"
	"mime"
	"net/http"
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

// articleType reports whether a page served as contentType, starting with
// body, can hold an article, and names its media type. Podcast and media
// links answer with audio, video, images or PDFs, whose bytes must not be
// extracted as text. A missing or generic type is sniffed from the body.
func articleType(contentType string, body []byte) (string, bool) {
	mt, _, err := mime.ParseMediaType(contentType)
	switch {
	case err == nil && (strings.HasPrefix(mt, "text/") || mt == "application/xhtml+xml"):
		return mt, true
	case err == nil && mt != "application/octet-stream" && !strings.HasPrefix(mt, "application/"):
		return mt, false // audio/, video/, image/, font/, model/ ...
	}
	// No usable type, octet-stream or another application/ type (some
	// servers send HTML as application/x-unknown): what do the bytes say?
	sniffed, _, _ := mime.ParseMediaType(http.DetectContentType(body))
	if strings.HasPrefix(sniffed, "text/") {
		return sniffed, true
	}
	if mt == "" {
		mt = sniffed
	}
	return mt, false
}
