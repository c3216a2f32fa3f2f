package email_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/notify"
	"github.com/storywatch/storywatch/notify/email"
	"github.com/storywatch/storywatch/notify/email/mailpittest"
	"github.com/storywatch/storywatch/notify/notifytest"
)

func TestDigestBatchDue(t *testing.T) {
	tests := []struct {
		interval time.Duration
		at, want string
	}{
		{time.Hour, "2025-08-19T14:05:00Z", "2025-08-19T15:00:00Z"},
		{time.Hour, "2025-08-19T14:00:00Z", "2025-08-19T15:00:00Z"},
		{time.Hour, "2025-08-19T16:05:00+02:00", "2025-08-19T15:00:00Z"}, // UTC-aligned
		{15 * time.Minute, "2025-08-19T14:59:59Z", "2025-08-19T15:00:00Z"},
		{24 * time.Hour, "2025-08-19T23:30:00Z", "2025-08-20T00:00:00Z"},
	}
	for _, tt := range tests {
		n, err := email.NewDigest(email.Config{Host: "smtp.example", From: "a@example.com", To: []string{"b@example.com"}}, tt.interval)
		if err != nil {
			t.Fatal(err)
		}
		at, _ := time.Parse(time.RFC3339, tt.at)
		if got := n.BatchDue(at).Format(time.RFC3339); got != tt.want {
			t.Errorf("BatchDue(%s) every %s = %s, want %s", tt.at, tt.interval, got, tt.want)
		}
	}
	if _, err := email.NewDigest(email.Config{Host: "h", From: "a@example.com", To: []string{"b@example.com"}}, 0); !errors.Is(err, email.ErrBadDigest) {
		t.Errorf("NewDigest with no interval = %v, want ErrBadDigest", err)
	}
}

// TestDigestThroughDispatcher queues an hour of alerts over two articles
// and lets the dispatcher deliver them: Mailpit receives one mail listing
// every change, and a retry of the same digest keeps its Message-ID.
func TestDigestThroughDispatcher(t *testing.T) {
	s := mailpittest.New(t)
	n, err := email.NewDigest(mailpitConfig(s, s.Recipient()), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2025, 8, 19, 14, 0, 0, 0, time.UTC)
	troops := sampleAlert("troops.v2.email")
	troops.Article, troops.Title, troops.Version = "https://news.example.com/troops", "Troops pledged", 2
	troops.Facts = []facts.Change{{Kind: facts.KindNumber, Before: "10,000", After: "12,000"}}
	alerts := []notify.Alert{sampleAlert("summit.v3.email"), troops, sampleAlert("summit.v4.email")}
	alerts[2].Version = 4
	alerts[2].Facts = []facts.Change{{Kind: facts.KindLocation, Before: "Budapest", After: "Geneva"}}
	ob := notifytest.NewOutbox()
	for i, a := range alerts {
		created := t0.Add(time.Duration(5+20*i) * time.Minute)
		a.DetectedAt = created
		ob.Add(notify.Pending{Key: a.Key, Channel: email.Channel, Alert: a, Created: created})
	}
	d := &notify.Dispatcher{Outbox: ob, Notifiers: map[string]notify.Notifier{email.Channel: n},
		Now: notifytest.NewClock(n.BatchDue(t0)).Now}
	delivered, failed, err := d.DeliverDue(context.Background())
	if err != nil || delivered != 3 || failed != 0 {
		t.Fatalf("DeliverDue = %d delivered, %d failed, %v; want all 3 delivered", delivered, failed, err)
	}
	msgs := s.WaitFor(t, 1, 10*time.Second)
	time.Sleep(200 * time.Millisecond) // a second mail would arrive by now
	if msgs = s.Messages(t); len(msgs) != 1 {
		t.Fatalf("Mailpit got %d mails, want one digest", len(msgs))
	}
	m := msgs[0]
	if !strings.HasPrefix(m.Subject, "Digest: 3 changes in 2 articles") {
		t.Errorf("subject %q", m.Subject)
	}
	for _, a := range alerts {
		for _, c := range a.Facts {
			if !strings.Contains(m.Text, notify.Describe(c)) {
				t.Errorf("digest text lacks %q", notify.Describe(c))
			}
		}
	}
	if strings.Count(m.Text, "https://news.example.com/summit") != 1 || !strings.Contains(m.HTML, "&lt;summit&gt;") {
		t.Errorf("digest does not group the summit article once, or its HTML is not escaped:\n%s", m.Text)
	}
	key := email.DigestKey(alerts)
	if got := m.Headers[email.HeaderIdempotencyKey]; len(got) != 1 || got[0] != key {
		t.Errorf("digest key %v, want %s", got, key)
	}
	// A resend of the same alerts, in another order, is the same message.
	if err := n.NotifyBatch(context.Background(), []notify.Alert{alerts[2], alerts[0], alerts[1]}); err != nil {
		t.Fatal(err)
	}
	again := s.WaitFor(t, 2, 10*time.Second)
	if again[0].MessageID != again[1].MessageID {
		t.Errorf("resent digest has Message-ID %q, first %q", again[1].MessageID, again[0].MessageID)
	}
}
