package corpus

// The encoding/xml and encoding/json feed renderers the corpus used before
// feeds were written by hand. They define the expected bytes: every feed the
// hand-written renderers produce must equal theirs (TestFeedRenderersMatchReference).

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"strings"
	"testing"
	"time"
)

// refEntry is the format-independent view of one item.
type refEntry struct {
	canonical string
	link      string
	rev       Revision
	section   string
}

// refView is the format-independent view of one feed.
type refView struct {
	f       *feed
	base    string
	self    string
	updated time.Time
	entries []refEntry
}

func refRenderFeed(v refView) ([]byte, error) {
	switch v.f.format {
	case FormatRSS:
		return refRenderRSS(v)
	case FormatAtom:
		return refRenderAtom(v)
	case FormatRDF:
		return refRenderRDF(v)
	case FormatJSON:
		return refRenderJSON(v)
	}
	return nil, fmt.Errorf("unknown format %q", v.f.format)
}

func refContentHTML(r Revision) string {
	var b strings.Builder
	for _, p := range r.Paragraphs {
		b.WriteString("<p>")
		b.WriteString(html.EscapeString(p))
		b.WriteString("</p>\n")
	}
	return b.String()
}

func refMarshalXML(v any) ([]byte, error) {
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

func refRenderRSS(v refView) ([]byte, error) {
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
			Description: summary(e.rev), Content: refContentHTML(e.rev),
		})
	}
	return refMarshalXML(doc)
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

func refRenderAtom(v refView) ([]byte, error) {
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
			Content:   atomText{Type: "html", Value: refContentHTML(e.rev)},
		}
		if e.section != "" {
			ae.Category = &atomCat{Term: e.section}
		}
		doc.Entries = append(doc.Entries, ae)
	}
	return refMarshalXML(doc)
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

// refRenderRDF writes RSS 1.0. It has no separate publication date: dc:date is
// the time of the item's latest revision.
func refRenderRDF(v refView) ([]byte, error) {
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
			Subject: e.section, Content: refContentHTML(e.rev),
		})
	}
	return refMarshalXML(doc)
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

func refRenderJSON(v refView) ([]byte, error) {
	doc := jsonFeed{
		Version: "https://jsonfeed.org/version/1.1", Title: v.f.title,
		HomePageURL: v.base + "/", FeedURL: v.self, Language: "en", Items: []jsonItem{},
	}
	for _, e := range v.entries {
		it := jsonItem{
			ID: e.canonical, URL: e.link, Title: e.rev.Title, Summary: summary(e.rev),
			ContentHTML:   refContentHTML(e.rev),
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

func refViewOf(v *feedSnap) refView {
	rv := refView{f: v.f, base: v.base, self: v.self, updated: v.updated}
	for _, e := range v.items {
		rv.entries = append(rv.entries, refEntry{canonical: e.canonical, link: e.link, rev: e.rev, section: e.section})
	}
	return rv
}

// checkFeedsMatchReference renders every feed of s with the hand-written
// renderers and with the reference ones, and fails on the first difference.
func checkFeedsMatchReference(t *testing.T, s *Server, base string) {
	t.Helper()
	for i := range s.feeds {
		v := s.feedSnapshot(i, base)
		got, err := appendFeed(nil, &v)
		if err != nil {
			t.Fatal(err)
		}
		want, err := refRenderFeed(refViewOf(&v))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			n := 0
			for n < min(len(got), len(want)) && got[n] == want[n] {
				n++
			}
			t.Fatalf("feed %s differs at byte %d:\n got …%q\nwant …%q", s.feeds[i].path, n, got[max(0, n-40):min(len(got), n+40)], want[max(0, n-40):min(len(want), n+40)])
		}
	}
}

func TestFeedRenderersMatchReference(t *testing.T) {
	tests := []struct {
		name string
		new  func() (*Server, error)
		base string
	}{
		{"synthetic", func() (*Server, error) {
			return NewSynthetic(Options{Feeds: 8, ArticlesPerFeed: 5, EditFraction: 0.5, Seed: 11})
		}, "http://127.0.0.1:8080"},
		{"demo", func() (*Server, error) { return NewDemo(Options{}) }, "https://news.test"},
		{"nasty", func() (*Server, error) { return nastyServer(Options{}), nil }, "http://h\xe2\x80:1"},
		{"empty feed", func() (*Server, error) {
			s := nastyServer(Options{})
			for _, f := range s.feeds {
				f.items = nil
			}
			return s, nil
		}, "http://h"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := tt.new()
			if err != nil {
				t.Fatal(err)
			}
			for range 3 {
				checkFeedsMatchReference(t, s, tt.base)
				s.Revise()
			}
		})
	}
}

// FuzzFeedRender checks the hand-written feed renderers against the
// encoding/xml and encoding/json ones for arbitrary article text.
func FuzzFeedRender(f *testing.F) {
	f.Add("Title & <b>", "By A and B, Outlet", "World", "first <p> & 'x'", "second\tpara\r\n")
	f.Add("", "", "", "", "")
	f.Add("\xff\u2028\x01", "By \uFFFE", "S\u2029", "\ud7ff\ue000", "]]>")
	f.Fuzz(func(t *testing.T, title, byline, section, p1, p2 string) {
		rev := Revision{
			Title: title, Byline: byline,
			Published: time.Date(2025, 8, 19, 6, 0, 0, 0, time.UTC), Modified: time.Date(2025, 8, 19, 7, 0, 0, 0, time.UTC),
			Paragraphs: []string{p1, p2},
		}
		var feeds []*feed
		for i, format := range AllFormats() {
			feeds = append(feeds, &feed{name: "x", title: title, format: format, path: fmt.Sprintf("/feeds/x%d.%s", i, format), site: section,
				items: []feedItem{{article: 0}, {article: 0, tracking: true}}})
		}
		s := newServer(Options{}, []*article{{path: "/a.html", site: "Site", section: section}}, feeds, &demoSource{revs: [][]Revision{{rev}}})
		s.arts[0].setRevision(rev, 1)
		checkFeedsMatchReference(t, s, "http://h:1")
	})
}
