package monitor

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
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
	if kind := dataKind(body); kind != "" {
		// a feed or JSON document, whatever it is served as (an item
		// linking to its own feed, to an API): its markup and keys are no
		// article text, and each edit of the feed would be a new version
		return kind, false
	}
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

// dataKind names what body is when it is a feed (RSS, Atom, RDF) or a JSON
// document rather than a page: "feed" or "json", else "".
func dataKind(body []byte) string {
	b := bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(b) > 0 && (b[0] == '{' || b[0] == '[') && json.Valid(b) {
		return "json"
	}
	if len(b) == 0 || b[0] != '<' {
		return ""
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	// the root element's name is ASCII in every encoding a feed declares
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	for range 64 { // the root comes after a declaration, comments, a doctype
		tok, err := d.RawToken()
		if err != nil {
			return ""
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch strings.ToLower(se.Name.Local) {
			case "rss", "feed", "rdf":
				return "feed"
			}
			return ""
		}
	}
	return ""
}
