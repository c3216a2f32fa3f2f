package facts

import (
	"iter"
	"strings"
)

// creditLines returns the byte spans of the paragraphs of text that credit
// the reporters of a story: "Reporting by Ann Roe in Kyiv; Editing by Tom
// Hale", "CNN's Ann Roe in London contributed to this report", "Associated
// Press writers … in Geneva contributed." The places in them say where a
// reporter sat, not where anything happened: read as places, a credit
// line edited came out as places added (the GUIDE leaves bylines out).
func creditLines(text string) [][2]int {
	var out [][2]int
	for start, end := range paragraphSpans(text) {
		if isCreditLine(text[start:end]) {
			out = append(out, [2]int{start, end})
		}
	}
	return out
}

// paragraphSpans yields the start and end offsets of each paragraph of
// text (the runs between line breaks, empty ones too).
func paragraphSpans(text string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for start := 0; start < len(text); {
			end := strings.IndexByte(text[start:], '\n')
			if end < 0 {
				end = len(text)
			} else {
				end += start
			}
			if !yield(start, end) {
				return
			}
			start = end + 1
		}
	}
}

// creditOpeners open a wire's credit line, after an optional bracket.
var creditOpeners = []string{"reporting by ", "additional reporting by ", "writing by ", "editing by ", "compiled by ", "reporting and writing by "}

// isCreditLine reports whether paragraph p is a credit line (see
// creditLines).
func isCreditLine(p string) bool {
	if len(p) > 400 {
		return false
	}
	head := strings.TrimLeft(p, " \t([—–-")
	for _, o := range creditOpeners {
		if len(head) >= len(o) && strings.EqualFold(head[:len(o)], o) {
			return true
		}
	}
	tail := strings.TrimRight(p, " \t.)]")
	for _, c := range creditClosers {
		if len(tail) >= len(c) && strings.EqualFold(tail[len(tail)-len(c):], c) {
			return true
		}
	}
	return false
}

// creditClosers end a credit line, before its point.
var creditClosers = []string{" contributed to this report", " contributed to this story", " contributed to this article",
	" contributed reporting", " contributed"}
