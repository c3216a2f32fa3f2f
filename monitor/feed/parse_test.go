package feed

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

const feedURL = "https://feeds.example.com/news/rss.xml"

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseFixtures(t *testing.T) {
	utc := func(s string) time.Time {
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	tests := []struct {
		file        string
		contentType string
		wantTitle   string
		wantLink    string
		want        []Item // compared field by field; zero fields are checked too
	}{
		{"rss2.xml", "application/rss+xml", "World News & Analysis", "https://news.example.com/world", []Item{
			{GUID: "summit-2025-08-18", Link: "https://news.example.com/world/2025/08/18/summit?utm_source=rss",
				Title:   "Putin and Zelensky set for peace summit",
				Summary: "Russian and Ukrainian presidents looked set for a peace summit. Trump spoke to Putin.",
				content: "<p>Full text with <em>markup</em>.</p>", Authors: []string{"Jane Reporter"},
				Published: utc("2025-08-18T21:04:00Z")},
			{GUID: "https://news.example.com/world/2025/08/18/nato", Link: "https://news.example.com/world/2025/08/18/nato",
				Title: "Kremlin rules out NATO troops", Summary: "Russia’s Foreign Ministry ruled out the deployment.",
				Published: utc("2025-08-18T18:30:00Z")},
		}},
		{"rss091.xml", "", "Old Style Feed", "http://old.example.com/", []Item{
			{GUID: "http://old.example.com/ceasefire.html", Link: "http://old.example.com/ceasefire.html",
				Title: "Ceasefire talks resume", Summary: "Talks resume in Istanbul."},
		}},
		{"atom.xml", "application/atom+xml", "Example Atom Feed", "https://atom.example.org/", []Item{
			{GUID: "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", Link: "https://atom.example.org/2025/08/guarantees",
				Title: "Security guarantees for Kyiv", Summary: "Trump told Zelensky the US would help.",
				content:   "<p>When it comes to security, there’s going to be a lot of help.</p>",
				Authors:   []string{"Sam Writer", "desk@atom.example.org"},
				Published: utc("2025-08-18T20:00:00Z"), Updated: utc("2025-08-19T06:15:00Z")},
		}},
		{"rdf.xml", "application/rdf+xml", "RDF Site Summary", "https://rdf.example.net/", []Item{
			{GUID: "https://rdf.example.net/a", Link: "https://rdf.example.net/a",
				Title: "Merz says meeting within two weeks", Summary: "No confirmation of a date or location.",
				Authors: []string{"Desk"}, Published: utc("2025-08-18T22:10:00Z"), Updated: utc("2025-08-18T22:10:00Z")},
		}},
		{"jsonfeed.json", "application/feed+json", "JSON World", "https://json.example.com/", []Item{
			{GUID: "2", Link: "https://json.example.com/2025/08/18/weapons",
				Title: "Ukraine offers to buy $90 billion of US weapons", Summary: "Ukraine offered to buy weapons.",
				content: "<p>Zelensky said Ukraine offered to buy about <b>$90 billion</b>.</p>",
				Authors: []string{"Alex Analyst"}, Published: utc("2025-08-18T21:00:00Z"), Updated: utc("2025-08-18T23:00:00Z")},
			{GUID: "3", Link: "https://feeds.example.com/2025/08/19/relative", Title: "Relative item"},
		}},
		{"windows1251.xml", "text/xml; charset=utf-8", "Новости мира", "https://ru.example.com/", []Item{
			{GUID: "https://ru.example.com/news/1", Link: "https://ru.example.com/news/1",
				Title: "Путин и Зеленский готовятся к саммиту", Summary: "Переговоры в Вашингтоне — «очень хорошие»."},
		}},
		{"windows1251-nodecl.xml", "text/xml; charset=windows-1251", "Новости мира", "", []Item{
			{GUID: "https://ru.example.com/news/1", Link: "https://ru.example.com/news/1", Title: "Путин и Зеленский готовятся к саммиту"},
		}},
		{"latin1-nodecl.xml", "text/xml", "Actualités du monde", "https://fr.example.com/", []Item{
			{GUID: "https://fr.example.com/article/1", Link: "https://fr.example.com/article/1",
				Title:   "Macron plaide pour un cessez-le-feu à Washington",
				Summary: "«Quand nous parlons de garanties de sécurité» – déclaration."},
		}},
		{"bom-blank.xml", "", "BOM Feed", "", []Item{
			{GUID: "https://bom.example.com/1", Link: "https://bom.example.com/1", Title: "Café talks"},
		}},
		{"relative.xml", "", "Relative Links", "https://feeds.example.com/", []Item{
			{GUID: "https://feeds.example.com/world/summit.html", Link: "https://feeds.example.com/world/summit.html", Title: "Root relative"},
			{GUID: "https://feeds.example.com/news/story-2.html", Link: "https://feeds.example.com/news/story-2.html", Title: "Path relative"},
			{GUID: "https://cdn.example.com/story-3", Link: "https://cdn.example.com/story-3", Title: "Protocol relative"},
			{Title: "Script link"},
			{Title: "No link at all", Summary: "Just text."},
			{GUID: "https://other.example.org/story-4", Link: "https://other.example.org/story-4", Title: "Absolute"},
		}},
		{"dupguid.xml", "", "Duplicates", "", []Item{
			{GUID: "g-1", Link: "https://dup.example.com/1", Title: "First"},
			{GUID: "g-2", Link: "https://dup.example.com/2", Title: "Second"},
			{GUID: "g-1", Link: "https://dup.example.com/1b", Title: "First again, other link"},
			{GUID: "https://dup.example.com/3", Link: "https://dup.example.com/3", Title: "No guid"},
		}},
		{"nul-bytes.xml", "", "Nul Feed", "", []Item{
			{GUID: "https://nul.example.com/1", Link: "https://nul.example.com/1", Title: "Bad bytes here"},
		}},
		{"invalid-utf8-decl.xml", "", "Mixed", "", []Item{
			{GUID: "https://mixed.example.com/1", Link: "https://mixed.example.com/1", Title: "Café résumé"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := Parse(readFixture(t, tt.file), tt.contentType, feedURL)
			if err != nil {
				t.Fatal(err)
			}
			if f.Title != tt.wantTitle || f.Link != tt.wantLink {
				t.Errorf("feed = %q %q, want %q %q", f.Title, f.Link, tt.wantTitle, tt.wantLink)
			}
			if len(f.Items) != len(tt.want) {
				t.Fatalf("got %d items, want %d: %+v", len(f.Items), len(tt.want), f.Items)
			}
			for i, want := range tt.want {
				if diff := compareItem(f.Items[i], want); diff != "" {
					t.Errorf("item %d: %s", i, diff)
				}
			}
		})
	}
}

func compareItem(got, want Item) string {
	var d []string
	check := func(name, g, w string) {
		if g != w {
			d = append(d, fmt.Sprintf("%s = %q, want %q", name, g, w))
		}
	}
	check("GUID", got.GUID, want.GUID)
	check("Link", got.Link, want.Link)
	check("Title", got.Title, want.Title)
	check("Summary", got.Summary, want.Summary)
	check("Content", got.Content(), want.Content())
	check("Authors", strings.Join(got.Authors, "|"), strings.Join(want.Authors, "|"))
	if !got.Published.Equal(want.Published) {
		d = append(d, fmt.Sprintf("Published = %v, want %v", got.Published, want.Published))
	}
	if !got.Updated.Equal(want.Updated) {
		d = append(d, fmt.Sprintf("Updated = %v, want %v", got.Updated, want.Updated))
	}
	return strings.Join(d, "; ")
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name    string
		body    []byte
		ct      string
		notFeed bool
		wantMsg string
	}{
		{"html page", readFixture(t, "page.html"), "text/html", true, "got an HTML page"},
		{"xhtml page", []byte(`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>`), "", true, "got an HTML page"},
		{"json non-feed", readFixture(t, "notfeed.json"), "application/json", true, "got JSON that is not a JSON Feed"},
		{"json array", []byte(`[1,2,3]`), "application/json", true, "got JSON that is not a JSON Feed"},
		{"json with items but nothing of a feed", []byte(`{"items":[{"id":"1"}]}`), "application/json", true, "got JSON that is not a JSON Feed"},
		{"empty", nil, "", true, "empty body"},
		{"whitespace and BOM", []byte("\xef\xbb\xbf \n\t "), "", true, "empty body"},
		{"other xml", []byte(`<?xml version="1.0"?><sitemap><url/></sitemap>`), "", true, "root element <sitemap>"},
		{"plain text", []byte("Service Unavailable"), "text/plain", true, "plain text"},
		{"malformed xml, no complete item", []byte("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Broken</title>\n<item><title>Two</ti"), "", false, "XML syntax error on line 3"},
		{"broken json feed", []byte(`{"version":"https://jsonfeed.org/version/1.1","items":[`), "", false, "parse feed: "},
		// a field of the wrong type loses that field, but items that are
		// neither a list nor one item leave nothing to read: an error, not
		// an empty feed (one object is a list of one: TestJSONFeedItemsOneObject)
		{"json feed items a string", []byte(`{"version":"https://jsonfeed.org/version/1.1","items":"1"}`), "", false, "cannot unmarshal string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse(tt.body, tt.ct, feedURL)
			if err == nil {
				t.Fatalf("Parse = %+v, want error", f)
			}
			if errors.Is(err, ErrNotFeed) != tt.notFeed {
				t.Errorf("errors.Is(err, ErrNotFeed) = %v, want %v (err %v)", !tt.notFeed, tt.notFeed, err)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) || !strings.HasPrefix(err.Error(), "parse feed: ") {
				t.Errorf("err = %q, want it to say %q", err, tt.wantMsg)
			}
		})
	}
}

