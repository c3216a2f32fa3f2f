package storecopy_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/storywatch/storywatch/store/bolt"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/store"
	"github.com/storywatch/storywatch/store/postgres"
	"github.com/storywatch/storywatch/store/postgres/pgtest"
	"github.com/storywatch/storywatch/store/storecopy"
)

var t0 = time.Date(2025, 8, 18, 12, 0, 0, 987654321, time.UTC)

// fill gives s a bit of everything: articles with edited versions (one
// compacted, leaving a seq gap), a status change, pending, dead and
// delivered alerts, feed and site states.
func fill(t *testing.T, s *bolt.Store) {
	t.Helper()
	for a := 0; a < 3; a++ {
		url := fmt.Sprintf("https://news.example/story/%d", a)
		for n := 1; n <= 4; n++ {
			u := store.Update{
				Article: store.Article{URL: url, Outlet: "Example", Feeds: []string{"https://news.example/rss"},
					LastChecked: t0.Add(time.Duration(n) * time.Hour), Aliases: []string{url + "?rss"}},
				Version: &store.Version{FetchedAt: t0.Add(time.Duration(n) * time.Hour), Title: fmt.Sprintf("Story %d", a),
					Text: fmt.Sprintf("The talks drew %d delegates on Monday.", 100*n+a), Source: "page",
					Facts: []facts.Fact{{Kind: facts.KindNumber, Text: fmt.Sprint(100*n + a), Start: 15, End: 18, Value: fmt.Sprint(100*n + a)}}},
				Alerts: []store.OutboxEntry{{Key: fmt.Sprintf("%d-%d", a, n), Channel: "webhook:0", Body: []byte(`{"v":1}`), Created: t0}},
			}
			if n > 1 {
				u.Change = &store.Change{Facts: []facts.Change{{Kind: facts.KindNumber, Before: "x", After: "y"}}, Changed: 1}
			}
			if _, err := s.Apply([]store.Update{u}, []store.FeedState{{URL: "https://news.example/rss", Status: "ok", LastPolled: t0, Items: a}}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := s.Apply([]store.Update{{
		Article:      store.Article{URL: "https://news.example/story/0", Status: "removed (404 Not Found)"},
		StatusChange: &store.Change{DetectedAt: t0.Add(9 * time.Hour), Facts: []facts.Change{{Kind: facts.KindStatus, After: "removed"}}},
	}}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Compact(2, 0, t0); err != nil {
		t.Fatal(err)
	}
	must(t, s.AlertDelivered("0-1", t0.Add(time.Minute)))
	must(t, s.AlertDead("0-2", t0.Add(time.Minute), "410 Gone"))
	must(t, s.AlertFailed("1-1", t0.Add(time.Hour), "timeout"))
	must(t, s.PutSites(map[string]store.SiteState{"news.example": {Agreed: 2, Trusted: true}}))
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestCopyBoltToPostgres(t *testing.T) {
	src, err := bolt.Open(filepath.Join(t.TempDir(), "storywatch.db"), bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	fill(t, src)
	dst, err := postgres.Open(context.Background(), pgtest.DSN(t), postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()

	calls := 0
	sum, err := storecopy.Copy(dst, src, func(done, total int) { calls++ })
	if err != nil {
		t.Fatalf("Copy: %v", err)
	}
	// 3 articles of 4 versions, compacted to first + last two; 3 changes
	// each left minus one per removed version, plus the status change.
	want := storecopy.Summary{Articles: 3, Versions: 9, Changes: 7, Pending: 10, Dead: 1, Delivered: 1, Feeds: 1, Sites: 1, Digest: sum.Digest}
	if sum != want || calls != 3 || len(sum.Digest) != 64 {
		t.Errorf("summary %+v (progress calls %d), want %+v", sum, calls, want)
	}
	// The copy is a working store: the next version continues the seqs.
	id := store.ArticleID("https://news.example/story/1")
	seqs, err := dst.Apply([]store.Update{{Article: store.Article{URL: "https://news.example/story/1"},
		Version: &store.Version{FetchedAt: t0.Add(10 * time.Hour), Title: "Story 1", Text: "new"}}}, nil)
	if err != nil || seqs[0] != 5 {
		t.Errorf("next version after copy: %v, %v", seqs, err)
	}
	if a, err := dst.Article("https://news.example/story/1?rss"); err != nil || a.ID != id {
		t.Errorf("alias lookup after copy: %v", err)
	}
	if _, err := storecopy.Verify(dst, src); !errors.Is(err, storecopy.ErrMismatch) {
		t.Errorf("Verify after the copy changed: %v, want ErrMismatch", err)
	}
	if _, err := storecopy.Copy(dst, src, nil); !errors.Is(err, storecopy.ErrNotEmpty) {
		t.Errorf("Copy into a non-empty store: %v", err)
	}
}
