package bolt

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/store"
)

func TestApplyRoundTrip(t *testing.T) {
	s := mustOpen(t)
	texts := summitEdits(t, 2)
	url := "https://example.com/world/summit"
	at := []time.Time{t0, t0.Add(time.Hour), t0.Add(2 * time.Hour)}

	first := articleUpdate(url, "Putin and Zelensky set for summit", texts[0], at[0])
	first.Article.Aliases = []string{"https://example.com/rss/item/1"}
	first.Article.ETag, first.Article.PageHash = `"v1"`, "ph1"
	first.Article.Published = t0.Add(-time.Hour)
	first.Version.Byline, first.Version.Published = "By A. Reporter", t0.Add(-time.Hour)
	second := articleUpdate(url, "Putin and Zelensky set for summit within 10 days", texts[1], at[1])
	second.Article.Feeds = []string{"https://other.example/feed"}
	second.Article.Outlet = "Other Outlet"
	second.Article.ETag = `"v2"`
	second.Change = &store.Change{Facts: []facts.Change{{Kind: facts.KindDate, Before: "next two weeks", After: "next 10 days", BeforeValue: "P2W", AfterValue: "P10D"}}, Changed: 1}
	third := articleUpdate(url, "", texts[2], at[2])
	third.Version.Title = "Summit: $100 billion weapons deal"
	third.Change = &store.Change{Changed: 1}

	// Local times must come back in UTC.
	second.Version.FetchedAt = at[1].In(time.FixedZone("CEST", 2*3600))

	seqs := mustApply(t, s, nil, first, second, third)
	if want := []int{1, 2, 3}; !reflect.DeepEqual(seqs, want) {
		t.Fatalf("seqs = %v, want %v", seqs, want)
	}

	id := store.ArticleID(url)
	a, err := s.Article(id)
	if err != nil {
		t.Fatal(err)
	}
	want := store.Article{
		ID: id, URL: url, Title: "Summit: $100 billion weapons deal", Outlet: "Example World",
		Feeds:     []string{"https://example.com/rss", "https://other.example/feed"},
		Aliases:   []string{"https://example.com/rss/item/1"},
		FirstSeen: at[0], LastChanged: at[2], LastChecked: at[2], Published: t0.Add(-time.Hour),
		Versions: 3, ETag: "", PageHash: "",
	}
	if !reflect.DeepEqual(a, want) {
		t.Errorf("Article:\n%s\nwant\n%s", dump(a), dump(want))
	}

	vs, err := s.Versions(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 3 {
		t.Fatalf("got %d versions, want 3", len(vs))
	}
	for i, u := range []store.Update{first, second, third} {
		wantV := *u.Version
		wantV.Seq = i + 1
		wantV.FetchedAt = at[i]
		if !reflect.DeepEqual(vs[i], wantV) {
			t.Errorf("version %d:\n%s\nwant\n%s", i+1, dump(vs[i]), dump(wantV))
		}
		one, err := s.Version(id, i+1)
		if err != nil || !reflect.DeepEqual(one, vs[i]) {
			t.Errorf("Version(%d) = %v, %v; want the same as Versions", i+1, one.Seq, err)
		}
		if vs[i].FetchedAt.Location() != time.UTC {
			t.Errorf("version %d FetchedAt in %v, want UTC", i+1, vs[i].FetchedAt.Location())
		}
	}
	latest, err := s.LatestVersion(id)
	if err != nil || !reflect.DeepEqual(latest, vs[2]) {
		t.Errorf("LatestVersion = %d, %v; want version 3", latest.Seq, err)
	}

	chs, err := s.ArticleChanges(id)
	if err != nil {
		t.Fatal(err)
	}
	wantCh := []store.Change{
		{ArticleID: id, Article: url, Title: second.Version.Title, Version: 2, DetectedAt: at[1], Facts: second.Change.Facts, Changed: 1},
		{ArticleID: id, Article: url, Title: third.Version.Title, Version: 3, DetectedAt: at[2], Facts: []facts.Change{}, Changed: 1},
	}
	if !reflect.DeepEqual(chs, wantCh) {
		t.Errorf("ArticleChanges:\n%s\nwant\n%s", dump(chs), dump(wantCh))
	}
}

func TestApplyMissing(t *testing.T) {
	s := mustOpen(t)
	mustApply(t, s, nil, store.Update{Article: store.Article{URL: "https://example.com/nov", LastChecked: t0}})
	id := store.ArticleID("https://example.com/nov")
	tests := []struct {
		name string
		call func() error
	}{
		{"Article", func() error { _, err := s.Article("https://example.com/none"); return err }},
		{"Version of unknown article", func() error { _, err := s.Version("abcdefabcdef", 1); return err }},
		{"Version 0", func() error { _, err := s.Version(id, 0); return err }},
		{"LatestVersion without versions", func() error { _, err := s.LatestVersion(id); return err }},
		{"Versions of unknown", func() error { _, err := s.Versions("abcdefabcdef"); return err }},
		{"Feed", func() error { _, err := s.Feed("https://example.com/rss"); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.call(); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("err = %v, want ErrNotFound", err)
			}
		})
	}
	a, err := s.Article(id)
	if err != nil {
		t.Fatal(err)
	}
	if a.Versions != 0 || !a.FirstSeen.Equal(t0) {
		t.Errorf("metadata-only article = %+v, want 0 versions, FirstSeen = LastChecked", a)
	}
	if vs, err := s.Versions(id); err != nil || len(vs) != 0 {
		t.Errorf("Versions = %v, %v; want none", vs, err)
	}
}

