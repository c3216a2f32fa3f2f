package timeline

import (
	"strings"

	"github.com/storywatch/storywatch/diff/facts"
)

// singular keys number slots the way the fact extractor does.
func singular(w string) string { return facts.Singular(w) }

// contentWords returns the words of a normalised quote that carry meaning
// (three letters or more).
func contentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '\'' || r > 127)
	}) {
		if len(w) >= 3 {
			out[w] = true
		}
	}
	return out
}

// overlap is the share of the smaller word set found in the other: a
// quote cut short or lightly reworded still overlaps its original.
func overlap(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < 3 {
		return 0 // "very good" is too short to recognise inside another quote
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// firstWords returns the first n words of s.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}

// foldSpelling folds British spellings to American ones in a normalised
// quote ("formalised" is "formalized"), so a house-style edit is not a
// reworded quote.
func foldSpelling(s string) string {
	if !strings.Contains(s, "is") && !strings.Contains(s, "our") {
		return s
	}
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = foldWord(w)
	}
	return strings.Join(words, " ")
}

func foldWord(w string) string {
	for _, suf := range [...]string{"isation", "isations", "ise", "ised", "ises", "ising"} {
		if stem, ok := strings.CutSuffix(w, suf); ok && len(stem) >= 3 {
			return stem + "iz" + suf[2:]
		}
	}
	if stem, ok := strings.CutSuffix(w, "our"); ok && len(w) > 4 {
		return stem + "or"
	}
	if stem, ok := strings.CutSuffix(w, "ours"); ok && len(w) > 5 {
		return stem + "ors"
	}
	return w
}

// pointsBack reports whether a date's words place it in the past.
func pointsBack(text string) bool {
	for _, w := range strings.Fields(strings.ToLower(text)) {
		if pastCues[w] {
			return true
		}
	}
	return false
}
