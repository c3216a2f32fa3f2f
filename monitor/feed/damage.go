package feed

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"

	"github.com/mmcdole/gofeed"
)

// Real feeds break in two ways that cost items. A body can stop inside the
// document (a generator that died mid-write, a file cut short on disk); and
// gofeed's lenient parser, meeting markup it cannot match up (an item's
// "<b>bold</i>", an item never closed), can read one item to the end of the
// document, so that the items after it vanish without an error. Parse finds
// the items by their start tags and, when the whole document reads fewer of
// them than it starts, reads them in groups, halving a group that does not
// read as many items as it starts down to single items. Items whose own
// markup is sound read as they would in a sound feed; an item whose text
// breaks the XML is read without that text; only an item that does not read
// even then, or one the body cuts off, is lost, and Damage counts it.

// Damage says what of a feed did not read as one document: an RSS, RDF or
// Atom feed read item by item, or a JSON Feed read up to its break.
type Damage struct {
	// Cause is the XML syntax error that broke the document.
	Cause error
	// CutShort: the body stops before the document's end, so items after
	// the break (and the one it cuts) are unknown.
	CutShort bool
	// Found is the number of items the markup starts; Read how many were
	// read; Textless how many of those were read without their text.
	Found, Read, Textless int
}

// Lost reports whether items are or may be missing: unreadable, cut off,
// or after the break of a feed cut short.
func (d *Damage) Lost() bool { return d.CutShort || d.Read < d.Found }

// Error says what happened, naming the XML error.
func (d *Damage) Error() string {
	var b strings.Builder
	switch {
	case d.CutShort:
		fmt.Fprintf(&b, "feed cut short: read the %d complete items before the break", d.Read)
		if lost := d.Found - d.Read - 1; lost > 0 {
			fmt.Fprintf(&b, ", %d more unreadable", lost)
		}
	case d.Read < d.Found:
		fmt.Fprintf(&b, "malformed feed: %d of %d items unreadable", d.Found-d.Read, d.Found)
	default:
		fmt.Fprintf(&b, "malformed feed: all %d items read one by one", d.Found)
	}
	if d.Textless > 0 {
		fmt.Fprintf(&b, ", %d without their text", d.Textless)
	}
	if d.Cause != nil {
		fmt.Fprintf(&b, " (%v)", d.Cause)
	}
	return b.String()
}

// Unwrap returns the XML syntax error.
func (d *Damage) Unwrap() error { return d.Cause }

// itemNames are the elements that hold one item, by feed type.
var itemNames = map[gofeed.FeedType]string{
	gofeed.FeedTypeRSS:  "item",
	gofeed.FeedTypeAtom: "entry",
}

// itemStarts returns the offsets of the start tags of the items of an RSS
// or RDF feed (<item>) or the entries of an Atom feed (<entry>), stepping
// over CDATA sections, comments, processing instructions and directives,
// whose text may look like markup. Only unprefixed names count: a prefixed
// "item" is some extension's element as often as the feed's own.
func itemStarts(b []byte, ft gofeed.FeedType) []int {
	name := []byte(itemNames[ft])
	var out []int
	for i := 0; ; {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			return out
		}
		j += i
		var end []byte
		switch rest := b[j+1:]; {
		case bytes.HasPrefix(rest, name):
			if k := j + 1 + len(name); k < len(b) && isTagNameEnd(b[k]) {
				out = append(out, j)
			}
			i = j + 1
			continue
		case bytes.HasPrefix(b[j:], cdataStart):
			end = cdataEnd
		case bytes.HasPrefix(rest, []byte("!--")):
			end = []byte("-->")
		case bytes.HasPrefix(rest, []byte("?")):
			end = []byte("?>")
		case bytes.HasPrefix(rest, []byte("!")):
			end = []byte(">")
		default:
			i = j + 1
			continue
		}
		k := bytes.Index(b[j+2:], end)
		if k < 0 {
			// Never closed: an item's broken markup more often than
			// the rest of the feed in one section.
			i = j + 1
			continue
		}
		i = j + 2 + k + len(end)
	}
}

func isTagNameEnd(c byte) bool {
	return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\r' || c == '\n'
}

// rootClose finds the end tag of a feed's root element (rss, rdf:RDF, feed).
var rootClose = regexp.MustCompile(`(?i)</(?:[a-z0-9_]+:)?(?:rss|rdf|feed)\s*>`)

// textElements are the elements holding an item's text, which is where
// feeds put the HTML that breaks them.
var textElements = regexp.MustCompile(`(?is)<description(?:\s[^>]*)?>.*?</description\s*>|<summary(?:\s[^>]*)?>.*?</summary\s*>|<content(?::encoded)?(?:\s[^>]*)?>.*?</content(?::encoded)?\s*>`)

