package extract

import (
	"encoding/json"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"
)

// meta is what the page says about itself, read before any cleaning.
type meta struct {
	title, byline, siteName string
	published, modified     time.Time
	timeFallback            time.Time // first <time datetime>, preferring the article's
}

var (
	publishedKeys = map[string]bool{
		"article:published_time": true, "og:article:published_time": true, "datepublished": true,
		"pubdate": true, "publishdate": true, "publish-date": true, "dc.date": true, "dc.date.issued": true,
		"dcterms.created": true, "dcterms.issued": true, "sailthru.date": true, "parsely-pub-date": true,
		"date": true, "article.published": true,
	}
	modifiedKeys = map[string]bool{
		"article:modified_time": true, "og:article:modified_time": true, "og:updated_time": true,
		"datemodified": true, "dcterms.modified": true, "last-modified": true, "article.updated": true,
	}
)

// readMeta collects metadata from meta tags, JSON-LD and <time> elements.
func readMeta(doc *html.Node) meta {
	var m meta
	var inArticleTime time.Time
	walk(doc, func(n *html.Node, inArticle bool) bool {
		switch n.Data {
		case "meta":
			key := strings.ToLower(firstAttr(n, "property", "name", "itemprop"))
			val := strings.TrimSpace(firstAttr(n, "content", "datetime"))
			if val == "" {
				return true
			}
			switch {
			case publishedKeys[key] && m.published.IsZero():
				m.published = parseTime(val)
			case modifiedKeys[key] && m.modified.IsZero():
				m.modified = parseTime(val)
			case key == "og:title" && m.title == "":
				m.title = val
			case key == "og:site_name" && m.siteName == "":
				m.siteName = val
			case (key == "author" || key == "article:author") && m.byline == "" && !strings.Contains(val, "://"):
				m.byline = val
			}
		case "script":
			if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
				pub, mod := jsonLDDates(n.FirstChild.Data)
				if m.published.IsZero() {
					m.published = pub
				}
				if m.modified.IsZero() {
					m.modified = mod
				}
			}
			return false
		case "time":
			if dt := attr(n, "datetime"); dt != "" {
				t := parseTime(dt)
				if m.timeFallback.IsZero() {
					m.timeFallback = t
				}
				if inArticle && inArticleTime.IsZero() {
					inArticleTime = t
				}
			}
		}
		return true
	})
	if !inArticleTime.IsZero() {
		m.timeFallback = inArticleTime
	}
	return m
}

// jsonLDDates finds datePublished/dateModified in a JSON-LD block, preferring
// an object whose @type is some kind of article.
func jsonLDDates(src string) (published, modified time.Time) {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(src)), &v); err != nil {
		return
	}
	var best, first map[string]any
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 20 || best != nil {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			if _, ok := x["datePublished"]; ok {
				if first == nil {
					first = x
				}
				if isArticleType(x["@type"]) {
					best = x
					return
				}
			}
			for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
				if e, ok := x[k]; ok {
					visit(e, depth+1)
				}
			}
		}
	}
	visit(v, 0)
	if best == nil {
		best = first
	}
	if best == nil {
		return
	}
	s, _ := best["datePublished"].(string)
	published = parseTime(s)
	s, _ = best["dateModified"].(string)
	modified = parseTime(s)
	return
}

func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return strings.Contains(x, "Article") || x == "BlogPosting" || x == "ReportageNewsArticle" || x == "LiveBlogPosting"
	case []any:
		for _, e := range x {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"20060102",
}

// parseTime reads the date formats pages use; times without a zone are UTC.
// Unparsable values give the zero time.
func parseTime(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}
	}
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// canonicalFromDoc returns the absolute canonical URL declared in doc.
func canonicalFromDoc(doc *html.Node, base *url.URL) string {
	var link, og string
	walk(doc, func(n *html.Node, _ bool) bool {
		switch n.Data {
		case "link":
			if link == "" && hasToken(attr(n, "rel"), "canonical") {
				link = absURL(base, attr(n, "href"))
			}
		case "meta":
			if og == "" && strings.EqualFold(firstAttr(n, "property", "name"), "og:url") {
				og = absURL(base, attr(n, "content"))
			}
		case "body":
			return link == "" // canonical links belong in head; stop early once found
		}
		return true
	})
	if link != "" {
		return link
	}
	return og
}

// absURL resolves ref against base and keeps only http(s) results.
func absURL(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.Fragment, u.RawFragment = "", ""
	return u.String()
}
