package monitor

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storywatch/storywatch/store/bolt"

	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/monitor/feed"
	"github.com/storywatch/storywatch/monitor/fetch"
)

// fuzzOrigin is the site the fuzzed feeds pretend to come from; the harness
// points every item link at its loopback server instead.
const fuzzOrigin = "http://storywatch.test"

// fuzzMaxItems bounds the items taken from one fuzzed feed, so that an
// input costs milliseconds, not seconds.
const fuzzMaxItems = 4

// pipelineHarness serves fuzzed pages over loopback HTTP and runs each
// input through a fresh Monitor on a fresh real store for every switch
// combination, so that an input behaves the same every time it is run (a
// failing input found by the fuzzer fails again).
type pipelineHarness struct {
	srv     *httptest.Server
	dir     string
	fetcher *fetch.Client // shared: one client's connections, not one per input
	combos  []pipelineCombo

	mu   sync.Mutex
	page []byte // what every article link serves now
	hits int    // page requests since the last reset
}

type pipelineCombo struct {
	sw  switches
	cfg *config.Config
}

// pipelineContentTypes are the Content-Type headers a fuzzed page is
// served with, chosen by its length: HTML, none, a generic binary type and
// a charset that makes the page go through pageUTF8.
var pipelineContentTypes = []string{"text/html; charset=utf-8", "", "application/octet-stream", "text/html; charset=windows-1251"}

func newPipelineHarness(t testing.TB) *pipelineHarness {
	h := &pipelineHarness{dir: fuzzStoreDir(t)}
	h.srv = httptest.NewServer(http.HandlerFunc(h.serve))
	t.Cleanup(h.srv.Close)
	// The switches that change an item's path, each combination once.
	// robots and failing pages only matter when pages are fetched.
	for _, sw := range allSwitches() {
		if !sw.articlePages && (sw.robots || sw.failPages) {
			continue
		}
		cfg := switchesConfig(t, []string{h.srv.URL + "/feed"}, h.srv.URL+"/hook", sw)
		h.combos = append(h.combos, pipelineCombo{sw: sw, cfg: cfg})
	}
	h.fetcher = fetch.New(FetchOptions(h.combos[0].cfg, "fuzz"))
	return h
}

// fuzzStoreDir is where the harness keeps its stores: in memory (tmpfs)
// when the machine has /dev/shm, because every input opens a store per
// combination and commits to it, and a disk's fsync would bring fuzzing
// down to a few inputs a second; else in the test's temporary directory.
func fuzzStoreDir(t testing.TB) string {
	if dir, err := os.MkdirTemp("/dev/shm", "storywatch-fuzz-"); err == nil {
		t.Cleanup(func() { os.RemoveAll(dir) })
		return dir
	}
	return t.TempDir()
}

// serve answers robots.txt (disallowing everything: it only matters with
// fetch.robots on), fails every page under /fail/, and serves the current
// page everywhere else, with an ETag so that a second pass can get a 304.
func (h *pipelineHarness) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/robots.txt" {
		fmt.Fprint(w, "User-agent: *\nDisallow: /\n")
		return
	}
	h.mu.Lock()
	h.hits++
	page := h.page
	h.mu.Unlock()
	if strings.HasPrefix(r.URL.Path, "/fail/") {
		http.Error(w, "upstream failed", http.StatusBadGateway)
		return
	}
	sum := fnv.New64a()
	sum.Write(page)
	etag := fmt.Sprintf(`"%x"`, sum.Sum64())
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	if ctype := pipelineContentTypes[len(page)%len(pipelineContentTypes)]; ctype != "" {
		w.Header().Set("Content-Type", ctype)
	} else {
		w.Header()["Content-Type"] = nil // and no sniffing by net/http either
	}
	w.Write(page)
}

func (h *pipelineHarness) serveNext(page []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.page = page
}

// takeHits returns the page requests since the last call.
func (h *pipelineHarness) takeHits() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	n := h.hits
	h.hits = 0
	return n
}

// relink points an item's link at the harness server under prefix,
// keeping its path and query.
func (h *pipelineHarness) relink(link, prefix string) string {
	u, err := url.Parse(link)
	if err != nil {
		return link // processItem must reject it cleanly
	}
	out := h.srv.URL + "/" + prefix + u.EscapedPath()
	if u.RawQuery != "" {
		out += "?" + u.RawQuery
	}
	return out
}

// run takes the items of feedBody through processItem under every
// combination of the switches, each on a fresh Monitor and store (the text
// alert kind as the input's length says): a first pass with page1
// served for every link, a second with page2 (an edit, or the same page:
// then 304s and unchanged regions).
func (h *pipelineHarness) run(t *testing.T, feedBody, page1, page2 []byte) {
	parsed, err := feed.Parse(feedBody, "", fuzzOrigin+"/feed")
	if err != nil {
		return // not a feed: the feed package's own fuzz target covers that
	}
	items := parsed.Items[:min(len(parsed.Items), fuzzMaxItems)]
	// The text alert kind only changes which alerts a stored change
	// queues: the input picks it, which halves the cost of an input.
	text := len(feedBody)%2 == 1
	for _, c := range h.combos {
		if c.sw.textKind == text {
			h.runCombo(t, c, items, page1, page2)
		}
	}
}

