package webhook

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/notify"
)

// FuzzPresetLimits builds every preset from arbitrary alert text (any
// bytes, any length, any number of changes) and checks that the result is
// JSON within each service's limits.
func FuzzPresetLimits(f *testing.F) {
	f.Add("Putin and Zelensky set for summit", "AFP", "within two weeks", "on August 29", `"We will not," he said.`, uint8(3))
	f.Add("<!channel> @everyone", "<@U1> *b*", "<img src=x>", "&amp;\\`|_~", "@here <https://x|y>", uint8(1))
	f.Add(strings.Repeat("é\\*", 3000), "\xff\xfe", strings.Repeat("<", 5000), "\x00", strings.Repeat("\\", 9000), uint8(200))
	f.Fuzz(func(t *testing.T, title, outlet, before, after, sentence string, n uint8) {
		a := notify.Alert{Article: "https://news.example.com/a", Title: title, Outlet: outlet, Version: 2,
			DetectedAt: time.Date(2025, 8, 19, 12, 0, 0, 0, time.UTC), Key: "k", Summary: sentence}
		for i := range int(n) % 64 { // past Slack's 50 blocks
			a.Facts = append(a.Facts, facts.Change{Kind: facts.Kind([]string{"date", "quote", "x"}[i%3]),
				Before: before, After: after, AfterSentence: sentence, BeforeSentence: before})
		}
		runes := utf8.RuneCountInString
		encode := func(v any) []byte {
			r, err := (&Notifier{}).jsonRequest("POST", "", v)
			if err != nil {
				t.Fatal(err)
			}
			if !json.Valid(r.body) {
				t.Fatalf("invalid JSON: %q", r.body)
			}
			return r.body
		}

		s := slackPayload(a)
		encode(s)
		if len(s.Blocks) > slackMaxBlocks || runes(s.Text) > slackSectionMax || runes(s.Blocks[0].Text.Text) > slackHeaderMax {
			t.Errorf("slack: %d blocks, text %d, header %d characters", len(s.Blocks), runes(s.Text), runes(s.Blocks[0].Text.Text))
		}
		for _, b := range s.Blocks {
			if b.Text != nil && runes(b.Text.Text) > slackSectionMax {
				t.Errorf("slack block of %d characters", runes(b.Text.Text))
			}
		}

		d := discordPayload(a)
		encode(d)
		e := d.Embeds[0]
		if runes(d.Content) > discordContent || runes(e.Title) > discordTitle || runes(e.Description) > discordDesc ||
			runes(e.Title)+runes(e.Description)+runes(e.Footer.Text) > 6000 {
			t.Errorf("discord: content %d, title %d, description %d, footer %d characters",
				runes(d.Content), runes(e.Title), runes(e.Description), runes(e.Footer.Text))
		}

		nt := ntfyPayload(a, "topic")
		encode(nt)
		if len(nt.Message) > ntfyMessageBytes || runes(nt.Title) > ntfyTitleMax || !utf8.ValidString(nt.Message) {
			t.Errorf("ntfy: message %d bytes (valid %v), title %d characters", len(nt.Message), utf8.ValidString(nt.Message), runes(nt.Title))
		}

		m := matrixPayload(a)
		if body := encode(m); len(body) > 64<<10 {
			t.Errorf("matrix event of %d bytes", len(body))
		}
	})
}
