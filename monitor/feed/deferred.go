package feed

import (
	"bytes"
	"strconv"

	"github.com/mmcdole/gofeed"
)

// Full-text feeds carry every article's HTML in content:encoded (RSS, RDF)
// or <content> (Atom), and the XML decoder reads it byte by byte: it was most
// of the cost of parsing such a feed. The pipeline needs that text only for
// the story filter and as a fallback when a page cannot be fetched, so Parse
// sets the element's text aside before gofeed runs and decodes it on demand,
// with gofeed itself on a one-item feed, so the text is exactly what parsing
// the whole feed would have given.

// deferMark stands in for set-aside content while gofeed parses; bodies that
// already hold it are parsed whole.
const deferMark = "storywatch-deferred-content-"

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
// inner XML, as they stood in the feed.
type deferredContent struct {
	atom     bool
	startTag []byte
	inner    []byte
}

// decode parses the element alone, as gofeed would have in the feed.
func (d *deferredContent) decode() string {
	var doc bytes.Buffer
	if d.atom {
		doc.WriteString(`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>`)
		doc.Write(d.startTag)
		doc.Write(d.inner)
		doc.WriteString(`</content></entry></feed>`)
	} else {
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
// replaced by deferMark+index, and the elements set aside. Elements it cannot
// delimit with certainty (child elements, comments, attributes on
// content:encoded, xml:base in an Atom feed, which gofeed applies to the
// content) stay in place.
func deferContent(body []byte, ft gofeed.FeedType, minSize int) ([]byte, []*deferredContent) {
	isAtom := ft == gofeed.FeedTypeAtom
	// A DTD's internal subset can define entities that expand to markup;
	// such feeds are parsed whole.
	if (ft != gofeed.FeedTypeRSS && !isAtom) || bytes.Contains(body, []byte(deferMark)) ||
		bytes.Contains(body, []byte("<!ENTITY")) || (isAtom && bytes.Contains(body, []byte("xml:base"))) {
		return body, nil
	}
	open, closeTag := rssOpen, rssClose
	if isAtom {
		open, closeTag = atomOpen, atomClose
	}
	var out []byte
	var set []*deferredContent
	copied := 0 // body[:copied] is in out already
	for i := 0; ; {
		tagStart := nextOpen(body, i, open)
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
		out = append(out, deferMark...)
		out = strconv.AppendInt(out, int64(len(set)), 10)
		copied = innerEnd
		set = append(set, &deferredContent{atom: isAtom, startTag: body[tagStart:innerStart], inner: body[innerStart:innerEnd]})
	}
	if set == nil {
		return body, nil
	}
	return append(out, body[copied:]...), set
}

// nextOpen returns the offset of the next markup that begins with open from
// i, stepping over CDATA sections, comments and processing instructions, whose
// text may look like markup; -1 when there is none. Outside those, '<' only
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

// deferredIndex returns the index in a content value that is only a mark.
func deferredIndex(content string, n int) (int, bool) {
	rest, ok := bytes.CutPrefix([]byte(content), []byte(deferMark))
	if !ok {
		return 0, false
	}
	k, err := strconv.Atoi(string(rest))
	if err != nil || k < 0 || k >= n {
		return 0, false
	}
	return k, true
}
