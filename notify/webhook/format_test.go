package webhook_test

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/notify"
	"github.com/storywatch/storywatch/notify/webhook"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// formatAlerts are rendered in every format against golden files.
var formatAlerts = map[string]notify.Alert{
	"facts": {
		Article: "https://news.example.com/world/putin-zelensky-summit", Title: "Putin and Zelensky look set for peace summit",
		Version: 3, DetectedAt: time.Date(2025, 8, 19, 14, 5, 0, 0, time.UTC), Outlet: "AFP",
		Summary: "sentences: 2 changed, 1 inserted", ArticleID: "a1b2c3", Key: "a1b2c3.v3.webhook:0123456789ab",
		Facts: []facts.Change{
			{Kind: facts.KindDate, Before: "within the next two weeks", After: "on August 29",
				BeforeValue: "P2W", AfterValue: "2025-08-29", Subject: "bilateral meeting", Detail: "refinement",
				BeforeSentence: "Merz said Putin had agreed to the bilateral meeting within the next two weeks.",
				AfterSentence:  "Merz said Putin had agreed to the bilateral meeting on August 29."},
			{Kind: facts.KindNumber, Before: "$90 billion", After: "$100 billion",
				BeforeValue: "90000000000 USD", AfterValue: "100000000000 USD",
				BeforeSentence: "Ukraine offered to buy about $90 billion worth of US weapons.",
				AfterSentence:  "Ukraine offered to buy about $100 billion worth of US weapons."},
			{Kind: facts.KindQuote, After: "We will not give up land", Subject: "Zelensky",
				AfterSentence: `"We will not give up land," Zelensky said.`},
		},
	},
	"text-only": {
		Article: "https://news.example.com/world/putin-zelensky-summit", Title: "Putin and Zelensky look set for peace summit",
		Version: 2, DetectedAt: time.Date(2025, 8, 19, 9, 30, 0, 0, time.UTC), Summary: "sentences: 1 changed",
		Key: "a1b2c3.v2.webhook:0123456789ab",
	},
	"hostile": {
		Article: `javascript:alert("x")`, Title: `<!channel> @everyone <b>Breaking</b> & "more"`,
		Version: 7, DetectedAt: time.Date(2025, 8, 19, 9, 30, 0, 0, time.UTC), Outlet: "<@U123> *bold*",
		Key: "k/with spaces?and#marks",
		Facts: []facts.Change{{Kind: facts.KindQuote, Before: `<img src=x onerror=alert(1)>`, After: "@here fine",
			BeforeSentence: `<script>alert(1)</script>`, AfterSentence: "@here <https://evil.example|click>"}},
	},
}

// dumpRequest renders what a receiver got, for a golden file: the request
// line, the headers a format sets (sorted) and the body byte for byte.
func dumpRequest(r *http.Request, body []byte) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\n", r.Method, r.URL.RequestURI())
	var names []string
	for k := range r.Header {
		switch k {
		case "Accept-Encoding", "Content-Length", "User-Agent":
			continue // transport details, not the format's
		}
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		fmt.Fprintf(&b, "%s: %s\n", k, strings.Join(r.Header[k], ", "))
	}
	b.WriteString("\n")
	b.Write(body)
	b.WriteString("\n")
	return b.String()
}

// capture is a receiver that keeps the last request for dumpRequest.
type capture struct {
	*httptest.Server
	last string
	req  *http.Request
	body []byte
}

func newCapture(t *testing.T) *capture {
	t.Helper()
	c := &capture{}
	c.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		c.last, c.req, c.body = dumpRequest(r, body), r, body
		w.WriteHeader(http.StatusOK)
	}))
	t.Cleanup(c.Close)
	return c
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
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
		t.Errorf("request differs from %s:\n%s", path, got)
	}
}

// TestGenericGolden pins the generic JSON request byte for byte: the
// presets must leave it exactly as it was.
func TestGenericGolden(t *testing.T) {
	for name, a := range formatAlerts {
		t.Run(name, func(t *testing.T) {
			c := newCapture(t)
			n := webhook.New(webhook.Config{URL: c.URL + "/hook?token=abc", Secret: "s3cret"}, nil)
			if err := n.Notify(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, "json-"+name, c.last)
		})
	}
}
