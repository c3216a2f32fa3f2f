package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestEmptyStoreFileIsNotYetAStore: a store file of 0 bytes (touched by
// hand or by a provisioning script, or left by a copy cut short) is no
// store yet. The read commands said "open store: open store PATH: write
// PATH: bad file descriptor" (a read-only bbolt open tries to set the
// file up and cannot); now they say it is empty and what to run, leave the
// file as it is, and a poll then makes it a store.
func TestEmptyStoreFileIsNotYetAStore(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed.rss" {
			fmt.Fprintf(w, goodFeed, "http://"+r.Host)
			return
		}
		fmt.Fprintf(w, goodArticle, "http://"+r.Host)
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, []string{srv.URL + "/feed.rss"}, "")
	db := filepath.Join(dir, "storywatch.db")
	writeFile(t, db, "")

	for _, args := range [][]string{
		{"feeds"}, {"feeds", "--json"}, {"articles"}, {"changes", "--json"}, {"timeline"},
		{"alerts"}, {"history", "abcdef"}, {"diff", "abcdef"}, {"serve", "--listen", "127.0.0.1:0"},
	} {
		// The built binary, under a deadline: serve used to start on the
		// empty file and serve errors until stopped.
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		var stdout, stderr bytes.Buffer
		cmd := exec.CommandContext(ctx, binPath, append([]string{"-c", cfg}, args...)...)
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		_ = cmd.Run()
		cancel()
		out, errOut, code := stdout.String(), stderr.String(), cmd.ProcessState.ExitCode()
		want := "store " + db + " is an empty file, no storywatch has written it yet: run `storywatch poll`"
		if code != 1 || out != "" || !strings.Contains(errOut, want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 1 and one line saying %q", strings.Join(args, " "), code, out, errOut, want)
		}
		if fi, err := os.Stat(db); err != nil || fi.Size() != 0 {
			t.Fatalf("%s changed the empty store file: %v %v", strings.Join(args, " "), fi, err)
		}
	}

	mustCLI(t, "-c", cfg, "poll")
	if out := mustCLI(t, "-c", cfg, "articles"); !strings.Contains(out, "Putin and Zelensky set for summit") {
		t.Errorf("articles after the poll:\n%s", out)
	}
}

// TestCheckNamesAStoreFileOfAnotherKind: store.path pointing at an SQLite
// database or a log by mistake passed `check` ("ok (1 feed, store …)")
// and then failed every other command with bbolt's "invalid database".
// Now check reports it at store.path and leaves the file alone; a real
// store and an empty file (poll makes it a store) still pass.
func TestCheckNamesAStoreFileOfAnotherKind(t *testing.T) {
	cases := []struct {
		name, content, want string
	}{
		{"sqlite", "SQLite format 3\x00\x10\x00\x01\x01", `it is no bbolt database (it begins "SQLite format 3")`},
		{"log", "2025-08-18T10:00:00Z poll ok\n", `it is no bbolt database (it begins "2025-08-18T10:00")`},
		{"empty", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			cfg := writeConfig(t, dir, []string{"http://127.0.0.1:9/feed.rss"}, "")
			db := filepath.Join(dir, "storywatch.db")
			writeFile(t, db, tc.content)
			out, errOut, code := cli(t, "-c", cfg, "check")
			if tc.want == "" {
				if code != 0 || !strings.Contains(out, ": ok (") {
					t.Fatalf("check: exit %d\n%s%s", code, out, errOut)
				}
			} else {
				want := cfg + ":2:9: store.path: " + db + " is not a storywatch store: " + tc.want
				if code != 1 || !strings.Contains(out, want) {
					t.Errorf("check: exit %d, output\n%s%s\nwant exit 1 and %q", code, out, errOut, want)
				}
			}
			if got := readFile(t, db); got != tc.content {
				t.Errorf("check changed the file: %q", got)
			}
		})
	}
}

// TestBadWriteFlagsAreRefusedFirst gives the write commands values they
// cannot use. `compact --keep-last -1` opened (and so created) the store
// and then said "compact store: compact store: negative retention limit",
// naming no flag; a bad --keep-for was read only after the store was
// made; `poll --wait -1s` made the pass and gave up delivering at once.
// Now each is refused before the store is touched, naming the flag.
func TestBadWriteFlagsAreRefusedFirst(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"compact", "--keep-last", "-1"}, "storywatch: --keep-last -1: must not be negative\n"},
		{[]string{"compact", "--keep-for", "-2d"}, "storywatch: --keep-for \"-2d\": must not be negative\n"},
		{[]string{"compact", "--keep-for", "soon"}, "storywatch: --keep-for: invalid duration \"soon\": want e.g. 30s, 10m, 1h30m or 3d\n"},
		{[]string{"poll", "--wait", "-1s"}, "storywatch: --wait -1s: must not be negative\n"},
	} {
		dir := t.TempDir()
		cfg := writeConfig(t, dir, []string{"http://127.0.0.1:9/feed.rss"}, "")
		out, errOut, code := cli(t, append([]string{"-c", cfg}, tc.args...)...)
		if code != 1 || out != "" || errOut != tc.want {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 1 and %q", strings.Join(tc.args, " "), code, out, errOut, tc.want)
		}
		if _, err := os.Stat(filepath.Join(dir, "storywatch.db")); err == nil {
			t.Errorf("%s made a store", strings.Join(tc.args, " "))
		}
	}
}
