package extract

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// Extract returns the article in page, fetched from pageURL (the base for
// relative URLs; may be empty). It fails with ErrNoContent when no article
// text is found. It never panics on malformed input.
func Extract(page []byte, pageURL string) (Article, error) {
	base, _ := url.Parse(pageURL)
	if base != nil && !base.IsAbs() {
		base = nil
	}
	page = sanitize(page)
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return Article{}, fmt.Errorf("parse html: %w", err)
	}

	m := readMeta(doc)
	art := Article{
		Canonical: canonicalFromDoc(doc, base),
		Published: m.published,
		Modified:  m.modified,
	}
	cleanDoc(doc)

	// readability keeps state while parsing; a fresh parser per call keeps
	// Extract safe for concurrent use.
	rp := readability.NewParser()
	ra, rerr := rp.ParseAndMutate(doc, base)
	if rerr == nil && ra.Node != nil {
		art.Paragraphs = paragraphs(ra.Node)
	}
	if len(art.Paragraphs) == 0 {
		// readability gave up (very short or unusual pages): fall back to
		// the cleaned main region.
		art.Paragraphs = paragraphs(mainNode(doc))
	}

	art.Title = firstNonEmpty(normalizeSpace(ra.Title()), normalizeSpace(m.title), docTitle(doc))
	art.Byline = firstNonEmpty(normalizeSpace(ra.Byline()), normalizeSpace(m.byline))
	art.SiteName = firstNonEmpty(normalizeSpace(ra.SiteName()), normalizeSpace(m.siteName))
	if art.Published.IsZero() {
		if t, err := ra.PublishedTime(); err == nil {
			art.Published = t
		}
	}
	if art.Modified.IsZero() {
		if t, err := ra.ModifiedTime(); err == nil {
			art.Modified = t
		}
	}
	if art.Published.IsZero() {
		art.Published = m.timeFallback
	}
	art.Paragraphs = dropTitleEcho(art.Paragraphs, art.Title)
	if len(art.Paragraphs) == 0 {
		return art, fmt.Errorf("extract %s: %w", redactPageURL(pageURL), ErrNoContent)
	}
	return art, nil
}

// mainNode picks the fallback region: article, main, else body.
func mainNode(doc *html.Node) *html.Node {
	var article, main, body *html.Node
	walk(doc, func(n *html.Node, _ bool) bool {
		switch {
		case article == nil && isArticleRoot(n):
			article = n
		case main == nil && (n.Data == "main" || strings.EqualFold(attr(n, "role"), "main")):
			main = n
		case body == nil && n.Data == "body":
			body = n
		}
		return true
	})
	for _, n := range []*html.Node{article, main, body} {
		if n != nil {
			return n
		}
	}
	return doc
}

// docTitle is the <title> text.
func docTitle(doc *html.Node) string {
	var title string
	walk(doc, func(n *html.Node, _ bool) bool {
		if title == "" && n.Data == "title" && n.FirstChild != nil {
			title = normalizeSpace(n.FirstChild.Data)
		}
		return title == "" && n.Data != "body"
	})
	return title
}

// dropTitleEcho removes a leading paragraph that repeats the title, which
// readability keeps on some layouts and not on others.
func dropTitleEcho(ps []string, title string) []string {
	if len(ps) > 0 && title != "" && strings.EqualFold(ps[0], title) {
		return ps[1:]
	}
	return ps
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// redactPageURL keeps errors free of query tokens without importing fetch.
func redactPageURL(u string) string {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		return u[:i]
	}
	return u
}
