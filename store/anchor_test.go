package store

import (
	"testing"
	"time"
)

func TestAnchor(t *testing.T) {
	fetched := time.Date(2026, 12, 7, 5, 0, 0, 0, time.UTC)
	day := func(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		name      string
		published []time.Time
		want      time.Time
	}{
		{"none", nil, fetched},
		{"zero", []time.Time{{}}, fetched},
		{"real", []time.Time{day(2026, 12, 6, 9)}, day(2026, 12, 6, 9)},
		{"old but real", []time.Time{day(2019, 3, 1, 0)}, day(2019, 3, 1, 0)},
		{"hours ahead (a zone written wrong)", []time.Time{day(2026, 12, 7, 17)}, day(2026, 12, 7, 17)},
		{"year 9999", []time.Time{day(9999, 12, 31, 12)}, fetched},
		{"a week ahead", []time.Time{day(2026, 12, 14, 5)}, fetched},
		{"the epoch", []time.Time{time.Unix(0, 0).UTC()}, fetched},
		{"skips to the next plausible", []time.Time{day(9999, 1, 1, 0), day(2026, 12, 1, 0)}, day(2026, 12, 1, 0)},
	} {
		if got := Anchor(fetched, tc.published...); !got.Equal(tc.want) {
			t.Errorf("%s: Anchor = %s, want %s", tc.name, got, tc.want)
		}
	}
}
