package notify

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storywatch/storywatch/diff/facts"
)

// Lengths at which subjects cut quoted text, so that a subject stays readable
// in a mail client's list view.
const (
	maxSubjectTitle = 80
	maxSubjectFact  = 60
)

// kindLabels are the words used for each fact kind at the start of a line.
var kindLabels = map[facts.Kind]string{
	facts.KindDate:       "Date",
	facts.KindNumber:     "Number",
	facts.KindQuote:      "Quote",
	facts.KindPosition:   "Position",
	facts.KindLocation:   "Location",
	facts.KindTitle:      "Title",
	facts.KindCorrection: "Correction notice",
	facts.KindStatus:     "Page status",
}

// kindLabel returns the capitalised word for k; unknown kinds keep their own
// name so that a newer extractor still renders sensibly.
func kindLabel(k facts.Kind) string {
	if l, ok := kindLabels[k]; ok {
		return l
	}
	if k == "" {
		return "Fact"
	}
	r, n := utf8.DecodeRuneInString(string(k))
	return string(unicode.ToUpper(r)) + string(k)[n:]
}

// subjectPhrase names who or what the fact is about, in words that fit the
// kind: quotes are "by" a speaker, positions are "of" an actor.
func subjectPhrase(c facts.Change) string {
	s := oneLine(c.Subject)
	if s == "" {
		return ""
	}
	switch c.Kind {
	case facts.KindQuote:
		return " by " + s
	case facts.KindPosition:
		return " of " + s
	default:
		return " for " + s
	}
}

// verb says whether the fact was added, removed or changed.
func verb(c facts.Change) string {
	switch {
	case c.Before == "" && c.After != "":
		return "added"
	case c.Before != "" && c.After == "":
		return "removed"
	default:
		return "changed"
	}
}

// Describe says in one line what happened to one fact, e.g.
//
//	Date changed: "within the next two weeks" → "on August 29" (P2W → 2025-08-29; refinement)
//	Quote by Zelensky added: "a major step forward"
//
// Normalised values are shown when they add something to the words, and
// Detail when the comparison set it.
func Describe(c facts.Change) string {
	var b strings.Builder
	if c.Kind == facts.KindStatus {
		return "Page " + oneLine(c.After) // "Page removed (404 Not Found)"
	}
	if c.Kind == facts.KindCorrection {
		// its Subject says which kind of notice it is
		b.WriteString(facts.NoticeName(c.Subject))
	} else {
		b.WriteString(kindLabel(c.Kind))
		b.WriteString(subjectPhrase(c))
	}
	b.WriteByte(' ')
	v := verb(c)
	b.WriteString(v)
	b.WriteString(": ")
	switch v {
	case "added":
		b.WriteString(quoted(c.After, 0))
	case "removed":
		b.WriteString(quoted(c.Before, 0))
	default:
		b.WriteString(quoted(c.Before, 0) + " → " + quoted(c.After, 0))
	}
	var extra []string
	if vals := values(c, v); vals != "" {
		extra = append(extra, vals)
	}
	if d := oneLine(c.Detail); d != "" {
		extra = append(extra, d)
	}
	if len(extra) > 0 {
		b.WriteString(" (" + strings.Join(extra, "; ") + ")")
	}
	return b.String()
}

// values renders the normalised values when at least one of them differs
// from the words it normalises; "on August 29" → "2025-08-29" is news,
// "90" → "90" is not.
func values(c facts.Change, v string) string {
	bv, av := oneLine(c.BeforeValue), oneLine(c.AfterValue)
	informative := (bv != "" && bv != oneLine(c.Before)) || (av != "" && av != oneLine(c.After))
	if !informative {
		return ""
	}
	switch v {
	case "added":
		return av
	case "removed":
		return bv
	}
	if bv == "" || av == "" || bv == av {
		return ""
	}
	return bv + " → " + av
}

// Subject says what changed in which article, for an email subject or a log
// line:
//
//	Date changed in "<title>" (<outlet>): "within the next two weeks" → "on August 29"
//	Date, quote changed in "<title>" (+2 more)
//	Text changed in "<title>"
//
// With several changes it names the distinct kinds (at most three) and counts
// the changes those names do not already stand for.
func Subject(a Alert) string {
	where := " in " + quoted(title(a), maxSubjectTitle)
	if o := oneLine(a.Outlet); o != "" {
		where += " (" + o + ")"
	}
	if len(a.Facts) == 0 {
		return "Text changed" + where
	}
	// The facts come most salient first: the subject names that one.
	c := a.Facts[0]
	v := verb(c)
	s := kindLabel(c.Kind) + " " + v + where + ": "
	switch v {
	case "added":
		s += quoted(c.After, maxSubjectFact)
	case "removed":
		s += quoted(c.Before, maxSubjectFact)
	default:
		s += quoted(c.Before, maxSubjectFact) + " → " + quoted(c.After, maxSubjectFact)
	}
	if more := len(a.Facts) - 1; more > 0 {
		s += fmt.Sprintf(" (+%d more)", more)
	}
	return s
}

// title is the article's title, or its URL when the title is unknown.
func title(a Alert) string {
	if t := oneLine(a.Title); t != "" {
		return t
	}
	if u := oneLine(a.Article); u != "" {
		return u
	}
	return "untitled article"
}

// quoted puts s in double quotes on one line, cut to max runes (0: no cut).
func quoted(s string, max int) string {
	return `"` + truncate(oneLine(s), max) + `"`
}

// truncate cuts s to at most max runes, ending with an ellipsis when cut.
func truncate(s string, max int) string {
	if max <= 0 || utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return strings.TrimRightFunc(string(r[:max-1]), unicode.IsSpace) + "…"
}

// oneLine collapses every run of white space (including newlines, which
// would break a mail header) into one space.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// Title returns the alert's title on one line, or its URL when the title is
// unknown; channels that render alerts themselves (chat presets) use it.
func Title(a Alert) string { return title(a) }

// Truncate cuts s to at most max runes, ending with "…" when it had to cut;
// max <= 0 keeps s whole. Chat services count their limits in characters.
func Truncate(s string, max int) string { return truncate(s, max) }

// OneLine collapses every run of white space in s, newlines included, into
// one space.
func OneLine(s string) string { return oneLine(s) }

// KindLabel is the capitalised word for a fact kind ("Date", "Number"); a
// kind it does not know keeps its own name, capitalised.
func KindLabel(k facts.Kind) string { return kindLabel(k) }