// bigFeed builds an RSS feed with n items, every tenth with markup in the
// title and every hundredth a repeat of the item before it (GUID and link).
func bigFeed(n int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Big</title>`)
	for i := range n {
		guid, link := i, i
		if i%100 == 99 {
			guid, link = i-1, i-1
		}
		title := fmt.Sprintf("Story number %d", i)
		if i%10 == 0 {
			title = fmt.Sprintf("Story &lt;b&gt;number&lt;/b&gt; %d &amp; more", i)
		}
		fmt.Fprintf(&b, "<item><title>%s</title><link>/s/%d</link><guid>g%d</guid><description>Summary %d</description><pubDate>Mon, 18 Aug 2025 21:04:00 +0000</pubDate></item>\n", title, link, guid, i)
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

func TestParseHugeFeed(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	n := 100_000
	if raceEnabled {
		n = 10_000
	}
	f, err := Parse(bigFeed(n), "", feedURL)
	if err != nil {
		t.Fatal(err)
	}
	if want := n - n/100; len(f.Items) != want {
		t.Fatalf("got %d items, want %d", len(f.Items), want)
	}
	if it := f.Items[10]; it.Title != "Story number 10 & more" || it.Link != "https://feeds.example.com/s/10" {
		t.Errorf("item 10 = %+v", it)
	}
}

func FuzzParse(f *testing.F) {
	entries, err := os.ReadDir("testdata")
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			f.Add(readFixture(f, e.Name()), "")
		}
	}
	f.Add([]byte(`<rss><channel><item><title>&lt;</title></item></channel></rss>`), "text/xml; charset=koi8-r")
	f.Add([]byte(`{"version":"1.1","title":5,"items":[{"id":123,"url":"/a","tags":"x","date_published":5,"authors":"me"},"x",{"id":"b","url":"/b"}]}`), "application/feed+json")
	f.Fuzz(func(t *testing.T, body []byte, ct string) {
		feed, err := Parse(body, ct, feedURL)
		if err != nil {
			if feed != nil {
				t.Fatal("non-nil feed with error")
			}
			return
		}
		seen := map[[2]string]bool{}
		for _, it := range feed.Items {
			for _, s := range []string{it.GUID, it.Link, it.Title, it.Summary, it.Content()} {
				if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
					t.Fatalf("invalid text %q", s)
				}
			}
			if it.Link != "" && !strings.HasPrefix(it.Link, "http://") && !strings.HasPrefix(it.Link, "https://") {
				t.Fatalf("non-http link %q", it.Link)
			}
			if it.GUID != "" {
				k := [2]string{it.GUID, it.Link}
				if seen[k] {
					t.Fatalf("item repeated: GUID %q, link %q", it.GUID, it.Link)
				}
				seen[k] = true
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	body := bigFeed(1000)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(body, "", feedURL); err != nil {
			b.Fatal(err)
		}
	}
}

// TestJSONFeedWithBareVersion: generators that write the version bare
// ("1.1") or leave it out still write JSON Feeds, as gofeed reads them.
func TestJSONFeedWithBareVersion(t *testing.T) {
	for _, doc := range []string{
		`{"version":"1.1","title":"T","home_page_url":"https://e.com/","items":[{"id":"1","url":"https://e.com/a","title":"A","content_text":"Text."}]}`,
		`{"title":"T","feed_url":"https://e.com/feed.json","items":[{"id":"1","url":"https://e.com/a","title":"A","content_text":"Text."}]}`,
	} {
		f, err := Parse([]byte(doc), "application/feed+json", "https://e.com/feed.json")
		if err != nil {
			t.Errorf("%s: %v", doc, err)
			continue
		}
		if len(f.Items) != 1 || f.Items[0].Link != "https://e.com/a" {
			t.Errorf("%s: items %+v", doc, f.Items)
		}
	}
}

// TestJSONFeedNullEntries: a null in a JSON Feed's items or authors (a
// generator that writes out an empty slot) is skipped, and the feed's
// other items are kept; gofeed's translator dereferenced each, so one null
// made the whole feed a recovered panic.
func TestJSONFeedNullEntries(t *testing.T) {
	tests := []struct {
		name        string
		doc         string
		wantAuthors string
	}{
		{"null item", `{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[null,{"id":"1","url":"https://e.com/a","title":"A","content_text":"Text."},null]}`, ""},
		{"null item author", `{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"1","url":"https://e.com/a","title":"A","authors":[null,{"name":"Jo Writer"}]}]}`, "Jo Writer"},
		{"null feed author", `{"version":"https://jsonfeed.org/version/1.1","title":"T","authors":[null],"items":[{"id":"1","url":"https://e.com/a","title":"A"}]}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse([]byte(tt.doc), "application/feed+json", "https://e.com/feed.json")
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if len(f.Items) != 1 || f.Items[0].Link != "https://e.com/a" || f.Items[0].Title != "A" {
				t.Fatalf("items %+v, want the one item", f.Items)
			}
			if got := strings.Join(f.Items[0].Authors, "|"); got != tt.wantAuthors {
				t.Errorf("authors %q, want %q", got, tt.wantAuthors)
			}
		})
	}
}

