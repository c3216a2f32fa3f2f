package feed

import (
	"bytes"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// gotHTML is what describe says of an HTML page.
const gotHTML = "got an HTML page"

// feedTypes are the <link rel="alternate" type=…> values that announce a
// feed (RSS, Atom, RDF, JSON Feed).
var feedTypes = []string{"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json"}

// maxAdvertised is how many announced feeds an error names.
const maxAdvertised = 3

// advertised says which feeds an HTML page announces in its head, for the
// error of a feed URL that is the site's page rather than its feed (the
// usual first mistake: the home page's address). Before, the error said
// only "got an HTML page", and the address to use instead sat in the
// page's <link rel="alternate">. It returns "" when the page names none
// other than pageURL itself.
func advertised(body []byte, pageURL string) string {
	base, _ := url.Parse(pageURL)
	var found []string
	z := html.NewTokenizer(bytes.NewReader(body))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken && tt != html.EndTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if string(name) == "body" || (tt == html.EndTagToken && string(name) == "head") {
			break
		}
		if tt == html.EndTagToken || string(name) != "link" || !hasAttr {
			continue
		}
		var rel, typ, href string
		for more := true; more; {
			var k, v []byte
			k, v, more = z.TagAttr()
			switch string(k) {
			case "rel":
				rel = string(v)
			case "type":
				typ = string(v)
			case "href":
				href = string(v)
			}
		}
		if !hasToken(rel, "alternate") || !isFeedType(typ) {
			continue
		}
		if u := resolve(base, href); u != "" && u != pageURL && !slices.Contains(found, u) {
			found = append(found, u)
		}
	}
	switch n := len(found); {
	case n == 0:
		return ""
	case n == 1:
		return fmt.Sprintf("; it names its feed: %s (set the feed's url to it)", found[0])
	case n <= maxAdvertised:
		return fmt.Sprintf("; it names its feeds: %s (set the feed's url to one)", strings.Join(found, ", "))
	default:
		return fmt.Sprintf("; it names its feeds: %s and %d more (set the feed's url to one)",
			strings.Join(found[:maxAdvertised], ", "), n-maxAdvertised)
	}
}

// hasToken reports whether the space-separated list s holds tok, in any case.
func hasToken(s, tok string) bool {
	for _, f := range strings.Fields(s) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

func isFeedType(typ string) bool {
	typ, _, _ = strings.Cut(typ, ";")
	typ = strings.TrimSpace(typ)
	for _, t := range feedTypes {
		if strings.EqualFold(typ, t) {
			return true
		}
	}
	return false
}
