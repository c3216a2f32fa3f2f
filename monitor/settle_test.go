package monitor

import (
	"log/slog"
	"testing"

	"github.com/storywatch/storywatch/store"
)

// TestSettleNeverUndoesAQueuedUpdate: a settled page hash is written only
// over the old one, after every update queued before it is committed, and
// leaves the rest of the record as those updates left it: a poll that
// found a new ETag, or the page gone, while the pass was ending keeps what
// it found.
func TestSettleNeverUndoesAQueuedUpdate(t *testing.T) {
	const u = "https://news.example/a"
	tests := []struct {
		name           string
		queued         store.Article // an update a poll queued just before the settle
		wantHash       string
		wantETag       string
		wantStatusGone bool
	}{
		{"new ETag, same page hash", store.Article{URL: u, ETag: `"e2"`, PageHash: "h1"}, "h2", `"e2"`, false},
		{"page gone", store.Article{URL: u, ETag: `"e1"`, PageHash: "h1", Status: "gone"}, "h2", `"e1"`, true},
		{"checked again: another page hash", store.Article{URL: u, ETag: `"e3"`, PageHash: "h3"}, "h3", `"e3"`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := openTestStore(t)
			w := newWriter(st, slog.New(slog.DiscardHandler), nil)
			t.Cleanup(func() { w.close() })
			if _, err := w.apply(store.Update{Article: store.Article{URL: u, ETag: `"e1"`, PageHash: "h1"},
				Version: &store.Version{Title: "T", Text: "Body.", Hash: "v1"}}); err != nil {
				t.Fatal(err)
			}
			if err := w.post(store.Update{Article: tt.queued}); err != nil {
				t.Fatal(err)
			}
			if err := w.postSettle(u, "h1", "h2"); err != nil {
				t.Fatal(err)
			}
			w.barrier()
			a, err := st.Article(u)
			if err != nil {
				t.Fatal(err)
			}
			if a.PageHash != tt.wantHash || a.ETag != tt.wantETag || (a.Status == "gone") != tt.wantStatusGone {
				t.Errorf("article after settle: page hash %q, ETag %s, status %q; want %q, %s, gone %v",
					a.PageHash, a.ETag, a.Status, tt.wantHash, tt.wantETag, tt.wantStatusGone)
			}
		})
	}
}
