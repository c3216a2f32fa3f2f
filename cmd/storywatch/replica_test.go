package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http/httptest"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/storywatch/storywatch/monitor/harness/corpus"
	"github.com/storywatch/storywatch/store/postgres"
	"github.com/storywatch/storywatch/store/postgres/pgtest"
)

// TestReplicasSIGKILL runs three `storywatch run` replicas on one
// PostgreSQL database over a loopback corpus, edits the corpus while it
// kills replicas with SIGKILL and restarts them, then checks: every
// article stored once, no version stored twice, the latest version of
// each article is what is served, and every change alerted under exactly
// one idempotency key.
func TestReplicasSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test: skipped in -short mode")
	}
	dsn := pgtest.DSN(t)
	const replicas, rounds = 3, 12
	srv := startCorpus(t, corpus.NewSynthetic, corpus.Options{
		Feeds: 3, ArticlesPerFeed: 8, EditFraction: 0.3, Seed: 17,
	})
	hooks := &keyLog{hits: map[string]int{}, body: map[string][]byte{}}
	hookSrv := httptest.NewServer(hooks)
	t.Cleanup(hookSrv.Close)
	cfg := writePGConfig(t, t.TempDir(), srv.FeedURLs(), dsn, fmt.Sprintf(`notify:
  kinds: [date, number, quote, position, location, title, text]
  webhooks:
    - url: %q
`, hookSrv.URL))
	writeFile(t, cfg, replaceOnce(readFile(t, cfg), "  driver: postgres\n", "  driver: postgres\n  lease: 2s\n"))
	mustCLI(t, "-c", cfg, "migrate") // the replicas would race to migrate: fine, but not the point here

	start := func() *exec.Cmd {
		c := exec.Command(binPath, "-c", cfg, "run")
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		return c
	}
	procs := make([]*exec.Cmd, replicas)
	for i := range procs {
		procs[i] = start()
	}
	t.Cleanup(func() {
		for _, p := range procs {
			if p != nil && p.ProcessState == nil {
				_ = p.Process.Kill()
				_ = p.Wait()
			}
		}
	})
	rng := rand.New(rand.NewPCG(5, 9))
	kills := 0
	for r := 0; r < rounds; r++ {
		time.Sleep(time.Duration(300+rng.IntN(900)) * time.Millisecond)
		if r%2 == 0 {
			srv.Revise()
		}
		i := rng.IntN(replicas)
		if err := procs[i].Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = procs[i].Wait()
		kills++
		procs[i] = start()
	}
	for _, p := range procs {
		_ = p.Process.Signal(syscall.SIGTERM)
		_ = p.Wait()
	}
	// The replicas did the work, not only the final pass below.
	early, err := postgres.Open(context.Background(), dsn, postgres.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	byReplicas, err := early.Changes(time.Time{})
	early.Close()
	if err != nil || len(byReplicas) == 0 {
		t.Fatalf("the replicas stored no change (%v)", err)
	}
	// Leases and claims of the killed replicas expire; a clean pass then
	// finishes the work and delivers what is queued.
	time.Sleep(2500 * time.Millisecond)
	mustCLI(t, "-c", cfg, "poll")

	s, err := postgres.Open(context.Background(), dsn, postgres.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	arts, err := s.Articles()
	if err != nil {
		t.Fatal(err)
	}
	urls := map[string]bool{}
	for _, a := range arts {
		if urls[a.URL] {
			t.Errorf("%s stored as two articles", a.URL)
		}
		urls[a.URL] = true
	}
	if len(arts) != len(srv.ArticleURLs()) {
		t.Errorf("%d articles stored, want %d", len(arts), len(srv.ArticleURLs()))
	}
	versions := 0
	for _, a := range arts {
		vs, err := s.Versions(a.ID)
		if err != nil {
			t.Fatal(err)
		}
		hashes := map[string]int{}
		for i, v := range vs {
			versions++
			if v.Seq != i+1 {
				t.Errorf("%s: version %d at position %d", a.URL, v.Seq, i+1)
			}
			if prev, dup := hashes[v.Hash]; dup {
				t.Errorf("%s: versions %d and %d have the same text", a.URL, prev, v.Seq)
			}
			hashes[v.Hash] = v.Seq
		}
		cur, ok := srv.Current(a.URL)
		if !ok {
			t.Errorf("%s: stored but not served", a.URL)
		} else if vs[len(vs)-1].Title != cur.Title {
			t.Errorf("%s: latest stored title %q, served %q", a.URL, vs[len(vs)-1].Title, cur.Title)
		}
	}
	changes, err := s.Changes(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) == 0 {
		t.Fatal("no changes stored: the corpus edits never reached the store")
	}
	pending, err := s.Outbox()
	if err != nil {
		t.Fatal(err)
	}
	if len(pending) != 0 {
		t.Errorf("%d alerts still queued after the final poll", len(pending))
	}
	resent, _, _ := hooks.check(t, changes)
	t.Logf("replica fault test: %d replicas, %d SIGKILLs, %d articles, %d versions, %d changes (%d stored by the replicas before the final poll), %d alert keys received (%d redelivered under the same key)",
		replicas, kills, len(arts), versions, len(changes), len(byReplicas), len(hooks.hits), resent)
}

func replaceOnce(s, old, new string) string { return strings.Replace(s, old, new, 1) }
