package storetest

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/store"
)

// t0 is the fixtures' base time; its nanoseconds prove that stores keep
// times exactly.
var t0 = time.Date(2025, 8, 18, 12, 0, 0, 123456789, time.UTC)

const feedURL = "https://news.example/world/rss.xml"

// version builds version text n of a story.
func version(n int, at time.Time) *store.Version {
	return &store.Version{
		FetchedAt: at,
		Hash:      fmt.Sprintf("hash-%d", n),
		Title:     fmt.Sprintf("Summit talks, take %d", n),
		Byline:    "A. Reporter",
		Published: t0.Add(-time.Hour),
		Modified:  at,
		Text:      fmt.Sprintf("The summit opened on Monday.\n\n%d delegates attended.", 100+n),
		Source:    "page",
		Facts: []facts.Fact{
			{Kind: facts.KindDate, Text: "Monday", Start: 23, End: 29, Value: "2025-08-18", Type: "DATE"},
			{Kind: facts.KindNumber, Text: fmt.Sprint(100 + n), Start: 31, End: 34, Value: fmt.Sprint(100 + n), Subject: "delegates"},
		},
	}
}

// update is one article's update carrying version n.
func update(url string, n int, at time.Time) store.Update {
	return store.Update{
		Article: store.Article{URL: url, Outlet: "Example News", Feeds: []string{feedURL}, FirstSeen: at, LastChecked: at},
		Version: version(n, at),
	}
}

// change is the diff summary of a version against the one before.
func change(before, after string) *store.Change {
	return &store.Change{
		Facts:    []facts.Change{{Kind: facts.KindNumber, Before: before, After: after, BeforeValue: before, AfterValue: after, Subject: "delegates"}},
		Changed:  1,
		Inserted: 0,
	}
}

func mustApply(t *testing.T, s Store, feeds []store.FeedState, us ...store.Update) []int {
	t.Helper()
	seqs, err := s.Apply(us, feeds)
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	return seqs
}

// result holds a call's value and error, so get(s.Versions(id)).must(t)
// reads as one expression.
type result[T any] struct {
	v   T
	err error
}

func get[T any](v T, err error) result[T] { return result[T]{v, err} }

// must returns the value, failing the test on an error.
func (r result[T]) must(t *testing.T) T {
	t.Helper()
	if r.err != nil {
		t.Fatal(r.err)
	}
	return r.v
}

// testEmptyLists: an empty list is nil in every implementation, so their
// results encode alike (JSON null), which copies verify by hashing.
func testEmptyLists(t *testing.T, h Harness) {
	s := open(t, h)
	mustApply(t, s, nil, store.Update{Article: store.Article{URL: "https://news.example/a/bare"}})
	id := store.ArticleID("https://news.example/a/bare")
	check := func(name string, isNil bool, err error) {
		if err != nil || !isNil {
			t.Errorf("%s on an empty store: nil %v, err %v", name, isNil, err)
		}
	}
	vs, err := s.Versions(id)
	check("Versions", vs == nil, err)
	cs, err := s.Changes(time.Time{})
	check("Changes", cs == nil, err)
	ac, err := s.ArticleChanges(id)
	check("ArticleChanges", ac == nil, err)
	out, err := s.Outbox()
	check("Outbox", out == nil, err)
	dead, err := s.DeadAlerts()
	check("DeadAlerts", dead == nil, err)
	due, err := s.DueAlerts(t0, 0)
	check("DueAlerts", due == nil, err)
	fs, err := s.Feeds()
	check("Feeds", fs == nil, err)
}

func testVersions(t *testing.T, h Harness) {
	s := open(t, h)
	url := "https://news.example/a/summit"
	id := store.ArticleID(url)
	for n := 1; n <= 3; n++ {
		u := update(url, n, t0.Add(time.Duration(n)*time.Hour))
		if n > 1 {
			u.Change = change(fmt.Sprint(100+n-1), fmt.Sprint(100+n))
		}
		if seqs := mustApply(t, s, nil, u); seqs[0] != n {
			t.Fatalf("version %d stored as seq %d", n, seqs[0])
		}
	}
	vs := get(s.Versions(id)).must(t)
	if len(vs) != 3 {
		t.Fatalf("Versions: %d, want 3", len(vs))
	}
	for i, v := range vs {
		want := *version(i+1, t0.Add(time.Duration(i+1)*time.Hour))
		want.Seq = i + 1
		if !reflect.DeepEqual(v, want) {
			t.Errorf("version %d:\n got %+v\nwant %+v", i+1, v, want)
		}
	}
	if v := get(s.Version(id, 2)).must(t); v.Seq != 2 || v.Text != vs[1].Text {
		t.Errorf("Version(2) = seq %d %q", v.Seq, v.Text)
	}
	if v := get(s.LatestVersion(id)).must(t); v.Seq != 3 || v.Hash != "hash-3" {
		t.Errorf("LatestVersion = seq %d hash %s", v.Seq, v.Hash)
	}
	a := get(s.Article(id)).must(t)
	if a.Versions != 3 || !a.LastChanged.Equal(t0.Add(3*time.Hour)) || !a.FirstSeen.Equal(t0.Add(time.Hour)) {
		t.Errorf("article bookkeeping: versions %d last_changed %s first_seen %s", a.Versions, a.LastChanged, a.FirstSeen)
	}
	if a.Title != "Summit talks, take 3" {
		t.Errorf("article title %q, want the latest version's", a.Title)
	}
	for name, err := range map[string]error{
		"Version(4)":          second(s.Version(id, 4)),
		"Version(0)":          second(s.Version(id, 0)),
		"Version(unknown)":    second(s.Version("000000000000", 1)),
		"LatestVersion(none)": second(s.LatestVersion("000000000000")),
		"Versions(unknown)":   second(s.Versions("000000000000")),
	} {
		if !errors.Is(err, store.ErrNotFound) {
			t.Errorf("%s: %v, want ErrNotFound", name, err)
		}
	}
}

