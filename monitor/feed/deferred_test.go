package feed

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// items returns the feed's items with their content decoded, for comparing
// a deferred parse with a whole one.
func decoded(f *Feed) []Item {
	out := make([]Item, len(f.Items))
	for i, it := range f.Items {
		it.content, it.deferred = it.Content(), nil
		out[i] = it
	}
	return out
}

// checkSameAsWhole fails when setting content aside changes what Parse gives.
func checkSameAsWhole(t *testing.T, body []byte, contentType string) {
	t.Helper()
	whole, werr := parse(body, contentType, feedURL, -1)
	lazy, lerr := parse(body, contentType, feedURL, 0)
	if werr != nil || whole.Damage != nil {
		// Broken feeds may parse either way; only good ones must not
		// change. A JSON Feed broken inside a content string it set aside
		// reads whole when deferred, and only up to the break when not.
		return
	}
	if lerr != nil {
		t.Fatalf("deferred parse failed where the whole parse did not: %v", lerr)
	}
	if whole.Title != lazy.Title || whole.Link != lazy.Link {
		t.Errorf("feed differs: whole %q %q, deferred %q %q", whole.Title, whole.Link, lazy.Title, lazy.Link)
	}
	if w, l := decoded(whole), decoded(lazy); !reflect.DeepEqual(w, l) {
		t.Errorf("items differ:\nwhole    %+v\ndeferred %+v", w, l)
	}
}

func TestDeferredContentSameAsWholeParse(t *testing.T) {
	files, err := filepath.Glob("testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		if fi, err := os.Stat(name); err != nil || fi.IsDir() {
			continue
		}
		t.Run(filepath.Base(name), func(t *testing.T) {
			body, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			checkSameAsWhole(t, body, "")
		})
	}
}

// TestDeferredContentSetAside: the full-text fixtures really take the fast
// path, and the tricky shapes stay correct.
func TestDeferredContentSetAside(t *testing.T) {
	for _, name := range []string{"fulltext-rss.xml", "fulltext-atom.xml", "fulltext-rdf.xml"} {
		t.Run(name, func(t *testing.T) {
			f, err := Parse(readFixture(t, name), "", feedURL)
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Items) == 0 {
				t.Fatal("no items")
			}
			for _, it := range f.Items {
				if it.deferred == nil {
					t.Errorf("item %q: content was parsed with the feed, want it set aside", it.Title)
				}
				if c := it.Content(); !strings.HasPrefix(c, "<p>") || strings.Contains(c, deferMark) {
					t.Errorf("item %q: content decoded to %.80q", it.Title, c)
				}
			}
		})
	}
	const rssHead = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>`
	tricky := map[string]string{
		"cdata with close tag inside":       rssHead + `<item><title>A</title><link>https://e.com/a</link><content:encoded><![CDATA[<p>x</content:encoded> y</p>]]></content:encoded></item></channel></rss>`,
		"open tag inside description cdata": rssHead + `<item><title>A</title><link>https://e.com/a</link><description><![CDATA[see <content:encoded>here</content:encoded>]]></description></item></channel></rss>`,
		"open tag inside a comment":         rssHead + `<!-- <content:encoded>x</content:encoded> --><item><title>A</title><link>https://e.com/a</link></item></channel></rss>`,
		"child element":                     rssHead + `<item><title>A</title><link>https://e.com/a</link><content:encoded><p>raw xml child</p></content:encoded></item></channel></rss>`,
		"entities":                          rssHead + `<item><title>A</title><link>https://e.com/a</link><content:encoded>&lt;p&gt;Fish &amp;amp; chips&lt;/p&gt; &#8212; end</content:encoded></item></channel></rss>`,
		"mixed cdata and text":              rssHead + `<item><title>A</title><link>https://e.com/a</link><content:encoded> a &amp; <![CDATA[<b>b</b>]]> c </content:encoded></item></channel></rss>`,
		"mark already in body":              rssHead + `<item><title>` + deferMark + `0</title><link>https://e.com/a</link><content:encoded>text</content:encoded></item></channel></rss>`,
		"unclosed at end":                   rssHead + `<item><title>A</title><link>https://e.com/a</link><content:encoded>text`,
		"atom xhtml":                        `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>A</title><link href="https://e.com/a"/><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>x</p></div></content></entry></feed>`,
		"atom html with > in attr":          `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>A</title><link href="https://e.com/a"/><content type="html" title="a>b">&lt;p&gt;x&lt;/p&gt;</content></entry></feed>`,
		"atom empty content":                `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>A</title><link href="https://e.com/a"/><content type="html"/><contents>x</contents></entry></feed>`,
		"atom xml:base":                     `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://e.com/x/"><title>T</title><entry><title>A</title><link href="a"/><content type="html">&lt;a href="b"&gt;x&lt;/a&gt;</content></entry></feed>`,
	}
	const jf = `{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[`
	for name, body := range map[string]string{
		"json escapes":         jf + `{"id":"a","url":"https://e.com/a","content_html":"<p>say \"hi\" \\ \u00e9 \n</p>"}]}`,
		"json key in a string": jf + `{"id":"a","url":"https://e.com/a","title":"\"content_html\":\"x\"","content_html":"<p>y</p>"}]}`,
		"json non-string":      jf + `{"id":"a","url":"https://e.com/a","content_html":null,"content_text":"plain"}]}`,
		"json other case":      jf + `{"id":"a","url":"https://e.com/a","Content_HTML":"<p>upper</p>","content_html":"<p>lower</p>"}]}`,
		"json duplicate keys":  jf + `{"id":"a","url":"https://e.com/a","content_html":"<p>first</p>","content_html":"<p>second</p>"}]}`,
		"json nested":          jf + `{"id":"a","url":"https://e.com/a","_ext":{"content_html":"<p>ext</p>"},"content_text":"t"}]}`,
		"json both":            jf + `{"id":"a","url":"https://e.com/a","content_text":"text","content_html":"<p>html</p>"}]}`,
		"json unterminated":    jf + `{"id":"a","url":"https://e.com/a","content_html":"<p>open`,
	} {
		tricky[name] = body
	}
	for name, body := range tricky {
		t.Run(name, func(t *testing.T) { checkSameAsWhole(t, []byte(body), "") })
	}
}

// FuzzDeferredContent: setting content aside never changes the result of a
// feed that parses whole.
func FuzzDeferredContent(f *testing.F) {
	for _, name := range []string{"rss2.xml", "atom.xml", "rdf.xml", "fulltext-rss.xml", "fulltext-atom.xml"} {
		f.Add(readFixture(f, name))
	}
	f.Add(readFixture(f, "fulltext-json.json"))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{"id":"a","url":"https://e.com/a","content_html":"x\"y","content_text":"z"}]}`))
	f.Add([]byte(`<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><item><link>https://e.com/a</link><content:encoded><![CDATA[x]]>&amp;</content:encoded></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		checkSameAsWhole(t, body, "")
	})
}

func BenchmarkParseFullText(b *testing.B) {
	body, err := os.ReadFile("testdata/fulltext-rss.xml")
	if err != nil {
		b.Fatal(err)
	}
	for _, mode := range []struct {
		name string
		min  int
	}{{"whole", -1}, {"deferred", minDeferred}} {
		b.Run(mode.name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := parse(body, "", feedURL, mode.min); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
