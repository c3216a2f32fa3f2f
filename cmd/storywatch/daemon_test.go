package main

import (
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/monitor/corpus"
)

// TestReadCommandsWhileDaemonRuns starts the real daemon, which holds the
// bbolt lock, and checks that read commands still answer (through the
// daemon's control socket), that a second daemon fails fast, and that
// SIGTERM stops the daemon with exit 0.
func TestReadCommandsWhileDaemonRuns(t *testing.T) {
	srv := startCorpus(t, corpus.NewDemo, corpus.Options{})
	dir := t.TempDir()
	cfg := writeConfig(t, dir, srv.FeedURLs(), summitStory)
	stop := startDaemon(t, cfg, filepath.Join(dir, "storywatch.db.sock"))

	// The daemon polls once at start; wait until its articles are visible.
	var articles struct {
		Articles []struct {
			ID string `json:"id"`
		} `json:"articles"`
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		out, errOut, code := cli(t, "-c", cfg, "articles", "--json")
		if code == 0 {
			decodeJSON(t, out, &articles)
			if len(articles.Articles) > 0 {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("articles never became visible while the daemon runs: exit %d, %s", code, errOut)
		}
		time.Sleep(100 * time.Millisecond)
	}
	// poll while the daemon runs: the daemon makes the pass.
	if out := mustCLI(t, "-c", cfg, "poll"); !strings.Contains(out, "delivered by the running daemon") {
		t.Errorf("poll while the daemon runs: %q", out)
	}
	for _, args := range [][]string{
		{"feeds", "--json"},
		{"history", articles.Articles[0].ID, "--json"},
		{"changes", "--json"},
		{"timeline", "--json"},
		{"alerts", "--json"},
	} {
		out := mustCLI(t, append([]string{"-c", cfg}, args...)...)
		var v map[string]any
		decodeJSON(t, out, &v)
	}

	// A second daemon on the same store fails fast with a clear message.
	// (Killed after a minute so that a hang fails the test instead of blocking it.)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	second := exec.CommandContext(ctx, binPath, "-c", cfg, "run")
	var secondErr bytes.Buffer
	second.Stderr = &secondErr
	err := second.Run()
	if err == nil {
		t.Fatal("a second daemon on the same store started")
	}
	if !strings.Contains(secondErr.String(), "in use") {
		t.Errorf("second daemon's message %q does not say the store is in use", secondErr.String())
	}

	stop()
	// With the daemon gone the CLI opens the store itself.
	decodeJSON(t, mustCLI(t, "-c", cfg, "articles", "--json"), &articles)
	if len(articles.Articles) == 0 {
		t.Error("articles vanished after the daemon stopped")
	}
}