func second[T any](_ T, err error) error { return err }

func testDuplicateVersion(t *testing.T, h Harness) {
	s := open(t, h)
	url := "https://news.example/a/dup"
	mustApply(t, s, nil, update(url, 1, t0))
	// A replay of the same text: no version, no change, no alert; the
	// metadata is still refreshed.
	u := update(url, 1, t0.Add(time.Hour))
	u.Change = change("101", "101")
	u.Alerts = []store.OutboxEntry{{Key: "dup-1", Channel: "webhook:0", Body: []byte(`{}`), Created: t0}}
	u.Article.ETag = `"v2"`
	if seqs := mustApply(t, s, nil, u); seqs[0] != 0 {
		t.Fatalf("duplicate stored as seq %d", seqs[0])
	}
	a := get(s.Article(url)).must(t)
	if a.Versions != 1 || a.ETag != `"v2"` || !a.LastChecked.Equal(t0.Add(time.Hour)) {
		t.Errorf("after replay: versions %d etag %q last_checked %s", a.Versions, a.ETag, a.LastChecked)
	}
	if cs := get(s.Changes(time.Time{})).must(t); len(cs) != 0 {
		t.Errorf("replay stored %d changes", len(cs))
	}
	if out := get(s.Outbox()).must(t); len(out) != 0 {
		t.Errorf("replay queued %d alerts", len(out))
	}
	// The same text after a different one is a new version.
	mustApply(t, s, nil, update(url, 2, t0.Add(2*time.Hour)))
	if seqs := mustApply(t, s, nil, update(url, 1, t0.Add(3*time.Hour))); seqs[0] != 3 {
		t.Errorf("text reverted to version 1 stored as seq %d, want 3", seqs[0])
	}
}

func testEmptyHash(t *testing.T, h Harness) {
	s := open(t, h)
	u := update("https://news.example/a/nohash", 1, t0)
	u.Version.Hash = ""
	mustApply(t, s, nil, u)
	v := get(s.LatestVersion(store.ArticleID(u.Article.URL))).must(t)
	if want := store.HashVersion(u.Version); v.Hash != want || want == "" {
		t.Errorf("hash %q, want %q", v.Hash, want)
	}
	// The computed hash suppresses the replay like a given one.
	u2 := update(u.Article.URL, 1, t0.Add(time.Hour))
	u2.Version.Hash = ""
	if seqs := mustApply(t, s, nil, u2); seqs[0] != 0 {
		t.Errorf("replay with computed hash stored as seq %d", seqs[0])
	}
}

// prefixTwins returns two article URLs whose ids share their first four
// hex digits.
func prefixTwins() (string, string) {
	seen := map[string]string{}
	for i := 0; ; i++ {
		u := fmt.Sprintf("https://news.example/twin/%d", i)
		p := store.ArticleID(u)[:4]
		if other, ok := seen[p]; ok {
			return other, u
		}
		seen[p] = u
	}
}

func testArticleLookup(t *testing.T, h Harness) {
	s := open(t, h)
	url := "https://news.example/a/lookup"
	u := update(url, 1, t0)
	u.Article.Aliases = []string{"https://news.example/rss-link?id=7"}
	twinA, twinB := prefixTwins()
	mustApply(t, s, nil, u, update(twinA, 1, t0), update(twinB, 1, t0))
	id := store.ArticleID(url)
	for _, ref := range []string{id, id[:6], "  " + id + " ", url, "https://news.example/rss-link?id=7"} {
		a, err := s.Article(ref)
		if err != nil || a.ID != id || a.URL != url {
			t.Errorf("Article(%q) = %s %s, %v", ref, a.ID, a.URL, err)
		}
	}
	cases := []struct {
		ref  string
		want error
	}{
		{"", store.ErrNotFound},
		{"abc", store.ErrShortPrefix},
		{"https://news.example/unknown", store.ErrNotFound},
		{"ffffffffffff", store.ErrNotFound},
		{store.ArticleID(twinA)[:4], store.ErrAmbiguous},
	}
	for _, c := range cases {
		if _, err := s.Article(c.ref); !errors.Is(err, c.want) {
			t.Errorf("Article(%q): %v, want %v", c.ref, err, c.want)
		}
	}
	if _, err := s.Article("abc"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a short prefix is also ErrNotFound: %v", err)
	}
}