// TestJSONFeedOffSpecTypes: a field of a type off the JSON Feed spec
// loses that field, never the feed: encoding/json stopped at the first one
// and the whole feed failed. A number where a string belongs is coerced
// (the spec asks it of ids), a lone tag is a list of one, the rest of the
// wrong type is left out, and an item that is no object is skipped.
func TestJSONFeedOffSpecTypes(t *testing.T) {
	const good = `{"id":"g","url":"https://e.com/g","title":"Good","content_text":"Good text.","date_published":"2026-12-01T10:00:00Z"}`
	tests := []struct {
		name, item string
		want       Item // the odd item as read; the good one is always read whole
	}{
		{"numeric id", `{"id":123,"url":"https://e.com/a","title":"A"}`, Item{GUID: "123", Link: "https://e.com/a", Title: "A"}},
		{"tags a string", `{"id":"a","url":"https://e.com/a","title":"A","tags":"x"}`, Item{GUID: "a", Link: "https://e.com/a", Title: "A"}},
		{"date a number", `{"id":"a","url":"https://e.com/a","title":"A","date_published":5}`, Item{GUID: "a", Link: "https://e.com/a", Title: "A"}},
		{"title a number", `{"id":"a","url":"https://e.com/a","title":2026}`, Item{GUID: "a", Link: "https://e.com/a", Title: "2026"}},
		{"url an object", `{"id":"a","url":{"href":"https://e.com/a"},"external_url":"https://e.com/x","title":"A"}`, Item{GUID: "a", Link: "https://e.com/x", Title: "A"}},
		{"author a string", `{"id":"a","url":"https://e.com/a","title":"A","author":"Jo","authors":[{"name":"Ann"},"Bo",{"name":7}]}`, Item{GUID: "a", Link: "https://e.com/a", Title: "A", Authors: []string{"Ann", "7"}}},
		{"attachments odd", `{"id":"a","url":"https://e.com/a","title":"A","attachments":[{"url":"https://e.com/a.mp3","size_in_bytes":"big"}]}`, Item{GUID: "a", Link: "https://e.com/a", Title: "A"}},
		{"authors one object", `{"id":"a","url":"https://e.com/a","title":"A","authors":{"name":"Ann"}}`, Item{GUID: "a", Link: "https://e.com/a", Title: "A", Authors: []string{"Ann"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := `{"version":"https://jsonfeed.org/version/1.1","title":"T","expired":"no","items":[` + tt.item + `,"not an item",7,` + good + `]}`
			f, err := Parse([]byte(doc), "application/feed+json", "https://e.com/feed.json")
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if f.Title != "T" || len(f.Items) != 2 {
				t.Fatalf("feed %q with %d items, want T with the odd and the good item: %+v", f.Title, len(f.Items), f.Items)
			}
			odd, g := f.Items[0], f.Items[1]
			if odd.GUID != tt.want.GUID || odd.Link != tt.want.Link || odd.Title != tt.want.Title ||
				!slices.Equal(odd.Authors, tt.want.Authors) || !odd.Published.IsZero() {
				t.Errorf("odd item read as %+v, want %+v", odd, tt.want)
			}
			if g.GUID != "g" || g.Title != "Good" || g.Content() != "Good text." || g.Published.IsZero() {
				t.Errorf("good item read as %+v", g)
			}
		})
	}
}

// TestJSONFeedItemsOneObject: a JSON Feed whose items is one object, as a
// converter from XML writes a list of one, reads as that one item: the
// whole feed failed ("cannot unmarshal object into ... items"). Items of
// another type still fail the feed, naming it.
func TestJSONFeedItemsOneObject(t *testing.T) {
	const head = `{"version":"https://jsonfeed.org/version/1.1","title":"T","items":`
	f, err := Parse([]byte(head+`{"id":"a","url":"https://e.com/a","title":"A","content_text":"Text."}}`), "application/feed+json", "https://e.com/feed.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Items) != 1 || f.Items[0].Link != "https://e.com/a" || f.Items[0].Content() != "Text." {
		t.Errorf("items %+v, want the one item", f.Items)
	}
	for _, items := range []string{`"a"`, `5`, `null`} {
		if f, err := Parse([]byte(head+items+`}`), "application/feed+json", "https://e.com/feed.json"); err == nil && len(f.Items) > 0 {
			t.Errorf("items %s read as %+v", items, f.Items)
		}
	}
}

// TestRSSGuidPermalink: an RSS item without a usable <link> (none, blank,
// "javascript:", "#") is found by its <atom:link>, else its <guid>, a
// permalink unless it says isPermaLink="false" (RSS 2.0's default), and
// only when that is an http(s) URL.
func TestRSSGuidPermalink(t *testing.T) {
	for _, tt := range []struct{ name, item, want string }{
		{"guid only", `<guid>https://e.com/story</guid>`, "https://e.com/story"},
		{"guid isPermaLink true", `<guid isPermaLink="true">https://e.com/story</guid>`, "https://e.com/story"},
		{"guid isPermaLink false", `<guid isPermaLink="false">https://e.com/story</guid>`, ""},
		{"guid no URL", `<guid>story-123</guid>`, ""},
		{"link wins", `<link>https://e.com/link</link><guid>https://e.com/guid</guid>`, "https://e.com/link"},
		{"relative link wins", `<link>?p=12</link><guid>https://e.com/guid</guid>`, "https://feeds.example.com/news/rss.xml?p=12"},
		{"blank link", `<link>  </link><guid>https://e.com/guid</guid>`, "https://e.com/guid"},
		{"javascript link", `<link>javascript:void(0)</link><guid>https://e.com/guid</guid>`, "https://e.com/guid"},
		{"fragment link", `<link>#</link><guid>https://e.com/guid</guid>`, "https://e.com/guid"},
		{"empty link, atom:link", `<link></link><atom:link rel="alternate" href="https://e.com/atom"/><guid>https://e.com/guid</guid>`, "https://e.com/atom"},
		{"atom:link without rel", `<link/><atom:link href="/rel-atom"/>`, "https://feeds.example.com/rel-atom"},
		{"atom:link of another rel", `<atom:link rel="self" href="https://e.com/feed"/><guid isPermaLink="false">x</guid>`, ""},
		{"a later link", `<link>https://e.com/first</link><link></link>`, "https://e.com/first"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc := `<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title><item><title>A</title>` + tt.item +
				`</item><item><title>B</title><link>https://e.com/b</link></item></channel></rss>`
			f, err := Parse([]byte(doc), "application/rss+xml", feedURL)
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Items) != 2 || f.Items[0].Link != tt.want || f.Items[1].Link != "https://e.com/b" {
				t.Errorf("items %+v, want the first linked to %q", f.Items, tt.want)
			}
		})
	}
}

