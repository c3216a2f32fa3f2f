package feed

import (
	"bytes"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/mmcdole/gofeed"
)

// Full-text feeds carry every article's HTML in content:encoded (RSS, RDF)
// or <content> (Atom), and the XML decoder reads it byte by byte: it was most
// of the cost of parsing such a feed. The pipeline needs that text only for
// the story filter and as a fallback when a page cannot be fetched, so Parse
// sets the element's text aside before gofeed runs and decodes it on demand,
// with gofeed itself on a one-item feed, so the text is exactly what parsing
// the whole feed would have given.

// deferMark begins the value that stands in for set-aside content while
// gofeed parses. A random part follows, so a feed cannot spell a mark (even
// with entities or escapes) that would borrow another item's content.
const deferMark = "storywatch-deferred-content-"

// deferredSet is the content set aside from one feed.
type deferredSet struct {
	mark  string // deferMark, a random part and "-"; then the index
	items []*deferredContent
}

func newDeferredSet() deferredSet {
	return deferredSet{mark: deferMark + strconv.FormatUint(rand.Uint64(), 36) + "-"}
}

func (d *deferredSet) add(c *deferredContent, out []byte) []byte {
	out = append(out, d.mark...)
	out = strconv.AppendInt(out, int64(len(d.items)), 10)
	d.items = append(d.items, c)
	return out
}

// lookup returns the content a parsed value stands for, or nil.
func (d *deferredSet) lookup(value string) *deferredContent {
	rest, ok := strings.CutPrefix(value, d.mark)
	if !ok || len(d.items) == 0 {
		return nil
	}
	k, err := strconv.Atoi(rest)
	if err != nil || k < 0 || k >= len(d.items) {
		return nil
	}
	return d.items[k]
}

// minDeferred is the smallest content worth setting aside.
const minDeferred = 512

var (
	cdataStart = []byte("<![CDATA[")
	cdataEnd   = []byte("]]>")

	rssOpen   = []byte("<content:encoded>")
	rssClose  = []byte("</content:encoded>")
	atomOpen  = []byte("<content")
	atomClose = []byte("</content>")
)

// deferredContent is one content element set aside: its start tag and raw
// inner XML, or its JSON key and raw string value, as they stood in the feed.
type deferredContent struct {
	format   gofeed.FeedType
	startTag []byte // Atom: the <content ...> start tag; JSON: the key
	inner    []byte
	claimed  bool // an item's content is this
}