func testArticleMerge(t *testing.T, h Harness) {
	s := open(t, h)
	url := "https://news.example/a/merge"
	first := update(url, 1, t0)
	first.Article.Title = "Feed title"
	first.Article.Status = "removed (404 Not Found)"
	mustApply(t, s, nil, first)
	moved := "https://news.example/a/merge-moved"
	mustApply(t, s, nil, store.Update{Article: store.Article{
		ID: store.ArticleID(url), URL: moved, Outlet: "Other Outlet",
		Feeds: []string{feedURL, "https://other.example/feed"}, LastChecked: t0.Add(-time.Hour),
		FirstSeen: t0.Add(-2 * time.Hour), ETag: `"e"`, LastModified: "Mon", PageHash: "ph",
	}})
	a := get(s.Article(store.ArticleID(url))).must(t)
	want := store.Article{
		ID: store.ArticleID(url), URL: moved, Title: "Feed title", Outlet: "Example News",
		Feeds: []string{feedURL, "https://other.example/feed"}, Aliases: []string{url},
		FirstSeen: t0.Add(-2 * time.Hour), LastChanged: t0, LastChecked: t0, Versions: 1,
		ETag: `"e"`, LastModified: "Mon", PageHash: "ph",
	}
	if !reflect.DeepEqual(a, want) {
		t.Errorf("merged:\n got %+v\nwant %+v", a, want)
	}
	for _, ref := range []string{url, moved} {
		if got, err := s.Article(ref); err != nil || got.ID != want.ID {
			t.Errorf("Article(%q) = %s, %v", ref, got.ID, err)
		}
	}
	// An article never steals another's canonical URL as an alias.
	other := "https://news.example/a/other"
	thief := update(other, 1, t0)
	thief.Article.Aliases = []string{moved}
	mustApply(t, s, nil, thief)
	if got := get(s.Article(moved)).must(t); got.ID != want.ID {
		t.Errorf("Article(%s) = %s after another article claimed it as alias", moved, got.ID)
	}
}

func testArticles(t *testing.T, h Harness) {
	s := open(t, h)
	mustApply(t, s, nil,
		update("https://news.example/b", 1, t0.Add(time.Hour)),
		update("https://news.example/c", 1, t0),
		update("https://news.example/a", 1, t0.Add(time.Hour)),
	)
	var urls []string
	for _, a := range get(s.Articles()).must(t) {
		urls = append(urls, a.URL)
	}
	want := []string{"https://news.example/c", "https://news.example/a", "https://news.example/b"}
	if !slices.Equal(urls, want) {
		t.Errorf("Articles order %v, want %v (first seen, then URL)", urls, want)
	}
}

func testChanges(t *testing.T, h Harness) {
	s := open(t, h)
	url := "https://news.example/a/changes"
	id := store.ArticleID(url)
	first := update(url, 1, t0)
	first.Change = change("x", "y") // dropped: a first version has no change
	mustApply(t, s, nil, first)
	u := update(url, 2, t0.Add(time.Hour))
	u.Change = change("101", "102")
	u.Change.SinceFirst = u.Change.Facts
	mustApply(t, s, nil, u)
	u = update(url, 3, t0.Add(2*time.Hour))
	u.Change = change("102", "103")
	u.Change.Title = "Own title"
	u.Change.DetectedAt = t0.Add(150 * time.Minute)
	mustApply(t, s, nil, u)

	cs := get(s.Changes(time.Time{})).must(t)
	if len(cs) != 2 {
		t.Fatalf("Changes: %d, want 2", len(cs))
	}
	want := store.Change{
		ArticleID: id, Article: url, Title: "Own title", Version: 3, DetectedAt: t0.Add(150 * time.Minute),
		Facts: change("102", "103").Facts, Changed: 1,
	}
	if !reflect.DeepEqual(cs[0], want) {
		t.Errorf("newest change:\n got %+v\nwant %+v", cs[0], want)
	}
	if c := cs[1]; c.Version != 2 || c.Title != "Summit talks, take 2" || !c.DetectedAt.Equal(t0.Add(time.Hour)) || len(c.SinceFirst) != 1 {
		t.Errorf("defaults of change 2: %+v", c)
	}
	if got := get(s.Changes(t0.Add(90 * time.Minute))).must(t); len(got) != 1 || got[0].Version != 3 {
		t.Errorf("Changes(since) = %d changes", len(got))
	}
	if got := get(s.Changes(t0.Add(time.Hour))).must(t); len(got) != 2 {
		t.Errorf("Changes(since) includes a change detected at since: got %d", len(got))
	}
	ac := get(s.ArticleChanges(id)).must(t)
	if len(ac) != 2 || ac[0].Version != 2 || ac[1].Version != 3 {
		t.Errorf("ArticleChanges not oldest first: %+v", ac)
	}
	if ac := get(s.ArticleChanges("000000000000")).must(t); len(ac) != 0 {
		t.Errorf("ArticleChanges(unknown) = %d", len(ac))
	}
	// A change without fact changes lists facts as [], not null.
	u = update(url, 4, t0.Add(3*time.Hour))
	u.Change = &store.Change{Inserted: 1}
	mustApply(t, s, nil, u)
	if c := get(s.Changes(t0.Add(3 * time.Hour))).must(t); len(c) != 1 || c[0].Facts == nil || c[0].Inserted != 1 {
		t.Errorf("change without facts: %+v", c)
	}
}