// TestAtomAlternateChoice: of an Atom entry's rel="alternate" links, the
// HTML one is the article's (gofeed took the first, a PDF or an audio
// file), and among HTML ones the one in the feed's language (xml:lang);
// among equals the first, and a link of another rel never.
func TestAtomAlternateChoice(t *testing.T) {
	const (
		pdf  = `<link rel="alternate" type="application/pdf" href="https://e.com/a.pdf"/>`
		mp3  = `<link href="https://e.com/a.mp3" type="audio/mpeg"/>` // rel defaults to alternate
		html = `<link rel="alternate" type="text/html" href="https://e.com/a.html"/>`
		bare = `<link href="https://e.com/a-bare"/>`
		en   = `<link rel="alternate" type="text/html" hreflang="en" href="https://e.com/en/a"/>`
		engb = `<link rel="alternate" type="text/html; charset=utf-8" hreflang="en-GB" href="https://e.com/uk/a"/>`
		fr   = `<link rel="alternate" type="text/html" hreflang="fr" href="https://e.com/fr/a"/>`
		rel  = `<link rel="related" type="text/html" href="https://e.com/other"/>`
		self = `<link rel="self" type="application/atom+xml" href="https://e.com/a.atom"/>`
	)
	for _, tt := range []struct{ name, lang, links, want string }{
		{"html after pdf", "", pdf + html, "https://e.com/a.html"},
		{"html after audio", "", mp3 + html, "https://e.com/a.html"},
		{"typed html over untyped", "", bare + html, "https://e.com/a.html"},
		{"untyped over pdf", "", pdf + bare, "https://e.com/a-bare"},
		{"only pdf", "", self + pdf, "https://e.com/a.pdf"},
		{"related never", "", rel + pdf, "https://e.com/a.pdf"},
		{"feed language", "en", fr + en, "https://e.com/en/a"},
		{"feed language by primary tag", "en-US", fr + engb, "https://e.com/uk/a"},
		{"no hreflang over another language", "de", fr + html, "https://e.com/a.html"},
		{"type before language", "fr", `<link rel="alternate" type="application/pdf" hreflang="fr" href="https://e.com/fr.pdf"/>` + en, "https://e.com/en/a"},
		{"no feed language: first html", "", fr + en, "https://e.com/fr/a"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			lang := ""
			if tt.lang != "" {
				lang = ` xml:lang="` + tt.lang + `"`
			}
			doc := `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"` + lang + `><title>T</title>` +
				`<entry><title>A</title><id>a</id>` + tt.links + `</entry>` +
				`<entry><title>B</title><id>b</id><link href="https://e.com/b"/></entry></feed>`
			f, err := Parse([]byte(doc), "application/atom+xml", feedURL)
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Items) != 2 || f.Items[0].Link != tt.want || f.Items[1].Link != "https://e.com/b" {
				t.Errorf("items %+v, want the first linked to %q", f.Items, tt.want)
			}
		})
	}
}

