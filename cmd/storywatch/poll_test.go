package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storywatch/storywatch/monitor/harness/corpus"
)

// TestPollReportsExactlyTheEditedArticles is the acceptance test of the
// pipeline: feeds whose pages rotate their boilerplate on every request,
// a third of the articles really edited; poll, poll, `changes --json` must
// name exactly the edited articles.
func TestPollReportsExactlyTheEditedArticles(t *testing.T) {
	srv := startCorpus(t, corpus.NewSynthetic, corpus.Options{
		Feeds: 4, ArticlesPerFeed: 6, EditFraction: 1.0 / 3, Seed: 7, RotateBoilerplate: true,
	})
	// The synthetic story uses invented names: no story filter, every item counts.
	cfg := writeConfig(t, t.TempDir(), srv.FeedURLs(), "")

	mustCLI(t, "-c", cfg, "poll")
	var articles struct {
		Articles []struct {
			ID       string `json:"id"`
			URL      string `json:"url"`
			Versions int    `json:"versions"`
		} `json:"articles"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "articles", "--json"), &articles)
	if len(articles.Articles) != len(srv.ArticleURLs()) {
		t.Fatalf("%d articles tracked after the first poll, want all %d of the corpus", len(articles.Articles), len(srv.ArticleURLs()))
	}

	edited := srv.Revise()
	if len(edited) == 0 {
		t.Fatal("corpus revised nothing")
	}
	mustCLI(t, "-c", cfg, "poll")

	var changes struct {
		Changes []struct {
			Article string `json:"article"`
			Version int    `json:"version"`
		} `json:"changes"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "changes", "--json"), &changes)
	var got []string
	for _, c := range changes.Changes {
		got = append(got, c.Article)
		if c.Version != 2 {
			t.Errorf("%s: change at version %d, want 2", c.Article, c.Version)
		}
	}
	sort.Strings(got)
	want := slices.Clone(edited)
	sort.Strings(want)
	if !slices.Equal(got, want) {
		t.Errorf("changes reported %d articles, want the %d edited:\n got %v\nwant %v", len(got), len(want), got, want)
	}
}

// TestPollFeedOnlyItemWithoutText is issue 12: with fetch.article_pages
// off, an item with a title and a link but no text of its own crashed
// `poll` (a nil dereference). It is skipped; the feed's other item is
// stored and the feed is healthy.
func TestPollFeedOnlyItemWithoutText(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/feed.rss" {
			t.Errorf("page %s requested with article_pages off", r.URL.Path)
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Headlines</title>
<item><title>Summit date set</title><link>http://%[1]s/news/headline-only</link></item>
<item><title>Summit venue named</title><link>http://%[1]s/news/with-text</link>
<description>The summit will be held in Budapest, officials said.</description></item>
</channel></rss>`, r.Host)
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	writeFile(t, cfg, fmt.Sprintf(`store:
  path: %q
feeds:
  - url: %q
fetch:
  allow_private_addresses: true
  article_pages: false
log:
  level: warn
`, filepath.Join(dir, "storywatch.db"), srv.URL+"/feed.rss"))

	out, errOut, code := cli(t, "-c", cfg, "poll")
	if code != 0 || strings.Contains(errOut, "storywatch: feed") {
		t.Fatalf("poll: exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	if !strings.Contains(out, "2 items, 2 on the story, 1 new version ") {
		t.Errorf("poll output %q", out)
	}
	var feeds struct {
		Feeds []struct {
			Status string `json:"status"`
			Error  string `json:"error"`
		} `json:"feeds"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "feeds", "--json"), &feeds)
	if len(feeds.Feeds) != 1 || feeds.Feeds[0].Status != "ok" || feeds.Feeds[0].Error != "" {
		t.Errorf("feeds: %+v", feeds.Feeds)
	}
	if urls := articleURLs(t, cfg); len(urls) != 1 || !strings.HasSuffix(urls[0], "/news/with-text") {
		t.Errorf("articles: %q, want only the item with text", urls)
	}
}