// testChangesOrder pins the streaming order of Changes and EachChange:
// detection time descending, then version descending, then article id
// descending.
func testChangesOrder(t *testing.T, h Harness) {
	s := open(t, h)
	urls := []string{"https://news.example/o/1", "https://news.example/o/2", "https://news.example/o/3"}
	for _, u := range urls {
		mustApply(t, s, nil, update(u, 1, t0))
	}
	same := t0.Add(time.Hour)
	for i, u := range urls {
		for n := 2; n <= 3; n++ {
			up := update(u, n, t0.Add(time.Duration(n)*time.Minute))
			up.Change = change("a", "b")
			up.Change.DetectedAt = same
			if i == 2 && n == 3 {
				up.Change.DetectedAt = t0.Add(-time.Hour) // detected before the others
			}
			mustApply(t, s, nil, up)
		}
	}
	type key struct {
		id  string
		seq int
	}
	var got []key
	if err := s.EachChange(time.Time{}, func(c *store.Change) error {
		got = append(got, key{c.ArticleID, c.Version})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	var want []key
	ids := []string{store.ArticleID(urls[0]), store.ArticleID(urls[1]), store.ArticleID(urls[2])}
	for _, seq := range []int{3, 2} {
		var at []string
		for i, id := range ids {
			if seq == 3 && i == 2 {
				continue
			}
			at = append(at, id)
		}
		slices.Sort(at)
		slices.Reverse(at)
		for _, id := range at {
			want = append(want, key{id, seq})
		}
	}
	want = append(want, key{ids[2], 3})
	if !slices.Equal(got, want) {
		t.Errorf("EachChange order\n got %v\nwant %v", got, want)
	}
	list := get(s.Changes(time.Time{})).must(t)
	for i := range list {
		if i < len(want) && (list[i].ArticleID != want[i].id || list[i].Version != want[i].seq) {
			t.Errorf("Changes[%d] = %s/%d, want %v", i, list[i].ArticleID, list[i].Version, want[i])
		}
	}
}

func testEachChangeStops(t *testing.T, h Harness) {
	s := open(t, h)
	url := "https://news.example/a/stop"
	mustApply(t, s, nil, update(url, 1, t0))
	for n := 2; n <= 4; n++ {
		u := update(url, n, t0.Add(time.Duration(n)*time.Hour))
		u.Change = change("a", "b")
		mustApply(t, s, nil, u)
	}
	stop := errors.New("enough")
	calls := 0
	err := s.EachChange(time.Time{}, func(*store.Change) error {
		calls++
		return stop
	})
	if err != stop || calls != 1 {
		t.Errorf("EachChange returned %v after %d calls, want the callback's error as is after 1", err, calls)
	}
}

func testStatusChange(t *testing.T, h Harness) {
	s := open(t, h)
	url := "https://news.example/a/gone"
	mustApply(t, s, nil, update(url, 1, t0))
	u := update(url, 2, t0.Add(time.Hour))
	u.Change = change("101", "102")
	mustApply(t, s, nil, u)
	status := &store.Change{
		DetectedAt: t0.Add(2 * time.Hour),
		Facts:      []facts.Change{{Kind: facts.KindStatus, After: "removed (404 Not Found)"}},
	}
	mustApply(t, s, nil, store.Update{
		Article:      store.Article{URL: url, Status: "removed (404 Not Found)", LastChecked: t0.Add(2 * time.Hour)},
		StatusChange: status,
	})
	cs := get(s.Changes(time.Time{})).must(t)
	if len(cs) != 2 || cs[0].Version != 2 || cs[0].Facts[0].Kind != facts.KindStatus || cs[0].Title != "Summit talks, take 2" {
		t.Fatalf("status change not listed first with the latest version: %+v", cs)
	}
	// The article's own list has the status event after the version it
	// followed (the web view tells it there).
	if ac := get(s.ArticleChanges(store.ArticleID(url))).must(t); len(ac) != 2 || ac[0].Facts[0].Kind != facts.KindNumber ||
		ac[1].Facts[0].Kind != facts.KindStatus || ac[1].Version != 2 {
		t.Errorf("ArticleChanges = %+v, want the version's change then the status event", ac)
	}
	if a := get(s.Article(url)).must(t); a.Status != "removed (404 Not Found)" || a.Versions != 2 {
		t.Errorf("article after status change: %+v", a)
	}
	// A status change of an article with no version is not stored.
	mustApply(t, s, nil, store.Update{Article: store.Article{URL: "https://news.example/a/never"}, StatusChange: status})
	if cs := get(s.Changes(time.Time{})).must(t); len(cs) != 2 {
		t.Errorf("status change without a version stored: %d changes", len(cs))
	}
}

// alert is a pending alert created at t0+min minutes.
func alert(key string, min int) store.OutboxEntry {
	return store.OutboxEntry{Key: key, Channel: "webhook:0", Body: []byte(`{"article":"` + key + `"}`), Created: t0.Add(time.Duration(min) * time.Minute)}
}

func testOutbox(t *testing.T, h Harness) {
	s := open(t, h)
	u := update("https://news.example/a/alerts", 1, t0)
	later := alert("k3", 1)
	later.NextAttempt = t0.Add(time.Hour)
	u.Alerts = []store.OutboxEntry{alert("k2", 2), alert("k1", 2), later}
	mustApply(t, s, nil, u)

	keys := func(es []store.OutboxEntry) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.Key)
		}
		return out
	}
	if got := keys(get(s.Outbox()).must(t)); !slices.Equal(got, []string{"k3", "k1", "k2"}) {
		t.Errorf("Outbox order %v (created, then key)", got)
	}
	if got := keys(get(s.DueAlerts(t0, 0)).must(t)); !slices.Equal(got, []string{"k1", "k2"}) {
		t.Errorf("DueAlerts(t0) = %v", got)
	}
	if got := keys(get(s.DueAlerts(t0.Add(time.Hour), 2)).must(t)); !slices.Equal(got, []string{"k3", "k1"}) {
		t.Errorf("DueAlerts(t0+1h, 2) = %v", got)
	}
	next, ok, err := s.NextAlertDue()
	if err != nil || !ok || !next.IsZero() {
		t.Errorf("NextAlertDue = %s %v %v, want zero time (due now)", next, ok, err)
	}
	e := get(s.Outbox()).must(t)[1]
	if want := alert("k1", 2); !reflect.DeepEqual(e, want) {
		t.Errorf("stored alert\n got %+v\nwant %+v", e, want)
	}

	if err := s.AlertFailed("k1", t0.Add(2*time.Hour), "503 from hook"); err != nil {
		t.Fatal(err)
	}
	if err := s.AlertFailed("k1", t0.Add(3*time.Hour), "timeout"); err != nil {
		t.Fatal(err)
	}
	e = get(s.Outbox()).must(t)[1]
	if e.Attempts != 2 || e.LastError != "timeout" || !e.NextAttempt.Equal(t0.Add(3*time.Hour)) {
		t.Errorf("after two failures: %+v", e)
	}
	if err := s.AlertDelivered("k2", t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := s.AlertDelivered("k2", t0.Add(time.Minute)); err != nil {
		t.Errorf("delivering twice: %v", err)
	}
	if ok := get(s.Delivered("k2")).must(t); !ok {
		t.Error("Delivered(k2) = false")
	}
	if ok := get(s.Delivered("k1")).must(t); ok {
		t.Error("Delivered(k1) = true before delivery")
	}
	next, ok, err = s.NextAlertDue()
	if err != nil || !ok || !next.Equal(t0.Add(time.Hour)) {
		t.Errorf("NextAlertDue = %s %v %v, want k3's", next, ok, err)
	}
	for name, err := range map[string]error{
		"AlertDelivered": s.AlertDelivered("nope", t0),
		"AlertFailed":    s.AlertFailed("nope", t0, "x"),
		"AlertDead":      s.AlertDead("nope", t0, "x"),
	} {
		if !errors.Is(err, store.ErrNotFound) {
			t.Errorf("%s(unknown) = %v, want ErrNotFound", name, err)
		}
	}
	if p, d, err := s.AlertCounts(); p != 2 || d != 0 || err != nil {
		t.Errorf("AlertCounts = %d %d %v", p, d, err)
	}
	for _, k := range []string{"k1", "k3"} {
		if err := s.AlertDelivered(k, t0); err != nil {
			t.Fatal(err)
		}
	}
	if _, ok, err := s.NextAlertDue(); ok || err != nil {
		t.Errorf("NextAlertDue on an empty outbox: ok %v err %v", ok, err)
	}
}