// TestJSONFeedIDPermalink: a JSON Feed item with neither url nor
// external_url is found by its id when that is an absolute http(s) URL,
// which JSON Feed 1.1 calls the ideal id ("the full URL of the resource
// described by the item"); an id that is no such URL stays an id, and url
// or external_url win over it.
func TestJSONFeedIDPermalink(t *testing.T) {
	for _, tt := range []struct{ name, item, want string }{
		{"id only", `{"id":"https://e.com/story"}`, "https://e.com/story"},
		{"id and title", `{"id":"https://e.com/story","title":"A"}`, "https://e.com/story"},
		{"id no URL", `{"id":"story-123","title":"A"}`, ""},
		{"id relative", `{"id":"/story","title":"A"}`, ""},
		{"id javascript", `{"id":"javascript:alert(1)","title":"A"}`, ""},
		{"numeric id", `{"id":42}`, ""},
		{"url wins", `{"id":"https://e.com/id","url":"https://e.com/url"}`, "https://e.com/url"},
		{"external_url wins", `{"id":"https://e.com/id","external_url":"https://e.com/ext"}`, "https://e.com/ext"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc := `{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[` + tt.item +
				`,{"id":"b","url":"https://e.com/b","content_text":"B"}]}`
			f, err := Parse([]byte(doc), "application/feed+json", "https://e.com/feed.json")
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Items) != 2 || f.Items[0].Link != tt.want || f.Items[1].Link != "https://e.com/b" {
				t.Errorf("items %+v, want the first linked to %q", f.Items, tt.want)
			}
		})
	}
}

