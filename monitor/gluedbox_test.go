package monitor

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/monitor/feed"
	"github.com/storywatch/storywatch/monitor/harness/corpus"
	"github.com/storywatch/storywatch/store"
)

// TestGluedReadMoreBoxIsNoEdit is issue 12's ledger flake without its
// timing. The corpus serves several outlets from one host, each with its own
// CSS-module class names, so each outlet's "Read more" box (two headlines of
// other stories, rotating on every request, nested in the article body) is
// an element kind of its own. Six pages of one outlet teach the site's
// layout and earn the fast path; the next outlet's pages then take the fast
// path before its box was seen on enough pages to be learned, and their
// first versions used to hold the box's two headlines run together as a
// paragraph, until a readability check disagreed and the box was learned;
// now a paragraph that is two of the site's headlines run together is no
// article text (extract.Layout.Clean), so none holds it. A revision
// pass by a new monitor then sees every page again with other headlines in
// the box: an unedited article must get no new version, while an edit of
// the paragraph next to the box, or its deletion, must still make one.
// Which pages are stored before the box is learned is what the workers'
// order decides in a real pass; here the items are taken one at a time.
// The second outlet's articles are scored, but for its live blogs: on so
// few pages their ad slot is stored before it is learned, which is another
// matter.
func TestGluedReadMoreBoxIsNoEdit(t *testing.T) {
	srv, err := corpus.NewSynthetic(corpus.Options{Feeds: 50, ArticlesPerFeed: 20, Seed: 1,
		RotateBoilerplate: true, Template: corpus.TemplateLedger})
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	rewrite := map[string]func([]byte) []byte{} // by path: a real edit of the page
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Header.Del("If-None-Match")
		r.Header.Del("If-Modified-Since")
		mu.Lock()
		edit := rewrite[r.URL.Path]
		mu.Unlock()
		if edit == nil {
			srv.Handler().ServeHTTP(w, r)
			return
		}
		rec := httptest.NewRecorder()
		srv.Handler().ServeHTTP(rec, r)
		w.Header().Set("Content-Type", rec.Header().Get("Content-Type"))
		w.Write(edit(rec.Body.Bytes()))
	}))
	t.Cleanup(hs.Close)

	// Articles of one outlet until the site earns the fast path, then
	// forty of another.
	outlet := func(path string) string { return strings.SplitN(path, "/", 3)[1] }
	var firsts, seconds []string
	for _, p := range srv.ArticleURLs() {
		switch o := outlet(p); {
		case len(firsts) == 0 || o == outlet(firsts[0]):
			firsts = append(firsts, p)
		case len(seconds) == 0 || o == outlet(seconds[0]):
			if len(seconds) < 40 {
				seconds = append(seconds, p)
			}
		}
	}
	// Headlines, to tell a stored box from article text.
	var titles []string
	for _, p := range srv.ArticleURLs() {
		r, _ := srv.Current(p)
		titles = append(titles, r.Title)
	}
	glued := func(text string) bool {
		for _, p := range strings.Split(text, "\n\n") {
			for _, ti := range titles {
				if len(p) > len(ti) && (strings.HasPrefix(p, ti) || strings.HasSuffix(p, ti)) {
					return true
				}
			}
		}
		return false
	}

	cfg, err := config.Parse([]byte(fmt.Sprintf("store:\n  path: unused.db\nfeeds:\n  - url: %q\n"+
		"fetch:\n  allow_private_addresses: true\n  robots: false\n  jitter: 0s\n", hs.URL+"/feed")), "glued.yaml")
	if err != nil {
		t.Fatal(err)
	}
	st := openTestStore(t)
	// pass takes the items of paths one at a time, through a new monitor
	// as a new process would, until done says so.
	pass := func(paths []string, done func(*Monitor) bool) (seqs map[string]int, taken []string) {
		t.Helper()
		m, err := New(Options{Config: cfg, Store: st})
		if err != nil {
			t.Fatal(err)
		}
		defer func() {
			if err := m.Close(); err != nil {
				t.Fatal(err)
			}
		}()
		ctx := withPass(context.Background(), time.Now())
		seqs = map[string]int{}
		for _, p := range paths {
			if done != nil && done(m) {
				break
			}
			taken = append(taken, p)
			out, err := m.processItem(ctx, source{feedURL: hs.URL + "/feed"}, feed.Item{Link: hs.URL + p}, func() {})
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			seqs[p] = out.seq
		}
		return seqs, taken
	}
	host := strings.TrimPrefix(hs.URL, "http://")
	_, order := pass(firsts, func(m *Monitor) bool { return m.sites.trusted(host) })
	if len(order) == len(firsts) {
		t.Fatalf("the fast path was not trusted after the %d articles of one outlet", len(firsts))
	}
	_, more := pass(seconds, nil)
	order = append(order, more...)

	// The scenario: some first versions hold the box, and the box was
	// learned by the end of the pass.
	var withBox []string
	var last store.Version
	for _, p := range more {
		a, err := st.Article(hs.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		v, err := st.Version(a.ID, 1)
		if err != nil {
			t.Fatal(err)
		}
		if glued(v.Text) {
			withBox = append(withBox, p)
		}
		last = v
	}
	if len(withBox) > 0 {
		t.Errorf("%d first versions hold the Read more box's headlines run together: %v", len(withBox), withBox)
	}
	if glued(last.Text) {
		t.Fatal("the last page's text still holds the box: it was never learned")
	}
	var scored []string // the second outlet's articles but its live blogs
	for _, p := range more {
		rec := httptest.NewRecorder()
		srv.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		if !bytes.Contains(rec.Body.Bytes(), []byte("Live_badge")) {
			scored = append(scored, p)
		}
	}
	if len(scored) < 3 {
		t.Fatalf("%d articles of the second outlet to score", len(scored))
	}

	// Real edits next to the box of two of those articles: one within the
	// paragraph before it, one deleting that paragraph.
	edited, deleted := scored[0], scored[1]
	mu.Lock()
	rewrite[edited] = func(page []byte) []byte {
		_, end := paragraphBeforeBox(t, page)
		return bytes.Join([][]byte{page[:end], []byte(" Officials later denied that account."), page[end:]}, nil)
	}
	rewrite[deleted] = func(page []byte) []byte {
		open, end := paragraphBeforeBox(t, page)
		return append(append([]byte{}, page[:open]...), page[end+len("</p>"):]...)
	}
	mu.Unlock()

	seqs, _ := pass(order, nil)
	var spurious []string
	for _, p := range scored {
		switch {
		case p == edited || p == deleted:
			if seqs[p] == 0 {
				t.Errorf("%s: a real edit next to the box stored no new version", p)
			}
		case seqs[p] != 0:
			spurious = append(spurious, p)
		}
	}
	if len(spurious) > 0 {
		t.Errorf("%d of the %d unedited articles of the second outlet got a new version: %v",
			len(spurious), len(scored)-2, spurious)
	}
}

// paragraphBeforeBox returns the offsets of the "<p>" and "</p>" of the
// article paragraph just before a ledger page's first "Read more" box.
func paragraphBeforeBox(t *testing.T, page []byte) (open, end int) {
	t.Helper()
	box := bytes.Index(page, []byte(`Inline_more`))
	if box < 0 {
		t.Fatal("no Read more box on the page")
	}
	end = bytes.LastIndex(page[:box], []byte("</p>"))
	open = bytes.LastIndex(page[:end], []byte("<p>"))
	if open < 0 || end < 0 {
		t.Fatal("no paragraph before the Read more box")
	}
	return open, end
}
