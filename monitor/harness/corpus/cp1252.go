package corpus

import (
	"strconv"
	"unicode/utf8"
)

// Writing text as an older CMS does: windows-1252 bytes, HTML 4 named
// entities for some typography, PHP-style escaping. The wire family uses
// these; the other families write UTF-8.

// How a paragraph's typography was typed into the CMS. Real legacy bodies
// mix all three: pasted from a word processor (raw 1252 bytes), written in
// the CMS's rich-text editor (named entities), or imported from a feed that
// used numeric references.
const (
	entBytes   = iota // typographic characters as windows-1252 bytes
	entNamed          // as HTML 4 named entities (&rsquo;, &ldquo;, &mdash;, ...)
	entNumeric        // apostrophes as &#8217;, the rest as bytes
	entModes
)

// cp1252High maps the runes windows-1252 puts at 0x80..0x9F to their bytes.
var cp1252High = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87,
	'ˆ': 0x88, '‰': 0x89, 'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E,
	'‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
	'˜': 0x98, '™': 0x99, 'š': 0x9A, '›': 0x9B, 'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

// cp1252Byte returns r's windows-1252 byte; ok is false for runes the code
// page lacks (and for the C1 controls, whose bytes it uses for typography).
func cp1252Byte(r rune) (b byte, ok bool) {
	switch {
	case r < 0x80:
		return byte(r), true
	case r >= 0xA0 && r <= 0xFF:
		return byte(r), true
	}
	b, ok = cp1252High[r]
	return b, ok
}

// namedEntity is the HTML 4 entity a rich-text editor writes for r, or "".
func namedEntity(r rune) string {
	switch r {
	case '’':
		return "&rsquo;"
	case '‘':
		return "&lsquo;"
	case '“':
		return "&ldquo;"
	case '”':
		return "&rdquo;"
	case '—':
		return "&mdash;"
	case '–':
		return "&ndash;"
	case '…':
		return "&hellip;"
	case '\u00a0':
		return "&nbsp;"
	case 'é':
		return "&eacute;"
	case 'á':
		return "&aacute;"
	case 'ö':
		return "&ouml;"
	case 'ü':
		return "&uuml;"
	}
	return ""
}

// append1252 appends s as windows-1252 HTML text (or attribute value, the
// quotes being escaped), the way PHP's htmlspecialchars and a legacy
// editor leave it: &, <, >, " and ' as &amp; &lt; &gt; &quot; &#039;,
// typography per mode, other runes the code page lacks as decimal
// references. Invalid UTF-8 becomes &#65533;.
func append1252(dst []byte, s string, mode int) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case '&':
				dst = append(dst, "&amp;"...)
			case '<':
				dst = append(dst, "&lt;"...)
			case '>':
				dst = append(dst, "&gt;"...)
			case '"':
				dst = append(dst, "&quot;"...)
			case '\'':
				dst = append(dst, "&#039;"...)
			default:
				dst = append(dst, c)
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		if mode == entNamed {
			if e := namedEntity(r); e != "" {
				dst = append(dst, e...)
				continue
			}
		}
		if mode == entNumeric && r == '’' {
			dst = append(dst, "&#8217;"...)
			continue
		}
		if b, ok := cp1252Byte(r); ok {
			dst = append(dst, b)
			continue
		}
		dst = append(dst, "&#"...)
		dst = strconv.AppendInt(dst, int64(r), 10)
		dst = append(dst, ';')
	}
	return dst
}

// appendPHPJSON appends s as a JSON string the way PHP's json_encode writes
// it by default: "/" escaped as "\/" and every non-ASCII character as a
// \uXXXX escape (surrogate pairs above the BMP), so the JSON is plain ASCII
// whatever the page's charset and cannot close its <script>. Invalid UTF-8
// becomes \ufffd.
func appendPHPJSON(dst []byte, s string) []byte {
	dst = append(dst, '"')
	dst = appendPHPJSONChars(dst, s)
	return append(dst, '"')
}

// appendPHPJSONChars appends the characters of appendPHPJSON(s), without quotes.
func appendPHPJSONChars(dst []byte, s string) []byte {
	for _, r := range s {
		switch {
		case r == '"':
			dst = append(dst, `\"`...)
		case r == '\\':
			dst = append(dst, `\\`...)
		case r == '/':
			dst = append(dst, `\/`...)
		case r == '\n':
			dst = append(dst, `\n`...)
		case r == '\r':
			dst = append(dst, `\r`...)
		case r == '\t':
			dst = append(dst, `\t`...)
		case r < 0x20 || r >= 0x80 && r <= 0xFFFF:
			dst = appendU4(dst, r)
		case r > 0xFFFF:
			r -= 0x10000
			dst = appendU4(dst, 0xD800+(r>>10))
			dst = appendU4(dst, 0xDC00+(r&0x3FF))
		default:
			dst = append(dst, byte(r))
		}
	}
	return dst
}

// appendU4 appends the escape \uXXXX of a UTF-16 code unit, lower-case as PHP writes it.
func appendU4(dst []byte, u rune) []byte {
	return append(dst, '\\', 'u', hexDigits[u>>12&0xF], hexDigits[u>>8&0xF], hexDigits[u>>4&0xF], hexDigits[u&0xF])
}
