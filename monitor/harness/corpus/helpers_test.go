package corpus

import (
	"bytes"
	"html"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func startServer(t *testing.T, s *Server, err error) *Server {
	t.Helper()
	if err != nil {
		t.Fatalf("new server: %v", err)
	}
	if err := s.Start(); err != nil {
		t.Fatalf("start: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	return s
}

func startDemo(t *testing.T, opts Options) *Server {
	t.Helper()
	s, err := NewDemo(opts)
	return startServer(t, s, err)
}

func startSynthetic(t *testing.T, opts Options) *Server {
	t.Helper()
	s, err := NewSynthetic(opts)
	return startServer(t, s, err)
}

// get fetches url with optional header pairs and returns the response and body.
func get(t testing.TB, url string, hdr ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatalf("new request: %v", err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("get %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read %s: %v", url, err)
	}
	return resp, body
}

var (
	tagRE   = regexp.MustCompile(`<[^>]*>`)
	spaceRE = regexp.MustCompile(`\s+`)
)

// region returns the <article> element of a page, or "" without one.
func region(page string) string {
	i := strings.Index(page, "<article")
	j := strings.Index(page, "</article>")
	if i < 0 || j < i {
		return ""
	}
	return page[i : j+len("</article>")]
}

// visibleText strips tags and collapses whitespace, as a reader would see it.
func visibleText(fragment string) string {
	s := tagRE.ReplaceAllString(fragment, " ")
	return strings.TrimSpace(spaceRE.ReplaceAllString(html.UnescapeString(s), " "))
}

// articleText fetches a page and returns the visible text of its <article>.
func articleText(t testing.TB, url string) string {
	t.Helper()
	resp, body := get(t, url)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("get %s: status %d", url, resp.StatusCode)
	}
	r := region(string(body))
	if r == "" {
		t.Fatalf("get %s: no <article> element", url)
	}
	return visibleText(r)
}

func allTexts(t testing.TB, s *Server) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, u := range s.ArticleURLs() {
		out[u] = articleText(t, u)
	}
	return out
}

// storyReader returns the article text of page i, bytes b, as a reader
// sees it, checking it (and what else the page carries) against rev.
type storyReader func(t testing.TB, i int, b []byte, rev Revision) string

// pageTexts fetches every page of s and returns its text by URL, as read.
func pageTexts(t testing.TB, s *Server, read storyReader) map[string]string {
	t.Helper()
	out := map[string]string{}
	for i, u := range s.ArticleURLs() {
		_, b := get(t, u)
		rev, _ := s.Current(u)
		out[u] = read(t, i, b, rev)
	}
	return out
}

// testReviseOnly runs rounds of Revise with rotating boilerplate on
// synthetic corpora of template tmpl and checks, with read taking every
// page's article text as a reader sees it, that the text changes for
// exactly the articles Revise reports, round(EditFraction × articles) of
// them, and that each edit moves from the old text to the new.
func testReviseOnly(t *testing.T, tmpl string, read storyReader) {
	tests := []struct {
		name   string
		opts   Options
		rounds int
	}{
		{"30%", Options{Feeds: 3, ArticlesPerFeed: 10, EditFraction: 0.3, Seed: 5, RotateBoilerplate: true}, 5},
		{"all", Options{Feeds: 1, ArticlesPerFeed: 10, EditFraction: 1, Seed: 9, RotateBoilerplate: true}, 3},
		{"none", Options{Feeds: 1, ArticlesPerFeed: 10, Seed: 9, RotateBoilerplate: true}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.Template = tmpl
			s := startSynthetic(t, tc.opts)
			before := pageTexts(t, s, read)
			for round := 1; round <= tc.rounds; round++ {
				reported := s.Revise()
				after := pageTexts(t, s, read)
				got := slices.Sorted(slices.Values(reported))
				if want := changedSet(before, after); !slices.Equal(got, want) {
					t.Errorf("round %d: Revise reported %v, texts changed for %v", round, got, want)
				}
				if n := int(tc.opts.EditFraction*float64(len(before)) + 0.5); len(reported) != n {
					t.Errorf("round %d: %d articles edited, want %d", round, len(reported), n)
				}
				checkEdits(t, s, reported, before, after)
				before = after
			}
		})
	}
}

// testWriteStatic writes a revised corpus of template tmpl, links on base,
// with WriteStatic and checks that each file is the page the server serves
// without rotation, byte for byte; check then reads page i (URL u) of s.
func testWriteStatic(t *testing.T, tmpl, base string, check func(s *Server, i int, u string, b []byte)) {
	s := startSynthetic(t, Options{Feeds: 1, ArticlesPerFeed: 10, Seed: 2, EditFraction: 0.5, Template: tmpl, BaseURL: base})
	s.Revise()
	dir := t.TempDir()
	if err := WriteStatic(dir, s); err != nil {
		t.Fatalf("write static: %v", err)
	}
	for i, u := range s.ArticleURLs() {
		path := strings.TrimPrefix(u, base)
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
		if err != nil {
			t.Fatalf("read page: %v", err)
		}
		if _, served := get(t, s.URL()+path); !bytes.Equal(b, served) {
			t.Errorf("%s: static file differs from the served page", path)
		}
		check(s, i, u, b)
	}
}

// getPage fetches page i of a family at url and checks what every family's
// page answers with: status 200, the HTML content type, UTF-8 bytes that
// open with prefix.
func getPage(t testing.TB, i int, url, prefix string) []byte {
	t.Helper()
	resp, b := get(t, url)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Errorf("page %d: status %d, Content-Type %q", i, resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if !utf8.Valid(b) || !bytes.HasPrefix(b, []byte(prefix)) {
		t.Errorf("page %d: not a UTF-8 page declared so", i)
	}
	return b
}
