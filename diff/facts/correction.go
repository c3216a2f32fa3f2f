package facts

import (
	"regexp"
	"strings"
)

// correctionCues are the byte strings that every correction notice
// contains (lower or title case). The text is scanned for them in one
// pass (see cueParagraphs), which is far cheaper than a case-insensitive
// regular expression over the whole article; only paragraphs holding a cue
// are matched against the patterns.
var correctionCues = []string{
	"orrect", "ORRECT", "larif", "LARIF", "ditor", "DITOR", "pdate", "PDATE",
	"arlier version", "ARLIER VERSION", "evised", "odified", "mended", "egret",
	"eveloping", "EVELOPING", "revious version", "REVIOUS VERSION",
}

// cueTable finds the cues of correctionCues in one pass over a text: a
// cue can start at byte i only if bit k is set in both first[text[i]] and
// second[text[i+1]] for a cue k. Scanning the text once per cue (fourteen
// scans, most of them for a common first letter) cost a tenth of the
// whole extraction; one pass with this filter tests a few percent of the
// positions. The table is a few hundred bytes, built at init.
type cueTable struct {
	first, second [256]uint32
}

var correctionCueTable = func() (t cueTable) {
	if len(correctionCues) > 32 {
		panic("facts: more correction cues than bits in cueTable")
	}
	for k, c := range correctionCues {
		t.first[c[0]] |= 1 << k
		t.second[c[1]] |= 1 << k
	}
	return t
}()

// cueParagraphs returns the start offsets, in increasing order, of the
// paragraphs (runs of text between line breaks) holding one of
// correctionCues, and of those that are a bracket, where a wire's
// tag stands ("(Adds …)" holds no cue; see wireTag). The slice lives in
// buf. A cue holds no line break, so each occurrence lies inside one
// paragraph, and once a paragraph is found the rest of it is skipped.
func cueParagraphs(text string, buf *docBuf) []int {
	paras := buf.paras[:0]
	t := &correctionCueTable
	start := 0 // of the paragraph holding i
	for i := 0; i+1 < len(text); i++ {
		c := text[i]
		if c == '\n' {
			start = i + 1
			continue
		}
		hit := c == '(' && strings.TrimLeft(text[start:i], " \t") == "" && bracketed(text[i:])
		if m := t.first[c] & t.second[text[i+1]]; m != 0 && !hit {
			for k := range correctionCues {
				if m&(1<<k) != 0 && strings.HasPrefix(text[i:], correctionCues[k]) {
					hit = true
					break
				}
			}
		}
		if !hit {
			continue
		}
		paras = append(paras, start)
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			break
		}
		i += j - 1 // the loop's i++ lands on the line break
	}
	buf.paras = paras
	return paras
}

// correctionLabel is a notice that names itself at the start of a
// paragraph: "Correction:", "EDITOR’S NOTE:", "Clarification —", "Update:",
// with the day or time it was made between: "Correction, Aug. 22:", a live
// blog's "UPDATE 07:40:".
var correctionLabel = regexp.MustCompile(`^(?i)\(?\s*(correction|corrections|clarification|editor[’']?s[’']? note|update|updated)\s*(\([^)]{0,40}\))?` +
	`(,?\s+(?:[a-z]{3,9}\.?\s+)?\d{1,2}(?:[:.]\d{2})?(?:,?\s+\d{4})?(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?)?\s*[:—–-]`)

// correctionSentence is a notice inside a paragraph: "This story has been
// updated with additional information.", "This story and headline have
// been updated", "An earlier version of this article misstated …",
// "(Updated with comments from the ministry.)", "Updated at 1440 GMT with
// reaction from Kyiv", "(Updated 0915 GMT with toll)", a live blog's
// stamp "Updated at 14.20 BST" (inside an entry: entryUpdate), a wire service's
// tag "(Corrects day of meeting in first paragraph to Tuesday)", and the
// notice that a story
// is still developing ("This is a developing story."), whose removal tells
// the reader the story has settled.
var correctionSentence = regexp.MustCompile(`(?i)(\b(this|the|our)( [a-z]{3,9}\.? \d{1,2},?)? (story|article|post|report|piece|headline|story[’']?s headline|story headline|video|graphic|map|photo caption|caption)( and (its )?(headline|story|article|photos?))? (has|have|had) been (updated|corrected|revised|modified|amended|clarified|changed|refiled)\b` +
	`|\bthis is a (developing|breaking)( news)? story\b|\bthis (story|article) is developing\b|\bthis (story|article) (will be|is being) updated\b` +
	`|\b(this|the) (story|article|post|report|piece|headline) (was|is being) (updated|corrected|revised|modified|amended|clarified)\b` +
	`|\ban? (earlier|previous) (version|headline|draft) of this (story|article|post|report|piece)\b` +
	`|\b(cnn|we|the [a-z]+) regrets? the errors?\b` +
	`|^\(\s*updates?d?\s+(with|to|throughout)\b` +
	`|^\(?\s*updated?\s+(at|on)\s+[^.\n]{1,40}?\s(with|to)\b` +
	`|^[(\[]?\s*updated?\s+(at\s+)?\d{1,2}[:.]?\d{2}\s*(a\.?m\.?\s*|p\.?m\.?\s*)?(gmt|utc|bst|cet|[ecmp][sd]?t)\b` +

	`|^\(\s*(corrects|clarifies)\s[^)\n]{3,}\))`)

