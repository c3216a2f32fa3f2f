package feed

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}

	// xmlDecl matches an XML declaration at the very start of the body.
	xmlDecl = regexp.MustCompile(`^<\?xml[^>]*?\?>`)
	// xmlEncoding finds the encoding pseudo-attribute inside it.
	xmlEncoding = regexp.MustCompile(`encoding\s*=\s*["']([A-Za-z0-9._:\-]+)["']`)
)

// toUTF8 returns body as UTF-8 without BOM, leading whitespace or NUL
// bytes, and with any XML declaration rewritten to say UTF-8 so the XML
// decoder does not convert a second time.
//
// The XML declaration wins over the Content-Type charset because it travels
// with the bytes, while the header is often a server-wide default.
func toUTF8(body []byte, contentType string) []byte {
	switch {
	case bytes.HasPrefix(body, bomUTF8):
		body = body[len(bomUTF8):]
	case bytes.HasPrefix(body, bomUTF16LE), bytes.HasPrefix(body, bomUTF16BE):
		if out, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder().Bytes(body); err == nil {
			body = out
		}
		return finish(body, true)
	}
	if out, ok := UTF16WithoutBOM(body); ok {
		return finish(out, true)
	}
	body = bytes.TrimLeft(body, " \t\r\n\x00")

	label := ""
	if m := xmlDecl.Find(body); m != nil {
		if e := xmlEncoding.FindSubmatch(m); e != nil {
			label = string(e[1])
		}
	}
	if label == "" {
		if _, params, err := mime.ParseMediaType(contentType); err == nil {
			label = params["charset"]
		}
	}
	if enc := lookup(label); enc != nil && !mislabelledUTF8(body, enc) {
		if out, err := enc.NewDecoder().Bytes(body); err == nil {
			return finish(out, true)
		}
	}
	return finish(utf8OrWindows1252(body), false)
}

// mislabelledUTF8 reports whether body, labelled enc, is UTF-8 all the
// same: feeds declare ISO-8859-1 or windows-1251 from a template, or UTF-16
// copied from elsewhere, over UTF-8 bytes, and decoding as labelled turned
// every accent into "Ã©" (or the whole body, as UTF-16, into noise).
// Bytes that read as UTF-8 and hold characters past ASCII are UTF-8: text
// in a legacy encoding almost never does (in windows-1252, "é" would have
// to stand after "Ã" each time). Under a UTF-16 label, bytes with no zeros
// (UTF-16 was recognised by them before) are never UTF-16.
func mislabelledUTF8(body []byte, enc encoding.Encoding) bool {
	if !utf8.Valid(body) {
		return false
	}
	if enc == unicode.UTF16(unicode.BigEndian, unicode.UseBOM) || enc == unicode.UTF16(unicode.LittleEndian, unicode.UseBOM) ||
		enc == unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM) || enc == unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM) {
		return true
	}
	for _, c := range body {
		if c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// lookup returns the decoder for a charset label, or nil for UTF-8, unknown
// labels and the empty label.
func lookup(label string) encoding.Encoding {
	label = strings.TrimSpace(label)
	if label == "" {
		return nil
	}
	enc, name := charset.Lookup(label)
	if enc == nil || name == "utf-8" {
		return nil
	}
	return enc
}

// utf8OrWindows1252 keeps valid UTF-8 sequences and reads every other byte as
// windows-1252, the de-facto meaning of "Latin-1" on the web.
func utf8OrWindows1252(b []byte) []byte {
	if utf8.Valid(b) {
		return b
	}
	dec := charmap.Windows1252
	out := make([]byte, 0, len(b)+len(b)/8)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			out = utf8.AppendRune(out, dec.DecodeByte(b[0]))
			b = b[1:]
			continue
		}
		out = append(out, b[:size]...)
		b = b[size:]
	}
	return out
}

// finish drops NUL bytes and invalid UTF-8 and, for XML, states UTF-8 in
// the declaration.
func finish(b []byte, converted bool) []byte {
	b = bytes.TrimLeft(b, " \t\r\n\x00\uFEFF")
	if bytes.IndexByte(b, 0) >= 0 {
		b = bytes.ReplaceAll(b, []byte{0}, nil)
	}
	if !utf8.Valid(b) {
		b = bytes.ToValidUTF8(b, nil)
	}
	b = dropIllegalChars(b)
	if m := xmlDecl.Find(b); m != nil && (converted || xmlEncoding.Match(m)) {
		b = append([]byte(`<?xml version="1.0" encoding="UTF-8"?>`), b[len(m):]...)
	}
	return b
}