// TestFeedDamage: an RSS, RDF or Atom feed that does not read whole (cut
// off, an item that breaks the XML) or whose broken item swallows the items
// after it in gofeed's lenient parser gives every item it can read, with
// Damage saying what broke and whether items are lost; one with no
// readable item stays an error.
func TestFeedDamage(t *testing.T) {
	item := func(i int) string {
		return fmt.Sprintf(`<item><title>Item %d</title><link>https://e.com/%d</link></item>`, i, i)
	}
	entry := func(i int) string {
		return fmt.Sprintf(`<entry><title>Item %d</title><id>e%d</id><link href="https://e.com/%d"/></entry>`, i, i, i)
	}
	rss := `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>`
	rdf := `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>T</title></channel>`
	atom := `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>`
	end := `</channel></rss>`
	for _, tt := range []struct {
		name, doc string
		want      []int // the items read, by number; nil: an error
		cutShort  bool
		lost      bool
		textless  int
		cause     string // in the message
	}{
		{"rss cut in an item", rss + item(1) + item(2) + `<item><title>Ite`, []int{1, 2}, true, true, 0, "unexpected EOF"},
		{"rss cut after an item", rss + item(1) + item(2) + item(3), []int{1, 2, 3}, true, true, 0, ""},
		{"rss broken item in the middle", rss + item(1) + item(2) + `<item><title><![CDATA[a</title><link>https://e.com/3</link></item>` + item(4) + end,
			[]int{1, 2, 4}, false, true, 0, "1 of 4 items unreadable"},
		{"the malformed fixture", string(readFixture(t, "malformed.xml")), []int{1}, true, true, 0, ""},
		{"rdf cut", rdf + item(1) + `<item><ti`, []int{1}, true, true, 0, ""},
		{"atom cut", atom + entry(1) + entry(2) + `<entry><title>x`, []int{1, 2}, true, true, 0, ""},
		// gofeed reads these without an error and loses the items after
		// the broken one
		{"rss mismatched tags in a description", rss + `<item><title>Item 1</title><link>https://e.com/1</link><description>a <b>bold</i> claim</description></item>` + item(2) + item(3) + end,
			[]int{1, 2, 3}, false, false, 0, "element <b> closed by </i>"},
		{"rss item never closed", rss + `<item><title>Item 1</title><link>https://e.com/1</link>` + item(2) + item(3) + end,
			[]int{1, 2, 3}, false, false, 0, ""},
		{"rss mismatched tags in the middle of many", rss + item(1) + item(2) + `<item><title>Item 3</title><link>https://e.com/3</link><description><p>x</div></description></item>` + item(4) + item(5) + item(6) + item(7) + end,
			[]int{1, 2, 3, 4, 5, 6, 7}, false, false, 0, ""},
		{"atom mismatched tags in a summary", atom + `<entry><title>Item 1</title><id>e1</id><link href="https://e.com/1"/><summary type="html">a <b>bold</i></summary></entry>` + entry(2) + entry(3) + `</feed>`,
			[]int{1, 2, 3}, false, false, 0, ""},
		// strict xhtml content breaks the whole feed: the entry is read
		// without it, the others as they are
		{"atom broken xhtml content", atom + `<entry><title>Item 1</title><id>e1</id><link href="https://e.com/1"/><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">a <b>bold</i></div></content></entry>` + entry(2) + `</feed>`,
			[]int{1, 2}, false, false, 1, "1 without their text"},
		{"rdf item never closed", rdf + `<item rdf:about="https://e.com/1"><title>Item 1</title><link>https://e.com/1</link>` + item(2) + `</rdf:RDF>`,
			[]int{1, 2}, false, false, 0, ""},
		{"no complete item", rss + `<item><title>Ite`, nil, false, false, 0, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse([]byte(tt.doc), "", feedURL)
			if tt.want == nil {
				if err == nil {
					t.Fatalf("read %+v, want an error", f)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			base := "https://e.com/%d"
			if strings.Contains(tt.doc, "broken.example.com") {
				base = "https://broken.example.com/%d"
			}
			var got, want []string
			for _, it := range f.Items {
				got = append(got, it.Link)
			}
			for _, n := range tt.want {
				want = append(want, fmt.Sprintf(base, n))
			}
			if !slices.Equal(got, want) {
				t.Errorf("items %q, want %q", got, want)
			}
			d := f.Damage
			if d == nil {
				t.Fatal("no damage reported")
			}
			if d.CutShort != tt.cutShort || d.Lost() != tt.lost || d.Textless != tt.textless {
				t.Errorf("damage %+v (cut short %v, lost %v, textless %d), want %v %v %d", d, d.CutShort, d.Lost(), d.Textless, tt.cutShort, tt.lost, tt.textless)
			}
			if msg := d.Error(); !strings.Contains(msg, tt.cause) || d.Cause == nil {
				t.Errorf("message %q (cause %v), want it to say %q", msg, d.Cause, tt.cause)
			}
		})
	}
}

// TestSoundFeedNoDamage: a sound feed, and one whose text holds what looks
// like item markup (in CDATA, a comment, escaped, another namespace's
// element), reads whole; so does a last item never closed, which gofeed
// reads.
func TestSoundFeedNoDamage(t *testing.T) {
	unclosed := `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>1</title><link>https://e.com/1</link></item><item><title>2</title><link>https://e.com/2</link></channel></rss>`
	if f, err := Parse([]byte(unclosed), "", feedURL); err != nil || len(f.Items) != 2 {
		t.Errorf("last item never closed: %v, %+v", err, f)
	}
	doc := `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><!-- <item> -->
<item><title>One</title><link>https://e.com/1</link><description><![CDATA[<item>not one</item> <entry>]]></description></item>
<item><title>Two &lt;item&gt;</title><link>https://e.com/2</link><media:item xmlns:media="http://search.yahoo.com/mrss/"/></item>
</channel></rss>`
	f, err := Parse([]byte(doc), "", feedURL)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Items) != 2 || f.Damage != nil {
		t.Fatalf("%d items, damage %v; want 2 and none", len(f.Items), f.Damage)
	}
	if f.Items[0].Summary != "not one" {
		t.Errorf("summary %q", f.Items[0].Summary)
	}
}

