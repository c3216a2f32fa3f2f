package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"unicode/utf8"

	"github.com/storywatch/storywatch/store/bolt"

	"golang.org/x/text/encoding/charmap"
)

// hostileItem is one RSS item; empty fields are left out of the XML.
type hostileItem struct {
	title, link, guid, desc, pubDate string
}

// rssDoc renders items as an RSS 2.0 document after decl (which may be
// empty: no XML declaration at all).
func rssDoc(decl string, items ...hostileItem) string {
	var b strings.Builder
	b.WriteString(decl)
	b.WriteString(`<rss version="2.0"><channel><title>Hostile</title><link>http://hostile.test/</link>`)
	for _, it := range items {
		b.WriteString("<item>")
		for _, f := range []struct{ tag, val string }{
			{"title", it.title}, {"link", it.link}, {"guid", it.guid}, {"description", it.desc}, {"pubDate", it.pubDate},
		} {
			if f.val != "" {
				fmt.Fprintf(&b, "<%s>%s</%s>", f.tag, f.val, f.tag)
			}
		}
		b.WriteString("</item>")
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

const (
	utf8Decl = `<?xml version="1.0" encoding="UTF-8"?>`
	bareDecl = `<?xml version="1.0"?>`
	// summitDesc matches summitStory on its own, so items whose page
	// cannot be had still count and fall back to this text.
	summitDesc = "Putin and Zelensky looked set for a peace summit after talks in Kyiv, officials said on Monday."
	pubDate    = "Mon, 18 Aug 2025 10:00:00 GMT"
)

func mustEncode(t *testing.T, enc *charmap.Charmap, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	return b
}

func gzipBytes(t *testing.T, chunks ...[]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range chunks {
		if _, err := zw.Write(c); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestHostileInputs serves one feed per kind of hostile or broken input
// and makes one poll over all of them: each bad feed fails with an error
// that names it and its cause, each odd-but-valid one is read correctly,
// and none stops the others.
func TestHostileInputs(t *testing.T) {
	const maxBody = 1 << 20
	zeros := make([]byte, 1<<20)
	bombChunks := make([][]byte, 16) // 16 MiB of zeros: a few KiB compressed
	for i := range bombChunks {
		bombChunks[i] = zeros
	}
	bomb := gzipBytes(t, bombChunks...)
	if len(bomb) >= maxBody {
		t.Fatalf("bomb is %d bytes compressed, want it below the %d-byte cap", len(bomb), maxBody)
	}

	var base string
	var pageHits atomic.Int32
	type route struct {
		contentType, encoding string
		body                  func() []byte
	}
	text := func(s string) func() []byte { return func() []byte { return []byte(s) } }
	routes := map[string]route{
		// Cyrillic bytes, no encoding in the XML declaration; only the
		// Content-Type says windows-1251.
		"/feeds/cp1251.rss": {"application/rss+xml; charset=windows-1251", "", func() []byte {
			return mustEncode(t, charmap.Windows1251, rssDoc(bareDecl, hostileItem{
				title: "Putin and Zelensky summit: саммит в Женеве", link: base + "/pages/missing-cp1251",
				desc: summitDesc + " Переговоры продолжаются.", pubDate: pubDate,
			}))
		}},
		// Latin-1 bytes, no declaration at all, no charset anywhere.
		"/feeds/latin1.rss": {"application/xml", "", func() []byte {
			return mustEncode(t, charmap.ISO8859_1, rssDoc("", hostileItem{
				title: "Putin and Zelensky summit in Genève, café talks", link: base + "/pages/missing-latin1",
				desc: summitDesc + " Sécurité garantie.", pubDate: pubDate,
			}))
		}},
		"/feeds/bom.rss": {"application/rss+xml", "", func() []byte {
			return []byte("\xef\xbb\xbf\n\n  \r\n" + rssDoc(utf8Decl, hostileItem{
				title: "Kremlin confirms Putin–Zelensky summit", link: base + "/pages/missing-bom", desc: summitDesc, pubDate: pubDate,
			}))
		}},
		"/feeds/not-a-feed.json": {"application/json", "", text(`{"status":"ok","items":[{"title":"summit"}]}`)},
		"/feeds/sitemap.xml":     {"application/xml", "", text(utf8Decl + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://x.test/</loc></url></urlset>`)},
		"/feeds/empty.rss":       {"application/rss+xml", "", text("")},
		// gzip bytes with a plain XML Content-Type and no Content-Encoding.
		"/feeds/gzip-as-xml.rss": {"text/xml", "", func() []byte {
			return gzipBytes(t, []byte(rssDoc(utf8Decl, hostileItem{
				title: "Ceasefire: Putin and Zelensky summit venue", link: base + "/pages/missing-gzip", desc: summitDesc, pubDate: pubDate,
			})))
		}},
		"/feeds/bomb.rss": {"application/rss+xml", "gzip", func() []byte { return bomb }},
		"/feeds/links.rss": {"application/rss+xml", "", text(rssDoc(utf8Decl,
			hostileItem{title: "Summit relative link: Putin, Zelensky", link: "/world/relative.html", desc: summitDesc},
			hostileItem{title: "Summit bad host: Putin, Zelensky", link: "http://[::1", desc: summitDesc},
			hostileItem{title: "Summit script: Putin, Zelensky", link: "javascript:alert(1)", desc: summitDesc},
			hostileItem{title: "Summit ftp: Putin, Zelensky", link: "ftp://127.0.0.1/summit.txt", desc: summitDesc},
			hostileItem{title: "Summit space: Putin, Zelensky", link: "http://exa mple.test/summit", desc: summitDesc},
			hostileItem{title: "Summit escape: Putin, Zelensky", link: "http://x.test/%zz", desc: summitDesc},
		))},
		"/feeds/dupes.rss": {"application/rss+xml", "", func() []byte {
			it := hostileItem{title: "Putin and Zelensky summit (dupe)", link: base + "/world/dupe.html", guid: "same-guid", desc: summitDesc, pubDate: pubDate}
			other := it
			other.link = base + "/world/dupe-elsewhere.html"
			return []byte(rssDoc(utf8Decl, it, it, other))
		}},
		"/feeds/nolink-nodate.rss": {"application/rss+xml", "", text(rssDoc(utf8Decl,
			hostileItem{title: "Putin and Zelensky summit, no link", guid: "nolink", desc: summitDesc, pubDate: pubDate},
			hostileItem{title: "Putin and Zelensky summit, no date", link: "/pages/missing-nodate", desc: summitDesc},
		))},
		"/feeds/empty-extract.rss": {"application/rss+xml", "", text(rssDoc(utf8Decl, hostileItem{
			title: "Putin and Zelensky summit, empty page", link: "/pages/empty.html", desc: summitDesc, pubDate: pubDate,
		}))},
		"/feeds/dirty.rss": {"application/rss+xml; charset=utf-8", "", text(rssDoc(utf8Decl,
			hostileItem{title: "Putin\x00 and Zelensky \xff\xfe summit, dirty feed", link: "/pages/missing-dirty",
				desc: "Putin\x00 and Zelensky\xc3\x28 looked set for a peace summit\x00 after talks in Kyiv \xed\xa0\x80 on Monday.", pubDate: pubDate},
			hostileItem{title: "Putin and Zelensky summit, dirty page", link: "/pages/dirty.html", desc: summitDesc, pubDate: pubDate},
		))},
		"/pages/empty.html": {"text/html; charset=utf-8", "", text(`<!doctype html><html><head><title></title></head><body><script>var story = "summit";</script><nav><a href="/">Home</a></nav></body></html>`)},
		"/pages/dirty.html": {"text/html; charset=utf-8", "", text(`<!doctype html><html><head><title>Putin and Zelensky summit, dirty page</title></head><body><article>` +
			"<h1>Putin and Zelensky summit, dirty page</h1>" +
			"<p>Russian and Ukrainian presidents Vladimir Putin\x00 and Volodymyr Zelensky looked set for a peace summit \xff\xfe after fast-moving talks Monday between US President Donald Trump and European leaders.</p>" +
			"<p>German Chancellor Friedrich Merz said Putin had agreed \xc3\x28 to the bilateral meeting within the next two weeks\x00, but there was no confirmation of a date or location.</p>" +
			"<p>Zelensky said Ukraine offered to buy about $90 billion worth of US weapons, and that the guarantees would be formalized on paper within the next week to 10 days.</p>" +
			"</article></body></html>")},
		"/world/relative.html": {"text/html", "", func() []byte { return []byte(fmt.Sprintf(goodArticle, base)) }},
		"/world/dupe.html": {"text/html", "", func() []byte {
			return []byte(strings.ReplaceAll(fmt.Sprintf(goodArticle, base), "/world/summit.html", "/world/dupe.html"))
		}},
	}
	mux := http.NewServeMux()
	for path, rt := range routes {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			if strings.HasPrefix(path, "/pages/") || strings.HasPrefix(path, "/world/") {
				pageHits.Add(1)
			}
			w.Header().Set("Content-Type", rt.contentType)
			if rt.encoding != "" {
				w.Header().Set("Content-Encoding", rt.encoding)
			}
			w.Write(rt.body())
		})
	}
	mux.HandleFunc("/feeds/to-ftp.rss", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://127.0.0.1/feeds/summit.rss", http.StatusFound)
	})
	srv := httptest.NewServer(mux) // everything else, /pages/missing-* included: 404
	t.Cleanup(srv.Close)
	base = srv.URL

	// feed path -> a word its error must contain ("" = the poll succeeds).
	causes := map[string]string{
		"/feeds/cp1251.rss":        "",
		"/feeds/latin1.rss":        "",
		"/feeds/bom.rss":           "",
		"/feeds/not-a-feed.json":   "json",
		"/feeds/sitemap.xml":       "urlset",
		"/feeds/empty.rss":         "empty",
		"/feeds/gzip-as-xml.rss":   "",
		"/feeds/bomb.rss":          "too large",
		"/feeds/to-ftp.rss":        "ftp://",
		"/feeds/links.rss":         "",
		"/feeds/dupes.rss":         "",
		"/feeds/nolink-nodate.rss": "",
		"/feeds/empty-extract.rss": "",
		"/feeds/dirty.rss":         "",
	}
	var feeds []string
	for path := range causes {
		feeds = append(feeds, srv.URL+path)
	}
	dir := t.TempDir()
	cfg := writeConfig(t, dir, feeds, summitStory)
	writeFile(t, cfg, strings.Replace(readFile(t, cfg), "fetch:\n", fmt.Sprintf("fetch:\n  max_body_bytes: %d\n  timeout: 10s\n", maxBody), 1))

	_, errOut, code := cli(t, "-c", cfg, "poll")
	if code != 0 {
		t.Fatalf("poll exit %d with hostile feeds, want 0\n%s", code, errOut)
	}
	for path, n := range map[string]string{"/feeds/links.rss": "items=5", "/feeds/nolink-nodate.rss": "items=1"} {
		found := false
		for _, l := range strings.Split(errOut, "\n") {
			if strings.Contains(l, "no usable http(s) link") && strings.Contains(l, srv.URL+path) && strings.Contains(l, n) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: items without a usable link not reported (%s):\n%s", path, n, errOut)
		}
	}

	var fs struct {
		Feeds []struct {
			URL, Status, Error string
			Items              int
		} `json:"feeds"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "feeds", "--json"), &fs)
	if len(fs.Feeds) != len(causes) {
		t.Fatalf("feeds --json lists %d feeds, want %d", len(fs.Feeds), len(causes))
	}
	items := map[string]int{}
	for _, f := range fs.Feeds {
		path := strings.TrimPrefix(f.URL, srv.URL)
		items[path] = f.Items
		want, known := causes[path]
		t.Run("feed"+path, func(t *testing.T) {
			switch {
			case !known:
				t.Fatalf("unexpected feed %s", f.URL)
			case want == "" && (f.Error != "" || f.Status != "ok"):
				t.Errorf("status %q error %q, want ok", f.Status, f.Error)
			case want != "" && !strings.Contains(strings.ToLower(f.Error), want):
				t.Errorf("error %q does not name the cause (%q)", f.Error, want)
			case want != "" && !strings.Contains(errOut, path):
				t.Errorf("failure not reported on stderr:\n%s", errOut)
			}
		})
	}
	for path, want := range map[string]int{
		"/feeds/links.rss": 6, "/feeds/dupes.rss": 2, "/feeds/nolink-nodate.rss": 2, "/feeds/dirty.rss": 2,
	} {
		if items[path] != want {
			t.Errorf("%s: %d items, want %d", path, items[path], want)
		}
	}

	var arts struct {
		Articles []struct {
			ID, URL, Title string
			Versions       int
		} `json:"articles"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "articles", "--json"), &arts)
	byURL := map[string]string{} // URL -> title
	for _, a := range arts.Articles {
		byURL[strings.TrimPrefix(a.URL, srv.URL)] = a.Title
		if a.Versions != 1 {
			t.Errorf("%s: %d versions after one poll, want 1", a.URL, a.Versions)
		}
	}
	wantArticles := map[string]string{ // path -> a part of the stored title
		"/pages/missing-cp1251": "саммит в Женеве",
		"/pages/missing-latin1": "Genève, café",
		"/pages/missing-bom":    "Kremlin confirms",
		"/pages/missing-gzip":   "Ceasefire",
		"/world/summit.html":    "Putin and Zelensky set for summit", // the relative link's page names this canonical URL
		"/world/dupe.html":      "Putin and Zelensky set for summit",
		// the dupe's GUID on another link: a story of its own
		"/world/dupe-elsewhere.html": "(dupe)",
		"/pages/missing-nodate":      "no date",
		"/pages/empty.html":          "empty page",
		"/pages/missing-dirty":       "dirty feed",
		"/pages/dirty.html":          "dirty page",
	}
	for path, title := range wantArticles {
		got, ok := byURL[path]
		switch {
		case !ok:
			t.Errorf("article %s not stored", path)
		case !strings.Contains(got, title):
			t.Errorf("article %s: title %q, want it to contain %q", path, got, title)
		}
	}
	if len(arts.Articles) != len(wantArticles) {
		t.Errorf("%d articles stored, want %d: %v", len(arts.Articles), len(wantArticles), byURL)
	}

	t.Run("empty extraction falls back to the feed text", func(t *testing.T) {
		var h struct {
			Versions []struct{ Source string } `json:"versions"`
		}
		decodeJSON(t, mustCLI(t, "-c", cfg, "history", srv.URL+"/pages/empty.html", "--json"), &h)
		if len(h.Versions) != 1 || h.Versions[0].Source != "feed" {
			t.Errorf("versions = %+v, want one from the feed", h.Versions)
		}
		if !strings.Contains(errOut, "/pages/empty.html") {
			t.Errorf("the empty extraction is not reported with the article URL:\n%s", errOut)
		}
	})

	t.Run("stored text is valid UTF-8 without NUL", func(t *testing.T) {
		s, err := bolt.Open(filepath.Join(dir, "storywatch.db"), bolt.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		for _, path := range []string{"/pages/missing-dirty", "/pages/dirty.html"} {
			a, err := s.Article(srv.URL + path)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			v, err := s.LatestVersion(a.ID)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			for field, val := range map[string]string{"title": v.Title, "text": v.Text} {
				if !utf8.ValidString(val) || strings.ContainsRune(val, 0) {
					t.Errorf("%s: stored %s %q is not clean UTF-8", path, field, val)
				}
			}
			if !strings.Contains(v.Text, "summit") {
				t.Errorf("%s: stored text %q lost its words", path, v.Text)
			}
		}
	})
}

// TestHostileHugeFeed polls a feed of 100,000 items, none on the story:
// the poll finishes, the feed reports every item and no page is fetched.
// (How fast is a benchmark's business, not this test's.)
func TestHostileHugeFeed(t *testing.T) {
	const n = 100_000
	var doc bytes.Buffer
	doc.WriteString(utf8Decl + `<rss version="2.0"><channel><title>Huge</title>`)
	for i := range n {
		fmt.Fprintf(&doc, "<item><title>Local news %d</title><link>/n/%d</link></item>", i, i)
	}
	doc.WriteString("</channel></rss>")
	body := doc.Bytes()

	var pageHits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/huge.rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(body)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		pageHits.Add(1)
		http.NotFound(w, r)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	cfg := writeConfig(t, t.TempDir(), []string{srv.URL + "/huge.rss"}, summitStory)
	// Pages are only fetched for items on the story: an item that does
	// not match by its feed text is never fetched with article_pages off.
	writeFile(t, cfg, strings.Replace(readFile(t, cfg), "fetch:\n",
		fmt.Sprintf("fetch:\n  max_body_bytes: %d\n  timeout: 60s\n  article_pages: false\n", 4*len(body)), 1))

	mustCLI(t, "-c", cfg, "poll")
	var fs struct {
		Feeds []struct {
			Status, Error string
			Items         int
		} `json:"feeds"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "feeds", "--json"), &fs)
	if len(fs.Feeds) != 1 || fs.Feeds[0].Status != "ok" || fs.Feeds[0].Items != n {
		t.Fatalf("feeds = %+v, want one ok feed with %d items", fs.Feeds, n)
	}
	if h := pageHits.Load(); h != 0 {
		t.Errorf("%d pages fetched for items off the story", h)
	}
	var arts struct {
		Articles []struct{ URL string } `json:"articles"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "articles", "--json"), &arts)
	if len(arts.Articles) != 0 {
		t.Errorf("%d articles stored from items off the story", len(arts.Articles))
	}
}