// TestPollStrictExitStatus: cron can tell failed feeds from success with
// --strict (exit 3), without the daemon and through it; plain poll keeps
// exiting 0.
func TestPollStrictExitStatus(t *testing.T) {
	srv := startCorpus(t, corpus.NewDemo, corpus.Options{})
	down := "http://127.0.0.1:1/feed.rss" // nothing listens on port 1
	tests := []struct {
		name     string
		feeds    []string
		args     []string
		wantCode int
	}{
		{"strict, a feed down", []string{srv.FeedURLs()[0], down}, []string{"poll", "--strict", "--wait", "0s"}, exitFeedsFailed},
		{"plain, a feed down", []string{srv.FeedURLs()[0], down}, []string{"poll", "--wait", "0s"}, 0},
		{"strict, every feed up", srv.FeedURLs()[:1], []string{"poll", "--strict", "--wait", "0s"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := writeConfig(t, t.TempDir(), tt.feeds, "")
			_, errOut, code := cli(t, append([]string{"-c", cfg}, tt.args...)...)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d; stderr %q", code, tt.wantCode, errOut)
			}
			if tt.wantCode == exitFeedsFailed && !strings.Contains(errOut, "1 of 2 feeds failed") {
				t.Errorf("stderr %q does not count the failed feeds", errOut)
			}
		})
	}
	t.Run("through the daemon", func(t *testing.T) {
		dir := t.TempDir()
		cfg := writeConfig(t, dir, []string{srv.FeedURLs()[0], down}, "")
		stop := startDaemon(t, cfg, filepath.Join(dir, "storywatch.db.sock"))
		defer stop()
		if _, errOut, code := cli(t, "-c", cfg, "poll", "--strict"); code != exitFeedsFailed {
			t.Errorf("poll --strict through the daemon: exit %d, want %d; %s", code, exitFeedsFailed, errOut)
		}
	})
}

// TestFeedsNameBeforeFirstPoll adds a feed without a name to a config
// whose other feed was polled: until it is polled, `feeds` names it by its
// URL's host (config.Feed.Name), not with an empty name.
func TestFeedsNameBeforeFirstPoll(t *testing.T) {
	srv := startCorpus(t, corpus.NewDemo, corpus.Options{})
	urls := srv.FeedURLs()
	dir := t.TempDir()
	cfg := writeConfig(t, dir, urls[:1], "")
	mustCLI(t, "-c", cfg, "poll")
	cfg = writeConfig(t, dir, urls[:2], "")
	var fs struct {
		Feeds []struct {
			URL    string `json:"url"`
			Name   string `json:"name"`
			Status string `json:"status"`
		} `json:"feeds"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "feeds", "--json"), &fs)
	if len(fs.Feeds) != 2 {
		t.Fatalf("feeds: %+v, want 2", fs.Feeds)
	}
	if f := fs.Feeds[0]; f.Status != "ok" || f.Name == "" || strings.Contains(f.Name, "127.0.0.1") {
		t.Errorf("polled feed %+v: want status ok and the feed's own title", f)
	}
	host := strings.TrimPrefix(srv.URL(), "http://")
	if f := fs.Feeds[1]; f.Status != "pending" || f.Name != host {
		t.Errorf("feed never polled %+v: want status pending and name %q", f, host)
	}
	if out := mustCLI(t, "-c", cfg, "feeds"); !strings.Contains(out, "\n"+host+" ") {
		t.Errorf("feeds table does not name the pending feed %s:\n%s", host, out)
	}
}

// TestFeedRetryAfterIsCapped: a feed answering 429 with a Retry-After of
// about 31 years is left alone no longer than a failing feed backs off
// (6 h), not until 2058, when no poll, `poll` included, would fetch it.
func TestFeedRetryAfterIsCapped(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "999999999")
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	t.Cleanup(srv.Close)
	cfg := writeConfig(t, t.TempDir(), []string{srv.URL + "/feed.rss"}, "")
	cli(t, "-c", cfg, "poll")
	var fs struct {
		Feeds []struct {
			Error      string     `json:"error"`
			LastPolled time.Time  `json:"last_polled"`
			RetryAfter *time.Time `json:"retry_after"`
		} `json:"feeds"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "feeds", "--json"), &fs)
	if len(fs.Feeds) != 1 || !strings.Contains(fs.Feeds[0].Error, "429") {
		t.Fatalf("feeds: %+v, want the 429", fs.Feeds)
	}
	f := fs.Feeds[0]
	if f.RetryAfter == nil || f.RetryAfter.Sub(f.LastPolled) > 6*time.Hour {
		t.Errorf("retry after %v for a feed polled at %v, want at most 6h later", f.RetryAfter, f.LastPolled)
	}
}