func testOutboxDedup(t *testing.T, h Harness) {
	s := open(t, h)
	url := "https://news.example/a/dedup"
	u := update(url, 1, t0)
	u.Alerts = []store.OutboxEntry{alert("same", 0), alert("dead", 0)}
	mustApply(t, s, nil, u)
	if err := s.AlertDelivered("same", t0); err != nil {
		t.Fatal(err)
	}
	if err := s.AlertDead("dead", t0, "gave up"); err != nil {
		t.Fatal(err)
	}
	u = update(url, 2, t0.Add(time.Hour))
	u.Alerts = []store.OutboxEntry{alert("same", 5), alert("dead", 5), alert("new", 5)}
	mustApply(t, s, nil, u)
	out := get(s.Outbox()).must(t)
	if len(out) != 1 || out[0].Key != "new" {
		t.Errorf("keys delivered or dead were queued again: %+v", out)
	}
	if _, err := s.Apply([]store.Update{{Article: store.Article{URL: url}, Alerts: []store.OutboxEntry{{Channel: "email"}}}}, nil); err == nil {
		t.Error("an alert without a key was accepted")
	}
}

func testDeadLetters(t *testing.T, h Harness) {
	s := open(t, h)
	u := update("https://news.example/a/dead", 1, t0)
	u.Alerts = []store.OutboxEntry{alert("d1", 0), alert("d2", 1), alert("live", 2)}
	mustApply(t, s, nil, u)
	if err := s.AlertFailed("d1", t0.Add(time.Hour), "first"); err != nil {
		t.Fatal(err)
	}
	if err := s.AlertDead("d1", t0.Add(time.Hour), ""); err != nil {
		t.Fatal(err)
	}
	if err := s.AlertDead("d2", t0.Add(2*time.Hour), "410 Gone"); err != nil {
		t.Fatal(err)
	}
	dead := get(s.DeadAlerts()).must(t)
	if len(dead) != 2 || dead[0].Key != "d1" || dead[0].LastError != "first" || !dead[0].DeadAt.Equal(t0.Add(time.Hour)) || dead[1].LastError != "410 Gone" {
		t.Errorf("dead letters: %+v", dead)
	}
	// AlertDead ends an attempt too: the one that failed for good is
	// counted, so d1 (one retry, then dead) shows 2 and d2 (dead on its
	// first try) shows 1, as the dispatcher's log numbers them.
	if len(dead) == 2 && (dead[0].Attempts != 2 || dead[1].Attempts != 1) {
		t.Errorf("dead letters' attempts %d and %d, want 2 and 1 (the last attempt counts)", dead[0].Attempts, dead[1].Attempts)
	}
	if p, d, _ := s.AlertCounts(); p != 1 || d != 2 {
		t.Errorf("AlertCounts = %d pending %d dead", p, d)
	}
	if _, err := s.RetryDead(t0, "d2", "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("RetryDead(unknown) = %v", err)
	}
	if len(get(s.DeadAlerts()).must(t)) != 2 {
		t.Error("a failed RetryDead moved alerts")
	}
	if n := get(s.RetryDead(t0.Add(5*time.Hour), "d2")).must(t); n != 1 {
		t.Errorf("RetryDead(d2) = %d", n)
	}
	if n := get(s.RetryDead(t0.Add(6 * time.Hour))).must(t); n != 1 {
		t.Errorf("RetryDead() = %d", n)
	}
	out := get(s.Outbox()).must(t)
	if len(out) != 3 {
		t.Fatalf("outbox after retry: %+v", out)
	}
	for _, e := range out {
		if e.Key == "d1" && (e.Attempts != 0 || !e.NextAttempt.Equal(t0.Add(6*time.Hour)) || !e.DeadAt.IsZero()) {
			t.Errorf("retried alert: %+v", e)
		}
	}
	// A dead alert may still be marked delivered (a late success).
	if err := s.AlertDead("live", t0, "x"); err != nil {
		t.Fatal(err)
	}
	if err := s.AlertDelivered("live", t0); err != nil {
		t.Errorf("AlertDelivered(dead alert) = %v", err)
	}
	if len(get(s.DeadAlerts()).must(t)) != 0 {
		t.Error("a delivered alert stayed in the dead letters")
	}
}

