package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/storywatch/storywatch/monitor"
	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/store"
)

// bbolt locks the store file for the daemon's lifetime. The CLI therefore
// opens the store itself when it can, and otherwise asks the running daemon,
// over a unix socket beside the store (mode 0600), to run the same command
// against the store it holds. Either way the output is identical. The
// answer streams back as it is produced (controlframe.go), through a spool
// that keeps a slow client from holding the daemon's store (controlspool.go).

// forwardable are the commands a daemon runs on behalf of the CLI: the
// reads, and the small maintenance writes that go through its store.
var forwardable = []string{"poll", "feeds", "articles", "history", "diff", "changes", "timeline", "alerts", "compact"}

type controlRequest struct {
	Args  []string `json:"args"`
	Color bool     `json:"color"`
	// Stream asks for the framed answer of controlframe.go (version 1).
	// A daemon that predates it ignores the field and answers with one
	// controlResponse, which the client still reads.
	Stream int `json:"stream,omitempty"`
}

// controlResponse is the answer to a request without Stream: the whole
// output in one JSON object.
type controlResponse struct {
	Stdout string `json:"stdout"`
	Stderr string `json:"stderr"`
	Code   int    `json:"code"`
}

// controlIdle is how long either side of the control socket waits for the
// other to read or write before giving up. It bounds a stall, not a
// command: a long output keeps flowing as long as the client reads it.
const controlIdle = 2 * time.Minute

// idleConn refreshes the connection's deadline before each read and write.
type idleConn struct{ net.Conn }

func (c idleConn) Read(p []byte) (int, error) {
	_ = c.SetReadDeadline(time.Now().Add(controlIdle))
	return c.Conn.Read(p)
}

func (c idleConn) Write(p []byte) (int, error) {
	_ = c.SetWriteDeadline(time.Now().Add(controlIdle))
	return c.Conn.Write(p)
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

// forward sends this command to the daemon and replays its output as it
// arrives.
func (a *app) forward(sock string) error {
	c, err := net.DialTimeout("unix", sock, 2*time.Second)
	if err != nil {
		return fmt.Errorf("store is locked by another process and its control socket %s does not answer (%v): is another storywatch command writing to it?", sock, err)
	}
	defer c.Close()
	conn := idleConn{c}
	if err := json.NewEncoder(conn).Encode(controlRequest{Args: a.args, Color: a.useColor(), Stream: 1}); err != nil {
		return fmt.Errorf("send command to daemon: %w", err)
	}
	r := bufio.NewReader(conn)
	first, err := r.Peek(1)
	if err != nil {
		return fmt.Errorf("read daemon answer: %w", err)
	}
	var code int
	if first[0] == '{' {
		// A daemon from before streaming: one JSON object.
		var resp controlResponse
		if err := json.NewDecoder(r).Decode(&resp); err != nil {
			return fmt.Errorf("read daemon answer: %w", err)
		}
		fmt.Fprint(a.stdout, resp.Stdout)
		fmt.Fprint(a.stderr, resp.Stderr)
		code = resp.Code
	} else if code, err = readFrames(r, a.stdout, a.stderr); err != nil {
		return err
	}
	if code != 0 {
		return exitError{code: code}
	}
	return nil
}

// serveControl answers forwarded commands until ctx is done: reads on s,
// and passes (`poll`) on m, the daemon's own Monitor.
func serveControl(ctx context.Context, sock string, cfg *config.Config, s *store.Store, m *monitor.Monitor, log *slog.Logger) (func(), error) {
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
			go handleControl(conn, filepath.Dir(sock), daemonApp{ctx: ctx, cfg: cfg, store: s, monitor: m}, log)
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

// daemonApp is what the daemon lends the commands it runs for the CLI.
type daemonApp struct {
	ctx     context.Context
	cfg     *config.Config
	store   *store.Store
	monitor *monitor.Monitor
}

func handleControl(c net.Conn, spillDir string, d daemonApp, log *slog.Logger) {
	defer c.Close()
	conn := idleConn{c}
	var req controlRequest
	if err := json.NewDecoder(conn).Decode(&req); err != nil {
		log.Warn("bad control request", "err", err)
		return
	}
	if req.Stream == 0 {
		// A client from before streaming.
		var out, errOut bytes.Buffer
		code := runForwarded(req, d, &out, &errOut)
		_ = json.NewEncoder(conn).Encode(controlResponse{Stdout: out.String(), Stderr: errOut.String(), Code: code})
		return
	}
	// The command writes into the spool, never waiting for the client:
	// see controlspool.go.
	spool := newAnswerSpool(conn, spillDir)
	mux := newFrameMux(spool)
	code := runForwarded(req, d, mux.stream(frameStdout), mux.stream(frameStderr))
	err := mux.exit(code)
	if cerr := spool.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		// The client went away (its reader stopped, e.g. `| head`): the
		// command has already failed on its next write and stopped.
		log.Debug("control answer cut short", "err", err)
	}
}

// runForwarded runs a forwarded command against the daemon's store and
// Monitor and returns its exit code.
func runForwarded(req controlRequest, d daemonApp, stdout, stderr io.Writer) int {
	if len(req.Args) == 0 || !slices.Contains(forwardable, firstCommand(req.Args)) {
		fmt.Fprint(stderr, "storywatch: the daemon does not run this command for the CLI\n")
		return 2
	}
	color := req.Color
	// The daemon's own config counts: the client's path may be relative
	// to another directory.
	a := &app{
		args: req.Args, stdout: stdout, stderr: stderr, forcedColor: &color,
		daemonStore: d.store, daemonConfig: d.cfg, daemonMonitor: d.monitor, daemonCtx: d.ctx,
	}
	return a.execute()
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
