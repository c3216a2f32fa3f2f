package monitor_test

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/storywatch/storywatch/monitor"
	"github.com/storywatch/storywatch/store/bolt"
)

// realLayouts returns the page folders of Mozilla Readability's test corpus
// as go-readability ships it (real pages of about 130 sites: BBC, CNN, The
// New York Times, Le Monde, WordPress and Blogger blogs, wikis), from the
// module cache.
func realLayouts(t *testing.T) []string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "codeberg.org/readeck/go-readability/v2").Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		t.Skipf("go-readability's module directory: %v", err)
	}
	pages, err := filepath.Glob(filepath.Join(dir, "test-pages", "*", "source.html"))
	if err != nil || len(pages) < 50 {
		t.Skipf("go-readability's test pages: %d, %v", len(pages), err)
	}
	return pages
}

var (
	// The pages name their own site as canonical; served here, each page
	// is an article of a loopback site, so that name goes.
	canonicalTag = regexp.MustCompile(`(?i)<link[^>]+rel=["']?canonical[^>]*>|<meta[^>]+(property|name)=["']?(og:url|twitter:url)[^>]*>`)
	longWord     = regexp.MustCompile(`\b[a-z]{8,}\b`)
	siteOfPage   = regexp.MustCompile(`-\d+$`)
)

// realSite serves real pages of one site (nytimes-1 to nytimes-5 are five
// articles of one site; most sites have one page) as its articles, on a
// host of its own (so with a layout learner of its own), with an RSS feed
// listing them. edits, when set, are applied to the pages they name.
type realSite struct {
	*httptest.Server
	name  string
	pages [][]byte
	edits atomic.Pointer[map[int][2]string] // article -> word, replacement
}

