package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/storywatch/storywatch/monitor/corpus"
)

// flakyHook answers with a status the test sets, and logs every attempt.
type flakyHook struct {
	mu       sync.Mutex
	status   int
	attempts []string // idempotency keys, in order
	ok       map[string]int
}

func (f *flakyHook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	key := r.Header.Get("Idempotency-Key")
	f.attempts = append(f.attempts, key)
	if f.status/100 == 2 {
		f.ok[key]++
	}
	w.WriteHeader(f.status)
}

func (f *flakyHook) set(status int) {
	f.mu.Lock()
	f.status = status
	f.mu.Unlock()
}

type alertsOut struct {
	Pending []struct {
		Key       string `json:"key"`
		Attempts  int    `json:"attempts"`
		LastError string `json:"last_error"`
	} `json:"pending"`
	Dead []struct {
		Key       string `json:"key"`
		LastError string `json:"last_error"`
	} `json:"dead"`
}

// TestAlertsSurviveReceiverOutages: a receiver that is down gets the alert
// after it recovers, once, under the same key; one that refuses for good
// sends the alert to the dead letters, which `alerts retry` brings back.
func TestAlertsSurviveReceiverOutages(t *testing.T) {
	srv := startCorpus(t, corpus.NewDemo, corpus.Options{})
	hook := &flakyHook{status: http.StatusServiceUnavailable, ok: map[string]int{}}
	hs := httptest.NewServer(hook)
	t.Cleanup(hs.Close)
	cfg := writeConfig(t, t.TempDir(), srv.FeedURLs(), summitStory+fmt.Sprintf(`notify:
  kinds: [date, number, quote, position, location, title, text]
  webhooks:
    - url: %q
  retry:
    initial: 1s
    max: 1s
    dead_after: 1h
`, hs.URL))

	mustCLI(t, "-c", cfg, "poll")
	srv.Revise()
	mustCLI(t, "-c", cfg, "poll", "--wait", "2s")
	var al alertsOut
	decodeJSON(t, mustCLI(t, "-c", cfg, "alerts", "--json"), &al)
	if len(al.Pending) == 0 {
		t.Fatal("no alert waiting while the receiver is down")
	}
	for _, p := range al.Pending {
		if p.Attempts < 1 || p.LastError == "" {
			t.Errorf("pending alert %+v: want an attempt with its error", p)
		}
	}
	queued := len(al.Pending)

	hook.set(http.StatusOK)
	time.Sleep(1100 * time.Millisecond) // past the 1s backoff
	mustCLI(t, "-c", cfg, "poll", "--wait", "20s")
	decodeJSON(t, mustCLI(t, "-c", cfg, "alerts", "--json"), &al)
	if len(al.Pending) != 0 || len(al.Dead) != 0 {
		t.Fatalf("after recovery: %d pending, %d dead, want none", len(al.Pending), len(al.Dead))
	}
	hook.mu.Lock()
	if len(hook.ok) != queued {
		t.Errorf("receiver got %d distinct alerts, want %d", len(hook.ok), queued)
	}
	for key, n := range hook.ok {
		if n != 1 {
			t.Errorf("alert %s delivered %d times", key, n)
		}
	}
	hook.mu.Unlock()

	// A receiver that refuses for good: dead letters, then retry.
	hook.set(http.StatusBadRequest)
	srv.Revise()
	mustCLI(t, "-c", cfg, "poll", "--wait", "5s")
	decodeJSON(t, mustCLI(t, "-c", cfg, "alerts", "--json"), &al)
	if len(al.Dead) == 0 || al.Dead[0].LastError == "" {
		t.Fatalf("a 400 did not dead-letter the alert with its reason: %+v", al)
	}
	hook.set(http.StatusOK)
	mustCLI(t, "-c", cfg, "alerts", "retry")
	mustCLI(t, "-c", cfg, "poll", "--wait", "20s")
	decodeJSON(t, mustCLI(t, "-c", cfg, "alerts", "--json"), &al)
	if len(al.Dead) != 0 || len(al.Pending) != 0 {
		t.Errorf("after retry: %d pending, %d dead, want none", len(al.Pending), len(al.Dead))
	}
}