// TestJSONFeedCutShort: a JSON Feed cut off mid-document (a generator that
// died mid-write) keeps its complete items, with Damage saying so, as an
// RSS or Atom feed does; one with no complete item stays an error.
func TestJSONFeedCutShort(t *testing.T) {
	item := func(i int) string {
		return fmt.Sprintf(`{"id":"%d","url":"https://e.com/%d","title":"Item %d","content_html":"<p>Text %d</p>"}`, i, i, i, i)
	}
	head := `{"version":"https://jsonfeed.org/version/1.1","title":"T","home_page_url":"https://e.com/","items":[`
	for _, tt := range []struct {
		name, doc string
		want      int // items; -1: an error
	}{
		{"cut in an item", head + item(1) + "," + item(2) + `,{"id":"3","url":"https://e.com/3","tit`, 2},
		{"cut between items", head + item(1) + "," + item(2) + ",", 2},
		{"cut after the items", head + item(1) + "]", 1},
		{"broken in the middle", head + item(1) + `,{"id":"2",,}` + "," + item(3) + "]}", 1},
		{"cut in the first item", head + `{"id":"1","url":"https://e.com/1"`, -1},
		{"cut before the items", `{"version":"https://jsonfeed.org/version/1.1","title":"T"`, -1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse([]byte(tt.doc), "application/feed+json", feedURL)
			if tt.want < 0 {
				if err == nil {
					t.Fatalf("read %+v, want an error", f)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Items) != tt.want || f.Damage == nil || !f.Damage.CutShort || !f.Damage.Lost() {
				t.Fatalf("%d items, damage %+v; want %d, cut short", len(f.Items), f.Damage, tt.want)
			}
			if f.Title != "T" {
				t.Errorf("title %q", f.Title)
			}
			for i, it := range f.Items {
				if want := fmt.Sprintf("https://e.com/%d", i+1); it.Link != want || it.Content() != fmt.Sprintf("<p>Text %d</p>", i+1) {
					t.Errorf("item %d: %q %q", i, it.Link, it.Content())
				}
			}
		})
	}
}

