package monitor_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storywatch/storywatch/monitor"
)

// TestImplausiblePublishedDateIsNoAnchor: relative dates ("on Friday")
// resolve against the publication date only when it is plausible for the
// fetch. A feed whose pubDate is in year 9999, or days ahead, gets the fetch
// time as anchor, so Friday -> Saturday is a change in the week of the
// fetch, not in year 10000; a real pubDate stays the anchor.
func TestImplausiblePublishedDateIsNoAnchor(t *testing.T) {
	now := time.Date(2026, 12, 7, 5, 0, 0, 0, time.UTC) // a Monday
	for _, tc := range []struct {
		name, pubDate string
		want          [2]string // before_value, after_value
	}{
		{"year 9999", "Fri, 31 Dec 9999 12:00:00 GMT", [2]string{"2026-12-11", "2026-12-12"}},
		{"a week ahead", "Mon, 14 Dec 2026 05:00:00 GMT", [2]string{"2026-12-11", "2026-12-12"}},
		{"the epoch", "Thu, 01 Jan 1970 00:00:00 GMT", [2]string{"2026-12-11", "2026-12-12"}},
		// Published a month before the fetch: its Friday is that week's.
		{"a real older date", "Mon, 02 Nov 2026 09:00:00 GMT", [2]string{"2026-11-06", "2026-11-07"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var day atomic.Value
			day.Store("Friday")
			mux := http.NewServeMux()
			var srv *httptest.Server
			mux.HandleFunc("/feed.rss", func(w http.ResponseWriter, r *http.Request) {
				fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet</title><link>%[1]s</link>
<item><title>Summit set</title><link>%[1]s/world/summit.html</link><guid>summit</guid><pubDate>%[2]s</pubDate></item>
</channel></rss>`, srv.URL, tc.pubDate)
			})
			mux.HandleFunc("/world/summit.html", func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				fmt.Fprintf(w, outletPage, "Summit set", "on "+day.Load().(string), "10,000")
			})
			srv = httptest.NewServer(mux)
			t.Cleanup(srv.Close)

			cfg := feedsConfig(t, filepath.Join(t.TempDir(), "sw.db"), []string{srv.URL + "/feed.rss"}, "")
			st := mustOpenStore(t)
			m := startMonitor(t, monitor.Options{Config: cfg, Store: st, Now: func() time.Time { return now }})
			ctx := context.Background()
			if failed := m.PollAll(ctx).Failed(); len(failed) > 0 {
				t.Fatal(failed[0].Err)
			}
			day.Store("Saturday")
			if failed := m.PollAll(ctx).Failed(); len(failed) > 0 {
				t.Fatal(failed[0].Err)
			}
			changes, err := st.Changes(time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			var got [][2]string
			for _, c := range changes {
				for _, f := range c.Facts {
					if f.Kind == "date" && f.Before == "Friday" {
						got = append(got, [2]string{f.BeforeValue, f.AfterValue})
					}
				}
			}
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("Friday -> Saturday resolved to %v, want %v", got, tc.want)
			}
		})
	}
}
