package extract

import (
	"os"
	"slices"
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
