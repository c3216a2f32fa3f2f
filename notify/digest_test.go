package notify

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
)

// sampleDigest is an hour of alerts over two articles, out of order, as
// the outbox may hand them over.
func sampleDigest() []Alert {
	other := Alert{
		Article: "https://news.example.com/world/troops", Title: "Troops pledged for security force",
		Version: 2, DetectedAt: time.Date(2025, 8, 19, 14, 20, 0, 0, time.UTC), Outlet: "Reuters",
		Facts: []facts.Change{{Kind: facts.KindNumber, Before: "10,000", After: "12,000",
			BeforeValue: "10000", AfterValue: "12000",
			BeforeSentence: "About 10,000 troops could take part.", AfterSentence: "About 12,000 troops could take part."}},
	}
	return []Alert{sampleAlerts["facts"], other, sampleAlerts["text-only"]}
}

func TestDigestGolden(t *testing.T) {
	cases := map[string][]Alert{
		"digest":         sampleDigest(),
		"digest-hostile": {sampleAlerts["hostile"]},
	}
	for name, alerts := range cases {
		for ext, render := range map[string]func([]Alert) string{"txt": DigestText, "html": DigestHTML} {
			t.Run(name+"."+ext, func(t *testing.T) {
				got := render(alerts)
				path := filepath.Join("testdata", name+"."+ext+".golden")
				if *update {
					if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("read golden (run with -update to create): %v", err)
				}
				if got != string(want) {
					t.Errorf("%s differs from %s:\n%s", ext, path, got)
				}
			})
		}
	}
}

// TestDigestContent checks what the goldens must show: every change of
// every alert, each article once, its versions in order.
func TestDigestContent(t *testing.T) {
	alerts := sampleDigest()
	text := DigestText(alerts)
	for _, a := range alerts {
		if strings.Count(text, a.Article) != 1 && a.Article != alerts[0].Article {
			t.Errorf("article %s listed %d times", a.Article, strings.Count(text, a.Article))
		}
		for _, c := range a.Facts {
			if !strings.Contains(text, Describe(c)) {
				t.Errorf("digest lacks %q", Describe(c))
			}
		}
	}
	if strings.Count(text, alerts[0].Article) != 1 {
		t.Errorf("the summit article is not grouped: listed %d times", strings.Count(text, alerts[0].Article))
	}
	v2, v3 := strings.Index(text, "Version 2,"), strings.Index(text, "Version 3,")
	if v2 < 0 || v3 < 0 || v2 > v3 {
		t.Errorf("versions out of order (v2 at %d, v3 at %d):\n%s", v2, v3, text)
	}
	if want := `Digest: 3 changes in 2 articles, 2025-08-19 09:30–14:20 UTC`; !strings.HasPrefix(text, want) {
		t.Errorf("subject line %q, want %q", strings.SplitN(text, "\n", 2)[0], want)
	}
	if got := DigestSubject(alerts[:1]); got != `Digest: 1 change in "Putin and Zelensky look set for peace summit", 2025-08-19 14:05 UTC` {
		t.Errorf("one-alert subject %q", got)
	}
	html := DigestHTML([]Alert{sampleAlerts["hostile"]})
	for _, bad := range []string{"<script>", "<img", "<b>Outlet", `href="javascript:`} {
		if strings.Contains(html, bad) {
			t.Errorf("digest HTML contains unescaped %q", bad)
		}
	}
}