func testFeedState(t *testing.T, h Harness) {
	s := open(t, h)
	full := store.FeedState{
		URL: "https://b.example/feed", Name: "B", ETag: `"x"`, LastModified: "Tue", LastPolled: t0,
		Status: "error", Error: "parse feed: EOF", Items: 7, Matched: 3, NextPoll: t0.Add(10 * time.Minute),
		RetryAfter: t0.Add(time.Hour), Failures: 2,
	}
	mustApply(t, s, []store.FeedState{full, {URL: "https://a.example/feed", Status: "ok"}})
	if got := get(s.Feed(full.URL)).must(t); !reflect.DeepEqual(got, full) {
		t.Errorf("Feed\n got %+v\nwant %+v", got, full)
	}
	fs := get(s.Feeds()).must(t)
	if len(fs) != 2 || fs[0].URL != "https://a.example/feed" {
		t.Errorf("Feeds not sorted by URL: %+v", fs)
	}
	full.Status, full.Error, full.Failures = "ok", "", 0
	mustApply(t, s, []store.FeedState{full})
	if got := get(s.Feed(full.URL)).must(t); got.Error != "" || got.Status != "ok" {
		t.Errorf("feed state not replaced: %+v", got)
	}
	if err := s.DeleteFeed(full.URL); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteFeed("https://never.example/feed"); err != nil {
		t.Errorf("DeleteFeed(missing) = %v", err)
	}
	if _, err := s.Feed(full.URL); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Feed(deleted) = %v", err)
	}
	if _, err := s.Apply(nil, []store.FeedState{{Name: "no url"}}); err == nil {
		t.Error("a feed state without URL was accepted")
	}
}

