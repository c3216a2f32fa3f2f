package monitor_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/storywatch/storywatch/monitor/extract"
	"github.com/storywatch/storywatch/store"
	"github.com/storywatch/storywatch/store/bolt"
)

// TestRegionWithoutTheArticle: on real pages whose largest <article> is no
// article (aclu's is a teaser of another post, nytimes-5's a photo; a
// WordPress theme's only <article>s are its readers' comments), the region
// a page's fingerprint is taken over does not hold the text readability
// stored. Its fingerprint said an edited article was unchanged; now no
// fingerprint is stored for such a page and each pass reads it again, so
// an edit is stored. A store written before holds such a page's
// fingerprint; it no longer vouches for the text either.
func TestRegionWithoutTheArticle(t *testing.T) {
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
	defer hs.Close()
	feeds := []string{hs.URL + "/feed.rss"}
	path := filepath.Join(t.TempDir(), "s.db")
	pollOnce(t, path, feeds)

	arts := storedArticles(t, path)
	if len(arts) != 2 {
		t.Fatalf("%d articles stored, want 2", len(arts))
	}
	for _, a := range arts {
		if a.PageHash != "r:-" {
			t.Errorf("%s: page hash %q, want none (r:-)", a.URL, a.PageHash)
		}
	}

	// As a store written before held them: each page's region fingerprint.
	st, err := bolt.Open(path, bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ups []store.Update
	for _, a := range arts {
		a.PageHash = "r:" + extract.Scan(getPage(t, a.URL)).Fingerprint(extract.SkipSet{})
		ups = append(ups, store.Update{Article: a})
	}
	if _, err := st.Apply(ups, nil); err != nil {
		t.Fatal(err)
	}
	st.Close()

	// An edit of a sentence of each article's text, outside the region,
	// wherever the page repeats it (its JSON data, its meta description).
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
	res := pollOnce(t, path, feeds)
	if got := res.Feeds[0].NewVersions; got != 2 {
		t.Errorf("%d new versions after editing both articles, want 2", got)
	}
	for _, a := range storedArticles(t, path) {
		if a.PageHash != "r:-" {
			t.Errorf("%s: page hash %q after the pass, want none (r:-)", a.URL, a.PageHash)
		}
	}
}
