package notify

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// sampleAlerts are rendered against golden files; they come from the seed
// article's real edits.
var sampleAlerts = map[string]Alert{
	"facts": {
		Article:    "https://news.example.com/world/putin-zelensky-summit",
		Title:      "Putin and Zelensky look set for peace summit",
		Version:    3,
		DetectedAt: time.Date(2025, 8, 19, 14, 5, 0, 0, time.UTC),
		Outlet:     "AFP",
		Summary:    "2 sentences changed, 1 inserted",
		Key:        "a1b2c3-webhook-0",
		Facts: []facts.Change{
			{
				Kind: facts.KindDate, Before: "within the next two weeks", After: "on August 29",
				BeforeValue: "P2W", AfterValue: "2025-08-29", Subject: "bilateral meeting", Detail: "refinement",
				BeforeSentence: "German Chancellor Friedrich Merz said Putin had agreed to the bilateral meeting within the next two weeks, but there was no confirmation of a date or location.",
				AfterSentence:  "German Chancellor Friedrich Merz said Putin had agreed to the bilateral meeting on August 29, but there was no confirmation of a location.",
			},
			{
				Kind: facts.KindNumber, Before: "$90 billion", After: "$100 billion",
				BeforeValue: "90000000000 USD", AfterValue: "100000000000 USD",
				BeforeSentence: "Ukraine offered to buy about $90 billion worth of US weapons.",
				AfterSentence:  "Ukraine offered to buy about $100 billion worth of US weapons.",
			},
			{
				Kind: facts.KindQuote, After: "We will <not> give up land & people", Subject: "Zelensky",
				AfterSentence: `"We will <not> give up land & people," Zelensky said.`,
			},
		},
	},
	"text-only": {
		Article:    "https://news.example.com/world/putin-zelensky-summit",
		Title:      "Putin and Zelensky look set for peace summit",
		Version:    2,
		DetectedAt: time.Date(2025, 8, 19, 9, 30, 0, 0, time.UTC),
		Summary:    "1 sentence changed",
	},
	"hostile": {
		Article:    `javascript:alert("x")`,
		Title:      `<script>alert(1)</script> & "quotes"`,
		Version:    7,
		DetectedAt: time.Date(2025, 8, 19, 9, 30, 0, 0, time.UTC),
		Outlet:     `<b>Outlet</b>`,
		Facts: []facts.Change{{Kind: facts.KindQuote, Before: `<img src=x onerror=alert(1)>`, After: "fine",
			BeforeSentence: `<img src=x onerror=alert(1)>`, AfterSentence: "fine"}},
	},
}

func TestBodiesGolden(t *testing.T) {
	renders := map[string]func(Alert) string{"txt": PlainText, "html": HTML}
	for name, a := range sampleAlerts {
		for ext, render := range renders {
			t.Run(name+"."+ext, func(t *testing.T) {
				got := render(a)
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

// TestBodiesContent checks what the goldens must show, so that a careless
// -update cannot bless a broken body.
func TestBodiesContent(t *testing.T) {
	a := sampleAlerts["facts"]
	for name, body := range map[string]string{"text": PlainText(a), "html": HTML(a)} {
		t.Run(name, func(t *testing.T) {
			for _, c := range a.Facts {
				line := Describe(c)
				if name == "html" {
					line = strings.NewReplacer(`"`, "&#34;", "<", "&lt;", ">", "&gt;", "&", "&amp;").Replace(line)
				}
				if !strings.Contains(body, line) {
					t.Errorf("body lacks %q", line)
				}
			}
			for _, want := range []string{a.Article, "AFP", "Version", "2 sentences changed, 1 inserted"} {
				if !strings.Contains(body, want) {
					t.Errorf("body lacks %q", want)
				}
			}
		})
	}
}

func TestHTMLEscapes(t *testing.T) {
	got := HTML(sampleAlerts["hostile"])
	for _, bad := range []string{"<script>", "<img", "<b>Outlet", `href="javascript:`} {
		if strings.Contains(got, bad) {
			t.Errorf("HTML() contains unescaped %q:\n%s", bad, got)
		}
	}
	if !strings.Contains(got, "&lt;script&gt;") {
		t.Errorf("HTML() lost the escaped title:\n%s", got)
	}
}