func testSites(t *testing.T, h Harness) {
	s := open(t, h)
	if got := get(s.Sites()).must(t); len(got) != 0 {
		t.Errorf("new store has sites: %v", got)
	}
	// the learned layout too, with hashes past the range of int64
	layout := store.SiteState{Trusted: true, SinceCheck: 9, Skip: []uint64{1, 1 << 63}, Boiler: []uint64{^uint64(0)}, Common: []uint64{42}, Main: []uint64{5, 1 << 63}, Quiet: 7, Titles: []uint64{3, 1 << 62}, Frequent: []uint64{42}}
	if err := s.PutSites(map[string]store.SiteState{"a.example": {Agreed: 3}, "b.example": layout, "": {Agreed: 1}}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutSites(map[string]store.SiteState{"a.example": {Agreed: 4, Trusted: true}}); err != nil {
		t.Fatal(err)
	}
	want := map[string]store.SiteState{"a.example": {Agreed: 4, Trusted: true}, "b.example": layout}
	if got := get(s.Sites()).must(t); !reflect.DeepEqual(got, want) {
		t.Errorf("Sites = %v, want %v", got, want)
	}
	if got := get(s.Site("b.example")).must(t); !reflect.DeepEqual(got, layout) {
		t.Errorf("Site(b.example) = %v, want %v", got, layout)
	}
	if got := get(s.Site("never.example")).must(t); !reflect.DeepEqual(got, store.SiteState{}) {
		t.Errorf("Site(never.example) = %v, want the zero state", got)
	}
}

// history stores n versions of url, one an hour from t0, each with a change.
func history(t *testing.T, s Store, url string, n int) {
	t.Helper()
	for i := 1; i <= n; i++ {
		u := update(url, i, t0.Add(time.Duration(i)*time.Hour))
		if i > 1 {
			u.Change = change("a", "b")
		}
		mustApply(t, s, nil, u)
	}
}

func seqsOf(t *testing.T, s Store, id string) []int {
	t.Helper()
	var out []int
	for _, v := range get(s.Versions(id)).must(t) {
		out = append(out, v.Seq)
	}
	return out
}

func testRetention(t *testing.T, h Harness) {
	s := open(t, h)
	url := "https://news.example/a/keep"
	id := store.ArticleID(url)
	history(t, s, url, 6)
	history(t, s, "https://news.example/a/short", 2)
	if _, err := s.Compact(-1, 0, t0); err == nil {
		t.Error("Compact(-1) accepted")
	}
	n := get(s.Compact(2, 0, t0.Add(24*time.Hour))).must(t)
	if n != 3 {
		t.Errorf("Compact removed %d, want 3", n)
	}
	if got := seqsOf(t, s, id); !slices.Equal(got, []int{1, 5, 6}) {
		t.Errorf("kept seqs %v, want first and last two", got)
	}
	vs := get(s.Versions(id)).must(t)
	if vs[1].Text != version(5, t0).Text || vs[2].Hash != "hash-6" {
		t.Errorf("survivors' text changed by compaction")
	}
	if a := get(s.Article(id)).must(t); a.Versions != 3 {
		t.Errorf("article versions %d after compaction", a.Versions)
	}
	var changed []int
	for _, c := range get(s.ArticleChanges(id)).must(t) {
		changed = append(changed, c.Version)
	}
	if !slices.Equal(changed, []int{5, 6}) {
		t.Errorf("changes after compaction %v, want those of kept versions", changed)
	}
	if _, err := s.Version(id, 3); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Version(removed) = %v", err)
	}
	// Seqs stay stable: the next version is 7.
	if seqs := mustApply(t, s, nil, update(url, 7, t0.Add(7*time.Hour))); seqs[0] != 7 {
		t.Errorf("next seq after compaction %d, want 7", seqs[0])
	}
	if n := get(s.Compact(0, 0, t0)).must(t); n != 0 {
		t.Errorf("Compact without limits removed %d", n)
	}
}

func testRetentionKeepFor(t *testing.T, h Harness) {
	s := open(t, h)
	url := "https://news.example/a/old"
	history(t, s, url, 5)
	u := update("https://news.example/a/alerted", 1, t0)
	u.Alerts = []store.OutboxEntry{alert("old", 0), alert("recent", 0)}
	mustApply(t, s, nil, u)
	if err := s.AlertDelivered("old", t0); err != nil {
		t.Fatal(err)
	}
	if err := s.AlertDelivered("recent", t0.Add(10*time.Hour)); err != nil {
		t.Fatal(err)
	}
	// Keep what was fetched in the last 2.5 hours before t0+5h: versions 3..5.
	n := get(s.Compact(0, 150*time.Minute, t0.Add(5*time.Hour))).must(t)
	if got := seqsOf(t, s, store.ArticleID(url)); n != 1 || !slices.Equal(got, []int{1, 3, 4, 5}) {
		t.Errorf("keepFor kept %v (removed %d)", got, n)
	}
	if ok := get(s.Delivered("old")).must(t); ok {
		t.Error("a delivered key older than the cutoff was kept")
	}
	if ok := get(s.Delivered("recent")).must(t); !ok {
		t.Error("a recent delivered key was forgotten")
	}
}