// syndicatedPage is one outlet's copy of a wire story: its canonical URL
// names the wire's original, on another site, and the outlet adds a line
// of its own.
const syndicatedPage = `<!doctype html><html><head><meta charset="utf-8"><title>Summit set for Geneva</title>
<link rel="canonical" href="https://wire.example.com/story/123"></head><body><article><h1>Summit set for Geneva</h1>
<p>Russian President Vladimir Putin and Ukrainian President Volodymyr Zelensky will meet on August 29 in Geneva, officials said on Monday.</p>
<p>About 300 delegates are expected to attend the peace summit, according to the Swiss foreign ministry.</p>
<p>%s</p></article></body></html>`

// TestSyndicatedCopiesAreTheirOutletsArticles polls two outlets' copies
// of one wire story, each naming the wire's URL on another site as its
// canonical URL, three times: each copy is its own outlet's article with
// one version. Keyed by the wire's URL they were one article whose text
// flipped between the outlets' on every pass, each flip a version with a
// fact change ("12 officials" → "40 officials") and its alerts.
func TestSyndicatedCopiesAreTheirOutletsArticles(t *testing.T) {
	lines := map[string]string{
		"a": "Our correspondent in Kyiv said 12 officials would travel.",
		"b": "Our correspondent in Moscow said 40 officials would travel.",
	}
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		o := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/"), ".rss")
		if _, ok := lines[o]; ok {
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet %[1]s</title><link>%[2]s/</link>
<item><title>Summit set for Geneva</title><link>%[2]s/%[1]s/summit.html</link></item></channel></rss>`, o, srv.URL)
			return
		}
		o, _, _ = strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
		line, ok := lines[o]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, syndicatedPage, line)
	}))
	t.Cleanup(srv.Close)
	cfg := writeConfig(t, t.TempDir(), []string{srv.URL + "/a.rss", srv.URL + "/b.rss"}, "")
	for range 3 {
		mustCLI(t, "-c", cfg, "poll")
	}
	var arts struct {
		Articles []struct {
			URL      string `json:"url"`
			Outlet   string `json:"outlet"`
			Versions int    `json:"versions"`
		} `json:"articles"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "articles", "--json"), &arts)
	got := map[string]string{}
	for _, a := range arts.Articles {
		got[strings.TrimPrefix(a.URL, srv.URL)] = fmt.Sprintf("%s, %d versions", a.Outlet, a.Versions)
	}
	want := map[string]string{"/a/summit.html": "Outlet a, 1 versions", "/b/summit.html": "Outlet b, 1 versions"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("articles %v, want %v", got, want)
	}
	if chs := changesJSON(t, cfg); len(chs) != 0 {
		t.Errorf("%d changes, want none: nothing was edited", len(chs))
	}
}

// TestSIGTERMMidFeedLosesNoItem stops the daemon (SIGTERM) while it works
// through a feed's items one slow page at a time, and while another feed
// of the same host waits for a connection slot. The next `poll` stores
// every item: the cut pass kept no ETag, so the feed is not a 304 hiding
// the items it left. Nor is either feed shown as failed ("context
// canceled") or backed off: shutdown is no fault of theirs.
func TestSIGTERMMidFeedLosesNoItem(t *testing.T) {
	const items = 4
	var pages atomic.Int32
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/slow.rss":
			w.Header().Set("ETag", `"v1"`)
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			writeItemFeed(w, srv.URL, items)
		case r.URL.Path == "/other.rss":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Other</title></channel></rss>`)
		case strings.HasPrefix(r.URL.Path, "/a/"):
			pages.Add(1)
			time.Sleep(700 * time.Millisecond)
			writeItemPage(w, r.URL.Path)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, []string{srv.URL + "/slow.rss", srv.URL + "/other.rss"}, "")
	startDaemonOnPages(t, cfg, "  per_host_concurrency: 1\n", &pages)()

	var fs struct {
		Feeds []struct {
			URL, Status, Error string
		} `json:"feeds"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "feeds", "--json"), &fs)
	for _, f := range fs.Feeds {
		if f.Status == "error" || strings.Contains(f.Error, "context canceled") {
			t.Errorf("feed %s after SIGTERM: status %q, error %q; shutdown is no failure of the feed", f.URL, f.Status, f.Error)
		}
	}
	mustCLI(t, "-c", cfg, "poll")
	if urls := articleURLs(t, cfg); len(urls) != items {
		t.Errorf("%d of the feed's %d items stored after SIGTERM and a poll: %q", len(urls), items, urls)
	}
}
