package web

import (
	"hash/fnv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/diff/timeline"
)

// Kinds the pages call out rather than list: an editor's note or
// correction, and the page being removed or redirected. Named here by
// their JSON values so the view needs no change when facts gains them.
const (
	kindCorrection = facts.KindCorrection
	kindStatus     = facts.KindStatus
)

// knownKinds fixes the colour of the kinds that exist today; any other kind
// gets one from a hash of its name, so a new kind shows up coloured
// without a change here.
var knownKinds = map[facts.Kind]int{
	facts.KindDate: 0, facts.KindNumber: 1, facts.KindQuote: 2, facts.KindPosition: 3,
	facts.KindLocation: 4, facts.KindTitle: 5, kindCorrection: 6, kindStatus: 7,
}

const kindColours = 8

// kindClass is the CSS class that colours a kind: k0 … k7.
func kindClass(k facts.Kind) string {
	i, ok := knownKinds[k]
	if !ok {
		h := fnv.New32a()
		h.Write([]byte(k))
		i = int(h.Sum32() % kindColours)
	}
	return "k" + string(rune('0'+i))
}

// kindLabel capitalises a kind for display: "date" → "Date".
func kindLabel(k facts.Kind) string {
	if k == "" {
		return "Fact"
	}
	return capitalise(strings.ReplaceAll(string(k), "_", " "))
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// factLine is one fact change as the pages show it:
// "Date of the summit: August 29 → early September".
type factLine struct {
	Kind      facts.Kind
	KindClass string
	KindLabel string
	Label     string // the thread's topic when known, else the kind (and subject)
	Verb      string // "added", "removed", "changed"
	Before    string
	After     string
	// Values is shown when the words stayed but their meaning moved
	// ("Monday" now resolves to another day).
	BeforeValue, AfterValue string
	Detail                  string // refinement, shift, reworded …
	Subject                 string
	Callout                 bool // correction and status changes stand out
}

// topics finds the timeline thread a fact change belongs to, by the
// article, kind and words of the value it introduced or dropped.
type topics map[topicKey]string

type topicKey struct {
	article string
	kind    facts.Kind
	text    string
}

func newTopics(threads []timeline.Thread) topics {
	t := topics{}
	for _, th := range threads {
		for _, v := range th.Values {
			t[topicKey{v.ArticleID, th.Kind, v.Text}] = th.Topic
		}
	}
	return t
}

func (t topics) find(articleID string, c facts.Change) string {
	for _, words := range []string{c.After, c.Before} {
		if s, ok := t[topicKey{articleID, c.Kind, words}]; ok && words != "" {
			return s
		}
	}
	return ""
}

// maxTopic: a longer topic (a quote thread names its quote) would repeat
// the words the line shows anyway; the kind and speaker label it instead.
const maxTopic = 48

func newFactLine(c facts.Change, topic string) factLine {
	l := factLine{
		Kind: c.Kind, KindClass: kindClass(c.Kind), KindLabel: kindLabel(c.Kind),
		Before: oneLine(c.Before), After: oneLine(c.After), Detail: c.Detail, Subject: c.Subject,
		Callout: c.Kind == kindCorrection || c.Kind == kindStatus,
	}
	switch {
	case c.Before == "" && c.After != "":
		l.Verb = "added"
	case c.After == "" && c.Before != "":
		l.Verb = "removed"
	default:
		l.Verb = "changed"
	}
	if c.Before == c.After && c.BeforeValue != c.AfterValue {
		l.BeforeValue, l.AfterValue = c.BeforeValue, c.AfterValue
	}
	switch {
	case c.Kind == kindCorrection:
		// its Subject says which kind of notice: "Editor's note added"
		l.Label, l.Subject = facts.NoticeName(c.Subject), ""
	case topic != "" && len([]rune(topic)) <= maxTopic:
		l.Label = capitalise(topic)
		l.Subject = "" // the topic names it
	case c.Subject != "" && c.Kind != facts.KindQuote:
		l.Label = l.KindLabel + " (" + c.Subject + ")"
		l.Subject = ""
	default:
		l.Label = l.KindLabel
	}
	return l
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
