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

	"github.com/storywatch/storywatch/store/bolt"

	"github.com/storywatch/storywatch/monitor"
	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/store"
)

// bbolt locks the store file for the daemon's lifetime. The CLI therefore
// opens the store itself when it can, and otherwise asks the running daemon,
// over a unix socket beside the store (mode 0660: the daemon's user and the
// members of its group, see socketMode), to run the same command
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

// socketMode lets the daemon's group use the read commands: under systemd
// the daemon runs as user and group storywatch, and an operator added to
// that group reaches the socket through the state directory (mode 0750).
// Others get nothing. Writes through the socket (poll, compact, alerts
// retry) are kept for the daemon's own user: see peerMayWrite.
const socketMode = 0o660

// withReadStore runs fn on a store opened read-only, or forwards the whole
// command to the daemon when the daemon holds the store.
func (a *app) withReadStore(fn func(*config.Config, Store) error) error {
	return a.withStore(true, fn)
}

// withWriteStore runs fn on the store opened for writing, or forwards the
// command to the daemon when the daemon holds the store.
func (a *app) withWriteStore(fn func(*config.Config, Store) error) error {
	return a.withStore(false, fn)
}

func (a *app) withStore(readOnly bool, fn func(*config.Config, Store) error) error {
	if a.daemonStore != nil {
		return fn(a.daemonConfig, a.daemonStore)
	}
	// The store's path is all a forwarded command needs from the config,
	// so the delivery secrets matter only when this process writes to the
	// store itself; a write then fails on the full config's error unless
	// the daemon takes the command.
	cfg, err := a.loadConfigForReading()
	if err != nil {
		return err
	}
	var fullErr error
	if !readOnly {
		if full, err := a.loadConfig(); err != nil {
			fullErr = err
			readOnly = true // only to learn whether a daemon holds the store
		} else {
			cfg = full
		}
	}
	if usesPostgres(cfg) {
		if fullErr != nil {
			return fullErr
		}
		s, err := openPostgres(cfg, readOnly)
		if err != nil {
			return err
		}
		defer s.Close()
		return fn(cfg, s)
	}
	path := cfg.Store.Path
	if _, err := os.Stat(path); fullErr != nil && err != nil {
		return fullErr // no store, so no daemon to take the command
	} else if err := storeNotYet(path); readOnly && fullErr == nil && err != nil {
		return err
	}
	var s *bolt.Store
	if readOnly {
		s, err = bolt.Open(path, bolt.Options{ReadOnly: true, Timeout: 300 * time.Millisecond})
	} else {
		s, err = openBoltWriter(path)
	}
	if errors.Is(err, store.ErrLocked) {
		return a.forward(socketPath(path))
	}
	if errors.Is(err, os.ErrPermission) {
		// An operator in the daemon's group may reach the socket but not
		// the store file: the daemon reads it for them.
		if _, serr := os.Stat(socketPath(path)); serr == nil {
			return a.forward(socketPath(path))
		}
	}
	if fullErr != nil {
		if err == nil {
			s.Close()
		}
		return fullErr
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

// daemonHooks is what forwarded commands need from the running daemon.
type daemonHooks struct {
	// config returns the daemon's current config (it changes on SIGHUP).
	config func() *config.Config
	// wake starts an alert delivery pass now, after a forwarded command
	// queued alerts (poll, alerts retry); nil does nothing.
	wake func()
	// monitor returns the daemon's running Monitor (nil while a reload
	// swaps it): a forwarded poll makes its pass there.
	monitor func() *monitor.Monitor
	// ctx ends when the daemon shuts down: a forwarded pass stops with it.
	ctx context.Context
}

// serveControl answers forwarded read commands until ctx is done.
func serveControl(ctx context.Context, sock string, d daemonHooks, s Store, log *slog.Logger) (func(), error) {
	_ = os.Remove(sock) // a stale socket of a killed daemon: we hold the store lock now
	ln, err := net.Listen("unix", sock)
	if err != nil {
		return nil, fmt.Errorf("listen on control socket %s: %w", sock, err)
	}
	if err := os.Chmod(sock, socketMode); err != nil {
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
			go handleControl(conn, filepath.Dir(sock), d, s, log)
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

func handleControl(c net.Conn, spillDir string, d daemonHooks, s Store, log *slog.Logger) {
	defer c.Close()
	conn := idleConn{c}
	var req controlRequest
	if err := json.NewDecoder(conn).Decode(&req); err != nil {
		if !errors.Is(err, io.EOF) { // EOF: a probe (daemonAnswers)
			log.Warn("bad control request", "err", err)
		}
		return
	}
	mayWrite := !writesStore(req.Args) || peerMayWrite(c)
	if req.Stream == 0 {
		// A client from before streaming.
		var out, errOut bytes.Buffer
		code := runForwarded(req, mayWrite, d, s, &out, &errOut)
		_ = json.NewEncoder(conn).Encode(controlResponse{Stdout: out.String(), Stderr: errOut.String(), Code: code})
		return
	}
	// The command writes into the spool, never waiting for the client:
	// see controlspool.go.
	spool := newAnswerSpool(conn, spillDir)
	mux := newFrameMux(spool)
	code := runForwarded(req, mayWrite, d, s, mux.stream(frameStdout), mux.stream(frameStderr))
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
// returns its exit code. mayWrite is false when the client is not allowed
// to change the store (see peerMayWrite).
func runForwarded(req controlRequest, mayWrite bool, d daemonHooks, s Store, stdout, stderr io.Writer) int {
	if len(req.Args) == 0 || !slices.Contains(forwardable, firstCommand(req.Args)) {
		fmt.Fprint(stderr, "storywatch: the daemon does not run this command for the CLI\n")
		return 2
	}
	if !mayWrite {
		fmt.Fprintf(stderr, "storywatch: %s changes the store: while the daemon runs, only its own user (or root) may run it\n", firstCommand(req.Args))
		return 2
	}
	color := req.Color
	// The daemon's own config counts: the client's path may be relative
	// to another directory.
	a := &app{args: req.Args, stdout: stdout, stderr: stderr, daemonStore: s, daemonConfig: d.config(), daemonWake: d.wake,
		daemonCtx: d.ctx, forcedColor: &color}
	if d.monitor != nil {
		a.daemonMonitor = d.monitor()
	}
	return a.execute()
}

// writesStore reports whether forwarded args change the store: poll,
// compact and alerts retry. Members of the daemon's group may only read.
func writesStore(args []string) bool {
	switch firstCommand(args) {
	case "poll", "compact":
		return true
	case "alerts":
		return slices.Contains(args, "retry")
	}
	return false
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
