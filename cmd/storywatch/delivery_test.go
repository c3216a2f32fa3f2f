package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/storywatch/storywatch/monitor/harness/corpus"
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

// seen is how many attempts of key the receiver got; f.mu is held.
func (f *flakyHook) seen(key string) int {
	n := 0
	for _, k := range f.attempts {
		if k == key {
			n++
		}
	}
	return n
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
		Attempts  int    `json:"attempts"`
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
	// The attempt that failed for good counts: `alerts` shows as many
	// attempts as the receiver saw (one, for a 400).
	hook.mu.Lock()
	for _, d := range al.Dead {
		if seen := hook.seen(d.Key); d.Attempts != seen {
			t.Errorf("dead letter %s shows %d attempts, the receiver saw %d", d.Key, d.Attempts, seen)
		}
	}
	hook.mu.Unlock()
	hook.set(http.StatusOK)
	mustCLI(t, "-c", cfg, "alerts", "retry")
	mustCLI(t, "-c", cfg, "poll", "--wait", "20s")
	decodeJSON(t, mustCLI(t, "-c", cfg, "alerts", "--json"), &al)
	if len(al.Dead) != 0 || len(al.Pending) != 0 {
		t.Errorf("after retry: %d pending, %d dead, want none", len(al.Pending), len(al.Dead))
	}
}

// TestDaemonDeliversWhenDue runs the real daemon against a receiver that
// refuses each alert's first attempt: the alerts queued by a poll go out at
// once (the poll wakes the daemon's delivery) and each retry goes out when
// its backoff of about a second ends, not at the daemon's 15-second check.
func TestDaemonDeliversWhenDue(t *testing.T) {
	srv := startCorpus(t, corpus.NewDemo, corpus.Options{})
	var mu sync.Mutex
	first := map[string]time.Time{}
	gaps := map[string]time.Duration{}
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		key := r.Header.Get("Idempotency-Key")
		if at, ok := first[key]; !ok {
			first[key] = time.Now()
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		} else if _, done := gaps[key]; !done {
			gaps[key] = time.Since(at)
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(hs.Close)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, srv.FeedURLs(), summitStory+fmt.Sprintf(`notify:
  kinds: [text]
  webhooks:
    - url: %q
  retry:
    initial: 2s
    max: 2s
    dead_after: 1h
`, hs.URL))
	stop := startDaemon(t, cfg, filepath.Join(dir, "storywatch.db.sock"))
	mustCLI(t, "-c", cfg, "poll") // the daemon's pass; no alert yet (first versions)
	srv.Revise()
	mustCLI(t, "-c", cfg, "poll") // new versions: alerts queued in the daemon

	deadline := time.Now().Add(60 * time.Second)
	for {
		mu.Lock()
		n, done := len(first), len(gaps)
		mu.Unlock()
		if n > 0 && done == n {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d alerts attempted, %d retried and delivered within a minute", n, done)
		}
		time.Sleep(50 * time.Millisecond)
	}
	mu.Lock()
	defer mu.Unlock()
	for key, gap := range gaps {
		// Backoff is 1-2s; a retry held until the 15s check would be
		// 13-15s after its first attempt.
		if gap < time.Second || gap > 10*time.Second {
			t.Errorf("alert %s retried %v after its first attempt, want when its 1-2s backoff ends", key, gap.Round(time.Millisecond))
		}
	}
	stop()
}