func TestApplyDuplicateHash(t *testing.T) {
	s := mustOpen(t)
	url := "https://example.com/a"
	texts := summitEdits(t, 1)
	mustApply(t, s, nil, articleUpdate(url, "T", texts[0], t0))

	// A replay of the same text with a change and an alert stores nothing
	// but refreshes metadata.
	dup := articleUpdate(url, "T", texts[0], t0.Add(time.Hour))
	dup.Article.ETag = `"new"`
	dup.Change = &store.Change{Inserted: 1}
	dup.Alerts = []store.OutboxEntry{{Key: "dup-alert", Channel: "email"}}
	fresh := articleUpdate(url, "T", texts[1], t0.Add(2*time.Hour))
	fresh.Change = &store.Change{Changed: 1}
	fresh.Alerts = []store.OutboxEntry{{Key: "fresh-alert", Channel: "email", Created: t0}}
	replay := fresh // the same pass again after a crash
	seqs := mustApply(t, s, nil, dup, fresh, replay)
	if want := []int{0, 2, 0}; !reflect.DeepEqual(seqs, want) {
		t.Fatalf("seqs = %v, want %v", seqs, want)
	}
	id := store.ArticleID(url)
	if vs, _ := s.Versions(id); len(vs) != 2 {
		t.Errorf("stored %d versions, want 2", len(vs))
	}
	chs, _ := s.Changes(time.Time{})
	if len(chs) != 1 || chs[0].Version != 2 {
		t.Errorf("changes = %s, want only version 2", dump(chs))
	}
	out, _ := s.Outbox()
	if len(out) != 1 || out[0].Key != "fresh-alert" {
		t.Errorf("outbox = %s, want only fresh-alert", dump(out))
	}
	a, _ := s.Article(id)
	if a.ETag != "" || !a.LastChecked.Equal(t0.Add(2*time.Hour)) || a.Versions != 2 {
		t.Errorf("article = %s", dump(a))
	}
}

func TestApplyAtomic(t *testing.T) {
	s := mustOpen(t)
	good := articleUpdate("https://example.com/good", "Good", "text", t0)
	good.Alerts = []store.OutboxEntry{{Key: "k", Channel: "email"}}
	bad := store.Update{Article: store.Article{Title: "no URL"}}
	_, err := s.Apply([]store.Update{good, bad}, []store.FeedState{{URL: "https://example.com/rss", Status: "ok"}})
	if err == nil {
		t.Fatal("Apply with an invalid update succeeded")
	}
	if arts, _ := s.Articles(); len(arts) != 0 {
		t.Errorf("articles after failed Apply: %s", dump(arts))
	}
	if fs, _ := s.Feeds(); len(fs) != 0 {
		t.Errorf("feeds after failed Apply: %s", dump(fs))
	}
	if out, _ := s.Outbox(); len(out) != 0 {
		t.Errorf("outbox after failed Apply: %s", dump(out))
	}
	// The sequence must have rolled back too.
	if seqs := mustApply(t, s, nil, good); seqs[0] != 1 {
		t.Errorf("seq after rollback = %d, want 1", seqs[0])
	}
}

func TestApplyEmptyHash(t *testing.T) {
	s := mustOpen(t)
	u := articleUpdate("https://example.com/a", "T", "same text", t0)
	u.Version.Hash = ""
	seqs := mustApply(t, s, nil, u, u)
	if !reflect.DeepEqual(seqs, []int{1, 0}) {
		t.Errorf("seqs = %v, want [1 0]", seqs)
	}
	v, _ := s.LatestVersion(store.ArticleID("https://example.com/a"))
	if v.Hash == "" {
		t.Error("stored version has no hash")
	}
}

func TestFeeds(t *testing.T) {
	s := mustOpen(t)
	feeds := []store.FeedState{
		{URL: "https://z.example/rss", Name: "Z", Status: "error", Error: "fetch: 500", Failures: 2, LastPolled: t0, NextPoll: t0.Add(time.Minute), RetryAfter: t0.Add(time.Hour)},
		{URL: "https://a.example/rss", Name: "A", Status: "ok", ETag: `"e"`, LastModified: "Mon, 18 Aug 2025 12:00:00 GMT", Items: 20, Matched: 3, LastPolled: t0.In(time.FixedZone("X", 3600))},
	}
	mustApply(t, s, feeds)
	got, err := s.Feeds()
	if err != nil {
		t.Fatal(err)
	}
	want := []store.FeedState{feeds[1], feeds[0]}
	want[0].LastPolled = t0
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Feeds:\n%s\nwant\n%s", dump(got), dump(want))
	}
	one, err := s.Feed("https://z.example/rss")
	if err != nil || !reflect.DeepEqual(one, feeds[0]) {
		t.Errorf("Feed = %+v, %v", one, err)
	}
	// A later state replaces the earlier one.
	mustApply(t, s, []store.FeedState{{URL: "https://z.example/rss", Status: "ok"}})
	if one, _ := s.Feed("https://z.example/rss"); one.Status != "ok" || one.Failures != 0 {
		t.Errorf("feed after update = %+v", one)
	}
	if err := s.DeleteFeed("https://z.example/rss"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Feed("https://z.example/rss"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("after DeleteFeed: err = %v", err)
	}
	if _, err := s.Apply(nil, []store.FeedState{{Name: "no url"}}); err == nil || !strings.Contains(err.Error(), "URL") {
		t.Errorf("feed without URL: err = %v", err)
	}
}
