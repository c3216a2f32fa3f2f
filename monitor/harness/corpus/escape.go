package corpus

import (
	"unicode/utf8"
)

// Appending escapers. Every page and feed is rendered per request into one
// buffer, so these replace html.EscapeString, encoding/xml and encoding/json
// (which allocate and, for XML, reflect) while producing byte-identical
// output to them; FuzzEscapers checks that against the standard library.

// htmlEsc is what html.EscapeString substitutes, indexed by byte.
var htmlEsc = [256]string{'&': "&amp;", '\'': "&#39;", '<': "&lt;", '>': "&gt;", '"': "&#34;"}

// htmlPlain marks the bytes html.EscapeString leaves alone.
var htmlPlain = func() (t [256]bool) {
	for c := range t {
		t[c] = htmlEsc[c] == ""
	}
	return t
}()

// appendHTML appends html.EscapeString(s).
func appendHTML(dst []byte, s string) []byte {
	for {
		// Runs of plain bytes are the common case: find the next special one
		// with a table lookup per byte and copy the run in one append.
		i := 0
		for i < len(s) && htmlPlain[s[i]] {
			i++
		}
		dst = append(dst, s[:i]...)
		if i == len(s) {
			return dst
		}
		dst = append(dst, htmlEsc[s[i]]...)
		s = s[i+1:]
	}
}

// asciiPlain marks the ASCII bytes an escaper's table leaves alone; bytes
// from 0x80 up are never plain, they start a rune to check.
func asciiPlain(esc *[utf8.RuneSelf]string) (t [256]bool) {
	for c := range esc {
		t[c] = esc[c] == ""
	}
	return t
}

// xmlEsc is what encoding/xml substitutes for ASCII bytes in character data
// and attribute values; "\uFFFD" marks control characters XML cannot carry.
var xmlEsc = func() (t [utf8.RuneSelf]string) {
	for c := range 0x20 {
		t[c] = "\uFFFD"
	}
	t['"'], t['\''], t['&'], t['<'], t['>'] = "&#34;", "&#39;", "&amp;", "&lt;", "&gt;"
	t['\t'], t['\n'], t['\r'] = "&#x9;", "&#xA;", "&#xD;"
	return t
}()

// xmlHTMLEsc is xmlEsc applied to html.EscapeString of one byte: the
// escaping of HTML text carried inside an XML element.
var xmlHTMLEsc = func() (t [utf8.RuneSelf]string) {
	t = xmlEsc
	for c, h := range htmlEsc[:utf8.RuneSelf] {
		if h != "" {
			t[c] = string(appendXML(nil, h))
		}
	}
	return t
}()

var (
	xmlPlain     = asciiPlain(&xmlEsc)
	xmlHTMLPlain = asciiPlain(&xmlHTMLEsc)
)

// appendXML appends s escaped as encoding/xml escapes text and attribute
// values: markup characters, tab, newline and carriage return as references,
// invalid UTF-8 and characters outside the XML range as U+FFFD.
func appendXML(dst []byte, s string) []byte { return appendXMLWith(dst, s, &xmlEsc, &xmlPlain) }

// appendXMLHTML appends the XML escaping of html.EscapeString(s).
func appendXMLHTML(dst []byte, s string) []byte {
	return appendXMLWith(dst, s, &xmlHTMLEsc, &xmlHTMLPlain)
}

func appendXMLWith(dst []byte, s string, ascii *[utf8.RuneSelf]string, plain *[256]bool) []byte {
	return appendEscaped(dst, s, ascii, plain, xmlRune)
}

// xmlRune replaces invalid UTF-8 and runes outside the XML range.
func xmlRune(r rune, width int) string {
	if r == utf8.RuneError && width == 1 || !xmlCharOK(r) {
		return "\uFFFD"
	}
	return ""
}

// appendEscaped appends s with each ASCII byte replaced by ascii (those
// marked plain copied as they are) and each non-ASCII rune by what special
// returns for it, or kept when that is "". The escapers differ only there.
func appendEscaped(dst []byte, s string, ascii *[utf8.RuneSelf]string, plain *[256]bool, special func(r rune, width int) string) []byte {
	last := 0 // s[last:i] is pending, to be copied as is
	for i := 0; ; {
		for i < len(s) && plain[s[i]] {
			i++
		}
		if i == len(s) {
			return append(dst, s[last:]...)
		}
		if c := s[i]; c < utf8.RuneSelf {
			dst = append(dst, s[last:i]...)
			dst = append(dst, ascii[c]...)
			i++
			last = i
			continue
		}
		r, width := utf8.DecodeRuneInString(s[i:])
		if rep := special(r, width); rep != "" {
			dst = append(dst, s[last:i]...)
			dst = append(dst, rep...)
			last = i + width
		}
		i += width
	}
}