// decode parses the element alone, as gofeed would have in the feed.
func (d *deferredContent) decode() string {
	var doc bytes.Buffer
	switch d.format {
	case gofeed.FeedTypeJSON:
		doc.WriteString(`{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"i","`)
		doc.Write(d.startTag)
		doc.WriteString(`":`)
		doc.Write(d.inner)
		doc.WriteString(`}]}`)
	case gofeed.FeedTypeAtom:
		doc.WriteString(`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>`)
		doc.Write(d.startTag)
		doc.Write(d.inner)
		doc.WriteString(`</content></entry></feed>`)
	default:
		doc.WriteString(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><item><content:encoded>`)
		doc.Write(d.inner)
		doc.WriteString(`</content:encoded></item></channel></rss>`)
	}
	p := gofeed.NewParser()
	p.RSSTranslator = &gofeed.DefaultRSSTranslator{DisableContentImageScan: true}
	gf, err := p.Parse(&doc)
	if err != nil || len(gf.Items) != 1 || gf.Items[0] == nil {
		return ""
	}
	return clean(gf.Items[0].Content)
}

// deferContent returns body with the text of large content elements
// replaced by a mark and its index, and the elements set aside. Elements it
// cannot delimit with certainty (child elements, comments, attributes on
// content:encoded, xml:base in an Atom feed, which gofeed applies to the
// content) stay in place.
func deferContent(body []byte, ft gofeed.FeedType, minSize int) ([]byte, deferredSet) {
	set := newDeferredSet()
	if ft == gofeed.FeedTypeJSON {
		return deferJSONContent(body, minSize, set)
	}
	isAtom := ft == gofeed.FeedTypeAtom
	// (A DTD, whose entities could expand to markup, is a directive:
	// nextOpen gives up on the whole feed when it meets one.)
	if (ft != gofeed.FeedTypeRSS && !isAtom) || (isAtom && bytes.Contains(body, []byte("xml:base"))) {
		return body, set
	}
	open, closeTag := rssOpen, rssClose
	if isAtom {
		open, closeTag = atomOpen, atomClose
	}
	var out []byte
	copied := 0 // body[:copied] is in out already
	for i := 0; ; {
		tagStart := nextOpen(body, i, open)
		if tagStart == errDirective {
			return body, newDeferredSet()
		}
		if tagStart < 0 {
			break
		}
		innerStart := tagStart + len(open)
		if isAtom {
			innerStart = atomStartTagEnd(body, innerStart)
		}
		if innerStart < 0 {
			i = tagStart + len(open)
			continue
		}
		innerEnd := contentEnd(body, innerStart, closeTag)
		if innerEnd < 0 {
			i = innerStart
			continue
		}
		i = innerEnd + len(closeTag)
		if innerEnd-innerStart < minSize {
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(body)/4)
		}
		out = append(out, body[copied:innerStart]...)
		out = set.add(&deferredContent{format: ft, startTag: body[tagStart:innerStart], inner: body[innerStart:innerEnd]}, out)
		copied = innerEnd
	}
	if out == nil {
		return body, set
	}
	return append(out, body[copied:]...), set
}

// errDirective is nextOpen's answer for a feed with a directive.
const errDirective = -2

// nextOpen returns the offset of the next markup that begins with open from
// i, stepping over CDATA sections, comments and processing instructions, whose
// text may look like markup; -1 when there is none, errDirective when a
// directive comes first. Outside those, '<' only
// begins markup in XML (never in text or attribute values).
func nextOpen(b []byte, i int, open []byte) int {
	for {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			return -1
		}
		j += i
		var end []byte
		switch {
		case bytes.HasPrefix(b[j:], open):
			return j
		case bytes.HasPrefix(b[j:], cdataStart):
			end = cdataEnd
		case bytes.HasPrefix(b[j:], []byte("<!--")):
			end = []byte("-->")
		case bytes.HasPrefix(b[j:], []byte("<?")):
			end = []byte("?>")
		case bytes.HasPrefix(b[j:], []byte("<!")):
			// A directive (<!DOCTYPE ...>) nests brackets and quotes its
			// own way: leave such feeds to the parser.
			return errDirective
		default:
			i = j + 1
			continue
		}
		k := bytes.Index(b[j+2:], end)
		if k < 0 {
			return -1
		}
		i = j + 2 + k + len(end)
	}
}

// atomStartTagEnd returns the offset just past the start tag of an Atom
// <content> element whose name ends at i, or -1 when it is not one (another
// element such as <contents>, or an empty element).
func atomStartTagEnd(b []byte, i int) int {
	if i >= len(b) || (b[i] != '>' && b[i] != ' ' && b[i] != '\t' && b[i] != '\n' && b[i] != '\r') {
		return -1
	}
	var quote byte
	for ; i < len(b); i++ {
		switch c := b[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '<':
			return -1
		case c == '>':
			if b[i-1] == '/' {
				return -1
			}
			return i + 1
		}
	}
	return -1
}

// contentEnd returns where closeTag starts after plain text and CDATA
// sections from i, or -1 when anything else (a child element, a comment, a
// processing instruction, the end of the body) comes first.
func contentEnd(b []byte, i int, closeTag []byte) int {
	for {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			return -1
		}
		j += i
		switch {
		case bytes.HasPrefix(b[j:], closeTag):
			return j
		case bytes.HasPrefix(b[j:], cdataStart):
			k := bytes.Index(b[j+len(cdataStart):], cdataEnd)
			if k < 0 {
				return -1
			}
			i = j + len(cdataStart) + k + len(cdataEnd)
		default:
			return -1
		}
	}
}

// deferJSONContent sets aside the string values of content_html and
// content_text keys in a JSON Feed. Outside strings, a quote always opens a
// string in JSON, so stepping from string to string finds every key.
// encoding/json also matches keys case-insensitively; other spellings stay
// in place and parse as before.
func deferJSONContent(body []byte, minSize int, set deferredSet) ([]byte, deferredSet) {
	var out []byte
	copied := 0
	for i := 0; ; {
		q := bytes.IndexByte(body[i:], '"')
		if q < 0 {
			break
		}
		start := i + q
		end := jsonStringEnd(body, start)
		if end < 0 {
			break
		}
		i = end
		key := body[start+1 : end-1]
		if string(key) != "content_html" && string(key) != "content_text" {
			continue
		}
		v := skipJSONSpace(body, end)
		if v >= len(body) || body[v] != ':' {
			continue
		}
		v = skipJSONSpace(body, v+1)
		if v >= len(body) || body[v] != '"' {
			continue
		}
		vEnd := jsonStringEnd(body, v)
		if vEnd < 0 {
			break
		}
		i = vEnd
		if vEnd-v < minSize {
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(body)/4)
		}
		out = append(out, body[copied:v]...)
		out = append(out, '"')
		out = set.add(&deferredContent{format: gofeed.FeedTypeJSON, startTag: key, inner: body[v:vEnd]}, out)
		out = append(out, '"')
		copied = vEnd
	}
	if out == nil {
		return body, set
	}
	return append(out, body[copied:]...), set
}

// jsonStringEnd returns the offset just past the JSON string that opens at
// b[i], or -1 when it does not end.
func jsonStringEnd(b []byte, i int) int {
	for k := i + 1; k < len(b); {
		j := bytes.IndexAny(b[k:], `"\`)
		if j < 0 {
			return -1
		}
		k += j
		if b[k] == '"' {
			return k + 1
		}
		k += 2 // an escape: skip the escaped character
	}
	return -1
}

func skipJSONSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}
