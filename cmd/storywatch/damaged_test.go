package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

// damagedItem is one RSS item of a summit story whose text, kept with
// article pages off, is its own: each item is its own article.
func damagedItem(base string, n int, desc string) string {
	if desc == "" {
		desc = fmt.Sprintf("Putin and Zelensky peace summit, report %d from Kyiv.", n)
	}
	return fmt.Sprintf(`<item><title>Summit report %d</title><link>%s/story/%d</link><guid>g%d</guid><description>%s</description></item>`,
		n, base, n, n, desc)
}

// TestDamagedFeedsLoseNoItemSilently: a feed whose first item has
// mismatched tags (gofeed reads it to the end of the document and the
// other items vanish) has every item stored, and one cut off
// mid-document (RSS, JSON Feed) keeps its complete items and shows a
// warning naming the break in `poll` and `feeds`, also after a 304, until
// the feed reads whole again.
func TestDamagedFeedsLoseNoItemSilently(t *testing.T) {
	var base string
	var cutFixed atomic.Bool
	const head = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>%s</title>`
	mux := http.NewServeMux()
	mux.HandleFunc("/mismatched.rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, head, "Mismatched")
		fmt.Fprint(w, damagedItem(base, 1, "Putin and Zelensky peace <b>summit</i> in Kyiv, officials said."))
		for n := 2; n <= 4; n++ {
			fmt.Fprint(w, damagedItem(base, n, ""))
		}
		fmt.Fprint(w, "</channel></rss>")
	})
	mux.HandleFunc("/cut.rss", func(w http.ResponseWriter, r *http.Request) {
		etag := `"cut-1"`
		if cutFixed.Load() {
			etag = `"whole-2"`
		}
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, head, "Cut")
		fmt.Fprint(w, damagedItem(base, 11, "")+damagedItem(base, 12, ""))
		if cutFixed.Load() {
			fmt.Fprint(w, damagedItem(base, 13, "")+"</channel></rss>")
			return
		}
		fmt.Fprintf(w, `<item><title>Summit report 13</title><link>%s/sto`, base)
	})
	mux.HandleFunc("/cut.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/feed+json")
		fmt.Fprint(w, `{"version":"https://jsonfeed.org/version/1.1","title":"Cut JSON","items":[`)
		for n := 21; n <= 22; n++ {
			fmt.Fprintf(w, `{"id":"j%d","url":"%s/story/%d","title":"Summit report %d","content_text":"Putin and Zelensky peace summit, report %d from Kyiv."},`, n, base, n, n, n)
		}
		fmt.Fprintf(w, `{"id":"j23","url":"%s/sto`, base)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base = srv.URL

	cfg := writeConfig(t, t.TempDir(), []string{srv.URL + "/mismatched.rss", srv.URL + "/cut.rss", srv.URL + "/cut.json"}, summitStory)
	writeFile(t, cfg, strings.Replace(readFile(t, cfg), "fetch:\n", "fetch:\n  article_pages: false\n", 1))

	type feedsOut struct {
		Feeds []struct {
			URL, Status, Error string
			Items              int
		} `json:"feeds"`
	}
	feeds := func() map[string]string {
		var fs feedsOut
		decodeJSON(t, mustCLI(t, "-c", cfg, "feeds", "--json"), &fs)
		out := map[string]string{}
		for _, f := range fs.Feeds {
			out[strings.TrimPrefix(f.URL, srv.URL)] = f.Status + ": " + f.Error
		}
		return out
	}
	articles := func() []string {
		var arts struct {
			Articles []struct{ URL string } `json:"articles"`
		}
		decodeJSON(t, mustCLI(t, "-c", cfg, "articles", "--json"), &arts)
		var out []string
		for _, a := range arts.Articles {
			out = append(out, strings.TrimPrefix(a.URL, srv.URL))
		}
		slices.Sort(out)
		return out
	}

	_, errOut, code := cli(t, "-c", cfg, "poll")
	if code != 0 {
		t.Fatalf("poll exit %d\n%s", code, errOut)
	}
	if got, want := articles(), []string{"/story/1", "/story/11", "/story/12", "/story/2", "/story/21", "/story/22", "/story/3", "/story/4"}; !slices.Equal(got, want) {
		t.Errorf("articles %q, want %q", got, want)
	}
	st := feeds()
	if got := st["/mismatched.rss"]; got != "ok: " {
		t.Errorf("mismatched feed, every item read: %q, want ok", got)
	}
	const warnCut = "warning: feed cut short: read the 2 complete items before the break"
	if got := st["/cut.rss"]; !strings.HasPrefix(got, warnCut) || !strings.Contains(got, "unexpected EOF") {
		t.Errorf("cut feed: %q, want %q naming the XML error", got, warnCut)
	}
	if got := st["/cut.json"]; !strings.HasPrefix(got, warnCut) {
		t.Errorf("cut JSON Feed: %q, want %q", got, warnCut)
	}
	if !strings.Contains(errOut, "storywatch: feed Cut: warning: feed cut short") {
		t.Errorf("poll did not warn of the cut feed on stderr:\n%s", errOut)
	}

	// The server answers 304: the body is still the cut one.
	mustCLI(t, "-c", cfg, "poll")
	if got := feeds()["/cut.rss"]; !strings.HasPrefix(got, warnCut) {
		t.Errorf("cut feed after a 304: %q, want the warning to stand", got)
	}

	cutFixed.Store(true)
	mustCLI(t, "-c", cfg, "poll")
	if got := feeds()["/cut.rss"]; got != "ok: " {
		t.Errorf("cut feed read whole: %q, want ok", got)
	}
	if got := articles(); !slices.Contains(got, "/story/13") {
		t.Errorf("articles %q lack the item after the break", got)
	}
}