// TestJSONFeedCutShortCountsItemsRead: a JSON Feed cut short counts the
// items it read as an RSS feed does, before duplicates are dropped: an item
// repeated before the break was read, not "unreadable".
func TestJSONFeedCutShortCountsItemsRead(t *testing.T) {
	item := `{"id":"1","url":"https://e.com/1","title":"Item 1","content_html":"<p>Text 1</p>"}`
	doc := `{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[` + item + "," + item + `,{"id":"2","ur`
	f, err := Parse([]byte(doc), "application/feed+json", feedURL)
	if err != nil {
		t.Fatal(err)
	}
	d := f.Damage
	if len(f.Items) != 1 || d == nil || d.Read != 2 || d.Found != 3 {
		t.Fatalf("%d items, damage %+v; want 1 item, 2 of 3 read", len(f.Items), d)
	}
	if msg := d.Error(); strings.Contains(msg, "unreadable") {
		t.Errorf("damage %q names unreadable items; none was", msg)
	}
}

// TestRDFAboutAsLink: an RSS 1.0 item without <link> is found by its
// rdf:about, the item's URI, which the spec has match the link; one whose
// rdf:about is no http(s) URL stays without a link.
func TestRDFAboutAsLink(t *testing.T) {
	doc := `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">` +
		`<channel rdf:about="https://e.com/rdf"><title>T</title></channel>` +
		`<item rdf:about="https://e.com/1"><title>One</title><link>https://e.com/1?from=rdf</link></item>` +
		`<item rdf:about='https://e.com/2'><title>Two</title></item>` +
		"<item\n  rdf:about=\"https://e.com/3?a=1&amp;b=2\"><title>Three</title></item>" +
		`<item rdf:about="urn:x:4"><title>Four</title></item>` +
		`</rdf:RDF>`
	f, err := Parse([]byte(doc), "", feedURL)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range f.Items {
		got = append(got, it.Link)
	}
	want := []string{"https://e.com/1?from=rdf", "https://e.com/2", "https://e.com/3?a=1&b=2", ""}
	if !slices.Equal(got, want) {
		t.Errorf("links %q, want %q", got, want)
	}
}

// TestMerge: a page's entries listed one by one read as one item: the
// first's identity, every distinct entry's title and text in order, the
// earliest publication and latest update; repeats count once, and a single
// entry is itself.
func TestMerge(t *testing.T) {
	t1, t2, t3 := time.Date(2025, 8, 18, 10, 0, 0, 0, time.UTC), time.Date(2025, 8, 18, 11, 0, 0, 0, time.UTC), time.Date(2025, 8, 18, 12, 0, 0, 0, time.UTC)
	a := Item{GUID: "a", Link: "https://e.com/live", Title: "Update 3", content: "<p>Talks <b>resume</b>.</p>", Authors: []string{"Ann"}, Published: t3, Updated: t3}
	b := Item{GUID: "b", Link: "https://e.com/live#2", Title: "Update 2 & more", Summary: "A date is set.", Authors: []string{"Ann", "Bo"}, Published: t2}
	c := Item{GUID: "c", Link: "https://e.com/live#1", Title: "Update 1", Summary: "The summit is announced.", Published: t1, Updated: t2}

	for _, none := range [][]Item{nil, {}} {
		if got := Merge(none); !reflect.DeepEqual(got, Item{}) {
			t.Errorf("Merge(%#v) = %+v, want the zero Item", none, got)
		}
	}
	if got := Merge([]Item{a}); got.GUID != "a" || got.Content() != a.content {
		t.Errorf("one item merged into %+v, want it as it is", got)
	}
	if got := Merge([]Item{b, b}); got.GUID != "b" || got.Content() != "" || got.Summary != b.Summary {
		t.Errorf("a repeated item merged into %+v, want it as it is", got)
	}
	got := Merge([]Item{a, b, c, b})
	want := "<p>Update 3</p>\n<div><p>Talks <b>resume</b>.</p></div>\n<p>Update 2 &amp; more</p>\n<p>A date is set.</p>\n<p>Update 1</p>\n<p>The summit is announced.</p>\n"
	if got.GUID != "a" || got.Link != a.Link || got.Title != a.Title || got.Content() != want {
		t.Errorf("merged into %q %q %q with content\n%s\nwant a's identity and\n%s", got.GUID, got.Link, got.Title, got.Content(), want)
	}
	if !got.Published.Equal(t1) || !got.Updated.Equal(t3) || !slices.Equal(got.Authors, []string{"Ann", "Bo"}) {
		t.Errorf("merged dates %v %v, authors %q; want %v %v, [Ann Bo]", got.Published, got.Updated, got.Authors, t1, t3)
	}
}
