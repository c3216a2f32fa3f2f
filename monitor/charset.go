package monitor

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"mime"
	"net/http"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"github.com/storywatch/storywatch/monitor/feed"
)

// pageUTF8 converts a page that is not UTF-8 to UTF-8, reading its
// charset as a browser does (charset.DetermineEncoding): a byte order mark,
// else the HTTP header's charset, else a <meta> declaration, else
// windows-1252. The page's own <meta> declaration is then turned to utf-8
// with the bytes, so the extractor does not decode it a second time ("“"
// read as "â€œ"). Converting before the page is scanned gives the
// fingerprint and the learned fast path UTF-8 to read: a windows-1252 site
// (the wire template family) otherwise paid for a full parse of every page.
func pageUTF8(body []byte, contentType string) []byte {
	// UTF-16 without a byte order mark: its ASCII is valid UTF-8 (with
	// zeros between), and the prescan cannot read a <meta> in it.
	if out, ok := feed.UTF16WithoutBOM(body); ok {
		return declareUTF8(out)
	}
	// Valid UTF-8 is kept whatever the header says (servers send a default
	// charset=iso-8859-1 with UTF-8 pages), but ISO-2022-JP is 7-bit: its
	// bytes are always valid UTF-8, and its escapes would be stored as
	// text. (Declared in a <meta>, the extractor decodes it.)
	if utf8.Valid(body) && !strings.Contains(strings.ToLower(contentType), "iso-2022-jp") {
		// A <meta> naming another charset over such bytes (a template's
		// declaration) would have the extractor decode them again: "é"
		// became "Ã©". Bytes past ASCII that read as UTF-8 are UTF-8 (see
		// feed's mislabelledUTF8); ASCII alone reads the same either way,
		// and ISO-2022-JP declared in a <meta> is decoded as declared.
		if nonASCII(body) && declaresOtherCharset(body) {
			return declareUTF8(body)
		}
		return body
	}
	enc, name, _ := charset.DetermineEncoding(body, contentType)
	if enc == nil || name == "utf-8" {
		return body
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return body
	}
	return declareUTF8(out)
}

// nonASCII reports whether b has a byte past ASCII.
func nonASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// declaresOtherCharset reports whether a <meta> in the page's head (the
// window declareUTF8 rewrites) names a charset other than UTF-8.
// The regular expression runs only on a <meta> tag that holds "charset":
// run over the whole window it tried a match at every byte, 2.6% of a
// revision pass's CPU. A match starts at "<meta" and cannot pass a '>', so
// it is the same.
func declaresOtherCharset(page []byte) bool {
	head := page[:min(len(page), 4096)]
	for i := 0; ; {
		j := bytes.IndexByte(head[i:], '<')
		if j < 0 {
			return false
		}
		i += j
		if len(head)-i < 5 || !bytes.EqualFold(head[i+1:i+5], []byte("meta")) {
			i++
			continue
		}
		end := len(head)
		if k := bytes.IndexByte(head[i:], '>'); k >= 0 {
			end = i + k + 1
		}
		if tag := head[i:end]; containsFold(tag, "charset") {
			// (HTML reads a declared UTF-16 as UTF-8, as the prescan does.)
			// every match: a tag left unclosed runs on over the next
			// "<meta" ("<meta charset=utf-8<meta charset=koi8-r")
			for _, m := range metaCharset.FindAllSubmatch(tag, -1) {
				if _, name := charset.Lookup(string(m[1])); name != "utf-8" && !strings.HasPrefix(name, "utf-16") {
					return true
				}
			}
		}
		i = end
	}
}

// containsFold reports whether b holds the lower-case ASCII word w in any
// case. When w begins with a byte that has no case ("-equiv"), the search
// jumps between that byte's places (bytes.IndexByte), which on a whole page
// is far cheaper than testing every byte.
func containsFold(b []byte, w string) bool {
	if c := w[0]; c < 'a' || c > 'z' {
		for i := 0; ; {
			j := bytes.IndexByte(b[i:], c)
			if j < 0 {
				return false
			}
			i += j
			if len(b)-i >= len(w) && bytes.EqualFold(b[i:i+len(w)], []byte(w)) {
				return true
			}
			i++
		}
	}
	for i := 0; i+len(w) <= len(b); i++ {
		if b[i]|0x20 == w[0] && bytes.EqualFold(b[i:i+len(w)], []byte(w)) {
			return true
		}
	}
	return false
}

// metaCharset finds the charset a <meta> declares, as <meta charset=X> or
// in http-equiv's content="text/html; charset=X"; group 1 is X.
var metaCharset = regexp.MustCompile(`(?i)<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)`)

// declareUTF8 rewrites the charset of every <meta> declaration in the
// page's head (the first 4 KiB, past the 1,024 bytes the HTML prescan
// reads however the conversion moved them) to utf-8. The window runs on to
// the end of a tag it cuts, so a declaration across it is rewritten whole
// ("utf-8ows-1252" otherwise). It does not stop at "<body": one in a
// comment or script of the head came before the declaration, and the
// prescan reads a <meta> in the body as well.
func declareUTF8(page []byte) []byte {
	end := min(len(page), 4096)
	if i := bytes.IndexByte(page[end:], '>'); i >= 0 && i < 1024 {
		end += i + 1
	}
	head := page[:end]
	locs := metaCharset.FindAllSubmatchIndex(head, -1)
	if n := len(locs); n > 0 && locs[n-1][3] == len(head) && len(head) < len(page) {
		locs = locs[:n-1] // a charset the window may have cut short
	}
	if len(locs) == 0 {
		return page
	}
	out := make([]byte, 0, len(page)+8*len(locs))
	prev := 0
	for _, l := range locs {
		out = append(out, page[prev:l[2]]...)
		out = append(out, "utf-8"...)
		prev = l[3]
	}
	return append(out, page[prev:]...)
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
