package extract

import (
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestExtractRegionMatchesReadability: on well marked-up pages the fast
// path gives what readability gives; on a div-only layout it may not, which
// is why the pipeline verifies it per site before trusting it.
func TestExtractRegionMatchesReadability(t *testing.T) {
	for _, name := range []string{"summit-a.html", "summit-b.html"} {
		t.Run(name, func(t *testing.T) {
			page, err := os.ReadFile("testdata/" + name)
			if err != nil {
				t.Fatal(err)
			}
			full, err := Extract(page, "https://example.com/world/summit.html")
			if err != nil {
				t.Fatal(err)
			}
			fast, err := ExtractRegion(page, "https://example.com/world/summit.html")
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(full.Paragraphs, fast.Paragraphs) || full.Title != fast.Title {
				t.Errorf("region extraction differs:\nfull %q %q\nfast %q %q", full.Title, full.Paragraphs, fast.Title, fast.Paragraphs)
			}
		})
	}
}

func BenchmarkExtractRegion(b *testing.B) {
	page, err := os.ReadFile("testdata/summit-a.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := ExtractRegion(page, "https://example.com/world/summit.html"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExtractRegionCorpus runs the fast path on a page of the bench
// corpus (rotating boilerplate around an <article>).
func BenchmarkExtractRegionCorpus(b *testing.B) {
	page, err := os.ReadFile("testdata/corpus-page.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ExtractRegion(page, "http://127.0.0.1/the-northern-courier/a.html"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestExtractFastMatchesExtractRegion: parsing only the head, the JSON-LD
// blocks and the article region gives what parsing the whole page gives, on
// every page in testdata and on pages that need cleaning first.
func TestExtractFastMatchesExtractRegion(t *testing.T) {
	pages := map[string][]byte{
		"nul bytes":   []byte("<html><head><title>T</title></head><body><article><p>One long enough paragraph of text\x00 that counts as the article body here.</p></article></body></html>"),
		"latin-1":     []byte("<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9</title></head><body><article><p>Le caf\xe9 est ouvert depuis ce matin, a dit le maire de la ville.</p></article></body></html>"),
		"no head":     []byte("<article><h1>Title</h1><p>A paragraph of the article that is long enough to be kept as text.</p></article><aside>Most read</aside>"),
		"ld in body":  []byte(`<html><head><title>T</title></head><body><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-08-19T10:00:00Z"}</script><nav>Home</nav><article><p>A paragraph of the article that is long enough to be kept as text.</p></article></body></html>`),
		"deep":        []byte("<html><head></head><body><article>" + strings.Repeat("<div>", 300) + "<p>Deep paragraph with enough words to be kept as the article text.</p>" + strings.Repeat("</div>", 300) + "</article></body></html>"),
		"two article": []byte("<html><head><title>T</title></head><body><article><p>Teaser.</p></article><article><p>The real article body, with more words than the teaser above it has.</p></article></body></html>"),
	}
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".html") {
			b, err := os.ReadFile("testdata/" + e.Name())
			if err != nil {
				t.Fatal(err)
			}
			pages[e.Name()] = b
		}
	}
	for name, page := range pages {
		t.Run(name, func(t *testing.T) {
			const u = "https://example.com/world/summit.html"
			want, werr := ExtractRegion(page, u)
			got, gerr := Scan(page).ExtractFast(u)
			if (werr == nil) != (gerr == nil) {
				t.Fatalf("errors differ: region %v, fast %v", werr, gerr)
			}
			if name == "two article" {
				// The region is the largest <article>; the whole-page path
				// takes the first. Both must hold the real body.
				if !strings.Contains(got.Text(), "real article body") {
					t.Errorf("fast path missed the largest article: %q", got.Paragraphs)
				}
				return
			}
			if !reflect.DeepEqual(want, got) {
				t.Errorf("fast path differs:\nregion %+v\nfast   %+v", want, got)
			}
		})
	}
}

func BenchmarkScanExtractFastCorpus(b *testing.B) {
	page, err := os.ReadFile("testdata/corpus-page.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		sc := Scan(page)
		if _, err := sc.ExtractFast("http://127.0.0.1/the-northern-courier/a.html"); err != nil {
			b.Fatal(err)
		}
	}
}
