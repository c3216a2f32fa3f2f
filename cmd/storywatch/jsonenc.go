package main

// Append-based JSON encoding for the large list outputs (changes,
// timeline). encoding/json spends most of its time in reflection and
// buffer growth at 100k records; these helpers write the same bytes
// directly. Every helper must produce exactly what encoding/json produces
// with SetEscapeHTML(false): jsonenc_test.go compares them on random input.

import (
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"
)

const jsonHex = "0123456789abcdef"

// appendJSONString appends s as a JSON string, escaped exactly as
// encoding/json escapes it with HTML escaping off: '"', '\\' and control
// characters are escaped (\b \f \n \r \t by name, the rest as \u00XX),
// each byte of invalid UTF-8 becomes \ufffd, and U+2028 and U+2029 are
// escaped because JavaScript treats them as line ends.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '"', '\\':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', jsonHex[b>>4], jsonHex[b&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', jsonHex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// appendJSONInt appends n as encoding/json does.
func appendJSONInt(dst []byte, n int) []byte {
	return strconv.AppendInt(dst, int64(n), 10)
}

// appendJSONBool appends b as encoding/json does.
func appendJSONBool(dst []byte, b bool) []byte {
	return strconv.AppendBool(dst, b)
}

// appendJSONTime appends t as encoding/json encodes a *time.Time: null
// when nil, else time.Time.MarshalJSON's quoted RFC 3339 with nanoseconds
// (trailing zeros trimmed). Like MarshalJSON it fails for years outside
// 0-9999, which RFC 3339 cannot express.
func appendJSONTime(dst []byte, t *time.Time) ([]byte, error) {
	if t == nil {
		return append(dst, "null"...), nil
	}
	n := len(dst)
	out, err := t.AppendText(append(dst, '"'))
	if err != nil {
		return dst[:n], fmt.Errorf("encode time: %w", err)
	}
	return append(out, '"'), nil
}
