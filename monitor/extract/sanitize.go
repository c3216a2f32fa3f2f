package extract

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
)

// maxDepth caps element nesting. Real pages stay well below 100; the cap
// keeps html.Parse (whose scope checks walk the open-element stack) and
// readability's recursion linear on hostile input.
const maxDepth = 256

// voidElements never have an end tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "param": true,
	"source": true, "track": true, "wbr": true, "keygen": true,
}

// autoClose lists start tags that close an open element of the same name
// (as the HTML parser does), so old-style "<p>a<p>b" pages do not count as
// deep nesting.
var autoClose = map[string]bool{
	"p": true, "li": true, "dt": true, "dd": true, "tr": true, "td": true,
	"th": true, "option": true,
}

// sanitize decodes page to valid UTF-8 without NUL bytes and caps nesting.
func sanitize(page []byte) []byte {
	if enc, name := sourceEncoding(page); name != "utf-8" {
		if out, err := enc.NewDecoder().Bytes(page); err == nil {
			page = out
		}
	}
	if bytes.IndexByte(page, 0) >= 0 {
		page = bytes.ReplaceAll(page, []byte{0}, nil)
	}
	if !utf8.Valid(page) {
		page = bytes.ToValidUTF8(page, []byte("\uFFFD"))
	}
	if nestingDepth(page) > maxDepth {
		page = capDepth(page)
	}
	return page
}

// sourceEncoding returns the encoding page is written in, as
// charset.DetermineEncoding reads it (BOM, else <meta>, else a guess), and
// its name. That reading sees the first 1,024 bytes only: a head with
// neither a declaration nor a byte above ASCII there (a long <script>) is
// guessed windows-1252, and a UTF-8 page, as every page the monitor
// converted from another charset is, was decoded a second time ("“" read
// as "â€œ"). A page valid UTF-8 throughout whose windows-1252 is such a
// guess is UTF-8; one that declares windows-1252 keeps it.
func sourceEncoding(page []byte) (encoding.Encoding, string) {
	enc, name, _ := charset.DetermineEncoding(page, "")
	if name == "windows-1252" && utf8.Valid(page) && !isASCII(page) && !declaresCharset(page) {
		return encoding.Nop, "utf-8"
	}
	return enc, name
}

// declaresCharset reports whether the head the charset prescan reads
// names a charset: with a UTF-8 letter added to that head, an undeclared
// one reads as utf-8, a declared one as what it declares.
func declaresCharset(page []byte) bool {
	n := min(len(page), 1020) // the probe's 3 bytes stay inside the 1,024
	for n > 0 && n < len(page) && !utf8.RuneStart(page[n]) {
		n-- // a valid page cut between runes, so the probe stays valid
	}
	// a space after the letter: DetermineEncoding drops a multi-byte
	// rune that ends its input, taking it for one cut short
	probe := append(page[:n:n], "é "...)
	_, name, _ := charset.DetermineEncoding(probe, "")
	return name != "utf-8"
}

// depthTracker approximates the parser's open-element stack.
type depthTracker struct{ stack []string }

// start records a start tag and reports whether it may be kept.
func (d *depthTracker) start(name string, limit int) bool {
	if voidElements[name] {
		return true
	}
	if autoClose[name] && len(d.stack) > 0 && d.stack[len(d.stack)-1] == name {
		d.stack = d.stack[:len(d.stack)-1]
	}
	if limit > 0 && len(d.stack) >= limit {
		return false
	}
	d.stack = append(d.stack, name)
	return true
}

// end pops to name if it is open near the top and reports whether it was.
// Only the top few entries are searched so stray end tags stay O(1).
func (d *depthTracker) end(name string) bool {
	for i, n := len(d.stack)-1, 0; i >= 0 && n < 16; i, n = i-1, n+1 {
		if d.stack[i] == name {
			d.stack = d.stack[:i]
			return true
		}
	}
	return false
}

// nestingDepth returns the deepest approximate nesting in page.
func nestingDepth(page []byte) int {
	var d depthTracker
	deepest := 0
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return deepest
		case html.StartTagToken:
			name, _ := z.TagName()
			d.start(string(name), 0)
			deepest = max(deepest, len(d.stack))
		case html.EndTagToken:
			name, _ := z.TagName()
			d.end(string(name))
		}
	}
}

// capDepth rewrites page dropping start tags (not their content) that would
// open deeper than maxDepth, and the end tags that match them.
func capDepth(page []byte) []byte {
	var d depthTracker
	var out bytes.Buffer
	out.Grow(len(page))
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return out.Bytes()
		case html.StartTagToken:
			name, _ := z.TagName()
			if !d.start(string(name), maxDepth) {
				continue
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if !d.end(string(name)) {
				continue
			}
		}
		out.Write(z.Raw())
	}
}
