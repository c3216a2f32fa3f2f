package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"slices"
	"time"

	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/store"
)

// bbolt locks the store file for the daemon's lifetime. The CLI therefore
// opens the store itself when it can, and otherwise asks the running daemon,
// over a unix socket beside the store (mode 0600), to run the same command
// against the store it holds. Either way the output is identical.

// forwardable are the commands a daemon runs on behalf of the CLI: the
// reads, and the small maintenance writes that go through its store.
var forwardable = []string{"poll", "feeds", "articles", "history", "diff", "changes", "timeline", "alerts", "compact"}

type controlRequest struct {
	Args  []string `json:"args"`
	Color bool     `json:"color"`
}

type controlResponse struct {
	Stdout string `json:"stdout"`
	Stderr string `json:"stderr"`
	Code   int    `json:"code"`
}

func socketPath(storePath string) string { return storePath + ".sock" }

// withReadStore runs fn on a store opened read-only, or forwards the whole
// command to the daemon when the daemon holds the store.
func (a *app) withReadStore(fn func(*config.Config, *store.Store) error) error {
	return a.withStore(true, fn)
}

// withWriteStore runs fn on the store opened for writing, or forwards the
// command to the daemon when the daemon holds the store.
func (a *app) withWriteStore(fn func(*config.Config, *store.Store) error) error {
	return a.withStore(false, fn)
}

func (a *app) withStore(readOnly bool, fn func(*config.Config, *store.Store) error) error {
	if a.daemonStore != nil {
		return fn(a.daemonConfig, a.daemonStore)
	}
	cfg, err := a.loadConfig()
	if err != nil {
		return err
	}
	path := cfg.Store.Path
	if _, err := os.Stat(path); readOnly && errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("store %s does not exist yet: run `storywatch poll` or `storywatch run` first", path)
	}
	s, err := store.Open(path, store.Options{ReadOnly: readOnly, Timeout: 300 * time.Millisecond})
	if errors.Is(err, store.ErrLocked) {
		return a.forward(socketPath(path))
	}
	if err != nil {
		return fmt.Errorf("open store: %w", err)
	}
	defer s.Close()
	return fn(cfg, s)
}

// forward sends this command to the daemon and replays its output.
func (a *app) forward(sock string) error {
	conn, err := net.DialTimeout("unix", sock, 2*time.Second)
	if err != nil {
		return fmt.Errorf("store is locked by another process and its control socket %s does not answer (%v): is another storywatch command writing to it?", sock, err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(2 * time.Minute))
	if err := json.NewEncoder(conn).Encode(controlRequest{Args: a.args, Color: a.useColor()}); err != nil {
		return fmt.Errorf("send command to daemon: %w", err)
	}
	var resp controlResponse
	if err := json.NewDecoder(conn).Decode(&resp); err != nil {
		return fmt.Errorf("read daemon answer: %w", err)
	}
	fmt.Fprint(a.stdout, resp.Stdout)
	fmt.Fprint(a.stderr, resp.Stderr)
	if resp.Code != 0 {
		return exitError{code: resp.Code}
	}
	return nil
}

// serveControl answers forwarded read commands until ctx is done.
func serveControl(ctx context.Context, sock string, cfg *config.Config, s *store.Store, log *slog.Logger) (func(), error) {
	_ = os.Remove(sock) // a stale socket of a killed daemon: we hold the store lock now
	ln, err := net.Listen("unix", sock)
	if err != nil {
		return nil, fmt.Errorf("listen on control socket %s: %w", sock, err)
	}
	if err := os.Chmod(sock, 0o600); err != nil {
		ln.Close()
		return nil, fmt.Errorf("restrict control socket %s: %w", sock, err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go handleControl(conn, cfg, s, log)
		}
	}()
	go func() {
		<-ctx.Done()
		ln.Close()
	}()
	return func() {
		ln.Close()
		<-done
		os.Remove(sock)
	}, nil
}

func handleControl(conn net.Conn, cfg *config.Config, s *store.Store, log *slog.Logger) {
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(2 * time.Minute))
	var req controlRequest
	if err := json.NewDecoder(conn).Decode(&req); err != nil {
		log.Warn("bad control request", "err", err)
		return
	}
	var out, errOut bytes.Buffer
	resp := controlResponse{}
	if len(req.Args) == 0 || !slices.Contains(forwardable, firstCommand(req.Args)) {
		resp.Stderr, resp.Code = "storywatch: the daemon does not run this command for the CLI\n", 2
	} else {
		color := req.Color
		// The daemon's own config counts: the client's path may be relative
		// to another directory.
		a := &app{args: req.Args, stdout: &out, stderr: &errOut, daemonStore: s, daemonConfig: cfg, forcedColor: &color}
		resp.Code = a.execute()
		resp.Stdout, resp.Stderr = out.String(), errOut.String()
	}
	_ = json.NewEncoder(conn).Encode(resp)
}

// firstCommand returns the first argument that is not a flag (or a flag's value).
func firstCommand(args []string) string {
	for i := 0; i < len(args); i++ {
		arg := args[i]
		switch {
		case arg == "-c" || arg == "--config":
			i++
		case len(arg) > 0 && arg[0] == '-':
		default:
			return arg
		}
	}
	return ""
}
