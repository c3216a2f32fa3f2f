package web

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff"
	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/store"
)

// TestRoutes requests every route over a store the real pipeline filled
// from the demo story and checks status, type and what the page says.
func TestRoutes(t *testing.T) {
	s := openStore(t, demoStore(t))
	metrics := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; version=0.0.4")
		_, _ = w.Write([]byte("storywatch_up 1\n"))
	})
	h := newHandler(t, Options{Store: HeldStore(s), Metrics: metrics, Version: "test"})
	wire := articleByOutlet(t, s, "Meridian Wire")
	id := wire.ID

	tests := []struct {
		name, method, target string
		status               int
		ctype                string
		want, notWant        []string
	}{
		{"story", "GET", "/", 200, "text/html",
			[]string{"Date of the summit", "August 29", "early September", "Contradicted", "Meridian Wire", "<svg", "diff v3 → v4"}, nil},
		{"story by kind", "GET", "/?kind=location", 200, "text/html",
			[]string{"Place of the summit added", "Budapest"}, []string{`<span class="kind k0">Date</span>`}},
		{"story by outlet", "GET", "/?outlet=Danube+Ledger", 200, "text/html",
			[]string{"Budapest emerges"}, []string{"Europe presses Trump"}},
		{"story, unknown kind", "GET", "/?kind=weather", 200, "text/html", []string{"No fact changes match this filter"}, nil},
		{"head of story", "HEAD", "/", 200, "text/html", nil, []string{"<html"}},
		{"article", "GET", "/articles/" + id, 200, "text/html",
			[]string{wire.Title, "v5", "diff v4 → v5", "first version", "/articles/" + id + "/feed.atom"}, nil},
		{"diff", "GET", "/articles/" + id + "/diff?from=3&to=4", 200, "text/html",
			[]string{`class="fact k0" title="date">early September</ins>`, `<del class="fact k0" title="date">August 29</del>`, "Quote removed", "unchanged sentences"}, nil},
		{"diff side by side", "GET", "/articles/" + id + "/diff?from=2&to=3&view=side", 200, "text/html",
			[]string{`class="sbs"`, "moved: was sentence", "Headline"}, nil},
		{"diff default: the last two", "GET", "/articles/" + id + "/diff", 200, "text/html",
			[]string{"<b>v4</b>", "<b>v5</b>", "Istanbul"}, nil},
		{"diff out of range", "GET", "/articles/" + id + "/diff?from=9&to=1", 404, "text/html", []string{"has versions 1 to 5"}, nil},
		{"diff bad version", "GET", "/articles/" + id + "/diff?from=x", 400, "text/html", []string{"want a version number"}, nil},
		{"unknown article", "GET", "/articles/000000000000", 404, "text/html", []string{"no article"}, nil},
		{"feed", "GET", "/feed.atom", 200, "application/atom+xml", []string{"<feed", "early September"}, nil},
		{"article feed", "GET", "/articles/" + id + "/feed.atom", 200, "application/atom+xml", []string{"<feed"}, []string{"Budapest emerges"}},
		{"healthz", "GET", "/healthz", 200, "text/plain", []string{"ok"}, nil},
		{"readyz", "GET", "/readyz", 200, "text/plain", []string{"ok"}, nil},
		{"metrics", "GET", "/metrics", 200, "text/plain", []string{"storywatch_up 1"}, nil},
		{"style", "GET", "/static/style.css", 200, "text/css", []string{".kind.k0"}, nil},
		{"no such path", "GET", "/etc/passwd", 404, "text/html", nil, nil},
		{"templates are not served", "GET", "/templates/layout.html", 404, "text/html", nil, nil},
		{"static is one file", "GET", "/static/", 404, "text/html", nil, nil},
		{"dot segments", "GET", "/static/../go.mod", 404, "", nil, nil},
		{"deeper than a route", "GET", "/articles/" + id + "/diff/x", 404, "text/html", nil, nil},
		{"post", "POST", "/", 405, "text/html", []string{"read-only"}, nil},
		{"delete", "DELETE", "/articles/" + id, 405, "text/html", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := get(t, h, tt.method, tt.target)
			if res.StatusCode != tt.status {
				t.Fatalf("%s %s: status %d, want %d\n%s", tt.method, tt.target, res.StatusCode, tt.status, body)
			}
			if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, tt.ctype) {
				t.Errorf("Content-Type %q, want %s", ct, tt.ctype)
			}
			if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
				t.Errorf("Content-Security-Policy %q", csp)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("body lacks %q", w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(body, w) {
					t.Errorf("body has %q", w)
				}
			}
		})
	}
}

