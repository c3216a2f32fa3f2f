package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storywatch/storywatch/store/bolt"

	"github.com/storywatch/storywatch/monitor/config"
)

// controlServer serves the control socket of a store holding a few
// changes and returns the socket and config paths.
func controlServer(t *testing.T) (sock, cfgPath string) {
	t.Helper()
	dir := t.TempDir()
	cfgPath = writeConfig(t, dir, []string{"http://127.0.0.1:1/feed.rss"}, "")
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	bulkChanges(t, cfg.Store.Path, 200)
	s, err := bolt.Open(cfg.Store.Path, bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx, cancel := context.WithCancel(context.Background())
	sock = filepath.Join(dir, "c.sock")
	stop, err := serveControl(ctx, sock, daemonHooks{config: func() *config.Config { return cfg }}, s, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); stop() })
	return sock, cfgPath
}

// legacyCall speaks the protocol of clients from before streaming: one
// request without Stream, one JSON answer.
func legacyCall(t *testing.T, sock string, args []string) controlResponse {
	t.Helper()
	conn, err := net.Dial("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := json.NewEncoder(conn).Encode(controlRequest{Args: args}); err != nil {
		t.Fatal(err)
	}
	var resp controlResponse
	if err := json.NewDecoder(conn).Decode(&resp); err != nil {
		t.Fatalf("legacy answer: %v", err)
	}
	return resp
}

// TestControlBothProtocols runs commands through the daemon's control
// socket with the streaming client and with a client from before it: the
// same output and exit code either way, and commands the daemon does not
// run for the CLI are refused with exit 2.
func TestControlBothProtocols(t *testing.T) {
	sock, cfg := controlServer(t)
	tests := []struct {
		name    string
		args    []string
		code    int
		stdout  string // contained in stdout
		stderrs string // contained in stderr
	}{
		{"changes json", []string{"changes", "--json"}, 0, `"changes": [`, ""},
		{"changes text", []string{"changes"}, 0, "Bulk story 199", ""},
		{"unknown article", []string{"history", "nope"}, 1, "", "storywatch: article nope"},
		{"not forwardable", []string{"check"}, 2, "", "does not run this command"},
		{"no command", []string{}, 2, "", "does not run this command"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"-c", cfg}, tt.args...)
			var out, errOut bytes.Buffer
			a := &app{args: args, stdout: &out, stderr: &errOut}
			err := a.forward(sock)
			code := 0
			var ee exitError
			if errors.As(err, &ee) {
				code = ee.code
			} else if err != nil {
				t.Fatalf("forward: %v", err)
			}
			if code != tt.code || !strings.Contains(out.String(), tt.stdout) || !strings.Contains(errOut.String(), tt.stderrs) {
				t.Errorf("streamed: exit %d, stdout %.80q, stderr %q; want exit %d, %q, %q",
					code, out.String(), errOut.String(), tt.code, tt.stdout, tt.stderrs)
			}
			old := legacyCall(t, sock, args)
			if old.Code != code || old.Stdout != out.String() || old.Stderr != errOut.String() {
				t.Errorf("legacy answer differs: exit %d, %d bytes stdout, stderr %q", old.Code, len(old.Stdout), old.Stderr)
			}
		})
	}
}

// TestForwardToOldDaemon checks that the streaming client still reads the
// one-object answer of a daemon from before streaming.
func TestForwardToOldDaemon(t *testing.T) {
	sock := filepath.Join(t.TempDir(), "old.sock")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	got := make(chan controlRequest, 1)
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		defer conn.Close()
		var req controlRequest
		_ = json.NewDecoder(conn).Decode(&req)
		got <- req
		_ = json.NewEncoder(conn).Encode(controlResponse{Stdout: "{\"changes\": []}\n", Stderr: "warned\n", Code: 3})
	}()
	var out, errOut bytes.Buffer
	a := &app{args: []string{"changes", "--json"}, stdout: &out, stderr: &errOut}
	err = a.forward(sock)
	var ee exitError
	if !errors.As(err, &ee) || ee.code != 3 {
		t.Errorf("forward = %v, want exit 3", err)
	}
	if out.String() != "{\"changes\": []}\n" || errOut.String() != "warned\n" {
		t.Errorf("stdout %q, stderr %q", out.String(), errOut.String())
	}
	if req := <-got; req.Stream != 1 || strings.Join(req.Args, " ") != "changes --json" {
		t.Errorf("request %+v", req)
	}
}

// TestForwardDaemonHangsUp checks that an answer cut off before its exit
// frame is an error, not a success with half the output.
func TestForwardDaemonHangsUp(t *testing.T) {
	sock := filepath.Join(t.TempDir(), "cut.sock")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		var req controlRequest
		_ = json.NewDecoder(conn).Decode(&req)
		mux := newFrameMux(conn)
		_, _ = mux.stream(frameStdout).Write([]byte("{\"changes\": [\n"))
		_ = mux.w.Flush()
		conn.Close() // the daemon died mid-answer
	}()
	var out, errOut bytes.Buffer
	a := &app{args: []string{"changes", "--json"}, stdout: &out, stderr: &errOut}
	err = a.forward(sock)
	if !errors.Is(err, errNoExitFrame) {
		t.Errorf("forward = %v, want errNoExitFrame", err)
	}
	if out.String() != "{\"changes\": [\n" {
		t.Errorf("stdout %q: the part that arrived should be passed on", out.String())
	}
}
