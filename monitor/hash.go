package monitor

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// contentHash identifies a version's content: the title and text with
// whitespace, case of quotes and dashes normalised, so formatting churn is
// no new version.
func contentHash(title, text string) string {
	h := sha256.New()
	// Normalising straight into the hash (same bytes as normalize) saves
	// three copies of every text, about 2% of an ingest pass's CPU.
	buf := make([]byte, 0, 4096)
	buf = appendNormalized(buf, title, h)
	buf = append(buf, 0)
	buf = appendNormalized(buf, text, h)
	h.Write(buf)
	return hex.EncodeToString(h.Sum(nil))
}

// appendNormalized appends normalize(s) to buf, handing full buffers to w,
// and returns what is left to write. Runs of ASCII other than white space
// (most of a news text) are copied whole.
func appendNormalized(buf []byte, s string, w io.Writer) []byte {
	pendingSpace := false
	wrote := false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSpace[c] {
				pendingSpace = wrote
				i++
				continue
			}
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf && !asciiSpace[s[j]] {
				j++
			}
			if pendingSpace {
				buf = appendFlushing(buf, " ", w)
				pendingSpace = false
			}
			buf = appendFlushing(buf, s[i:j], w)
			wrote = true
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		raw := s[i : i+size]
		i += size
		switch r {
		case '“', '”', '„':
			raw = `"`
		case '‘', '’':
			raw = "'"
		case '–', '—':
			raw = "-"
		case '\u00a0':
			raw = " "
			r = ' '
		}
		if size == 1 && r == utf8.RuneError {
			// An invalid byte is kept as it is, as strings.FieldsFunc does.
		} else if unicode.IsSpace(r) {
			pendingSpace = wrote
			continue
		}
		if pendingSpace {
			buf = appendFlushing(buf, " ", w)
			pendingSpace = false
		}
		buf = appendFlushing(buf, raw, w)
		wrote = true
	}
	return buf
}

// asciiSpace marks the ASCII bytes unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// appendFlushing appends raw to buf, handing buf to w whenever it is full,
// and never grows buf.
func appendFlushing(buf []byte, raw string, w io.Writer) []byte {
	for {
		n := copy(buf[len(buf):cap(buf)], raw)
		buf = buf[:len(buf)+n]
		raw = raw[n:]
		if len(raw) == 0 {
			return buf
		}
		w.Write(buf)
		buf = buf[:0]
	}
}

var quoteFolder = strings.NewReplacer("“", `"`, "”", `"`, "„", `"`, "‘", "'", "’", "'", "–", "-", "—", "-", "\u00a0", " ")

func normalize(s string) string {
	s = quoteFolder.Replace(s)
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}
