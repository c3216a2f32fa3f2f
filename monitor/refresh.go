package monitor

import (
	"bytes"
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// maxRefreshDelay is the longest <meta http-equiv="refresh"> delay, in
// seconds, read as a redirect: an interstitial ("Redirecting…", a consent
// or tracking hop) sends the reader on at once, while a live page reloading
// itself every minute or so is the article.
const maxRefreshDelay = 5

// metaRefresh returns the URL a page's <meta http-equiv="refresh"> in its
// head sends a reader to within maxRefreshDelay seconds, resolved against
// pageURL; "" when the page has none, reloads itself, or names no http(s)
// URL.
func metaRefresh(page []byte, pageURL string) string {
	// Most pages have no refresh at all: tell so without a lower-cased copy
	// of the page (every page fetched passes here), by the attribute a
	// refresh needs, http-equiv, in any case. The search stops at each '-',
	// rarer in a page than the 'e' a search for "efresh" stopped at (3.9%
	// of a revision pass's CPU in bench profiles).
	if !containsFold(page, "-equiv") {
		return ""
	}
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return ""
			case "meta":
				var equiv, content string
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					switch string(k) {
					case "http-equiv":
						equiv = string(v)
					case "content":
						content = string(v)
					}
				}
				if strings.EqualFold(strings.TrimSpace(equiv), "refresh") {
					return refreshTarget(content, pageURL)
				}
			}
		}
	}
}

// refreshTarget reads a refresh's content ("0; url=/story", "0;URL='…'",
// "2, https://…") as the HTML standard does, loosely: a delay, then an
// optional URL.
func refreshTarget(content, pageURL string) string {
	s := strings.TrimLeft(content, " \t\n\r\f")
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	delay, err := strconv.Atoi(s[:i])
	if err != nil || delay > maxRefreshDelay {
		return ""
	}
	s = strings.TrimLeft(s[i:], "0123456789.")
	s = strings.TrimLeft(s, " \t\n\r\f")
	s = strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(s, ";"), ","), " \t\n\r\f")
	if len(s) >= 3 && strings.EqualFold(s[:3], "url") {
		if rest := strings.TrimLeft(s[3:], " \t\n\r\f"); strings.HasPrefix(rest, "=") {
			s = strings.TrimLeft(rest[1:], " \t\n\r\f")
		}
	}
	if s != "" && (s[0] == '\'' || s[0] == '"') {
		if j := strings.IndexByte(s[1:], s[0]); j >= 0 {
			s = s[1 : 1+j]
		} else {
			s = s[1:]
		}
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return "" // reloads itself
	}
	base, err := url.Parse(pageURL)
	if err != nil {
		return ""
	}
	ref, err := url.Parse(s)
	if err != nil {
		return ""
	}
	u := base.ResolveReference(ref)
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.Fragment, base.Fragment = "", ""
	if u.String() == base.String() {
		return ""
	}
	return u.String()
}
