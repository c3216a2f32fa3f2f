package postgres_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/store"
	"github.com/storywatch/storywatch/store/postgres"
	"github.com/storywatch/storywatch/store/postgres/pgtest"
)

func benchStore(b *testing.B) *postgres.Store {
	b.Helper()
	s, err := postgres.Open(context.Background(), pgtest.DSN(b), postgres.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = s.Close() })
	return s
}

// BenchmarkApply measures one Apply of a batch of 100 updates, each a new
// edited version (with change and alert) of one of 100 articles: the
// store package's BenchmarkApply, on PostgreSQL.
func BenchmarkApply(b *testing.B) {
	s := benchStore(b)
	const batch = 100
	para := strings.Repeat("The summit in Geneva drew 120 delegates on Monday, officials said. ", 40)
	update := func(i, round int) store.Update {
		at := t0.Add(time.Duration(round) * time.Minute)
		return store.Update{
			Article: store.Article{URL: fmt.Sprintf("https://example.com/story/%d", i), Feeds: []string{"https://example.com/rss"}, LastChecked: at},
			Version: &store.Version{FetchedAt: at, Title: "Summit", Text: para + fmt.Sprintf(" Updated %d.", round), Source: "page"},
		}
	}
	var ups []store.Update
	for i := range batch {
		ups = append(ups, update(i, 0))
	}
	if _, err := s.Apply(ups, nil); err != nil {
		b.Fatal(err)
	}
	round := 0
	for b.Loop() {
		round++
		ups = ups[:0]
		for i := range batch {
			u := update(i, round)
			u.Change = &store.Change{Changed: 1, Facts: []facts.Change{{Kind: facts.KindNumber, Before: "1", After: "2"}}}
			u.Alerts = []store.OutboxEntry{{Key: fmt.Sprintf("%d-%d", i, round), Channel: "webhook:0", Body: []byte(`{}`)}}
			ups = append(ups, u)
		}
		if _, err := s.Apply(ups, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*batch), "µs/update")
}

// BenchmarkArticleByURL is the pipeline's per-item lookup of a known
// article by its link.
func BenchmarkArticleByURL(b *testing.B) {
	s := benchStore(b)
	var ups []store.Update
	for i := range 1000 {
		ups = append(ups, store.Update{Article: store.Article{URL: fmt.Sprintf("https://example.com/story/%d", i)}})
	}
	if _, err := s.Apply(ups, nil); err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		i++
		if _, err := s.Article(fmt.Sprintf("https://example.com/story/%d", i%1000)); err != nil {
			b.Fatal(err)
		}
	}
}
