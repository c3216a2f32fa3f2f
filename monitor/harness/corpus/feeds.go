package corpus

import (
	"fmt"
	"strings"
	"time"
)

// trackingQuery is appended to some feed links, as real CMSs do, so that
// consumers must canonicalise URLs before deduplicating.
const trackingQuery = "?utm_source=rss&utm_medium=feed"

// feedItemSnap is one feed item as it stood when a request took its snapshot.
type feedItemSnap struct {
	canonical string // base + canonical path
	link      string // canonical, plus tracking parameters on some items
	section   string
	rev       Revision // Paragraphs are never mutated after setRevision, so sharing is safe
	flags     textFlags
}

// feedSnap is everything a feed's bytes depend on, copied under Server.mu so
// rendering can run without the lock.
type feedSnap struct {
	f       *feed
	base    string
	self    string
	updated time.Time // newest Modified among the items
	gen     int       // sum of the items' generations: changes whenever any item does
	items   []feedItemSnap
}

// feedState returns what a feed's validators depend on: the sum of its
// items' generations and their newest Modified time.
func (s *Server) feedState(i int) (gen int, updated time.Time) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, it := range s.feeds[i].items {
		a := s.arts[it.article]
		gen += a.gen
		if a.cur.Modified.After(updated) {
			updated = a.cur.Modified
		}
	}
	return gen, updated
}

// feedSnapshot copies feed i's state for base.
func (s *Server) feedSnapshot(i int, base string) feedSnap {
	f := s.feeds[i]
	v := feedSnap{f: f, base: base, self: base + f.path, items: make([]feedItemSnap, len(f.items))}
	s.mu.RLock()
	for k, it := range f.items {
		a := s.arts[it.article]
		e := feedItemSnap{canonical: base + a.path, rev: a.cur, flags: a.flags, section: a.section}
		e.link = e.canonical
		if it.tracking {
			e.link += trackingQuery
		}
		if a.cur.Modified.After(v.updated) {
			v.updated = a.cur.Modified
		}
		v.gen += a.gen
		v.items[k] = e
	}
	s.mu.RUnlock()
	return v
}

// appendFeed renders v in its feed's format; the bytes are those the
// encoding/xml and encoding/json renderers this replaced produced.
func appendFeed(dst []byte, v *feedSnap) ([]byte, error) {
	switch v.f.format {
	case FormatRSS:
		return appendRSS(dst, v), nil
	case FormatAtom:
		return appendAtom(dst, v), nil
	case FormatRDF:
		return appendRDF(dst, v), nil
	case FormatJSON:
		return appendJSONFeed(dst, v), nil
	}
	return dst, fmt.Errorf("render feed %s: unknown format %q: %w", v.f.name, v.f.format, ErrOptions)
}

func feedContentType(format string) string {
	switch format {
	case FormatRSS:
		return "application/rss+xml; charset=utf-8"
	case FormatAtom:
		return "application/atom+xml; charset=utf-8"
	case FormatRDF:
		return "application/rdf+xml; charset=utf-8"
	default:
		return "application/feed+json; charset=utf-8"
	}
}

// appendContentXML appends the XML escaping of the article body as feeds
// carry it (content:encoded, Atom content): each paragraph as <p>…</p> and a
// newline, HTML-escaped.
func appendContentXML(dst []byte, r *Revision, f textFlags) []byte {
	for i, p := range r.Paragraphs {
		dst = append(dst, "&lt;p&gt;"...)
		dst = appendXMLHTMLF(dst, p, f.para(i))
		dst = append(dst, "&lt;/p&gt;&#xA;"...)
	}
	return dst
}

// appendContentJSON is appendContentXML for a JSON string (no quotes).
func appendContentJSON(dst []byte, r *Revision, f textFlags) []byte {
	for i, p := range r.Paragraphs {
		dst = append(dst, `\u003cp\u003e`...)
		dst = appendJSONHTMLCharsF(dst, p, f.para(i))
		dst = append(dst, `\u003c/p\u003e\n`...)
	}
	return dst
}

