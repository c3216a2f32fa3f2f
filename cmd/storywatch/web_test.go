package main

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/storywatch/storywatch/store/bolt"
)

// freshDemo runs `storywatch demo --keep DIR` in a new DIR of its own and returns the config path.
// DIR is short: the daemon's sockets live beside the store, and a unix
// socket path has a small limit.
func freshDemo(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "swweb")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	mustCLI(t, "demo", "--keep", dir)
	return filepath.Join(dir, "config.yaml")
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// startServe runs `storywatch serve` and waits for /healthz; the process
// is stopped with SIGTERM at cleanup and must exit 0.
func startServe(t *testing.T, cfg string) string {
	t.Helper()
	addr := freeAddr(t)
	cmd := exec.Command(binPath, "-c", cfg, "serve", "--listen", addr)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case err := <-exited:
			if err != nil {
				t.Errorf("serve exit after SIGTERM: %v\n%s", err, stderr.String())
			}
		case <-time.After(20 * time.Second):
			cmd.Process.Kill()
			t.Error("serve did not stop after SIGTERM")
		}
	})
	base := "http://" + addr
	deadline := time.Now().Add(20 * time.Second)
	for {
		if code, _ := httpGet(t, base+"/healthz"); code == 200 {
			return base
		}
		select {
		case err := <-exited:
			exited <- err
			t.Fatalf("serve exited early (%v): %s", err, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve never answered /healthz: %s", stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func httpGet(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestServeDemo is the README's two steps: demo --keep, then serve.
func TestServeDemo(t *testing.T) {
	cfg := freshDemo(t)
	base := startServe(t, cfg)
	code, body := httpGet(t, base+"/")
	if code != 200 || !strings.Contains(body, "Date of the summit") || !strings.Contains(body, "early September") {
		t.Fatalf("story page: %d\n%s", code, body)
	}
	code, body = httpGet(t, base+"/feed.atom")
	if code != 200 || !strings.Contains(body, "<feed") {
		t.Fatalf("feed: %d", code)
	}
	// serve lets go of the store between requests: poll can still write.
	if _, errOut, c := cli(t, "-c", cfg, "poll", "--wait", "1s"); c != 0 && strings.Contains(errOut, "in use") {
		t.Errorf("poll while serve runs: %s", errOut)
	}
}

func TestServeRefusesExposedAddress(t *testing.T) {
	cfg := freshDemo(t)
	_, errOut, code := cli(t, "-c", cfg, "serve", "--listen", "0.0.0.0:0")
	if code == 0 || !strings.Contains(errOut, "http.auth") {
		t.Fatalf("serve on 0.0.0.0 without auth: exit %d, %q", code, errOut)
	}
}

// TestServeWhileRunHoldsStore: the daemon holds the store and serves the
// view on http.listen itself; `serve` passes its requests to the daemon's
// web socket.
func TestServeWhileRunHoldsStore(t *testing.T) {
	cfg := freshDemo(t)
	runAddr := freeAddr(t)
	f, err := os.OpenFile(cfg, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("http:\n  listen: " + runAddr + "\n"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	stop := startDaemon(t, cfg, filepath.Join(filepath.Dir(cfg), "storywatch.db.sock"))

	code, body := httpGet(t, "http://"+runAddr+"/")
	if code != 200 || !strings.Contains(body, "Date of the summit") {
		t.Fatalf("run's http.listen: %d\n%s", code, body)
	}
	base := startServe(t, cfg)
	for _, p := range []string{"/", "/feed.atom", "/readyz"} {
		code, body := httpGet(t, base+p)
		if code != 200 {
			t.Errorf("serve %s while run holds the store: %d\n%s", p, code, body)
		}
	}
	if _, body := httpGet(t, base+"/feed.atom"); !strings.Contains(body, base) {
		t.Error("feed links through the daemon do not name serve's address")
	}
	stop()
	if _, err := os.Stat(filepath.Join(filepath.Dir(cfg), "storywatch.db.web.sock")); !os.IsNotExist(err) {
		t.Errorf("the web socket outlives the daemon: %v", err)
	}
	// The daemon is gone: serve reads the store itself again.
	if code, _ := httpGet(t, base+"/"); code != 200 {
		t.Errorf("serve after the daemon stopped: %d", code)
	}
}

// TestWritersWaitForAReader holds the store open read-only, as `serve`
// holds it while it renders a page (a large diff takes seconds), for
// longer than a writer's first lock attempt: `poll` then waits for the
// reader and makes its pass, and `run` starts, instead of failing as if a
// daemon held the store. A second daemon is still refused.
func TestWritersWaitForAReader(t *testing.T) {
	cfg := freshDemo(t)
	path := filepath.Join(filepath.Dir(cfg), "storywatch.db")
	holdReader := func() {
		t.Helper()
		r, err := bolt.Open(path, bolt.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		time.AfterFunc(2*time.Second, func() { r.Close() })
	}

	holdReader()
	if out, errOut, code := cli(t, "-c", cfg, "poll", "--wait", "1s"); code != 0 {
		t.Errorf("poll while a reader holds the store: exit %d\n%s%s", code, out, errOut)
	}

	holdReader()
	stop := startDaemon(t, cfg, path+".sock")
	var second bytes.Buffer
	run := exec.Command(binPath, "-c", cfg, "run")
	run.Stderr = &second
	if err := run.Run(); err == nil || !strings.Contains(second.String(), "in use") {
		t.Errorf("second daemon: %v, %q; want it refused as in use", err, second.String())
	}
	stop()
}

// TestDiffAfterCompact compacts the demo story so that an article keeps
// versions 1, 4 and 5 of 5: its version numbers then have a gap and
// count 3. diff and the web view's diff page default to the last two
// versions there are (4 → 5, not the gone 2 → 3: a 500 and an error),
// compare any two that remain, and name the versions there are when
// asked for a gone one; a link to a change's diff from its gone previous
// version (the story page's, the Atom feeds') shows the diff from the
// version kept before it.
func TestDiffAfterCompact(t *testing.T) {
	cfg := freshDemo(t)
	mustCLI(t, "-c", cfg, "compact", "--keep-last", "2")
	var arts struct {
		Articles []struct {
			ID       string `json:"id"`
			Versions int    `json:"versions"`
		} `json:"articles"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "articles", "--json"), &arts)
	id := ""
	for _, a := range arts.Articles {
		if a.Versions == 3 {
			id = a.ID
		}
	}
	var h struct {
		Versions []struct {
			Version int `json:"version"`
		} `json:"versions"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "history", id, "--json"), &h)
	if id == "" || len(h.Versions) != 3 || h.Versions[0].Version != 1 || h.Versions[1].Version != 4 || h.Versions[2].Version != 5 {
		t.Fatalf("after compact --keep-last 2: article %q with versions %+v, want 1, 4, 5 of the wire story", id, h.Versions)
	}
	var d struct {
		From int `json:"from"`
		To   int `json:"to"`
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "diff", id, "--json"), &d)
	if d.From != 4 || d.To != 5 {
		t.Errorf("diff: %d → %d, want 4 → 5", d.From, d.To)
	}
	decodeJSON(t, mustCLI(t, "-c", cfg, "diff", id, "--from", "1", "--to", "4", "--json"), &d)
	if d.From != 1 || d.To != 4 {
		t.Errorf("diff --from 1 --to 4: %d → %d", d.From, d.To)
	}
	if _, errOut, code := cli(t, "-c", cfg, "diff", id, "--from", "2"); code != 1 || !strings.Contains(errOut, "has versions 1, 4, 5") {
		t.Errorf("diff --from 2 (compacted away): exit %d, %q; want the versions there are", code, errOut)
	}

	base := startServe(t, cfg)
	for path, want := range map[string]int{
		"/articles/" + id + "/diff":                200,
		"/articles/" + id + "/diff?from=1&to=4":    200,
		"/articles/" + id + "/diff?to=4":           200,
		"/articles/" + id + "/diff?from=2&to=3":    404,
		"/articles/" + id + "/diff?from=3&to=4":    200, // the story page's link to v4's change: redirected from v1
		"/articles/" + id + "/diff?from=4&to=5":    200,
		"/articles/" + id + "/diff?view=side&to=5": 200,
	} {
		code, body := httpGet(t, base+path)
		if code != want {
			t.Errorf("GET %s: %d, want %d", path, code, want)
		}
		if code == 404 && !strings.Contains(body, "has versions 1, 4, 5") {
			t.Errorf("GET %s: the 404 does not name the versions there are", path)
		}
		if code == 200 && (strings.Contains(body, `value="2"`) || !strings.Contains(body, `value="4"`)) {
			t.Errorf("GET %s: the version pickers do not offer exactly the versions there are", path)
		}
		if strings.Contains(path, "from=3") && !strings.Contains(body, "v1 → v4") {
			t.Errorf("GET %s: not the diff from the version kept before (v1 → v4)", path)
		}
	}
}
