package extract

import (
	"bytes"
	"errors"
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
	return extract(page, pageURL, false)
}

// ExtractRegion is Extract without readability: the text is taken from the
// page's cleaned main region (<article>, else <main>, else <body>) with the
// same boilerplate removal and paragraph rules. It is several times faster
// and gives the same text on sites that mark up their article well; callers
// should check that against Extract on a site's pages before relying on it
// (package monitor learns this per site).
func ExtractRegion(page []byte, pageURL string) (Article, error) {
	return extract(page, pageURL, true)
}

func extract(page []byte, pageURL string, regionOnly bool) (Article, error) {
	return extractClean(sanitize(page), pageURL, regionOnly)
}

// extractClean is extract on a page that is valid UTF-8 without NUL bytes
// and nests no deeper than maxDepth.
func extractClean(page []byte, pageURL string, regionOnly bool) (Article, error) {
	base, _ := url.Parse(pageURL)
	if base != nil && !base.IsAbs() {
		base = nil
	}
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
	var ra readability.Article
	var rerr error = errSkipped
	if !regionOnly {
		rp := readability.NewParser()
		ra, rerr = rp.ParseAndMutate(doc, base)
	}
	if rerr == nil && ra.Node != nil {
		art.Paragraphs = paragraphs(ra.Node)
	}
	if regionOnly {
		art.Paragraphs = paragraphs(bodyNode(doc))
	}
	if len(art.Paragraphs) == 0 {
		// readability gave up (very short or unusual pages): fall back to
		// the cleaned main region.
		art.Paragraphs = paragraphs(mainNode(doc))
	}

	if rerr == nil {
		art.Title = normalizeSpace(ra.Title())
		art.Byline = normalizeSpace(ra.Byline())
		art.SiteName = normalizeSpace(ra.SiteName())
		if t, err := ra.PublishedTime(); err == nil && art.Published.IsZero() {
			art.Published = t
		}
		if t, err := ra.ModifiedTime(); err == nil && art.Modified.IsZero() {
			art.Modified = t
		}
	}
	art.Title = firstNonEmpty(art.Title, normalizeSpace(m.title), docTitle(doc))
	art.Byline = firstNonEmpty(art.Byline, normalizeSpace(m.byline))
	art.SiteName = firstNonEmpty(art.SiteName, normalizeSpace(m.siteName))
	if art.Published.IsZero() {
		art.Published = m.timeFallback
	}
	art.Paragraphs = dropTitleEcho(art.Paragraphs, art.Title)
	if len(art.Paragraphs) == 0 {
		return art, fmt.Errorf("extract %s: %w", redactPageURL(pageURL), ErrNoContent)
	}
	return art, nil
}

// bodyNode picks the article text for the fast path: the element marked
// itemprop=articleBody, else the main region without its header, figures
// and captions (what readability drops around the text). A figure that
// stands among the text's paragraphs (a sibling of a <p> with text) is
// kept whole, caption and all: readability keeps the element holding the paragraphs whole, and a
// WordPress post's Gutenberg image, pull quote, embed and table blocks are
// <figure>s among its <p>s in the entry content.
func bodyNode(doc *html.Node) *html.Node {
	var body *html.Node
	walk(doc, func(n *html.Node, _ bool) bool {
		if body == nil && n.Type == html.ElementNode && hasToken(attr(n, "itemprop"), "articleBody") {
			body = n
		}
		return body == nil
	})
	if body != nil {
		return body
	}
	root := mainNode(doc)
	var drop []*html.Node
	walk(root, func(n *html.Node, _ bool) bool {
		switch n.Data {
		case "figure":
			if !amongParagraphs(n) {
				drop = append(drop, n)
			}
			return false
		case "header", "figcaption", "h1", "time", "address":
			drop = append(drop, n)
			return false
		}
		return true
	})
	for _, n := range drop {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
	return root
}

// amongParagraphs reports whether n's parent holds a <p> with text of its
// own next to it.
func amongParagraphs(n *html.Node) bool {
	if n.Parent == nil {
		return false
	}
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c != n && c.Type == html.ElementNode && c.Data == "p" && textLen(c) > 0 {
			return true
		}
	}
	return false
}

// errSkipped stands for readability's result when it was not run.
var errSkipped = errors.New("readability skipped")

// mainNode picks the fallback region: the article with the most text (a
// page may hold teasers or comments in <article>s of their own before the
// story), else main, else body. An <article> holding a tenth of the page's
// text or less is no candidate, as for Scan's region: it is a teaser or a
// reader's comment (a WordPress theme's comment-body) on a page whose story
// is in no <article>, and the fast path, given that region, must not take
// the comment for the story.
func mainNode(doc *html.Node) *html.Node {
	var article, main, body *html.Node
	most := -1
	total := -1 // the page's text, counted when first needed
	walk(doc, func(n *html.Node, _ bool) bool {
		switch {
		case isArticleRoot(n):
			t := textLen(n)
			if n.Data == "article" {
				if total < 0 {
					total = textLen(doc)
				}
				if !storyArticle(t, total) {
					return true
				}
			}
			if t > most {
				article, most = n, t
			}
			// an article inside it holds less text: count each node once
			return false
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