// dropIllegalChars removes the characters XML 1.0 forbids that the
// decoder rejects, with the whole document (its lenient mode too): character
// references to C0 controls other than tab, newline and carriage return
// ("&#11;", "&#x1F;", "&#0;") and to U+FFFE or U+FFFF, and those two raw.
// CMSs copy them from pasted text into titles and descriptions; a text that
// merely spells one ("&amp;#11;") is no reference and stays.
func dropIllegalChars(b []byte) []byte {
	if !bytes.Contains(b, []byte("&#")) && !bytes.Contains(b, []byte("\uFFFE")) && !bytes.Contains(b, []byte("\uFFFF")) {
		return b
	}
	var out []byte
	copied := 0
	drop := func(from, to int) {
		if out == nil {
			out = make([]byte, 0, len(b))
		}
		out = append(out, b[copied:from]...)
		copied = to
	}
	// nextEF is the next 0xEF (the first byte of U+FFFE and U+FFFF) at or
	// after i, -1 when there is none; it is searched for again only once i
	// has passed it, as a search from every '&' scanned the rest of a feed
	// full of entities once per entity.
	nextEF := bytes.IndexByte(b, 0xEF)
	for i := 0; i < len(b); {
		if nextEF >= 0 && nextEF < i {
			if nextEF = bytes.IndexByte(b[i:], 0xEF); nextEF >= 0 {
				nextEF += i
			}
		}
		// the next '&' or 0xEF
		j := bytes.IndexByte(b[i:], '&')
		if j >= 0 {
			j += i
		}
		if nextEF >= 0 && (j < 0 || nextEF < j) {
			j = nextEF
		}
		if j < 0 {
			break
		}
		i = j
		switch {
		case b[i] == '&' && i+2 < len(b) && b[i+1] == '#':
			if end, r, ok := charRef(b[i+2:]); ok && illegalXMLChar(r) {
				drop(i, i+2+end)
				i += 2 + end
				continue
			}
			i += 2
		case b[i] == 0xEF && i+2 < len(b) && b[i+1] == 0xBF && (b[i+2] == 0xBE || b[i+2] == 0xBF):
			drop(i, i+3)
			i += 3
		default:
			i++
		}
	}
	if out == nil {
		return b
	}
	return append(out, b[copied:]...)
}

// charRef reads the code point of a character reference after its "&#":
// decimal digits or "x" and hex digits, then ";". end is just past the ";".
func charRef(b []byte) (end int, r int64, ok bool) {
	base, i := int64(10), 0
	if len(b) > 0 && (b[0] == 'x' || b[0] == 'X') {
		base, i = 16, 1
	}
	start := i
	for ; i < len(b) && i-start <= 12; i++ {
		c := b[i]
		var d int64
		switch {
		case c >= '0' && c <= '9':
			d = int64(c - '0')
		case base == 16 && c >= 'a' && c <= 'f':
			d = int64(c-'a') + 10
		case base == 16 && c >= 'A' && c <= 'F':
			d = int64(c-'A') + 10
		case c == ';' && i > start:
			return i + 1, r, true
		default:
			return 0, 0, false
		}
		r = r*base + d
	}
	return 0, 0, false
}

// illegalXMLChar reports a code point XML 1.0 forbids that the decoder
// rejects (it reads surrogates and values past U+10FFFF as U+FFFD).
func illegalXMLChar(r int64) bool {
	return (r < 0x20 && r != 0x9 && r != 0xA && r != 0xD) || r == 0xFFFE || r == 0xFFFF
}

// UTF16WithoutBOM decodes body when it is UTF-16 without a byte order mark
// (a server or a <meta charset="utf-16"> says so, or nothing does); ok is
// false, body untouched, for anything else. Such a body starts with markup,
// "<" or white space, whose ASCII comes with a zero byte on the same side of
// every pair, which no UTF-8 or 8-bit text has: that pattern, in the first
// 256 bytes, tells the byte order. Undecoded, the zeros were dropped and
// every character past Latin-1 ("–", "“") lost or misread, and the prescan
// never found the <meta> declaration between them.
func UTF16WithoutBOM(body []byte) (out []byte, ok bool) {
	head := body[:min(len(body), 256)&^1]
	if len(head) < 16 {
		return body, false
	}
	var zeros [2]int // zero bytes at even and at odd offsets
	for i, b := range head {
		if b == 0 {
			zeros[i&1]++
		}
	}
	pairs := len(head) / 2
	var order unicode.Endianness
	switch isMarkupStart := func(b byte) bool { return b == '<' || b == ' ' || b == '\t' || b == '\r' || b == '\n' }; {
	case head[1] == 0 && isMarkupStart(head[0]) && zeros[1]*10 >= pairs*9 && zeros[0]*10 <= pairs:
		order = unicode.LittleEndian
	case head[0] == 0 && isMarkupStart(head[1]) && zeros[0]*10 >= pairs*9 && zeros[1]*10 <= pairs:
		order = unicode.BigEndian
	default:
		return body, false
	}
	dec, err := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(body)
	if err != nil {
		return body, false
	}
	return dec, true
}
