package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/storywatch/storywatch/monitor/harness/corpus"
)

// TestSIGHUPReloadsConfig starts the real daemon on one feed, adds a
// second feed to the config and sends SIGHUP: the new feed is polled.
// Then a broken config and SIGHUP: the daemon logs it, keeps running on
// the previous config and still stops with exit 0 on SIGTERM.
func TestSIGHUPReloadsConfig(t *testing.T) {
	srv := startCorpus(t, corpus.NewDemo, corpus.Options{})
	urls := srv.FeedURLs()
	dir := t.TempDir()
	cfg := writeConfig(t, dir, urls[:1], summitStory)
	daemon := exec.Command(binPath, "-c", cfg, "run")
	logs := &syncBuffer{}
	daemon.Stderr = logs
	stop := startDaemonCmd(t, daemon, cfg, filepath.Join(dir, "storywatch.db.sock"))

	type feedsJSON struct {
		Feeds []struct {
			URL        string `json:"url"`
			LastPolled string `json:"last_polled"`
		} `json:"feeds"`
	}
	polled := func() map[string]bool {
		var f feedsJSON
		decodeJSON(t, mustCLI(t, "-c", cfg, "feeds", "--json"), &f)
		out := map[string]bool{}
		for _, x := range f.Feeds {
			out[x.URL] = x.LastPolled != ""
		}
		return out
	}
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for !ok() {
			if time.Now().After(deadline) {
				t.Fatalf("%s never happened; daemon log:\n%s", what, logs.String())
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	waitFor("the first poll of the first feed", func() bool { return polled()[urls[0]] })
	if len(polled()) != 1 {
		t.Fatalf("feeds before reload: %v", polled())
	}

	writeConfig(t, dir, urls[:2], summitStory)
	if err := daemon.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	waitFor("a poll of the feed added by SIGHUP", func() bool { return polled()[urls[1]] })

	good := readFile(t, cfg)
	writeFile(t, cfg, good+"feeds_typo: true\n")
	if err := daemon.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	waitFor("the broken config's log line", func() bool {
		return strings.Contains(logs.String(), "keeping the running config") && strings.Contains(logs.String(), "feeds_typo")
	})
	// Still alive and on the previous config (the CLI needs a valid config
	// to find the socket, so the file is put back first).
	writeFile(t, cfg, good)
	if p := polled(); len(p) != 2 {
		t.Errorf("feeds after a broken reload: %v, want both feeds of the previous config", p)
	}
	stop()
}
