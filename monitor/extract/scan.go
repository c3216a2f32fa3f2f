package extract

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Scanned is a page tokenised once. The pipeline hashes its article region
// to skip unchanged pages and, on sites where the fast path has been shown to
// agree with readability, extracts from the page's head and article region
// alone instead of parsing and cleaning the whole page again: on real news
// pages the region is a small part of the bytes.
//
// A Scanned is for one goroutine: its layout methods build and keep what
// they read of the region (blocks, link labels, words) when first asked.
type Scanned struct {
	page    []byte
	region  [2]int   // the article region, see Region
	headEnd int      // offset just past </head>; 0 when the page has none
	ldJSON  [][2]int // <script type="application/ld+json"> elements
	depth   int      // approximate deepest element nesting
	title   [2]int   // the raw text of the first <title>
	toks    []tok    // every tag and text token, for the layout methods (layout.go)
	sfx     sfxEvidence
	lay     *regionLayout
}

// Scan tokenises page once. page is not copied: it must not change while
// the result is used.
func Scan(page []byte) *Scanned {
	s := &Scanned{page: page, toks: make([]tok, 0, len(page)/16+16)}
	var article, body, main, itemBody span
	var best [2]int
	bestText := -1 // text bytes of best
	allText := 0   // text bytes of the page outside scripts and styles
	haveBest := false
	raw := 0 // open <script> and <style> elements, whose text is no text
	var depth atomDepth
	var script [2]int // an ld+json script being read; script[1] == -1 while open
	inScript, inTitle := false, false
	z := html.NewTokenizer(bytes.NewReader(page))
	offset := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		start := offset
		offset += len(z.Raw())
		if tt == html.TextToken {
			if raw == 0 {
				n := len(bytes.TrimSpace(page[start:offset]))
				allText += n
				if article.open && !article.done {
					article.text += n
				}
			}
			s.toks = append(s.toks, tok{kind: tokText, start: int32(start), end: int32(offset)})
			if inTitle && s.title[1] == 0 {
				s.title = [2]int{start, offset}
			}
			continue
		}
		if tt != html.StartTagToken && tt != html.EndTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		// name stays a []byte: converting every tag name would allocate.
		name, hasAttr := z.TagName()
		a := atom.Lookup(name)
		t := tok{kind: tokStart, a: a, name: tagKey(a, name), start: int32(start), end: int32(offset)}
		var at scanAttrs
		if tt != html.EndTagToken && hasAttr {
			at = readTagAttrs(z.Raw())
		}
		if tt == html.EndTagToken {
			t.kind = tokEnd
		} else {
			if tt == html.SelfClosingTagToken || voidAtom(a) {
				t.kind = tokVoid
			}
			t.sig = ownSig(name, &at, 0)
			if len(at.class) > 0 && bytes.Contains(at.class, doubleUnderscore) {
				t.hashLens = s.sfx.note(at.class)
			}
		}
		s.toks = append(s.toks, t)
		inTitle = tt == html.StartTagToken && a == atom.Title
		if tt == html.SelfClosingTagToken {
			continue
		}
		switch tt {
		case html.StartTagToken:
			s.depth = max(s.depth, depth.start(a))
			if a == atom.Script && bytes.Contains(bytes.ToLower(at.typ), []byte("ld+json")) {
				script, inScript = [2]int{start, -1}, true
			}
		case html.EndTagToken:
			depth.end(a)
			switch {
			case a == atom.Head && s.headEnd == 0:
				s.headEnd = offset
			case a == atom.Script && inScript:
				script[1], inScript = offset, false
				s.ldJSON = append(s.ldJSON, script)
			}
		}
		if a == atom.Script || a == atom.Style {
			switch tt {
			case html.StartTagToken:
				raw++
			case html.EndTagToken:
				raw = max(raw-1, 0)
			}
		}
		if done := article.step(tt, name, a == atom.Article, start, offset); done {
			// The <article> with the most text: a page may hold teasers,
			// comments or a banner in <article>s of their own, whose
			// markup can outweigh a story's.
			if article.text > bestText {
				best, bestText, haveBest = [2]int{article.start, article.end}, article.text, true
			}
			article = span{}
		}
		itemBody.step(tt, name, bytes.EqualFold(at.itemprop, []byte("articleBody")), start, offset)
		main.step(tt, name, a == atom.Main || bytes.EqualFold(at.role, []byte("main")), start, offset)
		body.step(tt, name, a == atom.Body, start, offset)
	}
	if article.opened() && !article.closed() { // unclosed at EOF
		if article.text > bestText {
			best, bestText, haveBest = [2]int{article.start, len(page)}, article.text, true
		}
	}
	s.region = [2]int{0, len(page)}
	// An <article> too small to hold the story (see storyArticle): the
	// region is found as on a page without one.
	if haveBest && storyArticle(bestText, allText) {
		s.region = best
		return s
	}
	for _, sp := range []span{itemBody, main, body} {
		if sp.opened() {
			s.region = [2]int{sp.start, len(page)}
			if sp.closed() {
				s.region[1] = sp.end
			}
			break
		}
	}
	return s
}

