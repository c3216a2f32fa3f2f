package webhook_test

import (
	"context"
	"encoding/json"
	"errors"
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
	"unicode/utf8"

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
		t.Errorf("request differs from %s:\n%s", path, notify.Truncate(got, 2000))
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

// presetConfig configures format f against a receiver at base.
func presetConfig(f, base string) webhook.Config {
	switch f {
	case webhook.FormatNtfy:
		return webhook.Config{URL: base + "/storywatch-desk", Format: f, Token: "tk_ntfytoken"}
	case webhook.FormatMatrix:
		return webhook.Config{URL: base + "/", Format: f, Token: "syt_matrixtoken", Room: "!desk:example.org"}
	}
	return webhook.Config{URL: base + "/services/T000/B000/XXXX", Format: f}
}

var presets = []string{webhook.FormatSlack, webhook.FormatDiscord, webhook.FormatNtfy, webhook.FormatMatrix}

// TestPresetGolden sends each sample alert in each preset format to an
// httptest receiver and compares the request with its golden file.
func TestPresetGolden(t *testing.T) {
	for _, f := range presets {
		for name, a := range formatAlerts {
			t.Run(f+"/"+name, func(t *testing.T) {
				c := newCapture(t)
				if err := webhook.New(presetConfig(f, c.URL), nil).Notify(context.Background(), a); err != nil {
					t.Fatal(err)
				}
				checkGolden(t, f+"-"+name, c.last)
				checkShape(t, f, a, c.req, c.body)
			})
		}
	}
}

// longAlert has more changes, and longer ones, than any chat message
// takes, with markup right at the cut points.
func longAlert() notify.Alert {
	a := formatAlerts["facts"]
	a.Title = strings.Repeat("Très long <title> & ", 40)
	a.Facts = nil
	for i := range 120 {
		a.Facts = append(a.Facts, facts.Change{Kind: facts.Kind([]string{"date", "number", "correction"}[i%3]),
			Before: strings.Repeat("<&>*_`\\", 80), After: fmt.Sprintf("value %d", i),
			AfterSentence: strings.Repeat("é<b>&amp; ", 500)})
	}
	return a
}

// TestPresetLimits: an alert far over every service's limits still makes
// a request each service accepts.
func TestPresetLimits(t *testing.T) {
	for _, f := range presets {
		t.Run(f, func(t *testing.T) {
			c := newCapture(t)
			a := longAlert()
			if err := webhook.New(presetConfig(f, c.URL), nil).Notify(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			checkShape(t, f, a, c.req, c.body)
		})
	}
}

// checkShape asserts what each service's documentation requires of a
// payload, so that a careless -update cannot bless a broken one.
func checkShape(t *testing.T, f string, a notify.Alert, r *http.Request, body []byte) {
	t.Helper()
	runes := utf8.RuneCountInString
	if r.Header.Get("Content-Type") != "application/json" || r.Header.Get("X-Storywatch-Signature") != "" {
		t.Errorf("headers %v: want JSON, unsigned", r.Header)
	}
	switch f {
	case webhook.FormatSlack:
		var m struct {
			Text   string `json:"text"`
			Blocks []struct {
				Type string `json:"type"`
				Text struct {
					Type, Text string
				} `json:"text"`
				Elements []struct{ Type, Text string } `json:"elements"`
			} `json:"blocks"`
		}
		mustDecode(t, body, &m)
		if r.Method != http.MethodPost || m.Text == "" || len(m.Blocks) < 3 || len(m.Blocks) > 50 {
			t.Fatalf("slack: %s with text %q and %d blocks", r.Method, m.Text, len(m.Blocks))
		}
		if b := m.Blocks[0]; b.Type != "header" || b.Text.Type != "plain_text" || runes(b.Text.Text) > 150 {
			t.Errorf("slack header block %+v", b)
		}
		// mrkdwn is parsed for mentions and links; the header's plain_text
		// is shown as it is.
		mrkdwn := []string{m.Text}
		for _, b := range m.Blocks[1:] {
			if b.Type == "section" {
				if b.Text.Type != "mrkdwn" || runes(b.Text.Text) > 3000 {
					t.Errorf("slack section of %d characters, type %q", runes(b.Text.Text), b.Text.Type)
				}
				mrkdwn = append(mrkdwn, b.Text.Text)
			}
			for _, e := range b.Elements {
				mrkdwn = append(mrkdwn, e.Text)
			}
		}
		for _, text := range mrkdwn {
			for _, s := range []string{"<!channel>", "<@U123>", "<b>", "<https://evil", "<javascript"} {
				if strings.Contains(text, s) {
					t.Errorf("slack mrkdwn carries %q unescaped: %q", s, notify.Truncate(text, 300))
				}
			}
		}
	case webhook.FormatDiscord:
		var m struct {
			Content string `json:"content"`
			Embeds  []struct {
				Title, URL, Description, Timestamp string
				Footer                             struct{ Text string }
			} `json:"embeds"`
			AllowedMentions *struct {
				Parse []string `json:"parse"`
			} `json:"allowed_mentions"`
		}
		mustDecode(t, body, &m)
		if m.Content == "" || runes(m.Content) > 2000 || len(m.Embeds) != 1 {
			t.Fatalf("discord content %d characters, %d embeds", runes(m.Content), len(m.Embeds))
		}
		e := m.Embeds[0]
		total := runes(e.Title) + runes(e.Description) + runes(e.Footer.Text)
		if runes(e.Title) > 256 || runes(e.Description) > 4096 || total > 6000 || e.Description == "" {
			t.Errorf("discord embed over its limits: title %d, description %d, total %d", runes(e.Title), runes(e.Description), total)
		}
		if _, err := time.Parse(time.RFC3339, e.Timestamp); err != nil {
			t.Errorf("discord timestamp %q: %v", e.Timestamp, err)
		}
		if e.URL != "" && !strings.HasPrefix(e.URL, "https://") {
			t.Errorf("discord embed links %q", e.URL)
		}
		if m.AllowedMentions == nil || m.AllowedMentions.Parse == nil || len(m.AllowedMentions.Parse) != 0 {
			t.Errorf("discord allowed_mentions %+v, want parse: [] (no pings)", m.AllowedMentions)
		}
	case webhook.FormatNtfy:
		var m struct {
			Topic, Title, Message, Click string
			Tags                         []string
			Priority                     int
		}
		mustDecode(t, body, &m)
		if r.Method != http.MethodPost || r.URL.Path != "/" || m.Topic != "storywatch-desk" {
			t.Errorf("ntfy: %s %s topic %q, want POST / with the topic from the URL", r.Method, r.URL.Path, m.Topic)
		}
		if r.Header.Get("Authorization") != "Bearer tk_ntfytoken" {
			t.Errorf("ntfy Authorization %q", r.Header.Get("Authorization"))
		}
		if m.Title == "" || m.Message == "" || len(m.Message) > 4096 || m.Priority < 1 || m.Priority > 5 || !slices.Contains(m.Tags, "newspaper") {
			t.Errorf("ntfy message: title %q, %d bytes, priority %d, tags %v", m.Title, len(m.Message), m.Priority, m.Tags)
		}
		if m.Click != "" && !strings.HasPrefix(m.Click, "https://") {
			t.Errorf("ntfy click %q", m.Click)
		}
	case webhook.FormatMatrix:
		var m struct {
			MsgType       string `json:"msgtype"`
			Body          string `json:"body"`
			Format        string `json:"format"`
			FormattedBody string `json:"formatted_body"`
		}
		mustDecode(t, body, &m)
		wantPath := "/_matrix/client/v3/rooms/!desk:example.org/send/m.room.message/" + a.Key
		if r.Method != http.MethodPut || r.URL.Path != wantPath {
			t.Errorf("matrix: %s %s, want PUT %s", r.Method, r.URL.Path, wantPath)
		}
		if r.Header.Get("Authorization") != "Bearer syt_matrixtoken" {
			t.Errorf("matrix Authorization %q", r.Header.Get("Authorization"))
		}
		if m.MsgType != "m.notice" || m.Body == "" || m.Format != "org.matrix.custom.html" || m.FormattedBody == "" || len(body) > 65536 {
			t.Errorf("matrix event %d bytes: msgtype %q format %q, body %d bytes, formatted %d bytes", len(body), m.MsgType, m.Format, len(m.Body), len(m.FormattedBody))
		}
		for _, s := range []string{"<script", "<img", "<b>", `href="javascript`} {
			if strings.Contains(m.FormattedBody, s) {
				t.Errorf("matrix formatted_body carries %q unescaped", s)
			}
		}
	}
}

func mustDecode(t *testing.T, body []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("payload is not the expected JSON: %v\n%s", err, notify.Truncate(string(body), 2000))
	}
}

// TestPresetRetryIsSameMatrixTransaction: a retried alert reuses its
// transaction ID, so the homeserver drops the duplicate.
func TestPresetRetryIsSameMatrixTransaction(t *testing.T) {
	rcv := newReceiver(t, http.StatusBadGateway, http.StatusOK)
	n := webhook.New(presetConfig(webhook.FormatMatrix, rcv.URL), nil)
	a := formatAlerts["facts"]
	if err := n.Notify(context.Background(), a); err == nil || notify.IsPermanent(err) {
		t.Fatalf("first attempt: %v, want a retryable error", err)
	}
	if err := n.Notify(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	reqs := rcv.requests()
	if len(reqs) != 2 || string(reqs[0].body) != string(reqs[1].body) {
		t.Fatalf("%d requests, bodies differ: want the same event twice", len(reqs))
	}
}

func TestFormatValidate(t *testing.T) {
	tests := []struct {
		name string
		cfg  webhook.Config
		want error // nil: valid
	}{
		{"default json", webhook.Config{URL: "https://h.example/x", Secret: "s"}, nil},
		{"explicit json", webhook.Config{URL: "https://h.example/x", Format: "json"}, nil},
		{"slack", webhook.Config{URL: "https://hooks.slack.com/services/T/B/X", Format: "slack"}, nil},
		{"ntfy", webhook.Config{URL: "https://ntfy.sh/desk", Format: "ntfy", Token: "tk"}, nil},
		{"matrix", webhook.Config{URL: "https://matrix.example.org", Format: "matrix", Token: "t", Room: "!a:example.org"}, nil},
		{"unknown", webhook.Config{URL: "https://h.example/x", Format: "teams"}, webhook.ErrUnknownFormat},
		{"secret with slack", webhook.Config{URL: "https://h.example/x", Format: "slack", Secret: "s"}, webhook.ErrFormatOption},
		{"token with discord", webhook.Config{URL: "https://h.example/x", Format: "discord", Token: "t"}, webhook.ErrFormatOption},
		{"room with json", webhook.Config{URL: "https://h.example/x", Room: "!a:b"}, webhook.ErrFormatOption},
		{"matrix without room", webhook.Config{URL: "https://m.example", Format: "matrix", Token: "t"}, webhook.ErrFormatOption},
		{"matrix with an alias", webhook.Config{URL: "https://m.example", Format: "matrix", Token: "t", Room: "#desk:m.example"}, webhook.ErrFormatOption},
		{"matrix without token", webhook.Config{URL: "https://m.example", Format: "matrix", Room: "!a:m.example"}, webhook.ErrFormatOption},
		{"ntfy without topic", webhook.Config{URL: "https://ntfy.sh/", Format: "ntfy"}, webhook.ErrFormatOption},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.cfg.Validate()
			if (err == nil) != (tt.want == nil) || (tt.want != nil && !errors.Is(err, tt.want)) {
				t.Errorf("Validate() = %v, want %v", err, tt.want)
			}
		})
	}
}

// TestPresetTokenNeverLeaks: the bearer token must not show in errors.
func TestPresetTokenNeverLeaks(t *testing.T) {
	cfg := presetConfig(webhook.FormatMatrix, "http://127.0.0.1:1") // nothing listens there
	err := webhook.New(cfg, nil).Notify(context.Background(), formatAlerts["facts"])
	if err == nil || strings.Contains(err.Error(), cfg.Token) {
		t.Errorf("error %v: want a failure that does not name the token", err)
	}
}

func TestMatrixChannelPerRoom(t *testing.T) {
	a := webhook.Config{URL: "https://m.example", Format: "matrix", Room: "!a:m.example"}.Channel()
	b := webhook.Config{URL: "https://m.example", Format: "matrix", Room: "!b:m.example"}.Channel()
	if a == b {
		t.Errorf("two rooms share channel %q", a)
	}
	if g := (webhook.Config{URL: "https://m.example"}).Channel(); g == a {
		t.Errorf("a room's channel equals the plain URL's")
	}
}