// entryUpdate is a live blog's stamp inside an entry: "… the mayor said.
// UPDATE 07:40: The toll has risen to three." (A regexp of its own: one
// alternative more made correctionSentence too large for the backtracking
// matcher, and the whole of it several times slower.)
var entryUpdate = regexp.MustCompile(`(?i)\bupdated?\s+` + stampClock + `:`)

// stampClock is a live page's stamp: a clock time with its dot or colon,
// a.m. or p.m. and a time zone, and the spaces after it.
const stampClock = `\d{1,2}[:.]\d{2}\s*(a\.?m\.?\s*|p\.?m\.?\s*)?((gmt|utc|bst|cet|[ecmp][sd]?t)\s*)?`

// entryClock is the time a live page's entry opens with, and its dash or
// colon: "08:05 - ", "8:05 p.m. ET — ", "14.20 BST: " (entryStamp asks
// the same of a time the tagger found).
var entryClock = regexp.MustCompile(`(?i)^\s*` + stampClock + `[-–—:|]\s*`)

// updateStamped is an update notice that opens with the time of its stamp:
// "UPDATE 07:40:", "Update, 3:45 p.m. ET:", "(Updated 14:30 BST)". Notices
// that say the story was updated or amended ("This article was amended on
// 24 August 2025") name no news of their own.
var updateStamped = regexp.MustCompile(`^(?i)[(\[]?\s*updated?\b[^:.]{0,12}\d{1,2}[:.]\d{2}`)

// updateLabel opens a paragraph of news labelled as an update: "UPDATE:
// The fire …", "Update: Police now say …".
var updateLabel = regexp.MustCompile(`^(?i)[(\[]?\s*update\s*:\s`)

// wireTag is a wire service's note of what a new version of a story
// changed, a paragraph of its own in brackets at the top: "(Adds Kremlin
// comment in paragraph 5)", "(Updates death toll in paragraph 1, adds
// quote)", "(Recasts with minister's remarks)". A tag changed is the
// story updated again.
var wireTag = regexp.MustCompile(`^(?i)\(\s*(adds|updates|recasts|rewrites|refiles|writes through|fixes|corrects|clarifies)\b[^()\n]{0,300}\)\s*$`)

// correctionItems appends the correction notices and editors' notes: a
// paragraph that labels itself ("Correction: …"), or a sentence saying
// the story was updated or corrected. Prose about corrections ("corrections
// officers", "a market correction") matches neither. Text is the notice up
// to the end of its paragraph (at most maxCorrection bytes), Value its
// lower-cased words, Subject what it is: "correction", "clarification",
// "editor's note" or "update".
func (d *doc) correctionItems(out []item, buf *docBuf) []item {
	text := d.text
	// Only the paragraphs that hold a cue, or open with a bracket, are
	// matched against the patterns.
	paras := cueParagraphs(text, buf)
	first := len(out)
	for _, start := range paras {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		n := len(out)
		out = d.correctionIn(out, start, text[start:end])
		// a notice printed twice (top and bottom of the page) is one
		for i := first; i < n && len(out) > n; i++ {
			if out[i].Kind == KindCorrection && out[i].key == out[n].key {
				out = out[:n]
			}
		}
	}
	return out
}

// bracketed reports whether the paragraph that opens text ends with the
// closing bracket of a wire's tag: the tag is a paragraph of its own, and
// a paragraph that only opens with a bracket ("(Part 2) The talks …",
// "(CNN) —") is prose, not to be matched against every pattern.
func bracketed(text string) bool {
	if j := strings.IndexByte(text, '\n'); j >= 0 {
		text = text[:j]
	}
	return strings.HasSuffix(strings.TrimRight(text, " \t\r"), ")")
}

// maxCorrection bounds the text of one notice: some outlets append a long
// paragraph of context after the notice itself.
const maxCorrection = 400

