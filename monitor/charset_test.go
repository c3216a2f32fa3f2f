package monitor

import (
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func TestPageUTF8(t *testing.T) {
	cyr, err := charmap.Windows1251.NewEncoder().String("<p>Переговоры в Будапеште</p>")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, body, contentType, want string
	}{
		{"header names windows-1251", cyr, "text/html; charset=windows-1251", "<p>Переговоры в Будапеште</p>"},
		{"valid UTF-8 untouched", "<p>Zelensky’s</p>", "text/html; charset=iso-8859-1", "<p>Zelensky’s</p>"},
		{"no charset: left to the extractor", cyr, "text/html", cyr},
		{"unknown charset: left alone", cyr, "text/html; charset=x-nonsense", cyr},
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
