package bolt

import (
	"os"
	"testing"
	"time"

	"github.com/storywatch/storywatch/store"
)

// TestAlertCountsAndSize follows alerts through the outbox and the dead
// letters, and checks Size against the file on disk.
func TestAlertCountsAndSize(t *testing.T) {
	s := mustOpen(t)
	check := func(wantPending, wantDead int) {
		t.Helper()
		p, d, err := s.AlertCounts()
		if err != nil {
			t.Fatalf("AlertCounts: %v", err)
		}
		if p != wantPending || d != wantDead {
			t.Errorf("AlertCounts = %d pending, %d dead; want %d, %d", p, d, wantPending, wantDead)
		}
	}
	check(0, 0)
	u := articleUpdate("https://example.com/a", "T", "text", t0)
	u.Alerts = []store.OutboxEntry{alert("a", t0), alert("b", t0), alert("c", t0)}
	mustApply(t, s, nil, u)
	check(3, 0)
	if err := s.AlertDead("a", t0.Add(time.Minute), "gone"); err != nil {
		t.Fatal(err)
	}
	if err := s.AlertDelivered("b", t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	check(1, 1)

	size, err := s.Size()
	if err != nil {
		t.Fatalf("Size: %v", err)
	}
	fi, err := os.Stat(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if size <= 0 || size > fi.Size() {
		t.Errorf("Size = %d, file is %d bytes", size, fi.Size())
	}
}
