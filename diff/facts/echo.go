package facts

import (
	"sort"
	"strings"
)

// echoMinLen is the shortest quotation (bytes) that counts as an echo:
// shorter ones ("“No.”") recur in a story on their own.
const echoMinLen = 40

// echoes returns the byte ranges of text's pull quotes: paragraphs that
// are nothing but a quotation of words the article says elsewhere
// (“The summit will be held in Budapest.” set apart, beside the paragraph
// that says it). Layouts set such a sentence in large type in the body;
// the extractor keeps it, as it is the article's own text. Its facts are
// those of the sentence it repeats: read twice, a quote would be found
// that nobody said and every change would be reported twice (found on
// the wire page family). Real copy rarely sets a quotation that long
// apart with no attribution unless it repeats one.
func echoes(text string) [][2]int {
	type para struct {
		start, end int
		inner      string
	}
	var quoted []para // paragraphs that are one quotation, long enough
	for start, end := range paragraphSpans(text) {
		if inner, ok := quotation(text[start:end]); ok && len(inner) >= echoMinLen {
			quoted = append(quoted, para{start, end, inner})
		}
	}
	var out [][2]int
	for i, p := range quoted {
		// The same quotation set apart twice ("She said:" then the quote,
		// and its pull quote) repeats only itself: the first is the quote
		// and stays, or both would go and the quote with them.
		earlier, elsewhere := false, false
		for at := 0; !earlier && !elsewhere; { // either decides it
			j := strings.Index(text[at:], p.inner)
			if j < 0 {
				break
			}
			j += at
			at = j + 1
			// quoted is in text order: the paragraph holding j, if any,
			// is the last one starting at or before it
			twin := sort.Search(len(quoted), func(k int) bool { return quoted[k].start > j }) - 1
			if twin >= 0 && (j >= quoted[twin].end || quoted[twin].inner != p.inner) {
				twin = -1
			}
			earlier = earlier || twin >= 0 && twin < i
			elsewhere = twin < 0
		}
		if earlier || elsewhere {
			out = append(out, [2]int{p.start, p.end})
		}
	}
	return out
}

// quotation returns the words of a paragraph that is one quotation, marks
// and surrounding space taken off.
func quotation(p string) (string, bool) {
	p = strings.TrimSpace(p)
	for _, m := range [...][2]string{{"“", "”"}, {"\"", "\""}, {"«", "»"}, {"„", "“"}, {"‘", "’"}} {
		if len(p) > len(m[0])+len(m[1]) && strings.HasPrefix(p, m[0]) && strings.HasSuffix(p, m[1]) {
			inner := p[len(m[0]) : len(p)-len(m[1])]
			if strings.Contains(inner, m[0]) || strings.Contains(inner, m[1]) {
				return "", false // two quotations, or one with a quote inside
			}
			return strings.TrimSpace(inner), true
		}
	}
	return "", false
}
