package bench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/storywatch/storywatch/store/bolt"

	"github.com/storywatch/storywatch/store"
)

// CLIRun is one timed storywatch command.
type CLIRun struct {
	Args    []string
	Wall    time.Duration
	PeakRSS int64
	Bytes   int64  // stdout size
	Err     string // first line of stderr when it failed
}

// ReadsResult times the read commands on a large store.
type ReadsResult struct {
	Store    store.Stats
	Build    time.Duration // writing the fixture
	Changes  CLIRun
	Timeline CLIRun
	InProc   time.Duration // store.Changes in process
	NChanges int
}

// cli runs the storywatch CLI with args, output discarded but counted.
func (r *runner) cli(ctx context.Context, args ...string) CLIRun {
	run := CLIRun{Args: args}
	argv := append(append([]string(nil), r.opts.Storywatch...), args...)
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	var n countWriter
	var errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &n, &errOut
	m, err := runMeasured(cmd)
	run.Wall, run.PeakRSS = m.Wall, m.PeakRSS
	run.Bytes = int64(n)
	if err != nil {
		msg, _, _ := strings.Cut(strings.TrimSpace(errOut.String()), "\n")
		if msg == "" {
			msg = err.Error()
		}
		run.Err = msg
	}
	return run
}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}

var _ io.Writer = (*countWriter)(nil)

func (r *runner) reads(ctx context.Context) (ReadsResult, error) {
	var rr ReadsResult
	path := filepath.Join(r.dir, "fixture.db")
	defer r.remove(path)
	r.opts.Logger.Info("fixture", "versions", r.opts.FixtureVersions)
	t0 := time.Now()
	if err := buildFixture(path, r.opts.FixtureArticles, r.opts.FixtureVersions, r.opts.Seed); err != nil {
		return rr, err
	}
	rr.Build = time.Since(t0)
	s, err := bolt.Open(path, bolt.Options{ReadOnly: true})
	if err != nil {
		return rr, err
	}
	rr.Store, err = s.Stats()
	if err == nil {
		t0 = time.Now()
		var chs []store.Change
		chs, err = s.Changes(time.Time{})
		rr.InProc, rr.NChanges = time.Since(t0), len(chs)
	}
	s.Close()
	if err != nil {
		return rr, err
	}
	if len(r.opts.Storywatch) == 0 {
		return rr, nil
	}
	cfg := filepath.Join(r.dir, "fixture.yaml")
	text := fmt.Sprintf("store:\n  path: %q\nfeeds:\n  - url: \"http://fixture.invalid/feeds/feed-000.rss\"\n", path)
	if err := os.WriteFile(cfg, []byte(text), 0o644); err != nil {
		return rr, fmt.Errorf("write fixture config: %w", err)
	}
	rr.Changes = r.cli(ctx, "-c", cfg, "changes", "--json")
	rr.Timeline = r.cli(ctx, "-c", cfg, "timeline", "--json")
	return rr, nil
}
