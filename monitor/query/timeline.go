package query

import (
	"cmp"
	"fmt"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/diff/timeline"
	"github.com/storywatch/storywatch/store"
)

// Visit is called for every stored version while a timeline is built, with
// the time the version was reported (see SeenAt). The version's text is only
// valid during the call.
type Visit func(art *store.Article, v *store.Version, seen time.Time)

// Timeline streams every stored version through a timeline builder, one
// article at a time, so only one article's texts are in memory. visit, when
// not nil, sees each version as it goes by.
func Timeline(s Store, visit Visit) ([]timeline.Thread, error) {
	arts, err := s.Articles()
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	b := timeline.NewBuilder()
	for i := range arts {
		if err := addArticle(b, s, &arts[i], visit); err != nil {
			return nil, err
		}
	}
	if err := addStatusEvents(b, s, arts); err != nil {
		return nil, err
	}
	return b.Threads(), nil
}

// ArticleTimeline is the timeline of one article alone: its threads name
// the topics of its facts ("date of the summit") without reading the rest
// of the store.
func ArticleTimeline(s Store, art *store.Article) ([]timeline.Thread, error) {
	b := timeline.NewBuilder()
	if err := addArticle(b, s, art, nil); err != nil {
		return nil, err
	}
	if art.Status != "" { // else its events, if any, are over: not worth a full scan
		if err := addStatusEvents(b, s, []store.Article{*art}); err != nil {
			return nil, err
		}
	}
	return b.Threads(), nil
}

// addStatusEvents adds the page status events (kind status) of arts. They
// are stored as changes without a version, listed only among all changes,
// so this is one walk over the changes. An event is current while the
// article's Status still names it: the page has not answered since.
func addStatusEvents(b *timeline.Builder, s Store, arts []store.Article) error {
	byID := make(map[string]*store.Article, len(arts))
	for i := range arts {
		byID[arts[i].ID] = &arts[i]
	}
	var events []timeline.StatusEvent
	err := s.EachChange(time.Time{}, func(c *store.Change) error {
		art := byID[c.ArticleID]
		if art == nil {
			return nil
		}
		for _, f := range c.Facts {
			if f.Kind != facts.KindStatus {
				continue
			}
			events = append(events, timeline.StatusEvent{
				Article: art.URL, ArticleID: art.ID, Outlet: Outlet(art), Title: cmp.Or(c.Title, art.Title),
				Version: c.Version, Seen: c.DetectedAt, Text: f.After, Value: f.AfterValue,
			})
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read status changes: %w", err)
	}
	// Changes come newest first: the first event of an article is its last.
	last := map[string]bool{}
	for i := range events {
		e := &events[i]
		if !last[e.ArticleID] {
			last[e.ArticleID] = true
			e.Current = byID[e.ArticleID].Status == e.Text
		}
	}
	for i := len(events) - 1; i >= 0; i-- {
		b.AddStatus(&events[i])
	}
	return nil
}

func addArticle(b *timeline.Builder, s Store, art *store.Article, visit Visit) error {
	vs, err := s.Versions(art.ID)
	if err != nil {
		return fmt.Errorf("read versions: %w", err)
	}
	outlet := Outlet(art)
	var prevModified time.Time
	for i := range vs {
		v := &vs[i]
		seen := SeenAt(v, prevModified)
		b.Add(&timeline.Observation{
			Article: art.URL, ArticleID: art.ID, Outlet: outlet, Title: v.Title, Version: v.Seq,
			Seen: seen, Published: store.Anchor(v.FetchedAt, art.Published, v.Published),
			Text: v.Text, Facts: v.Facts,
		})
		if visit != nil {
			visit(art, v, seen)
		}
		prevModified = v.Modified
	}
	return nil
}

// Outlet names the outlet of art: the feed it was first seen in, else its
// id, so two unnamed articles never merge into one outlet.
func Outlet(art *store.Article) string {
	if art.Outlet != "" {
		return art.Outlet
	}
	return art.ID
}

// SeenAt dates a version by the outlet's own modification time, which
// tells when the story said it, unless the page claims none, claims one in
// the future, or kept the previous version's.
func SeenAt(v *store.Version, prevModified time.Time) time.Time {
	m := v.Modified
	if m.IsZero() || m.After(v.FetchedAt) || m.Equal(prevModified) {
		return v.FetchedAt
	}
	return m
}

// FirstNonZero returns the first of ts that is set, or the zero time.
func FirstNonZero(ts ...time.Time) time.Time {
	for _, t := range ts {
		if !t.IsZero() {
			return t
		}
	}
	return time.Time{}
}