var doubleUnderscore = []byte("__")

// storyArticle reports whether an <article> holding text bytes of text, on
// a page holding total, may hold the story: more than a tenth of the
// page's text. Less is a teaser, a photo or a reader's comment (go-
// readability's real aclu and nytimes-5 pages: 0.5% and 3%; the smallest
// real story article, 15%). Scan and the fast path's mainNode both ask.
func storyArticle(text, total int) bool { return text*10 > total }

// Page returns the scanned page.
func (s *Scanned) Page() []byte { return s.page }

// Region returns the raw bytes of the article region, a subslice of the
// page (see the package function Region).
func (s *Scanned) Region() []byte { return s.page[s.region[0]:s.region[1]] }

// ExtractFast is ExtractRegion on the page's head, its JSON-LD blocks and its
// article region only. The page furniture around the article (navigation,
// asides, comments, footers) is never parsed. What it can miss is metadata
// that sits outside those parts (a <time> in a side bar, a <meta> in the
// footer), so callers check it against Extract as they do ExtractRegion.
// Pages that need cleaning first (another charset, NUL bytes, invalid UTF-8,
// deep nesting) take the ExtractRegion path.
func (s *Scanned) ExtractFast(pageURL string) (Article, error) {
	return s.extractFast(pageURL, nil)
}

// extractFast is ExtractFast without the byte spans in skip (sorted, inside
// the region, not overlapping).
func (s *Scanned) extractFast(pageURL string, skip [][2]int) (Article, error) {
	if s.depth > maxDepth/2 || needsSanitizing(s.page) {
		if len(skip) > 0 {
			return ExtractRegion(s.without(skip), pageURL)
		}
		return ExtractRegion(s.page, pageURL)
	}
	r0, r1 := s.region[0], s.region[1]
	if s.headEnd == 0 || s.headEnd > r0 {
		if len(skip) > 0 {
			return extractClean(s.without(skip), pageURL, true)
		}
		return extractClean(s.page, pageURL, true)
	}
	doc := make([]byte, 0, s.headEnd+(r1-r0)+1024)
	doc = append(doc, s.page[:s.headEnd]...)
	for _, sc := range s.ldJSON {
		if sc[0] >= s.headEnd && (sc[1] <= r0 || sc[0] >= r1) {
			doc = append(doc, s.page[sc[0]:sc[1]]...)
		}
	}
	prev := r0
	for _, sp := range skip {
		doc = append(doc, s.page[prev:sp[0]]...)
		prev = sp[1]
	}
	doc = append(doc, s.page[prev:r1]...)
	return extractClean(doc, pageURL, true)
}

// without returns a copy of the page without the byte spans in skip.
func (s *Scanned) without(skip [][2]int) []byte {
	out := make([]byte, 0, len(s.page))
	prev := 0
	for _, sp := range skip {
		out = append(out, s.page[prev:sp[0]]...)
		prev = sp[1]
	}
	return append(out, s.page[prev:]...)
}

// needsSanitizing reports whether sanitize would change page.
func needsSanitizing(page []byte) bool {
	if bytes.IndexByte(page, 0) >= 0 || !utf8.Valid(page) {
		return true
	}
	// Pure ASCII read as windows-1252 decodes to the same bytes.
	_, name := sourceEncoding(page)
	return name != "utf-8" && (name != "windows-1252" || !isASCII(page))
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// atomDepth approximates the parser's open-element stack like depthTracker,
// on atoms so that tracking it costs no allocation; unknown tag names share
// atom 0, which only makes the estimate coarser for them.
type atomDepth struct{ stack []atom.Atom }

func (d *atomDepth) start(a atom.Atom) int {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr, atom.Keygen:
		return len(d.stack)
	case atom.P, atom.Li, atom.Dt, atom.Dd, atom.Tr, atom.Td, atom.Th, atom.Option:
		if n := len(d.stack); n > 0 && d.stack[n-1] == a {
			d.stack = d.stack[:n-1]
		}
	}
	d.stack = append(d.stack, a)
	return len(d.stack)
}

// end pops to a if it is open near the top, as depthTracker.end does.
func (d *atomDepth) end(a atom.Atom) {
	for i, n := len(d.stack)-1, 0; i >= 0 && n < 16; i, n = i-1, n+1 {
		if d.stack[i] == a {
			d.stack = d.stack[:i]
			return
		}
	}
}
