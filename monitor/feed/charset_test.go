package feed

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func TestParseEncodings(t *testing.T) {
	const title = "Зеленский: «très bien»"
	rss := func(decl string) string {
		return decl + `<rss version="2.0"><channel><title>T</title><item><title>` + title + `</title><link>https://e.example/1</link></item></channel></rss>`
	}
	utf16le := func(s string) []byte {
		b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	utf16 := func(order unicode.Endianness, s string) []byte {
		b, err := unicode.UTF16(order, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	koi8 := func(s string) []byte {
		b, err := charmap.KOI8R.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	const cyrTitle = "Зеленский в Вашингтоне"
	cyr := func(decl string) string {
		return decl + `<rss version="2.0"><channel><title>T</title><item><title>` + cyrTitle + `</title><link>https://e.example/1</link></item></channel></rss>`
	}
	tests := []struct {
		name string
		body []byte
		ct   string
		want string
	}{
		{"utf-16 with BOM", utf16le(rss(`<?xml version="1.0" encoding="UTF-16"?>`)), "", title},
		// No byte order mark: the zero byte beside each ASCII byte of the
		// markup tells UTF-16 and its byte order.
		{"utf-16le declared, no BOM", utf16(unicode.LittleEndian, rss(`<?xml version="1.0" encoding="UTF-16"?>`)), "", title},
		{"utf-16be in the header, no BOM", utf16(unicode.BigEndian, rss("")), "application/rss+xml; charset=utf-16be", title},
		{"utf-16le, nothing says so", utf16(unicode.LittleEndian, "\n"+rss("")), "text/xml", title},
		{"content-type koi8-r, no declaration", koi8(cyr("")), "application/rss+xml; charset=KOI8-R", cyrTitle},
		{"declaration wins over content-type", koi8(cyr(`<?xml version="1.0" encoding="koi8-r"?>`)), "text/xml; charset=utf-8", cyrTitle},
		{"utf-8 declared, content-type default latin-1", []byte(rss(`<?xml version="1.0" encoding="utf-8"?>`)), "text/xml; charset=ISO-8859-1", title},
		{"unknown charset label", []byte(rss(`<?xml version="1.0" encoding="x-bogus"?>`)), "", title},
		// UTF-8 bytes under a declaration of a legacy encoding (a CMS's
		// template, a copied header): bytes that read as UTF-8 with
		// characters past ASCII are UTF-8, which text in those encodings
		// almost never is; read as declared they turned into "Ã©".
		{"utf-8 declared iso-8859-1", []byte(rss(`<?xml version="1.0" encoding="ISO-8859-1"?>`)), "text/xml; charset=utf-8", title},
		{"utf-8 declared windows-1251", []byte(rss(`<?xml version="1.0" encoding="windows-1251"?>`)), "", title},
		{"utf-8 declared utf-16", []byte(rss(`<?xml version="1.0" encoding="UTF-16"?>`)), "", title},
		{"utf-8 under a windows-1252 content-type", []byte(rss("")), "text/xml; charset=windows-1252", title},
		{"windows-1251 as declared, which is no UTF-8", func() []byte {
			b, err := charmap.Windows1251.NewEncoder().Bytes([]byte(cyr(`<?xml version="1.0" encoding="windows-1251"?>`)))
			if err != nil {
				t.Fatal(err)
			}
			return b
		}(), "", cyrTitle},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse(tt.body, tt.ct, feedURL)
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Items) != 1 || f.Items[0].Title != tt.want {
				t.Fatalf("items = %+v, want one titled %q", f.Items, tt.want)
			}
		})
	}
}

// TestIllegalCharacters: a reference to a character XML forbids ("&#11;",
// "&#x1F;", "&#0;", "&#65535;") or a raw U+FFFE in an item, which CMSs copy
// from pasted text, made the XML decoder reject the item (before, the
// feed): the character is dropped and the item read whole.
func TestIllegalCharacters(t *testing.T) {
	for _, bad := range []string{"&#11;", "&#x1F;", "&#X1f;", "&#0;", "&#00000;", "&#65535;", "&#xFFFE;", "\uFFFE", "\uFFFF"} {
		doc := `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Putin` + bad + ` summit</title>` +
			`<link>https://e.com/1</link><description>Zelensky` + bad + ` said &#233;&#x2014;</description></item></channel></rss>`
		f, err := Parse([]byte(doc), "", feedURL)
		if err != nil {
			t.Errorf("%q: %v", bad, err)
			continue
		}
		if len(f.Items) != 1 || f.Damage != nil {
			t.Errorf("%q: %d items, damage %v", bad, len(f.Items), f.Damage)
			continue
		}
		if it := f.Items[0]; it.Title != "Putin summit" || it.Summary != "Zelensky said é—" {
			t.Errorf("%q: title %q, summary %q", bad, it.Title, it.Summary)
		}
	}
}

// TestIllegalCharactersBesideOtherEF: characters whose UTF-8 starts with
// 0xEF as U+FFFE does (fullwidth forms, private use) stay, before, between
// and after dropped ones and entities.
func TestIllegalCharactersBesideOtherEF(t *testing.T) {
	in := "\uFF01&lt;b&gt;\uFFFE&#11;x\uFF01&amp;&#8217;\uFFFFy\uE000&#x1F;"
	if got, want := string(dropIllegalChars([]byte(in))), "\uFF01&lt;b&gt;x\uFF01&amp;&#8217;y\uE000"; got != want {
		t.Errorf("dropIllegalChars(%q) = %q, want %q", in, got, want)
	}
}

// BenchmarkDropIllegalChars: a feed of escaped HTML descriptions, one
// legal character reference in it (so the scan runs) and no 0xEF byte.
func BenchmarkDropIllegalChars(b *testing.B) {
	body := []byte(strings.Repeat("<description>&lt;p&gt;The talks&lt;/p&gt; &amp; more&#8217;s</description>\n", 2000))
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		dropIllegalChars(body)
	}
}