func (h *pipelineHarness) runCombo(t *testing.T, c pipelineCombo, items []feed.Item, page1, page2 []byte) {
	path := filepath.Join(h.dir, "input.db")
	st, err := bolt.Open(path, bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(path)
	defer st.Close()
	m, err := New(Options{Config: c.cfg, Store: st, Fetcher: h.fetcher})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	prefix := "ok"
	if c.sw.failPages {
		prefix = "fail"
	}
	h.takeHits()
	for pass, page := range [][]byte{page1, page2} {
		h.serveNext(page)
		ctx := withPass(context.Background(), time.Now())
		for _, it := range items {
			if it.Link == "" {
				continue // pollFeed skips these
			}
			it.Link = h.relink(it.Link, prefix)
			out, err := m.processItem(ctx, source{feedURL: h.srv.URL + "/feed", outlet: "Fuzz"}, it, func() {})
			if errors.Is(err, ErrPanic) {
				t.Fatalf("%s pass %d, item %q: %v", c.sw, pass+1, it.Link, err)
			}
			if out.seq > 0 {
				if err := checkStored(m, c.sw, it, out.seq); err != nil {
					t.Fatalf("%s pass %d: %v", c.sw, pass+1, err)
				}
			}
		}
	}
	if hits := h.takeHits(); hits > 0 && (!c.sw.articlePages || c.sw.robots) {
		t.Fatalf("%s: %d page requests", c.sw, hits)
	}
}

// checkStored checks a version processItem reported stored: findable by
// the item's link, readable, from a source the switches allow.
func checkStored(m *Monitor, sw switches, it feed.Item, seq int) error {
	link, err := fetch.Canonicalize(it.Link)
	if err != nil {
		return fmt.Errorf("version %d stored for a link that does not canonicalize: %q: %w", seq, it.Link, err)
	}
	a, err := m.store.Article(link)
	if err != nil {
		return fmt.Errorf("version %d of %q stored but the article is not found by its link: %w", seq, it.Link, err)
	}
	v, err := m.store.LatestVersion(a.ID)
	if err != nil {
		return fmt.Errorf("latest version of %s: %w", a.URL, err)
	}
	pages := sw.articlePages && !sw.robots && !sw.failPages
	switch {
	case v.Seq < seq:
		return fmt.Errorf("%s: latest version %d, but %d was just stored", a.URL, v.Seq, seq)
	case v.Source != "page" && v.Source != "feed":
		return fmt.Errorf("%s: version %d has source %q", a.URL, v.Seq, v.Source)
	case v.Source == "page" && !pages:
		return fmt.Errorf("%s: version %d from a page that was never served", a.URL, v.Seq)
	}
	return nil
}

// FuzzPipeline runs arbitrary feed bytes and page bytes through
// processItem into real stores, under every combination of the switches
// that change an item's path (article pages, story filter, robots.txt,
// failing pages, the text alert kind). processItem must never panic and
// what it reports stored must be in the store, from an allowed source.
func FuzzPipeline(f *testing.F) {
	story, err := os.ReadFile(filepath.Join("testdata", "items", "page-story.html"))
	if err != nil {
		f.Fatal(err)
	}
	offStory, err := os.ReadFile(filepath.Join("testdata", "items", "page-offstory.html"))
	if err != nil {
		f.Fatal(err)
	}
	page := func(b []byte, title, update string) []byte {
		return []byte(strings.NewReplacer("{{title}}", title, "{{update}}", update).Replace(string(b)))
	}
	storyV1, storyV2 := page(story, "Summit report", ""), page(story, "Summit report", pageUpdate)
	fixtures, err := filepath.Glob(filepath.Join("testdata", "items", "*"))
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range fixtures {
		if filepath.Ext(p) == ".html" {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		fd := []byte(strings.NewReplacer("{{base}}", fuzzOrigin, "{{update}}", "").Replace(string(b)))
		f.Add(fd, storyV1, storyV2)
		if filepath.Base(p) == "offstory.rss" {
			// A trailing newline flips the text alert kind (see run).
			odd := append(append([]byte{}, fd...), '\n')
			f.Add(odd, storyV1, storyV2)
			f.Add(fd, page(offStory, "Weather", ""), storyV1) // the page turns on story
			f.Add(odd, storyV1, storyV1)                      // unchanged: 304, same region
			f.Add(fd, fakeMP3(), []byte{})                    // audio, then nothing
		}
	}
	h := newPipelineHarness(f)
	f.Fuzz(func(t *testing.T, feedBody, page1, page2 []byte) {
		h.run(t, feedBody, page1, page2)
	})
}