func newRealSite(t *testing.T, name string, sources []string) *realSite {
	t.Helper()
	s := &realSite{name: name}
	for _, src := range sources {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		s.pages = append(s.pages, canonicalTag.ReplaceAll(b, nil))
	}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed.rss" {
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Site</title>`)
			for i := range s.pages {
				fmt.Fprintf(w, `<item><title>Story %d</title><link>%s/a%d</link><guid>a%d</guid></item>`, i, s.URL, i, i)
			}
			fmt.Fprint(w, `</channel></rss>`)
			return
		}
		var i int
		if _, err := fmt.Sscanf(r.URL.Path, "/a%d", &i); err != nil || i < 0 || i >= len(s.pages) {
			http.NotFound(w, r)
			return
		}
		page := s.pages[i]
		if e := s.edits.Load(); e != nil {
			if ed, ok := (*e)[i]; ok {
				page = []byte(strings.Replace(string(page), ed[0], ed[1], 1))
			}
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	}))
	t.Cleanup(s.Close)
	return s
}

// TestRealLayouts runs the pipeline over real pages of about 130 sites it
// was never developed against (Mozilla Readability's test pages), each site
// on a host of its own serving its pages as its articles: a first pass
// stores them, a second by a new monitor (as a cron poll) stores nothing,
// and after a word of some articles' text is edited a third stores exactly
// those. It logs on how many sites of several pages the fast path (no
// readability) was earned.
func TestRealLayouts(t *testing.T) {
	groups := map[string][]string{}
	for _, p := range realLayouts(t) {
		name := siteOfPage.ReplaceAllString(filepath.Base(filepath.Dir(p)), "")
		groups[name] = append(groups[name], p)
	}
	var sites []*realSite
	var feeds []string
	for _, name := range slices.Sorted(maps.Keys(groups)) {
		s := newRealSite(t, name, groups[name])
		sites = append(sites, s)
		feeds = append(feeds, s.URL+"/feed.rss")
	}
	path := filepath.Join(t.TempDir(), "s.db")
	pass := func() map[string]int {
		t.Helper()
		st, err := bolt.Open(path, bolt.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		m, err := monitor.New(monitor.Options{Config: feedsConfig(t, path, feeds, "  per_host_concurrency: 4\n"), Store: st})
		if err != nil {
			t.Fatal(err)
		}
		res := m.PollAll(context.Background())
		if err := m.Close(); err != nil {
			t.Fatal(err)
		}
		out := map[string]int{}
		for _, f := range res.Feeds {
			if f.Err != nil {
				t.Errorf("feed %s: %v", f.URL, f.Err)
			}
			out[strings.TrimSuffix(f.URL, "/feed.rss")] = f.NewVersions
		}
		return out
	}
	first := pass()
	st, err := bolt.Open(path, bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The words to edit: on the last two articles of a site (its only one
	// when it has one), one the stored text holds and the page holds once,
	// so that the edit lands in the article's text.
	edits := map[*realSite]map[int][2]string{}
	stored, multi, trusted := 0, 0, 0
	sitesState, err := st.Sites()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sites {
		stored += first[s.URL]
		if len(s.pages) >= 3 {
			multi++
			if sitesState[strings.TrimPrefix(s.URL, "http://")].Trusted {
				trusted++
			}
		}
		for i := max(0, len(s.pages)-2); i < len(s.pages); i++ {
			a, err := st.Article(fmt.Sprintf("%s/a%d", s.URL, i))
			if err != nil {
				continue // a page with no article text is never stored
			}
			v, err := st.LatestVersion(a.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range longWord.FindAllString(v.Text, -1) {
				if strings.Count(string(s.pages[i]), w) == 1 && strings.Count(v.Text, w) == 1 {
					if edits[s] == nil {
						edits[s] = map[int][2]string{}
					}
					edits[s][i] = [2]string{w, "Zqxwvutsr"}
					break
				}
			}
		}
	}
	st.Close()
	t.Logf("%d sites (%d pages): %d versions stored; the fast path earned on %d of the %d sites of 3 pages or more",
		len(sites), len(realLayouts(t)), stored, trusted, multi)

	again := pass()
	for _, s := range sites {
		if again[s.URL] != 0 {
			t.Errorf("%s: %d new versions of unchanged pages", s.name, again[s.URL])
			if os.Getenv("REAL_LAYOUT_DEBUG") != "" {
				debugVersions(t, path, s.URL, len(s.pages))
			}
		}
	}
	for s, e := range edits {
		s.edits.Store(&e)
	}
	edited := pass()
	missed, total := 0, 0
	for _, s := range sites {
		want := len(edits[s])
		total += want
		if edited[s.URL] > want {
			t.Errorf("%s: %d new versions after editing %d articles", s.name, edited[s.URL], want)
		}
		if edited[s.URL] < want {
			missed += want - edited[s.URL]
			t.Logf("%s: %d new versions after editing %d articles (%v)", s.name, edited[s.URL], want, edits[s])
			if os.Getenv("REAL_LAYOUT_DEBUG") != "" {
				debugVersions(t, path, s.URL, len(s.pages))
			}
		}
	}
	t.Logf("%d of %d edited articles missed", missed, total)
	// Known: an edit to text readability took from outside the article
	// region (wapo-2's lead photo caption, above its <article>) is not seen,
	// as the page's fingerprint covers the region only.
	if missed > 1 {
		t.Errorf("%d of %d edited articles missed, want at most 1", missed, total)
	}
}

func debugVersions(t *testing.T, path, base string, n int) {
	st, err := bolt.Open(path, bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for i := range n {
		a, err := st.Article(fmt.Sprintf("%s/a%d", base, i))
		if err != nil {
			continue
		}
		vs, _ := st.Versions(a.ID)
		fmt.Printf("  a%d: %d versions, pagehash %q\n", i, len(vs), a.PageHash)
		if len(vs) < 2 {
			continue
		}
		o, n := vs[len(vs)-2], vs[len(vs)-1]
		in := map[string]bool{}
		for _, p := range strings.Split(o.Text, "\n\n") {
			in[p] = true
		}
		in2 := map[string]bool{}
		for _, p := range strings.Split(n.Text, "\n\n") {
			in2[p] = true
			if !in[p] {
				fmt.Printf("  a%d NEW %.120q\n", i, p)
			}
		}
		for _, p := range strings.Split(o.Text, "\n\n") {
			if !in2[p] {
				fmt.Printf("  a%d GONE %.120q\n", i, p)
			}
		}
		fmt.Printf("  a%d title %q -> %q pagehash %q\n", i, o.Title, n.Title, a.PageHash)
	}
}