func summary(r Revision) string {
	if len(r.Paragraphs) == 0 {
		return ""
	}
	return r.Paragraphs[0]
}

// appendElem appends indent, <name>escaped text</name> and a newline.
func appendElem(dst []byte, indent, name, text string) []byte {
	return appendElemF(dst, indent, name, text, 0)
}

// appendElemF is appendElem for a text whose cleanFlags are f.
func appendElemF(dst []byte, indent, name, text string, f uint8) []byte {
	dst = append(dst, indent...)
	dst = append(dst, '<')
	dst = append(dst, name...)
	dst = append(dst, '>')
	dst = appendXMLF(dst, text, f)
	dst = append(dst, "</"...)
	dst = append(dst, name...)
	return append(dst, ">\n"...)
}

// appendTimeElem appends indent, <name>t in layout</name> and a newline.
func appendTimeElem(dst []byte, indent, name string, t time.Time, layout string) []byte {
	dst = append(dst, indent...)
	dst = append(dst, '<')
	dst = append(dst, name...)
	dst = append(dst, '>')
	dst = t.UTC().AppendFormat(dst, layout)
	dst = append(dst, "</"...)
	dst = append(dst, name...)
	return append(dst, ">\n"...)
}

func appendRSS(dst []byte, v *feedSnap) []byte {
	dst = append(dst, xmlHeader+`<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">`+"\n  <channel>\n"...)
	dst = appendElem(dst, "    ", "title", v.f.title)
	dst = appendElem(dst, "    ", "link", v.base+"/")
	dst = append(dst, "    <description>Latest stories from "...)
	dst = appendXML(dst, v.f.site)
	dst = append(dst, "</description>\n    <language>en</language>\n"...)
	dst = appendTimeElem(dst, "    ", "lastBuildDate", v.updated, time.RFC1123Z)
	dst = append(dst, `    <atom:link href="`...)
	dst = appendXML(dst, v.self)
	dst = append(dst, `" rel="self" type="application/rss+xml"></atom:link>`+"\n"...)
	for k := range v.items {
		e := &v.items[k]
		dst = append(dst, "    <item>\n"...)
		dst = appendElemF(dst, "      ", "title", e.rev.Title, e.flags.title)
		dst = appendElem(dst, "      ", "link", e.link)
		dst = append(dst, `      <guid isPermaLink="true">`...)
		dst = appendXML(dst, e.canonical)
		dst = append(dst, "</guid>\n"...)
		dst = appendTimeElem(dst, "      ", "pubDate", e.rev.Published, time.RFC1123Z)
		dst = appendTimeElem(dst, "      ", "atom:updated", e.rev.Modified, time.RFC3339)
		if n := bylineName(e.rev.Byline); n != "" {
			dst = appendElem(dst, "      ", "dc:creator", n)
		}
		if e.section != "" {
			dst = appendElem(dst, "      ", "category", e.section)
		}
		dst = appendElemF(dst, "      ", "description", summary(e.rev), e.flags.para(0))
		dst = append(dst, "      <content:encoded>"...)
		dst = appendContentXML(dst, &e.rev, e.flags)
		dst = append(dst, "</content:encoded>\n    </item>\n"...)
	}
	return append(dst, "  </channel>\n</rss>\n"...)
}

// xmlHeader is xml.Header, which the encoding/xml renderers wrote first.
const xmlHeader = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

