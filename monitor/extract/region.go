package extract

import (
	"golang.org/x/net/html"
)

// Region returns the raw bytes of the page's main article region, a
// subslice of page (not a copy), for hashing: if the region is unchanged,
// the article text very likely is too and extraction can be skipped.
//
// The region is, in order of preference: the largest top-level <article>
// element, the first element with itemprop="articleBody", the first <main>
// (or role="main"), the <body>, and finally the whole page.
//
// Limits: it works on tokens, not a DOM, so it does not apply the HTML
// parser's error recovery. Misnested or unclosed tags can make the region
// run to the end of the page (harmless: a larger region only changes more
// often). Rotating boilerplate inside the region (comment counts or share
// bars inside <article>) makes the hash change although the text did not,
// which only costs an extraction. The opposite mistake is possible when the
// article text lives outside the chosen element (an <article> that holds only
// the headline), so callers should still extract now and then even when the
// hash is stable.
func Region(page []byte) []byte { return Scan(page).Region() }

// span follows one element from its start tag to the matching end tag,
// counting nested elements of the same name.
type span struct {
	name       string
	depth      int
	start, end int
	open, done bool
	text       int // bytes of text in it outside scripts and styles (Scan counts them for <article>s)
}

func (s *span) opened() bool { return s.open }
func (s *span) closed() bool { return s.done }

// step feeds one tag; match says whether a start tag begins the wanted
// element. It reports whether the element just closed.
func (s *span) step(tt html.TokenType, name []byte, match bool, start, end int) bool {
	switch {
	case s.done:
		return false
	case !s.open:
		if tt == html.StartTagToken && match && !voidElements[string(name)] {
			*s = span{name: string(name), depth: 1, start: start, open: true}
		}
	case string(name) != s.name:
	case tt == html.StartTagToken:
		s.depth++
	case tt == html.EndTagToken:
		s.depth--
		if s.depth == 0 {
			s.end, s.done = end, true
			return true
		}
	}
	return false
}
