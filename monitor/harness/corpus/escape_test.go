package corpus

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"html"
	"testing"
)

// escaperOracles pairs each appending escaper with the standard-library
// composition whose bytes it must reproduce.
var escaperOracles = []struct {
	name string
	got  func(string) string
	want func(*testing.T, string) string
}{
	{"html", func(s string) string { return string(appendHTML(nil, s)) }, func(_ *testing.T, s string) string { return html.EscapeString(s) }},
	{"xml", func(s string) string { return string(appendXML(nil, s)) }, func(t *testing.T, s string) string { return xmlEscaped(t, s) }},
	{"xml of html", func(s string) string { return string(appendXMLHTML(nil, s)) }, func(t *testing.T, s string) string { return xmlEscaped(t, html.EscapeString(s)) }},
	{"json", func(s string) string { return string(appendJSON(nil, s)) }, func(t *testing.T, s string) string { return jsonEncoded(t, s) }},
	{"json of html", func(s string) string { return `"` + string(appendJSONHTMLChars(nil, s)) + `"` }, func(t *testing.T, s string) string { return jsonEncoded(t, html.EscapeString(s)) }},
}

func xmlEscaped(t *testing.T, s string) string {
	t.Helper()
	var b bytes.Buffer
	if err := xml.EscapeText(&b, []byte(s)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func jsonEncoded(t *testing.T, s string) string {
	t.Helper()
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var escaperSeeds = []string{
	"",
	"plain words, nothing to escape",
	`Tom & Jerry <script>alert("x")</script> 'single' ]]>`,
	"tab\there\r\nnewline\x00nul\x01\x08\b\f\x1f\x7f",
	"’curly’ “quotes” — dashes é 😀",
	"\xff\xfe bad \xc3 truncated \xe2\x82",
	"\u2028 line \u2029 para \uFFFD ok \uFFFE \uFFFF \U0010FFFF",
	"\ud7ff\ue000",
	"&amp; already escaped &lt;",
}

func TestEscapersMatchStdlib(t *testing.T) {
	for _, o := range escaperOracles {
		t.Run(o.name, func(t *testing.T) {
			for _, s := range escaperSeeds {
				if got, want := o.got(s), o.want(t, s); got != want {
					t.Errorf("%q:\n got %q\nwant %q", s, got, want)
				}
			}
		})
	}
}

// checkCleanFlags checks that every escaper cleanFlags(s) calls a no-op
// leaves s unchanged, that the flagged variants match the plain escapers, and
// that a string with nothing to escape is found clean.
func checkCleanFlags(t *testing.T, s string) {
	t.Helper()
	f := cleanFlags(s)
	variants := []struct {
		name  string
		flag  uint8
		plain func([]byte, string) []byte
		fast  func([]byte, string, uint8) []byte
		same  string
	}{
		{"html", cleanHTML, appendHTML, appendHTMLF, s},
		{"xml", cleanXML, appendXML, appendXMLF, s},
		{"xml of html", cleanXML, appendXMLHTML, appendXMLHTMLF, s},
		{"json", cleanJSON, appendJSON, appendJSONF, `"` + s + `"`},
		{"json of html", cleanJSON | cleanHTML, appendJSONHTMLChars, appendJSONHTMLCharsF, s},
	}
	for _, v := range variants {
		plain := string(v.plain(nil, s))
		if got := string(v.fast(nil, s, f)); got != plain {
			t.Errorf("%s with flags %03b of %q: %q, want %q", v.name, f, s, got, plain)
		}
		if clean := f&v.flag == v.flag; clean != (plain == v.same) && v.name != "xml of html" && v.name != "json of html" {
			t.Errorf("%s: flags %03b of %q say clean=%v, escaper gives %q", v.name, f, s, clean, plain)
		}
	}
}

func TestCleanFlags(t *testing.T) {
	for _, s := range escaperSeeds {
		checkCleanFlags(t, s)
	}
	if f := cleanFlags("Plain text, ’curly’ “quotes” — fine."); f != cleanHTML|cleanXML|cleanJSON {
		t.Errorf("plain text flags %03b, want all clean", f)
	}
}

func TestEscapersAppend(t *testing.T) {
	// The escapers append: what is already in dst stays.
	prefix := []byte("kept<")
	if got := string(appendHTML(prefix, "<")); got != "kept<&lt;" {
		t.Errorf("appendHTML = %q", got)
	}
	if got := string(appendXML(prefix[:5:5], "\n")); got != "kept<&#xA;" {
		t.Errorf("appendXML = %q", got)
	}
	if got := string(appendJSON(prefix[:5:5], "<")); got != `kept<"\u003c"` {
		t.Errorf("appendJSON = %q", got)
	}
}

func FuzzEscapers(f *testing.F) {
	for _, s := range escaperSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, o := range escaperOracles {
			if got, want := o.got(s), o.want(t, s); got != want {
				t.Errorf("%s(%q):\n got %q\nwant %q", o.name, s, got, want)
			}
		}
		checkCleanFlags(t, s)
	})
}

// BenchmarkEscapers escapes an article's worth of paragraphs with each escaper.
func BenchmarkEscapers(b *testing.B) {
	s, err := NewSynthetic(Options{Feeds: 1, ArticlesPerFeed: 1, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	paras := s.arts[0].cur.Paragraphs
	n := 0
	for _, p := range paras {
		n += len(p)
	}
	for _, e := range []struct {
		name string
		f    func([]byte, string) []byte
	}{
		{"html", appendHTML}, {"xml", appendXML}, {"xml-html", appendXMLHTML}, {"json", appendJSON}, {"json-html", appendJSONHTMLChars},
	} {
		b.Run(e.name, func(b *testing.B) {
			b.SetBytes(int64(n))
			buf := make([]byte, 0, 4*n)
			for b.Loop() {
				buf = buf[:0]
				for _, p := range paras {
					buf = e.f(buf, p)
				}
			}
		})
	}
}
