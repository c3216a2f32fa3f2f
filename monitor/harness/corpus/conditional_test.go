package corpus

import (
	"net/http"
	"testing"
)

func TestFeedConditionalGet(t *testing.T) {
	for _, format := range AllFormats() {
		t.Run(format, func(t *testing.T) {
			s := startDemo(t, Options{Formats: []string{format}})
			fu := s.FeedURLs()[0]
			resp, body := get(t, fu)
			etag, lm := resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
			if etag == "" || etag[0] != '"' || lm == "" {
				t.Fatalf("want strong ETag and Last-Modified, got %q %q", etag, lm)
			}
			if etag != `"`+bodyTag(body)+`"` {
				t.Errorf("ETag %s is not the body hash", etag)
			}
			cases := []struct {
				name string
				hdr  []string
				want int
			}{
				{"if-none-match", []string{"If-None-Match", etag}, http.StatusNotModified},
				{"if-none-match list", []string{"If-None-Match", `"nope", ` + etag}, http.StatusNotModified},
				{"if-modified-since", []string{"If-Modified-Since", lm}, http.StatusNotModified},
				{"stale etag", []string{"If-None-Match", `"stale"`}, http.StatusOK},
				{"stale etag wins over date", []string{"If-None-Match", `"stale"`, "If-Modified-Since", lm}, http.StatusOK},
				{"old date", []string{"If-Modified-Since", "Mon, 18 Aug 2025 00:00:00 GMT"}, http.StatusOK},
			}
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) {
					before := s.Requests()
					resp, body := get(t, fu, c.hdr...)
					if resp.StatusCode != c.want {
						t.Errorf("status %d, want %d", resp.StatusCode, c.want)
					}
					if c.want == http.StatusNotModified && len(body) != 0 {
						t.Errorf("304 with %d body bytes", len(body))
					}
					if got := s.Requests() - before; got != 1 {
						t.Errorf("Requests grew by %d, want 1", got)
					}
				})
			}
			s.Revise()
			resp, _ = get(t, fu, "If-None-Match", etag, "If-Modified-Since", lm)
			if resp.StatusCode != http.StatusOK {
				t.Errorf("after Revise: status %d, want 200", resp.StatusCode)
			}
			if resp.Header.Get("ETag") == etag {
				t.Error("after Revise: ETag unchanged")
			}
		})
	}
}

func TestPageConditionalGet(t *testing.T) {
	for _, rotate := range []bool{false, true} {
		name := map[bool]string{false: "static", true: "rotating"}[rotate]
		t.Run(name, func(t *testing.T) {
			s := startDemo(t, Options{RotateBoilerplate: rotate})
			u := s.ArticleURLs()[0]
			resp, _ := get(t, u)
			etag := resp.Header.Get("ETag")
			weak := len(etag) > 2 && etag[:2] == "W/"
			if weak != rotate {
				t.Errorf("ETag %q: weak=%v, want %v", etag, weak, rotate)
			}
			if resp, _ := get(t, u, "If-None-Match", etag); resp.StatusCode != http.StatusNotModified {
				t.Errorf("If-None-Match: status %d, want 304", resp.StatusCode)
			}
			s.Revise()
			if resp, _ := get(t, u, "If-None-Match", etag); resp.StatusCode != http.StatusOK {
				t.Errorf("after Revise: status %d, want 200", resp.StatusCode)
			}
		})
	}
}
