package timeline

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
)

// synth generates n observations: articles of versions, each version a few
// sentences whose dates, places, stances and numbers drift.
func synth(n, versionsPerArticle int) []Observation {
	r := rand.New(rand.NewPCG(1, 2))
	days := []string{"August 29", "August 30", "September 2", "early September", "the end of August"}
	dayVals := []string{"2025-08-29", "2025-08-30", "2025-09-02", "2025-09", "2025-08"}
	cities := []string{"Budapest", "Geneva", "Istanbul", "Rome"}
	verbs := []string{"ruled out", "could consider", "backed", "rejected"}
	verbVals := []string{"reject", "consider?", "support", "reject"}
	actors := []string{"Russia’s Foreign Ministry", "the Kremlin", "Italian Prime Minister Giorgia Meloni", "Kyiv"}
	out := make([]Observation, 0, n)
	for i := 0; i < n; i++ {
		art, ver := i/versionsPerArticle, i%versionsPerArticle+1
		var b strings.Builder
		var fs []facts.Fact
		add := func(kind facts.Kind, prefix, words, suffix, value, typ, subject string) {
			b.WriteString(prefix)
			st := b.Len()
			b.WriteString(words)
			fs = append(fs, facts.Fact{Kind: kind, Text: words, Start: st, End: b.Len(), Value: value, Type: typ, Subject: subject})
			b.WriteString(suffix)
		}
		d := r.IntN(len(days))
		add(facts.KindDate, "Merz said Putin had agreed to the bilateral meeting on ", days[d], ",", dayVals[d], "DATE", "")
		add(facts.KindLocation, " and officials said it would be held in ", cities[r.IntN(len(cities))], ".", "", "city", "")
		fs[len(fs)-1].Value = fs[len(fs)-1].Text
		a, v := r.IntN(len(actors)), r.IntN(len(verbs))
		add(facts.KindPosition, " Just before the talks began, "+actors[a]+" ", verbs[v], " the deployment of troops from NATO countries.",
			verbVals[v]+": the deployment of troops from NATO countries", "", actors[a])
		amount := 90 + r.IntN(3)*10
		add(facts.KindNumber, " Ukraine offered to buy ", fmt.Sprintf("about $%d billion", amount), " worth of weapons.",
			fmt.Sprintf("~%d000000000 USD", amount), "", "weapons")
		add(facts.KindDate, " The tone on ", "Monday", " was warmer.", "2025-08-18", "DATE", "")
		add(facts.KindQuote, " “", fmt.Sprintf("We will help them out number %d", r.IntN(4)), ",” Trump said.", "", "", "Trump")
		fs[len(fs)-1].Value = strings.ToLower(fs[len(fs)-1].Text)
		add(facts.KindDate, " The last direct talks took place in Turkey in ", "June", ".", "2025-06", "DATE", "")
		for k := 0; k < 6; k++ { // padding prose, as real articles have
			b.WriteString(" Diplomats said the sides were still far apart on the key issues of territory and guarantees.")
		}
		out = append(out, Observation{
			Article: fmt.Sprintf("https://example.com/a/%d", art), ArticleID: fmt.Sprint(art), Outlet: fmt.Sprintf("Outlet %d", art%20),
			Title: "Summit", Version: ver, Seen: day.Add(time.Duration(i) * time.Minute), Published: day,
			Text: b.String(), Facts: fs,
		})
	}
	return out
}

func BenchmarkBuild(b *testing.B) {
	obs := synth(100_000, 50)
	facts := 0
	for i := range obs {
		facts += len(obs[i].Facts)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		th := Build(obs)
		if len(th) == 0 {
			b.Fatal("no threads")
		}
	}
	b.ReportMetric(float64(facts), "facts/op")
}

func TestBuildOrderDoesNotMatter(t *testing.T) {
	obs := synth(600, 30)
	want := Build(obs)
	rev := make([]Observation, len(obs))
	for i := range obs {
		rev[len(obs)-1-i] = obs[i]
	}
	got := Build(rev)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("reversed input gives other threads:\n got %v\nwant %v", keys(got), keys(want))
	}
	if len(want) == 0 {
		t.Fatal("no threads from synthetic story")
	}
}
