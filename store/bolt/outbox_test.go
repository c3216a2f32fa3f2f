package bolt

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/storywatch/storywatch/store"
)

func alert(key string, created time.Time) store.OutboxEntry {
	return store.OutboxEntry{Key: key, Channel: "webhook:0", Body: []byte(`{"article":"` + key + `"}`), Created: created, NextAttempt: created}
}

func keys(es []store.OutboxEntry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Key)
	}
	return out
}

func TestOutboxLifecycle(t *testing.T) {
	s := mustOpen(t)
	u := articleUpdate("https://example.com/a", "T", "text", t0)
	u.Alerts = []store.OutboxEntry{alert("c", t0.Add(2*time.Minute)), alert("a", t0), alert("b", t0.Add(time.Minute))}
	mustApply(t, s, nil, u)

	step := func(name string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	due, err := s.DueAlerts(t0.Add(time.Minute), 0)
	step("DueAlerts", err)
	if got := keys(due); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("due = %v, want [a b]", got)
	}
	if !reflect.DeepEqual(due[0], alert("a", t0)) {
		t.Errorf("entry round trip:\n%s\nwant\n%s", dump(due[0]), dump(alert("a", t0)))
	}
	due, _ = s.DueAlerts(t0.Add(time.Hour), 2)
	if got := keys(due); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("due with limit 2 = %v, want [a b]", got)
	}

	// a fails once, then is delivered.
	step("AlertFailed", s.AlertFailed("a", t0.Add(10*time.Minute), "HTTP 503"))
	due, _ = s.DueAlerts(t0.Add(5*time.Minute), 0)
	if got := keys(due); !reflect.DeepEqual(got, []string{"b", "c"}) {
		t.Errorf("due after failure = %v, want [b c]", got)
	}
	out, _ := s.Outbox()
	if out[0].Key != "a" || out[0].Attempts != 1 || out[0].LastError != "HTTP 503" || !out[0].NextAttempt.Equal(t0.Add(10*time.Minute)) {
		t.Errorf("failed entry = %s", dump(out[0]))
	}
	step("AlertDelivered", s.AlertDelivered("a", t0.Add(10*time.Minute)))
	step("AlertDelivered again", s.AlertDelivered("a", t0.Add(11*time.Minute)))
	if ok, err := s.Delivered("a"); !ok || err != nil {
		t.Errorf("Delivered(a) = %v, %v", ok, err)
	}
	if ok, _ := s.Delivered("b"); ok {
		t.Error("Delivered(b) before delivery")
	}

	// b gives up and goes to the dead letters.
	step("AlertDead", s.AlertDead("b", t0.Add(time.Hour), "HTTP 400"))
	dead, _ := s.DeadAlerts()
	if len(dead) != 1 || dead[0].Key != "b" || dead[0].LastError != "HTTP 400" || !dead[0].DeadAt.Equal(t0.Add(time.Hour)) {
		t.Errorf("dead = %s", dump(dead))
	}
	out, _ = s.Outbox()
	if got := keys(out); !reflect.DeepEqual(got, []string{"c"}) {
		t.Errorf("outbox = %v, want [c]", got)
	}

	// A replay of the same alerts adds none of them: a delivered, b dead, c queued.
	mustApply(t, s, nil, store.Update{Article: u.Article, Alerts: u.Alerts})
	out, _ = s.Outbox()
	dead, _ = s.DeadAlerts()
	if got := keys(out); !reflect.DeepEqual(got, []string{"c"}) || len(dead) != 1 {
		t.Errorf("after replay outbox = %v, dead = %v", got, keys(dead))
	}

	// Retry the dead letter.
	retryAt := t0.Add(2 * time.Hour)
	if _, err := s.RetryDead(retryAt, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("RetryDead(unknown) err = %v", err)
	}
	n, err := s.RetryDead(retryAt, "b")
	step("RetryDead", err)
	if n != 1 {
		t.Errorf("RetryDead moved %d, want 1", n)
	}
	out, _ = s.Outbox()
	if got := keys(out); !reflect.DeepEqual(got, []string{"b", "c"}) {
		t.Errorf("outbox after retry = %v, want [b c]", got)
	}
	if b := out[0]; !b.DeadAt.IsZero() || b.Attempts != 0 || !b.NextAttempt.Equal(retryAt) {
		t.Errorf("retried entry = %s", dump(b))
	}

	// Kill both, retry all.
	step("AlertDead b", s.AlertDead("b", retryAt, ""))
	step("AlertDead c", s.AlertDead("c", retryAt, "gone"))
	n, err = s.RetryDead(retryAt)
	if err != nil || n != 2 {
		t.Errorf("RetryDead() = %d, %v; want 2", n, err)
	}
	if dead, _ := s.DeadAlerts(); len(dead) != 0 {
		t.Errorf("dead after retry all = %v", keys(dead))
	}
	// Delivery straight from the dead letters also works.
	step("AlertDead c", s.AlertDead("c", retryAt, "gone"))
	step("AlertDelivered c", s.AlertDelivered("c", retryAt))
	if dead, _ := s.DeadAlerts(); len(dead) != 0 {
		t.Errorf("dead after delivering c = %v", keys(dead))
	}
}

func TestOutboxUnknownKeys(t *testing.T) {
	s := mustOpen(t)
	tests := []struct {
		name string
		err  error
	}{
		{"AlertDelivered", s.AlertDelivered("x", t0)},
		{"AlertFailed", s.AlertFailed("x", t0, "m")},
		{"AlertDead", s.AlertDead("x", t0, "m")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !errors.Is(tt.err, store.ErrNotFound) {
				t.Errorf("err = %v, want ErrNotFound", tt.err)
			}
		})
	}
	if n, err := s.RetryDead(t0); n != 0 || err != nil {
		t.Errorf("RetryDead on empty = %d, %v", n, err)
	}
	if _, err := s.Apply([]store.Update{{Article: store.Article{URL: "https://e.x/"}, Alerts: []store.OutboxEntry{{Channel: "email"}}}}, nil); err == nil {
		t.Error("alert without key accepted")
	}
}

// TestNextAlertDue follows the earliest pending attempt through failures,
// deliveries and dead letters.
func TestNextAlertDue(t *testing.T) {
	s := mustOpen(t)
	if _, ok, err := s.NextAlertDue(); ok || err != nil {
		t.Fatalf("empty outbox: ok %v, err %v", ok, err)
	}
	u := articleUpdate("https://example.com/a", "T", "text", t0)
	u.Alerts = []store.OutboxEntry{alert("a", t0), alert("b", t0.Add(time.Minute))}
	mustApply(t, s, nil, u)
	steps := []struct {
		name   string
		do     func() error
		want   time.Time
		wantOK bool
	}{
		{"both queued", func() error { return nil }, t0, true},
		{"a retried later than b", func() error { return s.AlertFailed("a", t0.Add(10*time.Minute), "HTTP 503") }, t0.Add(time.Minute), true},
		{"b delivered", func() error { return s.AlertDelivered("b", t0.Add(2*time.Minute)) }, t0.Add(10 * time.Minute), true},
		{"a dead", func() error { return s.AlertDead("a", t0.Add(11*time.Minute), "gone") }, time.Time{}, false},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		next, ok, err := s.NextAlertDue()
		if err != nil || ok != st.wantOK || !next.Equal(st.want) {
			t.Errorf("%s: NextAlertDue = %v, %v, %v; want %v, %v", st.name, next, ok, err, st.want, st.wantOK)
		}
	}
}