func appendAtom(dst []byte, v *feedSnap) []byte {
	dst = append(dst, xmlHeader+`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">`+"\n"...)
	dst = appendElem(dst, "  ", "id", v.self)
	dst = appendElem(dst, "  ", "title", v.f.title)
	dst = appendTimeElem(dst, "  ", "updated", v.updated, time.RFC3339)
	dst = append(dst, `  <link href="`...)
	dst = appendXML(dst, v.self)
	dst = append(dst, `" rel="self" type="application/atom+xml"></link>`+"\n"+`  <link href="`...)
	dst = appendXML(dst, v.base+"/")
	dst = append(dst, `" rel="alternate" type="text/html"></link>`+"\n  <author>\n"...)
	dst = appendElem(dst, "    ", "name", v.f.site)
	dst = append(dst, "  </author>\n"...)
	for k := range v.items {
		e := &v.items[k]
		dst = append(dst, "  <entry>\n"...)
		dst = appendElem(dst, "    ", "id", e.canonical)
		dst = appendElemF(dst, "    ", "title", e.rev.Title, e.flags.title)
		dst = append(dst, `    <link href="`...)
		dst = appendXML(dst, e.link)
		dst = append(dst, `" rel="alternate" type="text/html"></link>`+"\n"...)
		dst = appendTimeElem(dst, "    ", "published", e.rev.Published, time.RFC3339)
		dst = appendTimeElem(dst, "    ", "updated", e.rev.Modified, time.RFC3339)
		dst = append(dst, "    <author>\n"...)
		dst = appendElem(dst, "      ", "name", bylineName(e.rev.Byline))
		dst = append(dst, "    </author>\n"...)
		if e.section != "" {
			dst = append(dst, `    <category term="`...)
			dst = appendXML(dst, e.section)
			dst = append(dst, `"></category>`+"\n"...)
		}
		dst = append(dst, `    <summary type="text">`...)
		dst = appendXMLF(dst, summary(e.rev), e.flags.para(0))
		dst = append(dst, "</summary>\n"+`    <content type="html">`...)
		dst = appendContentXML(dst, &e.rev, e.flags)
		dst = append(dst, "</content>\n  </entry>\n"...)
	}
	return append(dst, "</feed>\n"...)
}

// appendRDF writes RSS 1.0. It has no separate publication date: dc:date is
// the time of the item's latest revision.
func appendRDF(dst []byte, v *feedSnap) []byte {
	dst = append(dst, xmlHeader+`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">`+"\n"+`  <channel rdf:about="`...)
	dst = appendXML(dst, v.self)
	dst = append(dst, "\">\n"...)
	dst = appendElem(dst, "    ", "title", v.f.title)
	dst = appendElem(dst, "    ", "link", v.base+"/")
	dst = append(dst, "    <description>Latest stories from "...)
	dst = appendXML(dst, v.f.site)
	dst = append(dst, "</description>\n"...)
	dst = appendTimeElem(dst, "    ", "dc:date", v.updated, time.RFC3339)
	if len(v.items) == 0 {
		dst = append(dst, "    <items>\n      <rdf:Seq></rdf:Seq>\n    </items>\n"...)
	} else {
		dst = append(dst, "    <items>\n      <rdf:Seq>\n"...)
		for k := range v.items {
			dst = append(dst, `        <rdf:li rdf:resource="`...)
			dst = appendXML(dst, v.items[k].link)
			dst = append(dst, `"></rdf:li>`+"\n"...)
		}
		dst = append(dst, "      </rdf:Seq>\n    </items>\n"...)
	}
	dst = append(dst, "  </channel>\n"...)
	for k := range v.items {
		e := &v.items[k]
		dst = append(dst, `  <item rdf:about="`...)
		dst = appendXML(dst, e.link)
		dst = append(dst, "\">\n"...)
		dst = appendElemF(dst, "    ", "title", e.rev.Title, e.flags.title)
		dst = appendElem(dst, "    ", "link", e.link)
		dst = appendElemF(dst, "    ", "description", summary(e.rev), e.flags.para(0))
		dst = appendTimeElem(dst, "    ", "dc:date", e.rev.Modified, time.RFC3339)
		if n := bylineName(e.rev.Byline); n != "" {
			dst = appendElem(dst, "    ", "dc:creator", n)
		}
		if e.section != "" {
			dst = appendElem(dst, "    ", "dc:subject", e.section)
		}
		dst = append(dst, "    <content:encoded>"...)
		dst = appendContentXML(dst, &e.rev, e.flags)
		dst = append(dst, "</content:encoded>\n  </item>\n"...)
	}
	return append(dst, "</rdf:RDF>\n"...)
}

