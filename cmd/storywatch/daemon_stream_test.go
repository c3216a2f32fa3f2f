package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/storywatch/storywatch/store/bolt"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/monitor/harness/corpus"
	"github.com/storywatch/storywatch/store"
)

// bulkChanges stores n synthetic articles with two versions each, so that
// `changes --json` runs to megabytes: many times the daemon's frame buffer.
func bulkChanges(t *testing.T, storePath string, n int) {
	t.Helper()
	s, err := bolt.Open(storePath, bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	base := time.Now().Add(-24 * time.Hour).Truncate(time.Second)
	var ups []store.Update
	for i := range n {
		url := fmt.Sprintf("https://bulk.example/story/%05d", i)
		for v := range 2 {
			at := base.Add(time.Duration(2*i+v) * time.Second)
			title := fmt.Sprintf("Bulk story %d — “quoted” <b>&</b>", i)
			text := fmt.Sprintf("The summit will be held on August %d.\n\nVersion %d of story %d.", 20+v, v, i)
			u := store.Update{
				Article: store.Article{URL: url, Title: title, Outlet: "Bulk", Feeds: []string{"https://bulk.example/rss"}, LastChecked: at},
				Version: &store.Version{FetchedAt: at, Title: title, Text: text, Source: "page"},
			}
			if v == 1 {
				u.Change = &store.Change{Changed: 1, Facts: []facts.Change{{
					Kind: facts.KindDate, Before: "August 20", After: "August 21",
					BeforeValue: "2025-08-20", AfterValue: "2025-08-21", Subject: "summit\t\"held\"",
					BeforeSentence: "The summit will be held on August 20.", AfterSentence: "The summit will be held on August 21.\u2028",
				}}}
			}
			ups = append(ups, u)
		}
		if len(ups) >= 400 {
			if _, err := s.Apply(ups, nil); err != nil {
				t.Fatal(err)
			}
			ups = ups[:0]
		}
	}
	if _, err := s.Apply(ups, nil); err != nil {
		t.Fatal(err)
	}
}

type cliResult struct {
	stdout, stderr string
	code           int
}

// TestDaemonOutputIdentical runs read commands, successful and failing,
// through the running daemon and again with the daemon stopped, and
// requires the same stdout, stderr and exit code byte for byte.
func TestDaemonOutputIdentical(t *testing.T) {
	srv := startCorpus(t, corpus.NewDemo, corpus.Options{})
	dir := t.TempDir()
	cfg := writeConfig(t, dir, srv.FeedURLs(), summitStory)
	for range 10 {
		mustCLI(t, "-c", cfg, "poll")
		if len(srv.Revise()) == 0 {
			break
		}
	}
	bulkChanges(t, filepath.Join(dir, "storywatch.db"), 3000)

	// An article of the demo story with several versions, for history and diff.
	var chs struct {
		Changes []struct {
			ArticleID string `json:"article_id"`
			Article   string `json:"article"`
		} `json:"changes"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "changes", "--json"), &chs)
	id := ""
	for _, c := range chs.Changes {
		if !strings.Contains(c.Article, "bulk.example") {
			id = c.ArticleID
			break
		}
	}
	if id == "" {
		t.Fatal("the demo story left no changes")
	}

	// The daemon polls a feed that cannot answer, so that the store's
	// articles stay as they are while the commands run twice.
	daemonCfg := filepath.Join(dir, "daemon.yaml")
	text := readFile(t, cfg)
	for i, u := range srv.FeedURLs() {
		text = strings.ReplaceAll(text, u, fmt.Sprintf("http://127.0.0.1:1/feed-%d.rss", i))
	}
	writeFile(t, daemonCfg, text)

	commands := [][]string{
		{"changes", "--json"},
		{"changes"},
		{"changes", "--since", "30d", "--json"},
		{"timeline", "--json"},
		{"timeline"},
		{"history", id, "--json"},
		{"history", id},
		{"diff", id, "--json"},
		{"diff", id},
		{"diff", id, "--from", "1", "--to", "2", "--json"},
		// Failures: their stderr and exit code must come through too.
		{"history", "no-such-article"},
		{"diff", id, "--from", "99"},
		{"changes", "--since", "yesterday"},
		{"history"},
	}
	runAll := func() []cliResult {
		var res []cliResult
		for _, args := range commands {
			out, errOut, code := cli(t, append([]string{"-c", cfg}, args...)...)
			res = append(res, cliResult{out, errOut, code})
		}
		return res
	}

	stop := startDaemon(t, daemonCfg, filepath.Join(dir, "storywatch.db.sock"))
	viaDaemon := runAll()
	stop()
	if _, err := os.Stat(filepath.Join(dir, "storywatch.db.sock")); !os.IsNotExist(err) {
		t.Fatalf("control socket still there after the daemon stopped: %v", err)
	}
	direct := runAll()

	failures := 0
	for i, args := range commands {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			d, f := direct[i], viaDaemon[i]
			if d.code != 0 {
				failures++
				if d.stderr == "" {
					t.Errorf("failing command printed nothing on stderr")
				}
			}
			if d.code != f.code {
				t.Errorf("exit code %d direct, %d through the daemon", d.code, f.code)
			}
			if d.stderr != f.stderr {
				t.Errorf("stderr differs:\ndirect: %q\ndaemon: %q", d.stderr, f.stderr)
			}
			if d.stdout != f.stdout {
				t.Errorf("stdout differs (%d bytes direct, %d through the daemon) from byte %d",
					len(d.stdout), len(f.stdout), firstDiff([]byte(d.stdout), []byte(f.stdout)))
			}
		})
	}
	if failures < 3 {
		t.Errorf("only %d of the failing commands failed", failures)
	}
	if n := len(direct[0].stdout); n < 4*frameBufferSize {
		t.Errorf("changes --json is %d bytes, too small to stream through several frame buffers", n)
	}
}

// startDaemon starts `storywatch run` on cfg, waits until its control
// socket answers a read, and returns a function that stops it with
// SIGTERM and requires exit 0.
func startDaemon(t *testing.T, cfg, sock string) func() {
	t.Helper()
	return startDaemonCmd(t, exec.Command(binPath, "-c", cfg, "run"), cfg, sock)
}

// startDaemonCmd is startDaemon for a prepared command (another user, an
// environment of its own).
func startDaemonCmd(t *testing.T, daemon *exec.Cmd, cfg, sock string) func() {
	t.Helper()
	daemonErr, ok := daemon.Stderr.(*syncBuffer)
	if !ok {
		daemonErr = &syncBuffer{}
		daemon.Stderr = daemonErr
	}
	if err := daemon.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- daemon.Wait() }()
	stopped := false
	t.Cleanup(func() {
		if !stopped {
			daemon.Process.Kill()
			<-exited
		}
	})
	deadline := time.Now().Add(30 * time.Second)
	for {
		if _, err := os.Stat(sock); err == nil {
			if _, _, code := cli(t, "-c", cfg, "feeds", "--json"); code == 0 {
				break
			}
		}
		select {
		case err := <-exited:
			stopped = true
			t.Fatalf("the daemon exited early (%v): %s", err, daemonErr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("the daemon's control socket never answered\ndaemon: %s", daemonErr.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	return func() {
		t.Helper()
		stopped = true
		if err := daemon.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		select {
		case err := <-exited:
			if err != nil {
				t.Fatalf("daemon exit after SIGTERM: %v\n%s", err, daemonErr.String())
			}
		case <-time.After(30 * time.Second):
			t.Fatal("daemon did not stop after SIGTERM")
		}
	}
}

// syncBuffer is a bytes.Buffer a test may read while a child process
// writes into it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}
