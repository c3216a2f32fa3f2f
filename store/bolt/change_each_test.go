package bolt

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/storywatch/storywatch/store"
	bbolt "go.etcd.io/bbolt"
)

// changeFixture stores n articles with two versions each, so n changes,
// detected one minute apart starting at t0, applied in batches of batch
// updates (one transaction each).
func changeFixture(t testing.TB, s *Store, n, batch int) {
	t.Helper()
	var ups []store.Update
	flush := func() {
		if len(ups) > 0 {
			mustApply(t, s, nil, ups...)
			ups = ups[:0]
		}
	}
	for i := range n {
		url := fmt.Sprintf("https://example.com/story/%05d", i)
		at := t0.Add(time.Duration(i) * time.Minute)
		first := articleUpdate(url, "Title", fmt.Sprintf("first text of %d", i), at.Add(-time.Second))
		second := articleUpdate(url, "Title", fmt.Sprintf("second text of %d", i), at)
		second.Change = &store.Change{Inserted: i % 7, Changed: 1}
		ups = append(ups, first, second)
		if len(ups) >= 2*batch {
			flush()
		}
	}
	flush()
}

func TestEachChangeMatchesChanges(t *testing.T) {
	s := mustOpen(t)
	const n = 300
	changeFixture(t, s, n, 50)
	tests := []struct {
		name  string
		since time.Time
		want  int // changes at or after since
	}{
		{"all", time.Time{}, n},
		{"since the first", t0, n},
		{"since the middle", t0.Add(150 * time.Minute), n - 150},
		{"since between two", t0.Add(150*time.Minute + time.Nanosecond), n - 151},
		{"since the last", t0.Add((n - 1) * time.Minute), 1},
		{"since the future", t0.Add(n * time.Minute), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list, err := s.Changes(tt.since)
			if err != nil {
				t.Fatal(err)
			}
			var each []store.Change
			var prev *store.Change
			err = s.EachChange(tt.since, func(c *store.Change) error {
				if c == prev {
					t.Errorf("EachChange reused the *Change of %s v%d", c.Article, c.Version)
				}
				prev = c
				each = append(each, *c)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(each) != tt.want {
				t.Fatalf("EachChange(%v) gave %d changes, want %d", tt.since, len(each), tt.want)
			}
			if dump(each) != dump(list) {
				t.Errorf("EachChange and Changes differ:\n%s\nvs\n%s", dump(each), dump(list))
			}
			for i, c := range each {
				if c.DetectedAt.Before(tt.since) {
					t.Errorf("change %d detected %v, before since %v", i, c.DetectedAt, tt.since)
				}
				if i > 0 && c.DetectedAt.After(each[i-1].DetectedAt) {
					t.Errorf("change %d (%v) is newer than change %d (%v)", i, c.DetectedAt, i-1, each[i-1].DetectedAt)
				}
			}
		})
	}
}

func TestEachChangeStopsOnError(t *testing.T) {
	s := mustOpen(t)
	changeFixture(t, s, 20, 20)
	stop := errors.New("stop here")
	for _, after := range []int{1, 5, 20} {
		t.Run(fmt.Sprint(after), func(t *testing.T) {
			calls := 0
			err := s.EachChange(time.Time{}, func(*store.Change) error {
				calls++
				if calls == after {
					return stop
				}
				return nil
			})
			if !errors.Is(err, stop) {
				t.Errorf("EachChange returned %v, want the callback's error", err)
			}
			if calls != after {
				t.Errorf("callback ran %d times after failing at call %d", calls, after)
			}
		})
	}
	// The store still answers after a walk was cut short.
	if chs, err := s.Changes(time.Time{}); err != nil || len(chs) != 20 {
		t.Errorf("Changes after an early stop: %d changes, %v", len(chs), err)
	}
}

func TestEachChangeEmptyStore(t *testing.T) {
	s := mustOpen(t)
	calls := 0
	if err := s.EachChange(time.Time{}, func(*store.Change) error { calls++; return nil }); err != nil || calls != 0 {
		t.Errorf("EachChange on an empty store: %d calls, %v", calls, err)
	}
}

// TestChangesBucketPacked checks that changes, written in time order over
// many transactions, fill their pages instead of leaving them half empty
// (which doubles the pages Changes walks).
func TestChangesBucketPacked(t *testing.T) {
	s := mustOpen(t)
	changeFixture(t, s, 3000, 100)
	err := s.db.View(func(tx *bbolt.Tx) error {
		st := tx.Bucket(bucketChanges).Stats()
		if st.LeafPageN < 10 {
			t.Fatalf("fixture too small to judge: %d leaf pages", st.LeafPageN)
		}
		fill := float64(st.LeafInuse) / float64(st.LeafAlloc)
		t.Logf("changes bucket: %d leaf pages, %.0f%% full", st.LeafPageN, 100*fill)
		if fill < 0.8 {
			t.Errorf("changes bucket leaves are %.0f%% full, want at least 80%%", 100*fill)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
