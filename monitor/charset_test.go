package monitor

import (
	"strings"
	"testing"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"

	"github.com/storywatch/storywatch/monitor/extract"
)

func TestPageUTF8(t *testing.T) {
	cyr, err := charmap.Windows1251.NewEncoder().String("<p>Переговоры в Будапеште</p>")
	if err != nil {
		t.Fatal(err)
	}
	// ISO-2022-JP is 7-bit: its bytes are valid UTF-8 and say nothing of
	// their charset, which only the header names.
	jp, err := japanese.ISO2022JP.NewEncoder().String("<p>東京で会談が行われた。</p>")
	if err != nil {
		t.Fatal(err)
	}
	utf16 := func(order unicode.Endianness, s string) string {
		b, err := unicode.UTF16(order, unicode.IgnoreBOM).NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	const page16 = `<html><head><meta charset="utf-16"><title>Zürich – “Genève”</title></head><body><p>Talks in Zürich – “Genève”</p></body></html>`
	const page16UTF8 = `<html><head><meta charset="utf-8"><title>Zürich – “Genève”</title></head><body><p>Talks in Zürich – “Genève”</p></body></html>`
	tests := []struct {
		name, body, contentType, want string
	}{
		// UTF-16 with no byte order mark: its ASCII is valid UTF-8 with
		// zeros between, and the prescan cannot read the <meta> in it.
		{"utf-16le, meta only", utf16(unicode.LittleEndian, page16), "text/html", page16UTF8},
		{"utf-16le, header utf-16", utf16(unicode.LittleEndian, page16), "text/html; charset=utf-16", page16UTF8},
		{"utf-16be, header utf-16be", utf16(unicode.BigEndian, page16), "text/html; charset=UTF-16BE", page16UTF8},
		{"utf-16le, ASCII only", utf16(unicode.LittleEndian, "<p>Talks in Geneva</p>"), "text/html", "<p>Talks in Geneva</p>"},
		// A UTF-8 page that names utf-16 (a browser reads it as UTF-8) is
		// no UTF-16.
		{"utf-8 page declaring utf-16", page16, "text/html; charset=utf-16", page16},
		{"header names windows-1251", cyr, "text/html; charset=windows-1251", "<p>Переговоры в Будапеште</p>"},
		{"header names iso-2022-jp", jp, "text/html; charset=ISO-2022-JP", "<p>東京で会談が行われた。</p>"},
		{"valid UTF-8 untouched", "<p>Zelensky’s</p>", "text/html; charset=iso-8859-1", "<p>Zelensky’s</p>"},
		{"valid UTF-8 under a <meta> of another charset", "<head><meta charset=iso-8859-1></head><p>Zelensky’s</p>", "text/html",
			"<head><meta charset=utf-8></head><p>Zelensky’s</p>"},
		{"ASCII under a <meta> of another charset untouched", "<head><meta charset=iso-8859-1></head><p>Zelensky's</p>", "text/html",
			"<head><meta charset=iso-8859-1></head><p>Zelensky's</p>"},
		// With no charset named, a browser reads windows-1252, as the
		// extractor did before pages were converted here.
		{"no charset: windows-1252", "<p>\x93Budapest\x94</p>", "text/html", "<p>“Budapest”</p>"},
		{"meta charset only", "<head><meta charset=windows-1251></head>" + cyr, "text/html",
			"<head><meta charset=utf-8></head><p>Переговоры в Будапеште</p>"},
		{"unknown charset: windows-1252", "<p>\x93Budapest\x94</p>", "text/html; charset=x-nonsense", "<p>“Budapest”</p>"},
		// The page says so itself too: once converted it is UTF-8, and the
		// extractor must not decode it again.
		{"meta charset follows the bytes", "<head><meta charset=\"windows-1251\"></head>" + cyr,
			"text/html; charset=windows-1251", "<head><meta charset=\"utf-8\"></head><p>Переговоры в Будапеште</p>"},
		{"http-equiv follows the bytes", "<HEAD><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1251\"></HEAD>" + cyr,
			"text/html; charset=windows-1251", "<HEAD><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=utf-8\"></HEAD><p>Переговоры в Будапеште</p>"},
		// A <body> in a comment of the head ends no head: the declaration
		// after it is the page's.
		{"a <body> in a comment", "<head><!-- <body> is set by the CMS --><meta charset=windows-1251></head>" + cyr, "text/html",
			"<head><!-- <body> is set by the CMS --><meta charset=utf-8></head><p>Переговоры в Будапеште</p>"},
		// A declaration across the 4 KiB the rewrite reads is rewritten
		// whole, not cut ("utf-8ows-1251").
		{"a declaration across the window", "<head><style>" + strings.Repeat("p{}", 1352) + "</style><meta charset=windows-1251></head>" + cyr,
			"text/html; charset=windows-1251", "<head><style>" + strings.Repeat("p{}", 1352) + "</style><meta charset=utf-8></head><p>Переговоры в Будапеште</p>"},
		{"a charset in the body is text", "<body><p>meta charset=koi8-r</p>" + cyr,
			"text/html; charset=windows-1251", "<body><p>meta charset=koi8-r</p><p>Переговоры в Будапеште</p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(pageUTF8([]byte(tt.body), tt.contentType)); got != tt.want {
				t.Errorf("pageUTF8 = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestArticleType(t *testing.T) {
	const page = "<!doctype html><html><body><p>Summit</p></body></html>"
	const rssDoc = `<rss version="2.0"><channel><title>T</title><item><title>Summit</title></item></channel></rss>`
	tests := []struct {
		contentType, body string
		want              bool
	}{
		{"text/html; charset=utf-8", page, true},
		{"application/xhtml+xml", page, true},
		{"text/plain", "Summit in Budapest.", true},
		{"", page, true},
		{"application/octet-stream", page, true},
		{"application/x-unknown-content-type", page, true},
		{"text/html;;;", page, true}, // unparsable: sniffed
		{"audio/mpeg", "ID3\x04\x00\x00\x00\x00\x00\x00\xff\xfb", false},
		{"video/mp4", page, false},
		{"image/png", "\x89PNG\r\n\x1a\n", false},
		{"application/pdf", "%PDF-1.7\n", false},
		{"", "%PDF-1.7\n", false},
		{"application/octet-stream", "\x00\x01\x02\x03binary", false},
		// an item linking to a feed or to JSON: markup and keys, no article
		{"application/rss+xml", rssDoc, false},
		{"text/xml; charset=utf-8", rssDoc, false},
		{"text/xml", "\xef\xbb\xbf\n<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<!-- x -->" + rssDoc, false},
		{"application/atom+xml", `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title></feed>`, false},
		{"application/rdf+xml", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><channel/></rdf:RDF>`, false},
		{"text/html", rssDoc, false},
		{"application/json", `{"version":"https://jsonfeed.org/version/1.1","items":[]}`, false},
		{"text/plain; charset=utf-8", ` [{"id": 1}]`, false},
		{"text/xml", `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Summit</p></body></html>`, true},
		{"text/plain", "{Summit} in Budapest.", true},
	}
	for _, tt := range tests {
		t.Run(tt.contentType+" "+tt.body[:min(len(tt.body), 12)], func(t *testing.T) {
			if mt, got := articleType(tt.contentType, []byte(tt.body)); got != tt.want {
				t.Errorf("articleType(%q, %.10q) = %q, %v; want %v", tt.contentType, tt.body, mt, got, tt.want)
			}
		})
	}
}

// TestUndeclaredCharsetDecodesOnce: a windows-1252 page that names no
// charset, with a head longer than the 1,024 bytes the charset prescan
// reads, is converted here and must not be read as windows-1252 again by
// the extractor, which sees no declaration and no high byte in that
// prescan.
func TestUndeclaredCharsetDecodesOnce(t *testing.T) {
	page := `<html><head><title>Talks</title><script>` + strings.Repeat("var x = 1; ", 120) + `</script></head>` +
		`<body><div id="story"><p>` + "\x93We will not take part,\x94 the minister said \x96 twice." + `</p><p>` +
		strings.Repeat("The talks went on for a second day in the capital. ", 8) + `</p></div></body></html>`
	a, err := extract.Extract(pageUTF8([]byte(page), "text/html"), "http://127.0.0.1/a.html")
	if err != nil {
		t.Fatal(err)
	}
	if text := a.Text(); !strings.Contains(text, "“We will not take part,” the minister said – twice.") || strings.Contains(text, "â€") {
		t.Errorf("text %q: the page was decoded twice", text)
	}
}

// TestCharsetDeclaredTwiceDecodesOnce: a windows-1252 page that names its
// charset in the HTTP header and in a <meta> reads as its text, not as the
// UTF-8 of its quote marks read as windows-1252 again.
func TestCharsetDeclaredTwiceDecodesOnce(t *testing.T) {
	para := "\x93We will not take part,\x94 the minister said \x96 twice."
	page := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><title>Talks</title></head>` +
		`<body><div id="story"><p>` + para + `</p><p>` + strings.Repeat("The talks went on for a second day in the capital. ", 8) + `</p></div></body></html>`
	a, err := extract.Extract(pageUTF8([]byte(page), "text/html; charset=windows-1252"), "http://127.0.0.1/a.html")
	if err != nil {
		t.Fatal(err)
	}
	if text := a.Text(); !strings.Contains(text, "“We will not take part,” the minister said – twice.") || strings.Contains(text, "â€") {
		t.Errorf("text %q: the page was decoded twice", text)
	}
}

// declaresOtherCharsetWhole is declaresOtherCharset as it was before round
// 13, the regular expression over the whole window: the reference the
// per-tag scan must agree with.
func declaresOtherCharsetWhole(page []byte) bool {
	for _, m := range metaCharset.FindAllSubmatch(page[:min(len(page), 4096)], -1) {
		if _, name := charset.Lookup(string(m[1])); name != "utf-8" && !strings.HasPrefix(name, "utf-16") {
			return true
		}
	}
	return false
}

var charsetHeads = []struct {
	head string
	want bool
}{
	{`<html><head><meta charset="utf-8"><title>T</title>`, false},
	{`<html><head><META CHARSET=windows-1252><title>T</title>`, true},
	{`<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">`, true},
	{`<meta name="viewport" content="width=device-width"><meta charset='koi8-r'>`, true},
	{`<metadata charset="koi8-r">`, false},    // no <meta> tag
	{`<meta name="x"> charset=koi8-r`, false}, // outside the tag
	{`<meta <meta charset=shift_jis>`, true},
	{`<meta charset=utf-8<meta charset=koi8-r`, true}, // one unclosed tag, two declarations
	{`<!-- <meta charset="big5"> -->`, true},          // the prescan reads comments' tags too
	{`<meta charset="utf-16le">`, false},
	{`<meta charset="bogus-name">`, true},
	{`<meta charset=`, false},
	{`<meta`, false},
	{`<`, false},
}

// TestDeclaresOtherCharset: a <meta> naming a charset other than UTF-8 is
// found in any spelling, and nothing outside a <meta> tag counts.
func TestDeclaresOtherCharset(t *testing.T) {
	for _, c := range charsetHeads {
		if got := declaresOtherCharset([]byte(c.head)); got != c.want {
			t.Errorf("declaresOtherCharset(%q) = %v, want %v", c.head, got, c.want)
		}
		if ref := declaresOtherCharsetWhole([]byte(c.head)); ref != c.want {
			t.Errorf("reference(%q) = %v, want %v: the table is wrong", c.head, ref, c.want)
		}
	}
}

// FuzzDeclaresOtherCharset: the per-tag scan says what the regular
// expression over the whole window says.
func FuzzDeclaresOtherCharset(f *testing.F) {
	for _, c := range charsetHeads {
		f.Add([]byte(c.head))
	}
	f.Add([]byte(strings.Repeat("<p>x</p>", 600) + `<meta charset="koi8-r">`))
	f.Fuzz(func(t *testing.T, page []byte) {
		if got, want := declaresOtherCharset(page), declaresOtherCharsetWhole(page); got != want {
			t.Errorf("declaresOtherCharset(%q) = %v, the whole-window scan says %v", page, got, want)
		}
	})
}
