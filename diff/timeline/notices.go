package timeline

import (
	"strings"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
)

// StatusEvent is a change of an article's page itself, which stores no
// version: the page was removed (404, 410) or now redirects to another
// story (see facts.KindStatus).
type StatusEvent struct {
	Article   string    // the article's canonical URL
	ArticleID string    // the store's article id
	Outlet    string    // the outlet (feed name) that published it
	Title     string    // the article's headline
	Version   int       // the article's latest version when it happened
	Seen      time.Time // when it was detected
	Text      string    // what happened: "removed (404 Not Found)", "redirects to URL"
	Value     string    // its normalised form: the HTTP code or the new URL; "" means Text
	// Current is true while the page is still in this state: it is the
	// article's last status event and the page has not answered since.
	Current bool
}

// AddStatus records a status event of an article: each article's events
// form one thread, whose current value is the state the page is still in,
// if any. Add the article's versions too, in any order.
func (b *Builder) AddStatus(e *StatusEvent) {
	a := b.article(e.Article, e.Version)
	norm := e.Value
	if norm == "" {
		norm = e.Text
	}
	key := slotKey{kind: facts.KindStatus, a: articleKey(e.ArticleID, e.Article)}
	t := b.thread(key, func() string { return "page status of " + titleLabel(e.Title, e.Article) })
	o := &Observation{Article: e.Article, ArticleID: e.ArticleID, Outlet: e.Outlet, Title: e.Title,
		Version: e.Version, Seen: e.Seen, Text: e.Text}
	f := &facts.Fact{Kind: facts.KindStatus, Text: e.Text, End: len(e.Text), Value: norm}
	b.record(t, o, f, norm, nil)
	// One value per distinct event, seen once or more: "removed" again
	// after the page came back is the same value, last seen later.
	v := t.byVal[valueKey{article: a, norm: norm}]
	if e.Seen.After(v.Last) {
		v.Last = e.Seen
	}
	if e.Seen.Before(v.First) {
		v.First = e.Seen
	}
	v.ongoing = v.ongoing || e.Current
}

// addCorrection records a correction notice or editor's note: each
// article's notices form one thread, the notices over time.
func (b *Builder) addCorrection(o *Observation, f *facts.Fact) {
	key := slotKey{kind: facts.KindCorrection, a: articleKey(o.ArticleID, o.Article)}
	t := b.thread(key, func() string { return "corrections to " + titleLabel(o.Title, o.Article) })
	norm := f.Value
	if norm == "" {
		norm = strings.ToLower(f.Text)
	}
	b.record(t, o, f, norm, nil)
}

// articleKey names an article in a thread key: its store id, else its URL.
func articleKey(id, url string) string {
	if id != "" {
		return id
	}
	return url
}

// titleLabel is a headline in quotes, shortened to its first words, or the
// URL when there is none.
func titleLabel(title, url string) string {
	title = strings.TrimSpace(title)
	if title == "" {
		return url
	}
	short := firstWords(title, 10)
	if short != strings.Join(strings.Fields(title), " ") {
		short += "…"
	}
	return "“" + short + "”"
}

// asideAt reports whether the words right before offset start of text
// mention a value as one that was replaced: "up from 30", "postponed from
// August 29", "originally planned for", "first scheduled for", "instead of".
// Of two values an article's latest version reports in one thread, the one
// it mentions aside is not what it says now.
func (b *Builder) asideAt(text string, start int) bool {
	var prev [3]string // the nearest word first, as written
	i := min(max(start, 0), len(text))
	for n := 0; n < len(prev); n++ {
		for i > 0 && text[i-1] == ' ' {
			i--
		}
		j := i
		for j > 0 && isASCIIWordByte(text[j-1]) {
			j--
		}
		if j == i {
			break // punctuation or the start of the text ends the phrase
		}
		prev[n], i = text[j:i], j
	}
	is := strings.EqualFold
	switch {
	case is(prev[0], "from"), is(prev[0], "of") && is(prev[1], "instead"), is(prev[0], "than") && is(prev[1], "rather"):
		return true
	}
	for n, w := range prev {
		if asideWords[string(lowerWord(b.buf, w))] {
			return true
		}
		if n > 0 && is(w, "first") && firstPlanned[string(lowerWord(b.buf, prev[n-1]))] {
			return true
		}
	}
	return false
}

func isASCIIWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '\'' || c == '-'
}
