package corpus

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"strings"
	"time"
)

// trackingQuery is appended to some feed links, as real CMSs do, so that
// consumers must canonicalise URLs before deduplicating.
const trackingQuery = "?utm_source=rss&utm_medium=feed"

// feedEntry is the format-independent view of one item at render time.
type feedEntry struct {
	canonical string
	link      string
	rev       Revision
	section   string
}

// feedView is the format-independent view of one feed at render time.
type feedView struct {
	f       *feed
	base    string
	self    string
	updated time.Time
	entries []feedEntry
}

// view snapshots a feed; the caller holds s.mu for reading.
func (s *Server) view(f *feed, base string) feedView {
	v := feedView{f: f, base: base, self: base + f.path}
	for _, it := range f.items {
		a := s.arts[it.article]
		e := feedEntry{canonical: base + a.path, rev: a.cur, section: a.section}
		e.link = e.canonical
		if it.tracking {
			e.link += trackingQuery
		}
		if a.cur.Modified.After(v.updated) {
			v.updated = a.cur.Modified
		}
		v.entries = append(v.entries, e)
	}
	return v
}

func renderFeed(v feedView) ([]byte, error) {
	switch v.f.format {
	case FormatRSS:
		return renderRSS(v)
	case FormatAtom:
		return renderAtom(v)
	case FormatRDF:
		return renderRDF(v)
	case FormatJSON:
		return renderJSON(v)
	}
	return nil, fmt.Errorf("render feed %s: unknown format %q: %w", v.f.name, v.f.format, ErrOptions)
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

// contentHTML is the full article body as feeds carry it in content:encoded,
// Atom content and JSON Feed content_html.
func contentHTML(r Revision) string {
	var b strings.Builder
	for _, p := range r.Paragraphs {
		b.WriteString("<p>")
		b.WriteString(html.EscapeString(p))
		b.WriteString("</p>\n")
	}
	return b.String()
}

func summary(r Revision) string {
	if len(r.Paragraphs) == 0 {
		return ""
	}
	return r.Paragraphs[0]
}

func marshalXML(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("encode feed xml: %w", err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

type rssDoc struct {
	XMLName  xml.Name   `xml:"rss"`
	Version  string     `xml:"version,attr"`
	NSAtom   string     `xml:"xmlns:atom,attr"`
	NSConten string     `xml:"xmlns:content,attr"`
	NSDC     string     `xml:"xmlns:dc,attr"`
	Channel  rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language"`
	LastBuildDate string    `xml:"lastBuildDate"`
	Self          atomLink  `xml:"atom:link"`
	Items         []rssItem `xml:"item"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type rssGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

type rssItem struct {
	Title       string  `xml:"title"`
	Link        string  `xml:"link"`
	GUID        rssGUID `xml:"guid"`
	PubDate     string  `xml:"pubDate"`
	Updated     string  `xml:"atom:updated"`
	Creator     string  `xml:"dc:creator,omitempty"`
	Category    string  `xml:"category,omitempty"`
	Description string  `xml:"description"`
	Content     string  `xml:"content:encoded"`
}

func renderRSS(v feedView) ([]byte, error) {
	doc := rssDoc{
		Version: "2.0", NSAtom: "http://www.w3.org/2005/Atom",
		NSConten: "http://purl.org/rss/1.0/modules/content/", NSDC: "http://purl.org/dc/elements/1.1/",
		Channel: rssChannel{
			Title: v.f.title, Link: v.base + "/", Description: "Latest stories from " + v.f.site,
			Language: "en", LastBuildDate: v.updated.UTC().Format(time.RFC1123Z),
			Self: atomLink{Href: v.self, Rel: "self", Type: "application/rss+xml"},
		},
	}
	for _, e := range v.entries {
		doc.Channel.Items = append(doc.Channel.Items, rssItem{
			Title: e.rev.Title, Link: e.link,
			GUID:    rssGUID{IsPermaLink: "true", Value: e.canonical},
			PubDate: e.rev.Published.UTC().Format(time.RFC1123Z),
			Updated: e.rev.Modified.UTC().Format(time.RFC3339),
			Creator: bylineName(e.rev.Byline), Category: e.section,
			Description: summary(e.rev), Content: contentHTML(e.rev),
		})
	}
	return marshalXML(doc)
}

type atomDoc struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomText struct {
	Type  string `xml:"type,attr"`
	Value string `xml:",chardata"`
}

type atomEntry struct {
	ID        string     `xml:"id"`
	Title     string     `xml:"title"`
	Link      atomLink   `xml:"link"`
	Published string     `xml:"published"`
	Updated   string     `xml:"updated"`
	Author    atomPerson `xml:"author"`
	Category  *atomCat   `xml:"category,omitempty"`
	Summary   atomText   `xml:"summary"`
	Content   atomText   `xml:"content"`
}

type atomCat struct {
	Term string `xml:"term,attr"`
}

func renderAtom(v feedView) ([]byte, error) {
	doc := atomDoc{
		Lang: "en", ID: v.self, Title: v.f.title, Updated: v.updated.UTC().Format(time.RFC3339),
		Links: []atomLink{
			{Href: v.self, Rel: "self", Type: "application/atom+xml"},
			{Href: v.base + "/", Rel: "alternate", Type: "text/html"},
		},
		Author: atomPerson{Name: v.f.site},
	}
	for _, e := range v.entries {
		ae := atomEntry{
			ID: e.canonical, Title: e.rev.Title,
			Link:      atomLink{Href: e.link, Rel: "alternate", Type: "text/html"},
			Published: e.rev.Published.UTC().Format(time.RFC3339),
			Updated:   e.rev.Modified.UTC().Format(time.RFC3339),
			Author:    atomPerson{Name: bylineName(e.rev.Byline)},
			Summary:   atomText{Type: "text", Value: summary(e.rev)},
			Content:   atomText{Type: "html", Value: contentHTML(e.rev)},
		}
		if e.section != "" {
			ae.Category = &atomCat{Term: e.section}
		}
		doc.Entries = append(doc.Entries, ae)
	}
	return marshalXML(doc)
}

type rdfDoc struct {
	XMLName  xml.Name   `xml:"rdf:RDF"`
	NSRDF    string     `xml:"xmlns:rdf,attr"`
	NS       string     `xml:"xmlns,attr"`
	NSDC     string     `xml:"xmlns:dc,attr"`
	NSConten string     `xml:"xmlns:content,attr"`
	Channel  rdfChannel `xml:"channel"`
	Items    []rdfItem  `xml:"item"`
}

type rdfChannel struct {
	About       string   `xml:"rdf:about,attr"`
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	Description string   `xml:"description"`
	Date        string   `xml:"dc:date"`
	Items       rdfItems `xml:"items"`
}

type rdfItems struct {
	Seq struct {
		Li []rdfLi `xml:"rdf:li"`
	} `xml:"rdf:Seq"`
}

type rdfLi struct {
	Resource string `xml:"rdf:resource,attr"`
}

type rdfItem struct {
	About       string `xml:"rdf:about,attr"`
	Title       string `xml:"title"`
	Link        string `xml:"link"`
	Description string `xml:"description"`
	Date        string `xml:"dc:date"`
	Creator     string `xml:"dc:creator,omitempty"`
	Subject     string `xml:"dc:subject,omitempty"`
	Content     string `xml:"content:encoded"`
}

// renderRDF writes RSS 1.0. It has no separate publication date: dc:date is
// the time of the item's latest revision.
func renderRDF(v feedView) ([]byte, error) {
	doc := rdfDoc{
		NSRDF: "http://www.w3.org/1999/02/22-rdf-syntax-ns#", NS: "http://purl.org/rss/1.0/",
		NSDC: "http://purl.org/dc/elements/1.1/", NSConten: "http://purl.org/rss/1.0/modules/content/",
		Channel: rdfChannel{
			About: v.self, Title: v.f.title, Link: v.base + "/",
			Description: "Latest stories from " + v.f.site, Date: v.updated.UTC().Format(time.RFC3339),
		},
	}
	for _, e := range v.entries {
		doc.Channel.Items.Seq.Li = append(doc.Channel.Items.Seq.Li, rdfLi{Resource: e.link})
		doc.Items = append(doc.Items, rdfItem{
			About: e.link, Title: e.rev.Title, Link: e.link, Description: summary(e.rev),
			Date: e.rev.Modified.UTC().Format(time.RFC3339), Creator: bylineName(e.rev.Byline),
			Subject: e.section, Content: contentHTML(e.rev),
		})
	}
	return marshalXML(doc)
}

type jsonFeed struct {
	Version     string     `json:"version"`
	Title       string     `json:"title"`
	HomePageURL string     `json:"home_page_url"`
	FeedURL     string     `json:"feed_url"`
	Language    string     `json:"language"`
	Items       []jsonItem `json:"items"`
}

type jsonAuthor struct {
	Name string `json:"name"`
}

type jsonItem struct {
	ID            string       `json:"id"`
	URL           string       `json:"url"`
	Title         string       `json:"title"`
	Summary       string       `json:"summary"`
	ContentHTML   string       `json:"content_html"`
	DatePublished string       `json:"date_published"`
	DateModified  string       `json:"date_modified"`
	Authors       []jsonAuthor `json:"authors,omitempty"`
	Tags          []string     `json:"tags,omitempty"`
}

func renderJSON(v feedView) ([]byte, error) {
	doc := jsonFeed{
		Version: "https://jsonfeed.org/version/1.1", Title: v.f.title,
		HomePageURL: v.base + "/", FeedURL: v.self, Language: "en", Items: []jsonItem{},
	}
	for _, e := range v.entries {
		it := jsonItem{
			ID: e.canonical, URL: e.link, Title: e.rev.Title, Summary: summary(e.rev),
			ContentHTML:   contentHTML(e.rev),
			DatePublished: e.rev.Published.UTC().Format(time.RFC3339),
			DateModified:  e.rev.Modified.UTC().Format(time.RFC3339),
		}
		if n := bylineName(e.rev.Byline); n != "" {
			it.Authors = []jsonAuthor{{Name: n}}
		}
		if e.section != "" {
			it.Tags = []string{e.section}
		}
		doc.Items = append(doc.Items, it)
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode json feed: %w", err)
	}
	return append(b, '\n'), nil
}

// bylineName turns "By A and B, Outlet" into "A and B".
func bylineName(byline string) string {
	s := strings.TrimPrefix(strings.TrimSpace(byline), "By ")
	if i := strings.LastIndex(s, ", "); i >= 0 {
		s = s[:i]
	}
	return s
}
