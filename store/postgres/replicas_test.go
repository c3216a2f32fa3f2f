package postgres_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/storywatch/storywatch/store"
	"github.com/storywatch/storywatch/store/postgres/pgtest"
)

var t0 = time.Date(2025, 8, 18, 12, 0, 0, 0, time.UTC)

func TestFeedLease(t *testing.T) {
	s := open(t, pgtest.DSN(t))
	defer s.Close()
	const feed = "https://news.example/rss"
	var never time.Time
	steps := []struct {
		name  string
		owner string
		at    time.Time
		fresh time.Time // a poll ended at or after this makes the claim redundant
		want  bool
	}{
		{"first claim", "a", t0, never, true},
		{"other replica while a polls", "b", t0.Add(30 * time.Second), never, false},
		{"a again (renewal)", "a", t0.Add(30 * time.Second), never, true},
		{"b after a died (lease expired)", "b", t0.Add(2 * time.Minute), never, true},
	}
	for _, st := range steps {
		ok, err := s.ClaimFeed(feed, st.owner, st.at, time.Minute, st.fresh)
		if err != nil {
			t.Fatal(err)
		}
		if ok != st.want {
			t.Errorf("%s: claimed %v, want %v", st.name, ok, st.want)
		}
	}
	if err := s.ReleaseFeed(feed, "a", t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if ok, _ := s.ClaimFeed(feed, "c", t0.Add(2*time.Minute), time.Minute, never); ok {
		t.Error("a's release ended b's lease")
	}
	// b's poll ends at t0+3m.
	if err := s.ReleaseFeed(feed, "b", t0.Add(3*time.Minute)); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		fresh time.Time
		want  bool
	}{
		{"a pass begun before b's poll ended", t0.Add(150 * time.Second), false},
		{"a pass begun when b's poll ended", t0.Add(3 * time.Minute), false},
		{"a pass begun after b's poll", t0.Add(4 * time.Minute), true},
	} {
		ok, err := s.ClaimFeed(feed, "c", t0.Add(5*time.Minute), time.Minute, c.fresh)
		if err != nil {
			t.Fatal(err)
		}
		if ok != c.want {
			t.Errorf("%s: claimed %v, want %v", c.name, ok, c.want)
		}
	}

	// Many replicas racing for one feed: exactly one wins.
	const racers = 8
	var wg sync.WaitGroup
	wins := make(chan string, racers)
	for i := range racers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			owner := fmt.Sprintf("r%d", i)
			if ok, err := s.ClaimFeed("https://news.example/race", owner, t0, time.Minute, time.Time{}); err != nil {
				t.Error(err)
			} else if ok {
				wins <- owner
			}
		}()
	}
	wg.Wait()
	close(wins)
	if n := len(wins); n != 1 {
		t.Errorf("%d replicas hold the lease, want 1", n)
	}
}

func TestAlertClaims(t *testing.T) {
	s := open(t, pgtest.DSN(t))
	defer s.Close()
	var alerts []store.OutboxEntry
	for i := range 6 {
		alerts = append(alerts, store.OutboxEntry{Key: fmt.Sprintf("k%d", i), Channel: "webhook:0", Body: []byte("{}"), Created: t0.Add(time.Duration(i) * time.Second)})
	}
	if _, err := s.Apply([]store.Update{{Article: store.Article{URL: "https://news.example/a"}, Alerts: alerts}}, nil); err != nil {
		t.Fatal(err)
	}
	a, err := s.ClaimDueAlerts(t0, 4, "a", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.ClaimDueAlerts(t0, 4, "b", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != 4 || len(b) != 2 || a[0].Key != "k0" || b[0].Key != "k4" {
		t.Fatalf("claims overlap or miss: a %v, b %v", keys(a), keys(b))
	}
	if next, ok, err := s.NextAlertDue(); err != nil || !ok || !next.Equal(t0.Add(time.Minute)) {
		t.Errorf("NextAlertDue with everything claimed = %s %v %v, want the claims' end", next, ok, err)
	}
	// b delivers its two; a dies. After a's claims expire, b gets a's
	// alerts, under the same keys.
	for _, e := range b {
		if err := s.AlertDelivered(e.Key, t0); err != nil {
			t.Fatal(err)
		}
	}
	if again, _ := s.ClaimDueAlerts(t0.Add(30*time.Second), 0, "b", time.Minute); len(again) != 0 {
		t.Errorf("claimed %v while a's claims run", keys(again))
	}
	again, err := s.ClaimDueAlerts(t0.Add(2*time.Minute), 0, "b", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(keys(again)) != fmt.Sprint(keys(a)) {
		t.Errorf("after a died b claimed %v, want %v", keys(again), keys(a))
	}
	// A failure ends the claim: the alert is due at its next attempt.
	if err := s.AlertFailed("k0", t0.Add(150*time.Second), "503"); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.ClaimDueAlerts(t0.Add(150*time.Second), 0, "c", time.Minute); len(c) != 1 || c[0].Key != "k0" || c[0].Attempts != 1 {
		t.Errorf("after a failure: %+v", c)
	}
}

func keys(es []store.OutboxEntry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Key)
	}
	return out
}
