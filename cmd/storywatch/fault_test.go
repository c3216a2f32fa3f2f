package main

import (
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/storywatch/storywatch/store/bolt"

	"github.com/storywatch/storywatch/monitor/harness/corpus"
	"github.com/storywatch/storywatch/store"
)

// keyLog records the idempotency keys a webhook receiver saw.
type keyLog struct {
	mu   sync.Mutex
	hits map[string]int
	body map[string][]byte
}

func (k *keyLog) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	k.mu.Lock()
	k.hits[r.Header.Get("Idempotency-Key")]++
	k.body[r.Header.Get("Idempotency-Key")] = b
	k.mu.Unlock()
	w.WriteHeader(http.StatusOK)
}

// check asserts that every change was alerted and that no version was
// alerted under two keys. It returns how many deliveries repeated a key,
// how many changes were never alerted and how many versions were.
func (k *keyLog) check(t *testing.T, changes []store.Change) (resent, lost, versions int) {
	t.Helper()
	k.mu.Lock()
	defer k.mu.Unlock()
	perVersion := map[string]string{}
	for key, n := range k.hits {
		resent += n - 1
		var al struct {
			Article string `json:"article"`
			Version int    `json:"version"`
		}
		if err := jsonUnmarshal(k.body[key], &al); err != nil {
			t.Fatal(err)
		}
		id := fmt.Sprintf("%s#%d", al.Article, al.Version)
		if other, dup := perVersion[id]; dup && other != key {
			t.Errorf("%s alerted under two keys: %s and %s", id, other, key)
		}
		perVersion[id] = key
	}
	for _, ch := range changes {
		if _, ok := perVersion[fmt.Sprintf("%s#%d", ch.Article, ch.Version)]; !ok {
			lost++
			t.Errorf("change %s v%d never alerted", ch.Article, ch.Version)
		}
	}
	return resent, lost, len(perVersion)
}

type versionID struct {
	article string
	seq     int
}

// TestSIGKILLLosesNothing kills the daemon with SIGKILL at random moments
// of its polls, dozens of times, while the corpus changes under it, and then
// checks the store and the alerts received against what was served: no
// stored version lost, none partial or duplicated, the store always opens,
// every change alerted, and each alert under one idempotency key only.
func TestSIGKILLLosesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test: skipped in -short mode")
	}
	const kills = 30
	srv := startCorpus(t, corpus.NewSynthetic, corpus.Options{
		Feeds: 3, ArticlesPerFeed: 10, EditFraction: 0.3, Seed: 11, RotateBoilerplate: true,
	})
	hooks := &keyLog{hits: map[string]int{}, body: map[string][]byte{}}
	hookSrv := httptest.NewServer(hooks)
	t.Cleanup(hookSrv.Close)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, srv.FeedURLs(), fmt.Sprintf(`notify:
  kinds: [date, number, quote, position, location, title, text]
  webhooks:
    - url: %q
`, hookSrv.URL))
	dbPath := filepath.Join(dir, "storywatch.db")

	rng := rand.New(rand.NewPCG(42, 7))
	seen := map[versionID]string{} // every version ever observed, with its hash
	checked := 0
	for i := 0; i < kills; i++ {
		if i%3 == 1 {
			srv.Revise()
		}
		daemon := exec.Command(binPath, "-c", cfg, "run")
		if err := daemon.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(100+rng.IntN(1900)) * time.Millisecond)
		if err := daemon.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = daemon.Wait()
		checked += checkStore(t, dbPath, seen)
	}

	// A clean poll finishes the work and delivers what is queued.
	mustCLI(t, "-c", cfg, "poll")
	checked += checkStore(t, dbPath, seen)

	s, err := bolt.Open(dbPath, bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("store does not open after %d kills: %v", kills, err)
	}
	defer s.Close()
	arts, err := s.Articles()
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != len(srv.ArticleURLs()) {
		t.Errorf("%d articles stored, want %d", len(arts), len(srv.ArticleURLs()))
	}
	for _, a := range arts {
		latest, err := s.LatestVersion(a.ID)
		if err != nil {
			t.Fatal(err)
		}
		cur, ok := srv.Current(a.URL)
		if !ok {
			t.Errorf("%s: stored but not served", a.URL)
			continue
		}
		if latest.Title != cur.Title {
			t.Errorf("%s: latest stored title %q, served %q", a.URL, latest.Title, cur.Title)
		}
	}
	changes, err := s.Changes(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	pending, err := s.Outbox()
	if err != nil {
		t.Fatal(err)
	}
	resent, lost, perVersion := hooks.check(t, changes)
	if len(pending) != 0 {
		t.Errorf("%d alerts still queued after the final poll", len(pending))
	}
	t.Logf("fault test: %d SIGKILLs, %d version observations checked, %d articles, %d changes, %d alerts received (%d redelivered under the same key), %d lost, %d under two keys",
		kills, checked, len(arts), len(changes), len(hooks.hits), resent, lost, perVersion-len(hooks.hits))
}

// checkStore opens the store after a kill and checks that every version seen
// before is still there with the same hash, and that no two consecutive
// versions are duplicates. It returns how many versions it checked.
func checkStore(t *testing.T, dbPath string, seen map[versionID]string) int {
	t.Helper()
	s, err := bolt.Open(dbPath, bolt.Options{ReadOnly: true, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatalf("store unusable after SIGKILL: %v", err)
	}
	defer s.Close()
	arts, err := s.Articles()
	if err != nil {
		t.Fatalf("list articles after SIGKILL: %v", err)
	}
	now := map[versionID]string{}
	n := 0
	for _, a := range arts {
		vs, err := s.Versions(a.ID)
		if err != nil {
			t.Fatalf("read versions of %s after SIGKILL: %v", a.URL, err)
		}
		if len(vs) != a.Versions {
			t.Errorf("%s: article says %d versions, %d stored", a.URL, a.Versions, len(vs))
		}
		for i, v := range vs {
			n++
			if v.Seq != i+1 {
				t.Errorf("%s: version %d at position %d", a.URL, v.Seq, i+1)
			}
			if i > 0 && v.Hash == vs[i-1].Hash {
				t.Errorf("%s: versions %d and %d are duplicates", a.URL, i, i+1)
			}
			if v.Text == "" {
				t.Errorf("%s: version %d has no text (partial write?)", a.URL, v.Seq)
			}
			now[versionID{a.URL, v.Seq}] = v.Hash
		}
	}
	for id, hash := range seen {
		if got, ok := now[id]; !ok || got != hash {
			t.Errorf("version %s #%d lost or altered after a kill", id.article, id.seq)
		}
	}
	for id, hash := range now {
		seen[id] = hash
	}
	return n
}
