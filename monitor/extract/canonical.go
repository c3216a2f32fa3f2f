package extract

import (
	"bytes"
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// Canonical returns the page's canonical URL from <link rel=canonical>, else
// og:url, resolved against pageURL; "" if neither is present or usable. It
// only tokenizes up to <body>, so it is cheap enough to call before deciding
// whether to extract.
func Canonical(page []byte, pageURL string) string {
	base, _ := url.Parse(pageURL)
	if base != nil && !base.IsAbs() {
		base = nil
	}
	var og string
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return og
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return og
			case "link", "meta":
				if !hasAttr {
					continue
				}
				attrs := tagAttrs(z)
				if string(name) == "link" && hasToken(attrs["rel"], "canonical") {
					if u := absURL(base, attrs["href"]); u != "" {
						return u
					}
				}
				if string(name) == "meta" && og == "" &&
					(strings.EqualFold(attrs["property"], "og:url") || strings.EqualFold(attrs["name"], "og:url")) {
					og = absURL(base, attrs["content"])
				}
			}
		}
	}
}

// tagAttrs reads the current tag's attributes (first value wins).
func tagAttrs(z *html.Tokenizer) map[string]string {
	attrs := make(map[string]string, 4)
	for {
		k, v, more := z.TagAttr()
		if _, dup := attrs[string(k)]; !dup {
			attrs[string(k)] = string(v)
		}
		if !more {
			return attrs
		}
	}
}
