package timeline

import (
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
)

// spec names one fact of a hand-made observation by its words in the text.
type spec struct {
	kind    facts.Kind
	words   string // located in the text, searching on from the previous fact
	value   string
	typ     string
	subject string
}

func date(words, value, typ string) spec {
	return spec{kind: facts.KindDate, words: words, value: value, typ: typ}
}
func place(words string) spec {
	return spec{kind: facts.KindLocation, words: words, value: words, typ: "city"}
}
func pos(verb, value, actor string) spec {
	return spec{kind: facts.KindPosition, words: verb, value: value, subject: actor}
}
func num(words, value, subject string) spec {
	return spec{kind: facts.KindNumber, words: words, value: value, subject: subject}
}
func quote(words, speaker string) spec {
	return spec{kind: facts.KindQuote, words: words, value: strings.ToLower(words), subject: speaker}
}

var day = time.Date(2025, 8, 19, 6, 0, 0, 0, time.UTC)

// obs builds an observation of article (outlet = article) version v, seen
// hours after 06:00 on 2025-08-19, with facts located in text.
func obs(t *testing.T, article string, v int, hours float64, text string, specs ...spec) Observation {
	t.Helper()
	o := Observation{
		Article: "https://example.com/" + article, ArticleID: article, Outlet: article, Title: article + " title",
		Version: v, Seen: day.Add(time.Duration(hours * float64(time.Hour))), Published: day, Text: text,
	}
	from := 0
	for _, s := range specs {
		i := strings.Index(text[from:], s.words)
		if i < 0 {
			i = strings.Index(text, s.words)
			if i < 0 {
				t.Fatalf("%q not in %q", s.words, text)
			}
		} else {
			i += from
		}
		from = i
		o.Facts = append(o.Facts, facts.Fact{Kind: s.kind, Text: s.words, Start: i, End: i + len(s.words),
			Value: s.value, Type: s.typ, Subject: s.subject})
	}
	return o
}

// find returns the thread with key, or fails.
func find(t *testing.T, threads []Thread, key string) Thread {
	t.Helper()
	for _, th := range threads {
		if th.Key == key {
			return th
		}
	}
	t.Fatalf("no thread %q in %v", key, keys(threads))
	return Thread{}
}

func keys(threads []Thread) []string {
	var out []string
	for _, th := range threads {
		out = append(out, th.Key)
	}
	return out
}

// distinct returns the distinct values of a thread in order of first report.
func distinct(th Thread) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range th.Values {
		if !seen[v.Value] {
			seen[v.Value] = true
			out = append(out, v.Value)
		}
	}
	return out
}

// current returns article -> values the article reports now.
func current(th Thread) map[string][]string {
	out := map[string][]string{}
	for _, v := range th.Values {
		if v.Current {
			out[v.ArticleID] = append(out[v.ArticleID], v.Value)
		}
	}
	return out
}
