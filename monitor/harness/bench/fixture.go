package bench

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/storywatch/storywatch/store/bolt"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/monitor/harness/corpus"
	"github.com/storywatch/storywatch/store"
)

// buildFixture writes versions versions (articles articles, the rest as
// revisions of them, each a real corpus edit with its change record) to a
// new store at path, straight through store.Apply. It stands in for months
// of polling so that the read commands can be timed on a large store; the
// pipeline itself is measured elsewhere.
func buildFixture(path string, articles, versions int, seed int64) error {
	if articles < 1 {
		articles = 1
	}
	srv, err := corpus.NewSynthetic(corpus.Options{
		Feeds: 1, ArticlesPerFeed: articles, EditFraction: 1, Seed: seed,
		BaseURL: "http://fixture.invalid",
	})
	if err != nil {
		return fmt.Errorf("build fixture corpus: %w", err)
	}
	s, err := bolt.Open(path, bolt.Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	urls := srv.ArticleURLs()
	start := time.Date(2025, 8, 19, 6, 0, 0, 0, time.UTC)
	const batch = 1000
	var ups []store.Update
	flush := func() error {
		if len(ups) == 0 {
			return nil
		}
		_, err := s.Apply(ups, nil)
		ups = ups[:0]
		if err != nil {
			return fmt.Errorf("write fixture: %w", err)
		}
		return nil
	}
	// Facts are extracted once per article and reused for its later
	// versions: the read commands then see a realistic number of facts per
	// version without the fixture costing a facts.Extract per version.
	factsOf := map[string][]facts.Fact{}
	written := 0
	for rev := 0; written < versions; rev++ {
		byURL := map[string]corpus.Edit{}
		if rev > 0 {
			srv.Revise()
			for _, e := range srv.LastEdits() {
				byURL[e.URL] = e
			}
		}
		at := start.Add(time.Duration(rev) * time.Hour)
		for i, u := range urls {
			if written >= versions {
				break
			}
			cur, ok := srv.Current(u)
			if !ok {
				return fmt.Errorf("fixture article %s vanished", u)
			}
			text := strings.Join(cur.Paragraphs, "\n\n")
			fs, ok := factsOf[u]
			if !ok {
				fs = facts.Extract(text, cur.Published)
				factsOf[u] = fs
			}
			sum := sha256.Sum256([]byte(cur.Title + "\x00" + text))
			a := store.Article{URL: u, Title: cur.Title, Outlet: "Fixture", FirstSeen: start,
				LastChecked: at, Published: cur.Published, Feeds: []string{"http://fixture.invalid/feeds/feed-000.rss"}}
			up := store.Update{Article: a, Version: &store.Version{
				FetchedAt: at.Add(time.Duration(i) * time.Millisecond), Title: cur.Title, Text: text, Source: "page",
				Published: cur.Published, Modified: cur.Modified, Hash: hex.EncodeToString(sum[:]), Facts: fs,
			}}
			if e, ok := byURL[u]; ok {
				up.Change = &store.Change{Changed: 1}
				if e.Kind != corpus.KindParagraph {
					up.Change.Facts = []facts.Change{{Kind: facts.Kind(e.Kind), Before: e.Before, After: e.After}}
				}
			}
			ups = append(ups, up)
			written++
			if len(ups) == batch {
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	return s.Close()
}