func testStats(t *testing.T, h Harness) {
	s := open(t, h)
	history(t, s, "https://news.example/a/s1", 3)
	history(t, s, "https://news.example/a/s2", 1)
	st := get(s.Stats()).must(t)
	if st.Articles != 2 || st.Versions != 4 {
		t.Errorf("Stats = %+v", st)
	}
	var raw int64
	for i := 1; i <= 3; i++ {
		v := version(i, t0)
		raw += int64(len(v.Title) + len(v.Text))
	}
	v := version(1, t0)
	raw += int64(len(v.Title) + len(v.Text))
	if st.RawBytes != raw || st.StoredBytes <= 0 {
		t.Errorf("Stats bytes: raw %d (want %d) stored %d", st.RawBytes, raw, st.StoredBytes)
	}
	if n, err := s.Size(); err != nil || n <= 0 {
		t.Errorf("Size = %d, %v", n, err)
	}
	if strings.Contains(s.Path(), "password") || s.Path() == "" {
		t.Errorf("Path = %q", s.Path())
	}
}

func testReopen(t *testing.T, h Harness) {
	s := h.New(t)
	url := "https://news.example/a/persist"
	history(t, s, url, 2)
	u := store.Update{Article: store.Article{URL: url}, Alerts: []store.OutboxEntry{alert("p", 0)}}
	mustApply(t, s, []store.FeedState{{URL: feedURL, Status: "ok", LastPolled: t0}}, u)
	if err := s.PutSites(map[string]store.SiteState{"news.example": {Trusted: true}}); err != nil {
		t.Fatal(err)
	}
	s = h.Reopen(t, s)
	t.Cleanup(func() { _ = s.Close() })
	if got := seqsOf(t, s, store.ArticleID(url)); !slices.Equal(got, []int{1, 2}) {
		t.Errorf("versions after reopen %v", got)
	}
	if len(get(s.Changes(time.Time{})).must(t)) != 1 || len(get(s.Outbox()).must(t)) != 1 {
		t.Error("changes or outbox lost on reopen")
	}
	if f := get(s.Feed(feedURL)).must(t); !f.LastPolled.Equal(t0) {
		t.Errorf("feed after reopen: %+v", f)
	}
	if st := get(s.Sites()).must(t); !st["news.example"].Trusted {
		t.Errorf("sites after reopen: %v", st)
	}
	if seqs := mustApply(t, s, nil, update(url, 3, t0.Add(5*time.Hour))); seqs[0] != 3 {
		t.Errorf("seq after reopen %d", seqs[0])
	}
}

// testRollback: one bad update rolls back the whole batch.
func testRollback(t *testing.T, h Harness) {
	s := open(t, h)
	good := update("https://news.example/a/good", 1, t0)
	bad := store.Update{Article: store.Article{URL: ""}, Version: version(1, t0)}
	if _, err := s.Apply([]store.Update{good, bad}, []store.FeedState{{URL: feedURL, Status: "ok"}}); err == nil {
		t.Fatal("Apply with an empty article URL succeeded")
	}
	if arts := get(s.Articles()).must(t); len(arts) != 0 {
		t.Errorf("a failed batch stored %d articles", len(arts))
	}
	if _, err := s.Feed(feedURL); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a failed batch stored its feed state: %v", err)
	}
}

// testOddBytes: text with NUL and invalid UTF-8 (a page's stray bytes) is
// stored, never fails the batch; the hash stays as given, so a replay is
// still recognised.
func testOddBytes(t *testing.T, h Harness) {
	s := open(t, h)
	url := "https://news.example/a/odd"
	u := update(url, 1, t0)
	u.Version.Title = "Odd \x00 title"
	u.Version.Text = "Bytes \xff\xfe and a NUL \x00 here."
	u.Article.Title = "Odd \xc3 article"
	if seqs := mustApply(t, s, nil, u, update("https://news.example/a/plain", 1, t0)); seqs[0] != 1 || seqs[1] != 1 {
		t.Fatalf("seqs %v", seqs)
	}
	v := get(s.LatestVersion(store.ArticleID(url))).must(t)
	if v.Hash != "hash-1" || !strings.Contains(v.Text, "here.") {
		t.Errorf("stored %q (hash %s)", v.Text, v.Hash)
	}
	if seqs := mustApply(t, s, nil, u); seqs[0] != 0 {
		t.Errorf("replay of the odd version stored seq %d", seqs[0])
	}
}