func (d *doc) correctionIn(out []item, start int, para string) []item {
	trimmed := strings.TrimLeft(para, " \t")
	lead := len(para) - len(trimmed)
	s, kind := -1, ""
	if m := wireTag.FindStringSubmatchIndex(trimmed); m != nil {
		s, kind = lead, "update"
		switch w := strings.ToLower(trimmed[m[2]:m[3]]); w {
		case "corrects", "fixes":
			kind = "correction"
		case "clarifies":
			kind = "clarification"
		}
	} else if m := correctionLabel.FindStringSubmatchIndex(trimmed); m != nil {
		s, kind = lead, strings.ToLower(trimmed[m[2]:m[3]])
	} else if m := firstMatch(trimmed, correctionSentence, entryUpdate); m != nil {
		s = lead + sentenceStart(trimmed, m[0])
		kind = "update"
		// what the sentence says it did decides: "This article was
		// amended on 5 March 2026 to correct the spelling of a name" is
		// a correction
		low := strings.ToLower(trimmed[m[0]:m[1]])
		if rest := strings.ToLower(trimmed[m[1]:]); strings.HasPrefix(rest, " on ") || strings.HasPrefix(rest, " to ") {
			if end := strings.Index(rest, ". "); end >= 0 {
				rest = rest[:end]
			}
			if strings.Contains(rest, " to correct") || strings.Contains(rest, " to clarify") {
				low += rest
			}
		}
		if strings.Contains(low, "correct") || strings.Contains(low, "earlier") || strings.Contains(low, "previous") || strings.Contains(low, "regret") {
			kind = "correction"
		} else if strings.Contains(low, "clarif") {
			kind = "clarification"
		}
	}
	if s < 0 {
		return out
	}
	switch {
	case strings.HasPrefix(kind, "editor"):
		kind = "editor's note"
	case kind == "corrections":
		kind = "correction"
	case kind == "updated":
		kind = "update"
	}
	e := len(strings.TrimRight(para, " \t\r"))
	if e-s > maxCorrection {
		e = s + maxCorrection
		for e > s && !isRuneStart(para[e]) {
			e--
		}
	}
	if e <= s {
		return out
	}
	ns, ne := start+s, start+e
	it := item{Fact: Fact{Kind: KindCorrection, Text: d.text[ns:ne], Start: ns, End: ne,
		Value: normalizeNotice(d.text[ns:ne]), Subject: kind}}
	it.key = it.Value
	it.slot = kind
	return append(out, it)
}

// firstMatch returns the span of the leftmost match in s of any of res.
func firstMatch(s string, res ...*regexp.Regexp) []int {
	var first []int
	for _, re := range res {
		if m := re.FindStringIndex(s); m != nil && (first == nil || m[0] < first[0]) {
			first = m
		}
	}
	return first
}

// sentenceStart returns the offset of the sentence holding offset at: just
// after the last ". " (or "? ", "! ") before it, or 0.
func sentenceStart(s string, at int) int {
	for i := at - 1; i > 0; i-- {
		if s[i] == ' ' && strings.ContainsRune(".!?", rune(s[i-1])) && !(s[i-1] == '.' && abbrevBefore(s[:i-1])) {
			return i + 1
		}
	}
	return 0
}

// abbrevBefore reports whether s ends in an abbreviation whose point
// follows it ("A correction was made on Aug", "UPDATE, 3:45 p.m", "the
// U.S"): that point ends no sentence.
func abbrevBefore(s string) bool {
	i := len(s)
	for i > 0 && (s[i-1] >= 'a' && s[i-1] <= 'z' || s[i-1] >= 'A' && s[i-1] <= 'Z' || s[i-1] == '.') {
		i--
	}
	w := strings.ToLower(s[i:])
	return abbrev[w] || strings.Contains(w, ".") || len(w) == 1
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// normalizeNotice lower-cases a notice and folds its punctuation and
// spacing, so a typo-free restyling ("EDITOR’S NOTE:" → "Editor's note:")
// is no change.
func normalizeNotice(s string) string {
	s = strings.ToLower(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r > 127 && r != '’' && r != '‘' && r != '“' && r != '”' && r != '—' && r != '–':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		case r == '\'' || r == '’':
			// "editor's" and "editors" alike
		default:
			space = true
		}
	}
	return b.String()
}

// NoticeName is how a reader calls a correction notice of the given
// Subject: "Correction", "Clarification", "Editor's note", "Update notice".
func NoticeName(subject string) string {
	switch subject {
	case "clarification":
		return "Clarification"
	case "editor's note":
		return "Editor's note"
	case "update":
		return "Update notice"
	}
	return "Correction"
}
