package email_test

import (
	"context"
	"net"
	"testing"
	"time"

	"github.com/storywatch/storywatch/notify"
	"github.com/storywatch/storywatch/notify/email"
	"github.com/storywatch/storywatch/notify/email/mailpittest"
	"github.com/storywatch/storywatch/notify/notifytest"
)

// TestDispatchEmail runs email through the Dispatcher: a working server
// delivers, a dead one leaves its alert pending for a retry.
func TestDispatchEmail(t *testing.T) {
	s := mailpittest.New(t)
	up, err := email.New(mailpitConfig(s, s.Recipient()))
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	downPort := l.Addr().(*net.TCPAddr).Port
	l.Close()
	downCfg := mailpitConfig(s, s.Recipient())
	downCfg.Port = downPort
	down, err := email.New(downCfg)
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2025, 8, 19, 12, 0, 0, 0, time.UTC)
	ob := notifytest.NewOutbox()
	ob.Add(notify.Pending{Key: "a1-up", Channel: "up", Alert: sampleAlert("a1-up"), Created: t0})
	ob.Add(notify.Pending{Key: "a1-down", Channel: "down", Alert: sampleAlert("a1-down"), Created: t0})
	d := &notify.Dispatcher{Outbox: ob, Notifiers: map[string]notify.Notifier{"up": up, "down": down},
		Now: notifytest.NewClock(t0).Now}
	delivered, failed, err := d.DeliverDue(context.Background())
	if err != nil || delivered != 1 || failed != 1 {
		t.Fatalf("DeliverDue = %d, %d, %v; want 1 delivered, 1 failed", delivered, failed, err)
	}
	if e, _ := ob.Entry("a1-down"); e.State != notifytest.StatePending || e.LastError == "" || !e.Next.After(t0) {
		t.Errorf("down entry = %+v, want pending with a later retry", e)
	}
	msgs := s.WaitFor(t, 1, 10*time.Second)
	if got := msgs[0].Headers[email.HeaderIdempotencyKey]; len(got) != 1 || got[0] != "a1-up" {
		t.Errorf("delivered message has key %v, want a1-up", got)
	}
}
