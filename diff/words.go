package diff

import (
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// The WordOp operations.
const (
	OpEqual  = "equal"
	OpInsert = "insert"
	OpDelete = "delete"
)

// WordOp is one run of a word-level diff. Joining the Text of the equal and
// delete runs gives the old text back; equal and insert give the new text.
type WordOp struct {
	Op   string `json:"op"` // OpEqual, OpInsert or OpDelete
	Text string `json:"text"`
}

// Words returns the word-level diff of two texts. Both texts are cut into
// tokens (words, runs of white space, single punctuation marks); each
// distinct token becomes one rune, go-diff diffs the rune strings, and a
// semantic clean-up folds short equal runs between edits into the edits,
// so "[-a b c-]{+x b y+}" reads as one replacement.
func Words(old, new string, opts Options) []WordOp {
	if old == new {
		if old == "" {
			return nil
		}
		return []WordOp{{Op: OpEqual, Text: old}}
	}
	oldToks, newToks := tokenize(old), tokenize(new)
	// Equal leading and trailing tokens need no diff; trimming them first
	// keeps the token map small (a changed sentence differs in a few words).
	pre := 0
	for pre < len(oldToks) && pre < len(newToks) && oldToks[pre] == newToks[pre] {
		pre++
	}
	suf := 0
	for suf < len(oldToks)-pre && suf < len(newToks)-pre &&
		oldToks[len(oldToks)-1-suf] == newToks[len(newToks)-1-suf] {
		suf++
	}
	head := tokenRun{op: OpEqual, toks: oldToks[:pre]}
	tail := tokenRun{op: OpEqual, toks: oldToks[len(oldToks)-suf:]}
	oldToks, newToks = oldToks[pre:len(oldToks)-suf], newToks[pre:len(newToks)-suf]

	codes := make(map[string]rune, len(oldToks)+len(newToks))
	var names []string // rune code -> token
	encode := func(toks []string) ([]rune, bool) {
		rs := make([]rune, len(toks))
		for k, tok := range toks {
			r, ok := codes[tok]
			if !ok {
				r = codeRune(len(names))
				if r < 0 {
					return nil, false
				}
				codes[tok] = r
				names = append(names, tok)
			}
			rs[k] = r
		}
		return rs, true
	}
	a, okA := encode(oldToks)
	b, okB := encode(newToks)
	if !okA || !okB {
		// More distinct tokens than runes: report a plain replacement.
		return toWordOps(mergeRuns([]tokenRun{head,
			{op: OpDelete, toks: oldToks}, {op: OpInsert, toks: newToks}, tail}))
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = opts.timeout()
	diffs := dmp.DiffMainRunes(a, b, false)

	runs := make([]tokenRun, 0, len(diffs)+2)
	runs = append(runs, head)
	for _, d := range diffs {
		var op string
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			op = OpEqual
		case diffmatchpatch.DiffInsert:
			op = OpInsert
		default:
			op = OpDelete
		}
		run := tokenRun{op: op, toks: make([]string, 0, utf8.RuneCountInString(d.Text))}
		for _, r := range d.Text {
			run.toks = append(run.toks, names[runeCode(r)])
		}
		runs = append(runs, run)
	}
	runs = append(runs, tail)
	return toWordOps(cleanupSemantic(runs))
}

// codeRune maps a token number to a valid rune, skipping the surrogate
// range so that go-diff's string conversions keep every rune intact. It
// returns -1 when n is too large.
func codeRune(n int) rune {
	r := rune(n)
	if r >= 0xD800 {
		r += 0x800
	}
	if r > unicode.MaxRune {
		return -1
	}
	return r
}

func runeCode(r rune) int {
	if r >= 0xD800 {
		r -= 0x800
	}
	return int(r)
}

// tokenize cuts s into words (letters and digits, with inner apostrophes
// and, between digits, inner points and commas), runs of white space, and
// single other characters. The tokens concatenate to s.
func tokenize(s string) []string {
	// News prose runs 0.30 to 0.45 tokens a byte (a word, its space and
	// its punctuation): sized at a third, half the sentences regrew the
	// slice, which was more than half of what tokenize allocated.
	toks := make([]string, 0, len(s)/2+1)
	for i := 0; i < len(s); {
		r, sz := utf8.DecodeRuneInString(s[i:])
		j := i + sz
		switch {
		case isWordRune(r):
			for j < len(s) {
				r2, sz2 := utf8.DecodeRuneInString(s[j:])
				if isWordRune(r2) {
					j += sz2
					continue
				}
				if j+sz2 < len(s) && joinsWord(r2, s[j-1], s[j+sz2:]) {
					j += sz2
					continue
				}
				break
			}
		case unicode.IsSpace(r):
			for j < len(s) {
				r2, sz2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsSpace(r2) {
					break
				}
				j += sz2
			}
		}
		toks = append(toks, s[i:j])
		i = j
	}
	return toks
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// joinsWord reports whether the separator r, preceded by byte prev and
// followed by rest, stays inside a word: "don't", "Russia’s", "1.5", "90,000".
func joinsWord(r rune, prev byte, rest string) bool {
	next, _ := utf8.DecodeRuneInString(rest)
	switch r {
	case '\'', '’':
		return unicode.IsLetter(next)
	case '.', ',':
		return prev >= '0' && prev <= '9' && next >= '0' && next <= '9'
	}
	return false
}
