package monitor_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/monitor"
	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/notify/email/mailpittest"
)

// TestDigestAndChatPresetEndToEnd polls a revised article twice within one
// hour. The Slack preset gets each change at once, in Slack's payload; the
// email digest sends nothing until the hour is over, then one mail listing
// both versions, through a real SMTP server.
func TestDigestAndChatPresetEndToEnd(t *testing.T) {
	mp := mailpittest.New(t)
	o := newOutlet(t)
	slack := newHookReceiver(t)
	cfg, err := config.Parse(fmt.Appendf(nil, `store:
  path: unused.db
feeds:
  - url: %q
fetch:
  allow_private_addresses: true
notify:
  webhooks:
    - url: %q
      format: slack
  email:
    host: %q
    port: %d
    tls: none
    from: storywatch@example.com
    to: [%q]
    digest: 1h
`, o.URL+"/good.rss", slack.URL+"/services/T/B/X", mp.Host(), mp.Port(), mp.Recipient()), "digest.yaml")
	if err != nil {
		t.Fatal(err)
	}
	st := mustOpenStore(t)
	clock := time.Date(2025, 8, 19, 14, 10, 0, 0, time.UTC)
	m, err := monitor.New(monitor.Options{Config: cfg, Store: st, Notifiers: channelsFor(t, cfg), Now: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	for rev, minute := range []int{10, 20, 40} {
		clock = time.Date(2025, 8, 19, 14, minute, 0, 0, time.UTC)
		o.rev.Store(int32(rev))
		if failed := m.PollAll(ctx).Failed(); len(failed) > 0 {
			t.Fatalf("poll at 14:%d: %v", minute, failed[0].Err)
		}
		if err := m.Deliver(ctx); err != nil {
			t.Fatalf("deliver at 14:%d: %v", minute, err)
		}
	}
	hooks := slack.received()
	if len(hooks) != 2 {
		t.Fatalf("slack got %d messages, want one per change (2)", len(hooks))
	}
	for _, h := range hooks {
		var msg struct {
			Text   string            `json:"text"`
			Blocks []json.RawMessage `json:"blocks"`
		}
		if err := json.Unmarshal(h.body, &msg); err != nil || msg.Text == "" || len(msg.Blocks) < 3 {
			t.Errorf("slack payload %s (err %v): want text and blocks", h.body, err)
		}
	}
	if got := mp.Messages(t); len(got) != 0 {
		t.Fatalf("%d mails before the hour was over, want none", len(got))
	}

	clock = time.Date(2025, 8, 19, 15, 0, 0, 0, time.UTC)
	if err := m.Deliver(ctx); err != nil {
		t.Fatal(err)
	}
	mails := mp.WaitFor(t, 1, 10*time.Second)
	if len(mails) != 1 {
		t.Fatalf("%d mails at 15:00, want one digest", len(mails))
	}
	d := mails[0]
	if !strings.HasPrefix(d.Subject, `Digest: 2 changes in "Summit set"`) {
		t.Errorf("digest subject %q", d.Subject)
	}
	for _, want := range []string{"Version 2,", "Version 3,", "September 3", "15,000"} {
		if !strings.Contains(d.Text, want) {
			t.Errorf("digest lacks %q:\n%s", want, d.Text)
		}
	}
}
