package monitor_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/storywatch/storywatch/monitor/extract"
	"github.com/storywatch/storywatch/store"
	"github.com/storywatch/storywatch/store/bolt"
)

// pagesSite serves pages as articles /a0, /a1, … listed in /feed.rss; the
// pages may be swapped between passes.
func pagesSite(t *testing.T, pages [][]byte) (*httptest.Server, *atomic.Pointer[[][]byte]) {
	t.Helper()
	var served atomic.Pointer[[][]byte]
	served.Store(&pages)
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed.rss" {
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Site</title>`)
			for i := range pages {
				fmt.Fprintf(w, `<item><title>Story %d</title><link>http://%s/a%d</link><guid>a%d</guid></item>`, i, r.Host, i, i)
			}
			fmt.Fprint(w, `</channel></rss>`)
			return
		}
		var i int
		if _, err := fmt.Sscanf(r.URL.Path, "/a%d", &i); err != nil || i < 0 || i >= len(pages) {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write((*served.Load())[i])
	}))
	t.Cleanup(hs.Close)
	return hs, &served
}

// TestRegionWithoutTheArticle: on a page whose largest <article> is a
// teaser of another story, long enough to be taken for the article region,
// while the story itself stands in no <article>, the region a page's
// fingerprint is taken over does not hold the text readability stored. Its
// fingerprint said an edited article was unchanged; now no fingerprint is
// stored for such a page (r:-) and each pass reads it again, so an edit is
// stored. A store written before holds such a page's fingerprint; it no
// longer vouches for the text either.
func TestRegionWithoutTheArticle(t *testing.T) {
	story := []string{
		"The city council voted on Tuesday night to close the old river bridge to all traffic for the whole of next year, after an inspection found that its steel deck had corroded far faster than the engineers who designed the repairs had expected.",
		"Residents on the east bank will have to use the ferry, which the council said would run every twenty minutes from six in the morning, or a detour of eleven miles through the industrial estate and the ring road.",
		"The mayor said the decision had been the hardest of her term, but that the council could not ask people to cross a bridge its own engineers were no longer willing to sign off as safe for another winter.",
		"Shop owners near the bridge said they feared losing a third of their trade, and the chamber of commerce asked the council to waive business rates for the months the bridge stays closed to traffic.",
		"Work on the new deck is due to begin in March, the council said, and the contractor has been told that the bridge must reopen to pedestrians before the end of the summer school holidays.",
	}
	page := func(edit bool) []byte {
		var b strings.Builder
		b.WriteString(`<!DOCTYPE html><html><head><title>Council closes the old river bridge for a year</title></head><body><main><div class="post-body">`)
		for i, p := range story {
			if edit && i == 2 {
				p = strings.Replace(p, "hardest of her term", "hardest of her two terms", 1)
			}
			b.WriteString("<p>" + p + "</p>")
		}
		b.WriteString(`</div><aside class="more"><h3>Read next</h3><article class="teaser"><h4><a href="/other">Ferry fares to rise</a></h4>` +
			`<p>The ferry company said fares would rise by a fifth from April, the first rise in six years, as fuel and wages cost more than ever before and as the company expects twice as many passengers once the bridge is closed.</p></article></aside></main></body></html>`)
		return []byte(b.String())
	}
	hs, served := pagesSite(t, [][]byte{page(false)})
	if sc := extract.Scan(page(false)); !bytes.HasPrefix(sc.Region(), []byte(`<article class="teaser">`)) {
		t.Fatalf("the region is not the teaser: %.60q", sc.Region())
	}
	feeds := []string{hs.URL + "/feed.rss"}
	path := filepath.Join(t.TempDir(), "s.db")
	pollOnce(t, path, feeds)
	arts := storedArticles(t, path)
	if len(arts) != 1 || arts[0].PageHash != "r:-" {
		t.Fatalf("stored %+v, want one article without a page hash (r:-)", arts)
	}

	// As a store written before held it: the region's fingerprint.
	st, err := bolt.Open(path, bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	a.PageHash = "r:" + extract.Scan(getPage(t, a.URL)).Fingerprint(extract.SkipSet{})
	if _, err := st.Apply([]store.Update{{Article: a}}, nil); err != nil {
		t.Fatal(err)
	}
	st.Close()

	edited := [][]byte{page(true)}
	served.Store(&edited)
	if got := pollOnce(t, path, feeds).Feeds[0].NewVersions; got != 1 {
		t.Errorf("%d new versions after the edit, want 1", got)
	}
	if arts := storedArticles(t, path); arts[0].PageHash != "r:-" {
		t.Errorf("page hash %q after the pass, want none (r:-)", arts[0].PageHash)
	}
}

// TestTeaserArticleIsNoRegion: on real pages whose largest <article> holds
// a sliver of the page's text (aclu's is a teaser of another post,
// nytimes-5's a photo), the region is found as on a page without one, so
// their fingerprints hold the article: an unchanged page is known by it,
// and an edit is stored. Until round 15 the teaser was the region, and its
// fingerprint vouched for the edited articles.
func TestTeaserArticleIsNoRegion(t *testing.T) {
	var pages [][]byte
	for _, p := range realLayouts(t) {
		if name := filepath.Base(filepath.Dir(p)); name == "aclu" || name == "nytimes-5" {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			pages = append(pages, canonicalTag.ReplaceAll(b, nil))
		}
	}
	if len(pages) != 2 {
		t.Fatalf("found %d of the 2 pages", len(pages))
	}
	hs, served := pagesSite(t, pages)
	feeds := []string{hs.URL + "/feed.rss"}
	path := filepath.Join(t.TempDir(), "s.db")
	pollOnce(t, path, feeds)
	if got := pollOnce(t, path, feeds).Feeds[0].NewVersions; got != 0 {
		t.Errorf("%d new versions of unchanged pages", got)
	}
	for _, a := range storedArticles(t, path) {
		if a.PageHash == "" || a.PageHash == "r:-" {
			t.Errorf("%s: page hash %q, want a fingerprint", a.URL, a.PageHash)
		}
	}
	// An edit of a sentence of each article's text, wherever the page
	// repeats it (its JSON data, its meta description).
	edited := [][]byte{
		bytes.ReplaceAll(pages[0], []byte("technophobic"), []byte("a technophobe")),
		bytes.ReplaceAll(pages[1], []byte("cuarteto de Liverpool"), []byte("grupo de Liverpool")),
	}
	for i := range pages {
		if bytes.Equal(edited[i], pages[i]) {
			t.Fatalf("page %d not edited", i)
		}
	}
	served.Store(&edited)
	if got := pollOnce(t, path, feeds).Feeds[0].NewVersions; got != 2 {
		t.Errorf("%d new versions after editing both articles, want 2", got)
	}
}