func TestArticlePrefixRedirects(t *testing.T) {
	s := openStore(t, demoStore(t))
	h := newHandler(t, Options{Store: HeldStore(s)})
	id := articleByOutlet(t, s, "Meridian Wire").ID
	res, _ := get(t, h, "GET", "/articles/"+id[:6])
	if res.StatusCode != http.StatusFound || res.Header.Get("Location") != "/articles/"+id {
		t.Fatalf("status %d Location %q, want 302 to the full id", res.StatusCode, res.Header.Get("Location"))
	}
}

func TestMetricsOff(t *testing.T) {
	s := openStore(t, demoStore(t))
	h := newHandler(t, Options{Store: HeldStore(s)})
	if res, _ := get(t, h, "GET", "/metrics"); res.StatusCode != http.StatusNotFound {
		t.Fatalf("/metrics without a handler: %d, want 404", res.StatusCode)
	}
}

func TestReadyzDrains(t *testing.T) {
	s := openStore(t, demoStore(t))
	h := newHandler(t, Options{Store: HeldStore(s)})
	h.Drain()
	if res, _ := get(t, h, "GET", "/readyz"); res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("/readyz while draining: %d, want 503", res.StatusCode)
	}
	if res, _ := get(t, h, "GET", "/healthz"); res.StatusCode != http.StatusOK {
		t.Errorf("/healthz while draining: %d, want 200", res.StatusCode)
	}
}

// TestHealthzStoreGone: a store that cannot be opened makes /healthz fail.
func TestHealthzStoreGone(t *testing.T) {
	h := newHandler(t, Options{Store: OpenReadOnly(t.TempDir()+"/missing.db", 0)})
	for _, p := range []string{"/healthz", "/readyz", "/"} {
		if res, _ := get(t, h, "GET", p); res.StatusCode != http.StatusServiceUnavailable {
			t.Errorf("%s without a store: %d, want 503", p, res.StatusCode)
		}
	}
}

// TestStoryFollowsNewVersions: the story page's timeline is kept between
// requests, and a version stored meanwhile shows up on the next one.
func TestStoryFollowsNewVersions(t *testing.T) {
	s, id := hostileStore(t)
	h := newHandler(t, Options{Store: HeldStore(s)})
	_, before := get(t, h, "GET", "/")
	if !strings.Contains(before, `id="timeline-h"`) || strings.Contains(before, "Istanbul") {
		t.Fatal("the place is there before it is reported")
	}
	if _, again := get(t, h, "GET", "/"); again != before {
		t.Error("the same store gives another page")
	}
	art, err := s.Article(id)
	if err != nil {
		t.Fatal(err)
	}
	old, err := s.LatestVersion(id)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(old.Text, "Vienna", "Istanbul", 1)
	at := old.FetchedAt.Add(time.Hour)
	res := diff.Compare(diff.Document{Text: old.Text, Published: at}, diff.Document{Text: text, Published: at}, diff.Options{})
	v := &store.Version{FetchedAt: at, Title: old.Title, Text: text, Source: "page", Facts: facts.Extract(text, at)}
	if _, err := s.Apply([]store.Update{{Article: art, Version: v, Change: &store.Change{Facts: res.Facts}}}, nil); err != nil {
		t.Fatal(err)
	}
	_, after := get(t, h, "GET", "/")
	_, timelinePart, _ := strings.Cut(after, `id="timeline-h"`)
	if !strings.Contains(timelinePart, "Istanbul") {
		t.Error("a version stored after the first request does not show in the timeline")
	}
	if h.cached == nil || !strings.Contains(h.cached.key, "|3|") {
		t.Errorf("cache key %+v does not count the new version", h.cached)
	}
}

// TestStatusChangeCalledOut: a page removed after its last version is told
// on the article page, above its versions, and not as a version of its own.
func TestStatusChangeCalledOut(t *testing.T) {
	s := openStore(t, demoStore(t))
	wire := articleByOutlet(t, s, "Meridian Wire")
	a := wire
	a.Status = "removed (410 Gone)"
	ch := &store.Change{DetectedAt: time.Date(2025, 8, 21, 9, 0, 0, 0, time.UTC),
		Facts: []facts.Change{{Kind: facts.KindStatus, After: a.Status, AfterValue: "410"}}}
	if _, err := s.Apply([]store.Update{{Article: a, StatusChange: ch}}, nil); err != nil {
		t.Fatal(err)
	}
	h := newHandler(t, Options{Store: HeldStore(s), Version: "test"})
	res, body := get(t, h, "GET", "/articles/"+wire.ID)
	if res.StatusCode != 200 || !strings.Contains(body, "removed (410 Gone)") {
		t.Fatalf("article page %d lacks the status event:\n%s", res.StatusCode, body)
	}
	if strings.Contains(body, "v6") {
		t.Errorf("the status event shows as a version of its own")
	}
	if _, body := get(t, h, "GET", "/"); !strings.Contains(body, "removed (410 Gone)") && !strings.Contains(body, wire.Title) {
		t.Errorf("story page says nothing of the removed page")
	}
}
