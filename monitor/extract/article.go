package extract

import (
	"strings"
	"time"
)

// Article is the readable part of a page.
type Article struct {
	// Title, Byline and SiteName come from readability, else from meta tags.
	Title, Byline, SiteName string
	// Canonical is the absolute http(s) URL from <link rel=canonical> or
	// og:url; "" if none.
	Canonical string
	// Published and Modified are zero when the page gives no date. Sources
	// in order: meta tags and JSON-LD, readability's metadata, then the
	// first <time datetime> (Published only).
	Published, Modified time.Time
	// Paragraphs is the main text, one plain-text paragraph per element,
	// whitespace collapsed, UI lines removed.
	Paragraphs []string
	// Dropped are text blocks of the page left out as boilerplate the site
	// learner found (see Layout); they are not in Paragraphs. Extract and
	// ExtractFast leave it nil.
	Dropped []string
}

// Text returns the paragraphs joined by blank lines.
func (a Article) Text() string {
	return strings.Join(a.Paragraphs, "\n\n")
}
