package bolt

import (
	"fmt"
	"testing"
	"time"

	"github.com/storywatch/storywatch/store"
)

func TestChangesOrderAndSince(t *testing.T) {
	s := mustOpen(t)
	type ev struct {
		url string
		at  time.Time
	}
	// Two articles, interleaved, one pair detected at the same instant and
	// one before 1970 to check the key order across the sign.
	events := []ev{
		{"https://example.com/a", t0},
		{"https://example.com/a", t0.Add(2 * time.Hour)},
		{"https://example.com/b", t0.Add(-time.Hour)},
		{"https://example.com/b", t0.Add(time.Hour)},
		{"https://example.com/b", t0.Add(3 * time.Hour)},
		{"https://example.com/a", t0.Add(3 * time.Hour)},
		{"https://example.com/c", time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"https://example.com/c", time.Date(1965, 1, 1, 0, 0, 0, 5, time.UTC)},
	}
	for i, e := range events {
		u := articleUpdate(e.url, "T", fmt.Sprintf("text %d", i), e.at)
		u.Change = &store.Change{Inserted: i}
		mustApply(t, s, nil, u)
	}
	// versions: a1 t0, a2 +2h, b1 -1h, b2 +1h, b3 +3h, a3 +3h, c1 1960, c2 1965
	type key struct {
		url string
		ver int
	}
	all := []key{
		{"https://example.com/b", 3}, {"https://example.com/a", 3}, // same time: version desc, then id desc
		{"https://example.com/a", 2},
		{"https://example.com/b", 2},
		{"https://example.com/c", 2},
	}
	if store.ArticleID("https://example.com/a") > store.ArticleID("https://example.com/b") {
		all[0], all[1] = all[1], all[0]
	}
	tests := []struct {
		name  string
		since time.Time
		want  []key
	}{
		{"all", time.Time{}, all},
		{"since +1h inclusive", t0.Add(time.Hour), all[:4]},
		{"since +1h+1ns", t0.Add(time.Hour + 1), all[:3]},
		{"since future", t0.Add(10 * time.Hour), nil},
		{"since 1965 exact", time.Date(1965, 1, 1, 0, 0, 0, 5, time.UTC), all},
		{"since 1965 +1ns", time.Date(1965, 1, 1, 0, 0, 0, 6, time.UTC), all[:4]},
		{"since in another zone", t0.Add(time.Hour).In(time.FixedZone("X", -5*3600)), all[:4]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chs, err := s.Changes(tt.since)
			if err != nil {
				t.Fatal(err)
			}
			var got []key
			for _, c := range chs {
				got = append(got, key{c.Article, c.Version})
				if c.ArticleID != store.ArticleID(c.Article) {
					t.Errorf("change %v has id %s", c.Article, c.ArticleID)
				}
			}
			if dump(got) != dump(tt.want) {
				t.Errorf("Changes(%v):\n%s\nwant\n%s", tt.since, dump(got), dump(tt.want))
			}
		})
	}
	chs, _ := s.ArticleChanges(store.ArticleID("https://example.com/a"))
	if len(chs) != 2 || chs[0].Version != 2 || chs[1].Version != 3 || chs[1].Inserted != 5 {
		t.Errorf("ArticleChanges(a) = %s", dump(chs))
	}
	if chs, err := s.ArticleChanges("nope"); err != nil || len(chs) != 0 {
		t.Errorf("ArticleChanges(unknown) = %v, %v", chs, err)
	}
}

func TestTimeKeyOrder(t *testing.T) {
	times := []time.Time{
		{},
		time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Unix(-1, 999_999_999),
		time.Unix(0, 0),
		time.Unix(0, 1),
		t0,
		time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC),
	}
	for i := range times {
		if got := parseTimeKey(timeKey(times[i])); !got.Equal(times[i]) || got.IsZero() != times[i].IsZero() {
			t.Errorf("round trip of %v = %v", times[i], got)
		}
		if i > 0 && string(timeKey(times[i-1])) >= string(timeKey(times[i])) {
			t.Errorf("timeKey(%v) does not sort before timeKey(%v)", times[i-1], times[i])
		}
	}
}
