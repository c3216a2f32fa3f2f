package monitor

import (
	"net/url"
	"testing"
)

func TestMetaRefresh(t *testing.T) {
	const at = "https://news.example.com/r/123?x=1"
	head := func(meta string) string {
		return `<!doctype html><html><head><title>Redirecting</title>` + meta + `</head><body><p>Redirecting…</p></body></html>`
	}
	for _, tt := range []struct{ name, page, want string }{
		{"relative", head(`<meta http-equiv="refresh" content="0; url=/world/summit.html">`), "https://news.example.com/world/summit.html"},
		{"upper case, quoted", head(`<META HTTP-EQUIV="Refresh" CONTENT="0;URL='https://other.example.org/a?b=1'">`), "https://other.example.org/a?b=1"},
		{"comma, no url=", head(`<meta http-equiv="refresh" content="1, https://news.example.com/s">`), "https://news.example.com/s"},
		{"fractional delay", head(`<meta http-equiv="refresh" content="0.5;url=/s">`), "https://news.example.com/s"},
		{"self-closing", head(`<meta http-equiv="refresh" content="0;url=/s"/>`), "https://news.example.com/s"},
		{"live page reloading itself", head(`<meta http-equiv="refresh" content="60">`), ""},
		{"reload, no URL", head(`<meta http-equiv="refresh" content="0">`), ""},
		{"too slow", head(`<meta http-equiv="refresh" content="30;url=/s">`), ""},
		{"itself", head(`<meta http-equiv="refresh" content="0;url=/r/123?x=1#top">`), ""},
		{"javascript", head(`<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`), ""},
		{"no delay", head(`<meta http-equiv="refresh" content="url=/s">`), ""},
		{"in the body", `<html><head></head><body><meta http-equiv="refresh" content="0;url=/s"></body></html>`, ""},
		{"other meta", head(`<meta name="refresh" content="0;url=/s">`), ""},
		{"mixed case", head(`<meta Http-Equiv="ReFresh" content="0;url=/s">`), "https://news.example.com/s"},
		{"content type first", head(`<meta http-equiv="Content-Type" content="text/html"><meta http-equiv="refresh" content="0;url=/s">`), "https://news.example.com/s"},
		{"none", head(""), ""},
	} {
		if got := metaRefresh([]byte(tt.page), at); got != tt.want {
			t.Errorf("%s: metaRefresh = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// FuzzMetaRefresh: any page gives no target or an absolute http(s) URL
// other than the page's own.
func FuzzMetaRefresh(f *testing.F) {
	f.Add(`<meta http-equiv="refresh" content="0; url=/s">`)
	f.Add(`<META HTTP-EQUIV=refresh CONTENT="1,'https://x.example/a'">`)
	f.Add(`<meta http-equiv="refresh" content="0;url=">`)
	f.Fuzz(func(t *testing.T, page string) {
		const at = "https://news.example.com/r/1"
		got := metaRefresh([]byte(page), at)
		if got == "" {
			return
		}
		u, err := url.Parse(got)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || got == at {
			t.Fatalf("metaRefresh(%q) = %q", page, got)
		}
	})
}
