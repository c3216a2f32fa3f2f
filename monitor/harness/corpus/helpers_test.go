package corpus

import (
	"html"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
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