// xmlCharOK reports whether a non-ASCII rune is in the XML character range.
func xmlCharOK(r rune) bool {
	return r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

const hexDigits = "0123456789abcdef"

// jsonEsc is what encoding/json (with HTML escaping, its default)
// substitutes for ASCII bytes inside a string.
var jsonEsc = func() (t [utf8.RuneSelf]string) {
	for c := range 0x20 {
		t[c] = `\u00` + string(hexDigits[c>>4]) + string(hexDigits[c&0xF])
	}
	t['\b'], t['\f'], t['\n'], t['\r'], t['\t'] = `\b`, `\f`, `\n`, `\r`, `\t`
	t['"'], t['\\'] = `\"`, `\\`
	t['<'], t['>'], t['&'] = `\u003c`, `\u003e`, `\u0026`
	return t
}()

// jsonHTMLEsc is jsonEsc applied to html.EscapeString of one byte.
var jsonHTMLEsc = func() (t [utf8.RuneSelf]string) {
	t = jsonEsc
	for c, h := range htmlEsc[:utf8.RuneSelf] {
		if h != "" {
			t[c] = string(appendJSONChars(nil, h, &jsonEsc, &jsonPlain))
		}
	}
	return t
}()

// appendJSON appends s as a JSON string, quoted, exactly as json.Marshal
// writes it.
func appendJSON(dst []byte, s string) []byte {
	dst = append(dst, '"')
	dst = appendJSONChars(dst, s, &jsonEsc, &jsonPlain)
	return append(dst, '"')
}

// appendJSONHTMLChars appends the JSON string characters (no quotes) of
// html.EscapeString(s).
func appendJSONHTMLChars(dst []byte, s string) []byte {
	return appendJSONChars(dst, s, &jsonHTMLEsc, &jsonHTMLPlain)
}

var (
	jsonPlain     = asciiPlain(&jsonEsc)
	jsonHTMLPlain = asciiPlain(&jsonHTMLEsc)
)

func appendJSONChars(dst []byte, s string, ascii *[utf8.RuneSelf]string, plain *[256]bool) []byte {
	return appendEscaped(dst, s, ascii, plain, jsonRune)
}

// jsonRune replaces invalid UTF-8 and the two line separators JavaScript
// does not allow in strings, as encoding/json does.
func jsonRune(r rune, width int) string {
	switch {
	case r == utf8.RuneError && width == 1:
		return `\ufffd`
	case r == '\u2028':
		return `\u2028`
	case r == '\u2029':
		return `\u2029`
	}
	return ""
}

// Escaping flags: which escapers leave a string unchanged. Article text is
// checked once per revision (setRevision), so rendering copies clean
// paragraphs, nearly all of them, instead of scanning them per request.
const (
	cleanHTML uint8 = 1 << iota // appendHTML(s) == s
	cleanXML                    // appendXML(s) == s, hence appendXMLHTML(s) == s too
	cleanJSON                   // appendJSON(s) == `"` + s + `"`
)

// dirtyASCII[c] holds the flags an ASCII byte c clears.
var dirtyASCII = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		if htmlEsc[c] != "" {
			t[c] |= cleanHTML
		}
		if xmlEsc[c] != "" {
			t[c] |= cleanXML
		}
		if jsonEsc[c] != "" {
			t[c] |= cleanJSON
		}
	}
	return t
}()

// cleanFlags reports which escapers leave s unchanged.
func cleanFlags(s string) uint8 {
	f := cleanHTML | cleanXML | cleanJSON
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			f &^= dirtyASCII[c]
			i++
			continue
		}
		r, width := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && width == 1 {
			f &^= cleanXML | cleanJSON
		} else {
			if !xmlCharOK(r) {
				f &^= cleanXML
			}
			if r == '\u2028' || r == '\u2029' {
				f &^= cleanJSON
			}
		}
		i += width
	}
	return f
}

// appendHTMLF is appendHTML for a string whose cleanFlags are f.
func appendHTMLF(dst []byte, s string, f uint8) []byte {
	if f&cleanHTML != 0 {
		return append(dst, s...)
	}
	return appendHTML(dst, s)
}

// appendXMLF is appendXML for a string whose cleanFlags are f.
func appendXMLF(dst []byte, s string, f uint8) []byte {
	if f&cleanXML != 0 {
		return append(dst, s...)
	}
	return appendXML(dst, s)
}

// appendXMLHTMLF is appendXMLHTML for a string whose cleanFlags are f.
func appendXMLHTMLF(dst []byte, s string, f uint8) []byte {
	if f&cleanXML != 0 {
		return append(dst, s...)
	}
	return appendXMLHTML(dst, s)
}

// appendJSONF is appendJSON for a string whose cleanFlags are f.
func appendJSONF(dst []byte, s string, f uint8) []byte {
	if f&cleanJSON != 0 {
		dst = append(dst, '"')
		dst = append(dst, s...)
		return append(dst, '"')
	}
	return appendJSON(dst, s)
}

// appendJSONHTMLCharsF is appendJSONHTMLChars for a string whose cleanFlags are f.
func appendJSONHTMLCharsF(dst []byte, s string, f uint8) []byte {
	if f&(cleanJSON|cleanHTML) == cleanJSON|cleanHTML {
		return append(dst, s...)
	}
	return appendJSONHTMLChars(dst, s)
}