// itemwise reads the items of an RSS, RDF or Atom body that did not read
// whole, or read fewer items than it starts; whole is the error of reading
// it whole, if any. Nil when the body starts no item.
func itemwise(body []byte, ft gofeed.FeedType, base *url.URL, whole error) *Feed {
	starts := itemStarts(body, ft)
	if len(starts) == 0 {
		return nil
	}
	name := itemNames[ft]
	header := body[:starts[0]]
	closing := "</channel></rss>"
	switch {
	case ft == gofeed.FeedTypeAtom:
		closing = "</feed>"
	case bytes.Contains(head(body), []byte("<rdf:RDF")):
		closing = "</rdf:RDF>"
	}
	last := starts[len(starts)-1]
	d := &Damage{Found: len(starts), Cause: whole, CutShort: rootClose.FindIndex(body[last:]) == nil}
	if d.Cause == nil {
		d.Cause = syntaxError(body)
	}
	out := &Feed{Damage: d}
	if hf, _, err := parseBody(joinDoc(header, nil, closing), ft, base, deferredSet{}); err == nil {
		out.Title, out.Link = hf.Title, hf.Link
	}

	// ends[i] is where item i ends: after its last end tag before the next
	// item, else (an item never closed) where the next begins; open[i]
	// marks the latter. An unclosed last item ends at the root's end tag,
	// or, in a body cut short, is cut off.
	endTag := itemEnd[ft]
	ends := make([]int, len(starts))
	open := make([]bool, len(starts))
	for i, s := range starts {
		next := len(body)
		if i+1 < len(starts) {
			next = starts[i+1]
		}
		if locs := endTag.FindAllIndex(body[s:next], -1); len(locs) > 0 {
			ends[i] = s + locs[len(locs)-1][1]
			continue
		}
		open[i] = true
		ends[i] = next
		if i+1 == len(starts) {
			if loc := rootClose.FindIndex(body[s:]); loc != nil {
				ends[i] = s + loc[0]
			} else {
				ends[i] = -1 // cut off
			}
		}
	}

	seen := seenItems{}
	keep := func(items []Item) {
		for _, it := range items {
			if seen.repeat(it) {
				continue
			}
			out.Items = append(out.Items, it)
		}
	}
	var read func(lo, hi int)
	read = func(lo, hi int) {
		if ends[hi-1] < 0 {
			// the cut-off item reads as a fragment (half a link, half a
			// title): never read it
			if hi-lo > 1 {
				read(lo, hi-1)
			}
			return
		}
		if hi-lo > 1 {
			f, _, err := parseBody(joinDoc(header, body[starts[lo]:ends[hi-1]], closing), ft, base, deferredSet{})
			if err == nil && f.found == hi-lo && !open[hi-1] {
				d.Read += hi - lo
				keep(f.Items)
				return
			}
			mid := (lo + hi) / 2
			read(lo, mid)
			read(mid, hi)
			return
		}
		item := body[starts[lo]:ends[lo]]
		if open[lo] {
			item = append(item[:len(item):len(item)], "</"+name+">"...)
		}
		if f, _, err := parseBody(joinDoc(header, item, closing), ft, base, deferredSet{}); err == nil && f.found == 1 {
			d.Read++
			keep(f.Items)
			return
		}
		// The item's text broke it: read the rest, the page holds the text.
		stripped := textElements.ReplaceAll(item, nil)
		if f, _, err := parseBody(joinDoc(header, stripped, closing), ft, base, deferredSet{}); err == nil && f.found == 1 {
			d.Read++
			d.Textless++
			keep(f.Items)
		}
	}
	read(0, len(starts))
	if d.Read == 0 {
		return nil
	}
	return out
}

// completeJSONItems reads the complete items of a JSON Feed that does not
// read whole, cut off mid-document or broken inside an item: the feed's
// fields before "items" and every item up to the break, as one feed. Nil
// when there is no complete item. cause is the error of reading it whole.
func completeJSONItems(body []byte, base *url.URL, cause error) *Feed {
	dec := json.NewDecoder(bytes.NewReader(body))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	doc := []byte("{")
	var items []json.RawMessage
	closed := false
	for dec.More() {
		t, err := dec.Token()
		key, ok := t.(string)
		if err != nil || !ok {
			return nil
		}
		if key != "items" {
			var v json.RawMessage
			if err := dec.Decode(&v); err != nil {
				return nil
			}
			k, _ := json.Marshal(key)
			doc = append(append(append(append(doc, k...), ':'), v...), ',')
			continue
		}
		if t, err := dec.Token(); err != nil || t != json.Delim('[') {
			return nil
		}
		for dec.More() {
			var v json.RawMessage
			if err := dec.Decode(&v); err != nil {
				break
			}
			items = append(items, v)
		}
		t, err = dec.Token()
		closed = err == nil && t == json.Delim(']')
		break
	}
	if len(items) == 0 {
		return nil
	}
	doc = append(doc, `"items":[`...)
	for i, v := range items {
		if i > 0 {
			doc = append(doc, ',')
		}
		doc = append(doc, v...)
	}
	doc = append(doc, "]}"...)
	f, _, err := parseBody(doc, gofeed.FeedTypeJSON, base, deferredSet{})
	if err != nil {
		return nil
	}
	// Read counts what gofeed read, duplicates included, as itemwise does:
	// an item repeated before the break was read, not lost.
	d := &Damage{Cause: cause, CutShort: true, Found: len(items), Read: f.found}
	if !closed {
		d.Found++ // the item the break cut
	}
	f.Damage = d
	return f
}

// joinDoc is header, the items' markup and the closing tags as one document.
func joinDoc(header, items []byte, closing string) []byte {
	doc := make([]byte, 0, len(header)+len(items)+len(closing))
	return append(append(append(doc, header...), items...), closing...)
}

// syntaxError returns the first XML syntax error of body read strictly (HTML
// entities allowed: feeds are full of "&nbsp;", which the lenient parser
// reads), or nil.
func syntaxError(body []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}
