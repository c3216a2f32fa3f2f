package query

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/storywatch/storywatch/store/bolt"

	"github.com/storywatch/storywatch/diff"
	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/monitor/extract"
	"github.com/storywatch/storywatch/store"
)

// twoVersions stores an article whose summit date moves from August 29 to
// early September, as the pipeline would.
func twoVersions(t *testing.T) (*bolt.Store, store.Article) {
	t.Helper()
	s, err := bolt.Open(filepath.Join(t.TempDir(), "q.db"), bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	at := time.Date(2025, 8, 19, 6, 0, 0, 0, time.UTC)
	texts := []string{
		"Putin agreed to a summit with Zelensky on August 29, Merz said.",
		"Putin agreed to a summit with Zelensky in early September, Merz said.",
	}
	art := store.Article{URL: "https://news.example/summit", Title: "Summit", Outlet: "Wire", Published: at}
	for i, text := range texts {
		v := &store.Version{FetchedAt: at.Add(time.Duration(i) * time.Hour), Title: "Summit", Text: text,
			Source: "page", Facts: facts.Extract(text, at)}
		u := store.Update{Article: art, Version: v}
		if i > 0 {
			res := diff.Compare(diff.Document{Text: texts[0], Published: at}, diff.Document{Text: text, Published: at}, diff.Options{})
			u.Change = &store.Change{Facts: res.Facts}
		}
		if _, err := s.Apply([]store.Update{u}, nil); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Article(store.ArticleID(art.URL))
	if err != nil {
		t.Fatal(err)
	}
	return s, got
}

func TestDiff(t *testing.T) {
	s, art := twoVersions(t)
	c, err := Diff(s, art, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if c.From != 1 || c.To != 2 {
		t.Errorf("default versions %d → %d, want 1 → 2", c.From, c.To)
	}
	if len(c.Result.Facts) != 1 || c.Result.Facts[0].After != "early September" {
		t.Errorf("facts %+v, want the date change", c.Result.Facts)
	}
	for _, r := range [][2]int{{0, 3}, {3, 1}, {-1, 2}} {
		if _, err := Diff(s, art, r[0], r[1]); !errors.Is(err, ErrVersionRange) {
			t.Errorf("Diff %d → %d: %v, want ErrVersionRange", r[0], r[1], err)
		}
	}
}

func TestTimelines(t *testing.T) {
	s, art := twoVersions(t)
	visited := 0
	all, err := Timeline(s, func(*store.Article, *store.Version, time.Time) { visited++ })
	if err != nil {
		t.Fatal(err)
	}
	one, err := ArticleTimeline(s, &art)
	if err != nil {
		t.Fatal(err)
	}
	if visited != 2 {
		t.Errorf("visited %d versions, want 2", visited)
	}
	if len(all) == 0 || len(all) != len(one) || all[0].Topic != one[0].Topic {
		t.Fatalf("timeline %+v\narticle timeline %+v", all, one)
	}
	if all[0].Topic != "date of the summit" || len(all[0].Values) != 2 {
		t.Errorf("thread %q with %d values, want the summit's date with 2", all[0].Topic, len(all[0].Values))
	}
}

// TestTimelineStatus: page status events, stored as changes without a
// version, make the article's status thread; the event is current while
// the article's Status still names it.
func TestTimelineStatus(t *testing.T) {
	tests := []struct {
		name    string
		events  []string // Status of each update, "" for the page answering again
		want    []string
		current string
	}{
		{"removed", []string{"removed (404 Not Found)"}, []string{"removed (404 Not Found)"}, "removed (404 Not Found)"},
		{"removed, then redirecting", []string{"removed (404 Not Found)", "redirects to https://news.example/other"},
			[]string{"removed (404 Not Found)", "redirects to https://news.example/other"}, "redirects to https://news.example/other"},
		{"removed, then back", []string{"removed (410 Gone)", ""}, []string{"removed (410 Gone)"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, art := twoVersions(t)
			at := art.LastChanged
			for i, st := range tt.events {
				at = at.Add(time.Hour)
				a := art
				a.Status, a.LastChecked = st, at
				u := store.Update{Article: a}
				if st != "" {
					u.StatusChange = &store.Change{DetectedAt: at, Facts: []facts.Change{{Kind: facts.KindStatus, After: st, AfterValue: fmt.Sprint(i)}}}
				}
				if _, err := s.Apply([]store.Update{u}, nil); err != nil {
					t.Fatal(err)
				}
			}
			threads, err := Timeline(s, nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			cur := ""
			for _, th := range threads {
				if th.Kind != facts.KindStatus {
					continue
				}
				if th.Key != "status/"+art.ID {
					t.Errorf("key %q", th.Key)
				}
				for _, v := range th.Values {
					got = append(got, v.Text)
					if v.Current {
						cur = v.Text
					}
					if v.Version != 2 || v.Outlet != "Wire" {
						t.Errorf("value %+v", v)
					}
				}
			}
			if !slices.Equal(got, tt.want) || cur != tt.current {
				t.Errorf("status values %q (current %q), want %q (current %q)", got, cur, tt.want, tt.current)
			}
		})
	}
}

// TestDiffSetsAsideLearnedBoilerplate: a first version stored while its
// site was learned holds a byline line with its time; the site's learner
// knows it as boilerplate, so the diff, like the stored change, does not
// report its date and time as removed.
func TestDiffSetsAsideLearnedBoilerplate(t *testing.T) {
	s, err := bolt.Open(filepath.Join(t.TempDir(), "q.db"), bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	at := time.Date(2025, 8, 19, 6, 0, 0, 0, time.UTC)
	byline := "By Anna Kovacs, Meridian Wire Tue 19 Aug 2025 13.38 UTC"
	texts := []string{
		byline + "\n\nPutin agreed to a summit with Zelensky on August 29, Merz said.",
		"Putin agreed to a summit with Zelensky in early September, Merz said.",
	}
	art := store.Article{URL: "https://news.example/summit", Title: "Summit", Outlet: "Wire", Published: at}
	for i, text := range texts {
		v := &store.Version{FetchedAt: at.Add(time.Duration(i) * time.Hour), Title: "Summit", Text: text, Source: "page"}
		if _, err := s.Apply([]store.Update{{Article: art, Version: v}}, nil); err != nil {
			t.Fatal(err)
		}
	}
	art, err = s.Article(store.ArticleID(art.URL))
	if err != nil {
		t.Fatal(err)
	}
	dates := func() []string {
		c, err := Diff(s, art, 1, 2)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range c.Result.Facts {
			if f.Kind == facts.KindDate {
				out = append(out, f.Before+">"+f.After)
			}
		}
		return out
	}
	if got := dates(); len(got) < 2 {
		t.Fatalf("before the site is learned: dates %q, want the byline's date reported too (the test needs it)", got)
	}
	if err := s.PutSites(map[string]store.SiteState{"news.example": {Boiler: []uint64{extract.TextHash(byline)}}}); err != nil {
		t.Fatal(err)
	}
	if got, want := dates(), []string{"August 29>early September"}; !slices.Equal(got, want) {
		t.Errorf("dates %q, want %q", got, want)
	}
}