// appendJSONField appends indent, "name": value-as-JSON-string, an optional
// comma and a newline.
func appendJSONField(dst []byte, indent, name, value string, comma bool) []byte {
	return appendJSONFieldF(dst, indent, name, value, comma, 0)
}

// appendJSONFieldF is appendJSONField for a value whose cleanFlags are f.
func appendJSONFieldF(dst []byte, indent, name, value string, comma bool, f uint8) []byte {
	dst = append(dst, indent...)
	dst = append(dst, '"')
	dst = append(dst, name...)
	dst = append(dst, `": `...)
	dst = appendJSONF(dst, value, f)
	if comma {
		dst = append(dst, ',')
	}
	return append(dst, '\n')
}

// appendJSONFeed writes JSON Feed 1.1 laid out as json.MarshalIndent(v, "", "  ").
func appendJSONFeed(dst []byte, v *feedSnap) []byte {
	dst = append(dst, "{\n"...)
	dst = appendJSONField(dst, "  ", "version", "https://jsonfeed.org/version/1.1", true)
	dst = appendJSONField(dst, "  ", "title", v.f.title, true)
	dst = appendJSONField(dst, "  ", "home_page_url", v.base+"/", true)
	dst = appendJSONField(dst, "  ", "feed_url", v.self, true)
	dst = appendJSONField(dst, "  ", "language", "en", true)
	if len(v.items) == 0 {
		return append(dst, "  \"items\": []\n}\n"...)
	}
	dst = append(dst, "  \"items\": [\n"...)
	for k := range v.items {
		e := &v.items[k]
		author := bylineName(e.rev.Byline)
		dst = append(dst, "    {\n"...)
		dst = appendJSONField(dst, "      ", "id", e.canonical, true)
		dst = appendJSONField(dst, "      ", "url", e.link, true)
		dst = appendJSONFieldF(dst, "      ", "title", e.rev.Title, true, e.flags.title)
		dst = appendJSONFieldF(dst, "      ", "summary", summary(e.rev), true, e.flags.para(0))
		dst = append(dst, `      "content_html": "`...)
		dst = appendContentJSON(dst, &e.rev, e.flags)
		dst = append(dst, "\",\n"...)
		dst = append(dst, `      "date_published": "`...)
		dst = e.rev.Published.UTC().AppendFormat(dst, time.RFC3339)
		dst = append(dst, "\",\n"+`      "date_modified": "`...)
		dst = e.rev.Modified.UTC().AppendFormat(dst, time.RFC3339)
		dst = append(dst, '"')
		if author != "" {
			dst = append(dst, ",\n      \"authors\": [\n        {\n"...)
			dst = appendJSONField(dst, "          ", "name", author, false)
			dst = append(dst, "        }\n      ]"...)
		}
		if e.section != "" {
			dst = append(dst, ",\n      \"tags\": [\n        "...)
			dst = appendJSON(dst, e.section)
			dst = append(dst, "\n      ]"...)
		}
		dst = append(dst, "\n    }"...)
		if k+1 < len(v.items) {
			dst = append(dst, ',')
		}
		dst = append(dst, '\n')
	}
	return append(dst, "  ]\n}\n"...)
}

// bylineName turns "By A and B, Outlet" into "A and B".
func bylineName(byline string) string {
	s := strings.TrimPrefix(strings.TrimSpace(byline), "By ")
	if i := strings.LastIndex(s, ", "); i >= 0 {
		s = s[:i]
	}
	return s
}
