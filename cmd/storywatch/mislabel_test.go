package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// mislabelTitle has characters past Latin-1, Latin-1 ones and typography.
const mislabelTitle = "Putin and Zelensky summit: «très bien», Зеленский says in “Genève”"

// TestMislabelledUTF8Feed: feeds whose UTF-8 bytes are declared ISO-8859-1
// or UTF-16 (a template's declaration) keep their titles and text as
// written, where "é" came out "Ã©" and a UTF-16 declaration made the feed
// "plain text".
func TestMislabelledUTF8Feed(t *testing.T) {
	var base string
	mux := http.NewServeMux()
	for _, label := range []string{"ISO-8859-1", "UTF-16"} {
		mux.HandleFunc("/"+label+".rss", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/xml")
			fmt.Fprintf(w, `<?xml version="1.0" encoding="%s"?><rss version="2.0"><channel><title>Feed %s</title>`+
				`<item><title>%s</title><link>%s/story/%s</link><description>%s, said on Monday.</description></item></channel></rss>`,
				label, label, mislabelTitle, base, label, mislabelTitle)
		})
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base = srv.URL
	cfg := writeConfig(t, t.TempDir(), []string{srv.URL + "/ISO-8859-1.rss", srv.URL + "/UTF-16.rss"}, summitStory)
	writeFile(t, cfg, strings.Replace(readFile(t, cfg), "fetch:\n", "fetch:\n  article_pages: false\n", 1))
	_, errOut, code := cli(t, "-c", cfg, "poll")
	if code != 0 || errOut != "" {
		t.Fatalf("poll exit %d: %s", code, errOut)
	}
	var arts struct {
		Articles []struct{ URL, Title string } `json:"articles"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "articles", "--json"), &arts)
	if len(arts.Articles) != 2 {
		t.Fatalf("articles %+v, want one from each feed", arts.Articles)
	}
	for _, a := range arts.Articles {
		if a.Title != mislabelTitle {
			t.Errorf("%s: title %q, want %q", a.URL, a.Title, mislabelTitle)
		}
	}
}

// TestMislabelledUTF8Page: an article page of UTF-8 bytes whose <meta>
// declares ISO-8859-1 keeps its title and text as written ("Ã©" before:
// the bytes were kept as UTF-8, and the extractor decoded them again as
// the <meta> said).
func TestMislabelledUTF8Page(t *testing.T) {
	var base string
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.rss", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, goodFeed, base)
	})
	mux.HandleFunc("/world/summit.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		page := strings.Replace(fmt.Sprintf(goodArticle, base), "<head>", `<head><meta charset="iso-8859-1">`, 1)
		page = strings.ReplaceAll(page, "Putin and Zelensky set for summit", mislabelTitle)
		fmt.Fprint(w, page)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base = srv.URL
	cfg := writeConfig(t, t.TempDir(), []string{srv.URL + "/feed.rss"}, summitStory)
	mustCLI(t, "-c", cfg, "poll")
	var h struct {
		Versions []struct{ Source, Title string } `json:"versions"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "history", srv.URL+"/world/summit.html", "--json"), &h)
	if len(h.Versions) != 1 || h.Versions[0].Source != "page" || h.Versions[0].Title != mislabelTitle {
		t.Errorf("versions %+v, want one from the page titled %q", h.Versions, mislabelTitle)
	}
}
