package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/storywatch/storywatch/store/bolt"

	"github.com/spf13/cobra"

	"github.com/storywatch/storywatch/diff"
	"github.com/storywatch/storywatch/diff/report"
	"github.com/storywatch/storywatch/monitor/config"
	"github.com/storywatch/storywatch/monitor/harness/corpus"
	"github.com/storywatch/storywatch/store"
)

func (a *app) demoCommand() *cobra.Command {
	var keep string
	var verbose bool
	c := &cobra.Command{
		Use:   "demo",
		Short: "Offline demo: an evolving summit story served on 127.0.0.1, polled by the real pipeline",
		Long: "demo serves an evolving story (the planned Putin–Zelensky summit, revised several times) as feeds\n" +
			"and article pages on 127.0.0.1, polls it with the real pipeline into a temporary store after each\n" +
			"revision, and prints the versions, diffs and fact changes a user would see. No network needed.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.demo(keep, verbose)
		},
	}
	c.Flags().StringVar(&keep, "keep", "", "write the demo's store and config into this directory and keep them")
	c.Flags().BoolVarP(&verbose, "verbose", "v", false, "print the pipeline's logs")
	c.Flags().StringVar(&a.color, "color", "auto", "colour the diffs: auto, always or never")
	return c
}

// demoConfigHeader opens every config demo writes; demo --keep replaces
// only a store next to such a config.
const demoConfigHeader = `# storywatch demo config: feeds served by "storywatch demo" on loopback.`

// demoConfig watches the corpus server's feeds with the same story filter
// as config.example.yaml.
const demoConfig = demoConfigHeader + `
store:
  path: %q
schedule: "@every 1m"
feeds:
%s
story:
  any: ["(?i)summit", "(?i)peace (talks|deal)", "(?i)ceasefire"]
  all: ["(?i)putin|kremlin|russia", "(?i)zelensk|kyiv|ukrain"]
fetch:
  allow_private_addresses: true   # the demo's server is on 127.0.0.1
notify:
  kinds: [date, number, quote, position, location, title]
`

func (a *app) demo(keep string, verbose bool) error {
	srv, err := corpus.NewDemo(corpus.Options{RotateBoilerplate: true})
	if err != nil {
		return fmt.Errorf("build demo corpus: %w", err)
	}
	if err := srv.Start(); err != nil {
		return fmt.Errorf("start demo server: %w", err)
	}
	defer srv.Close()

	dir := keep
	if dir == "" {
		dir, err = os.MkdirTemp("", "storywatch-demo-")
		if err != nil {
			return fmt.Errorf("create demo directory: %w", err)
		}
		defer os.RemoveAll(dir)
	} else if dir, err = a.prepareKeepDir(dir); err != nil {
		return err
	}
	var feeds strings.Builder
	for _, u := range srv.FeedURLs() {
		fmt.Fprintf(&feeds, "  - url: %q\n", u)
	}
	cfgPath := filepath.Join(dir, "config.yaml")
	cfgText := fmt.Sprintf(demoConfig, filepath.Join(dir, "storywatch.db"), feeds.String())
	if err := os.WriteFile(cfgPath, []byte(cfgText), 0o600); err != nil {
		return fmt.Errorf("write demo config: %w", err)
	}
	cfg, err := config.Load(cfgPath)
	if err != nil {
		return fmt.Errorf("load demo config: %w", err)
	}
	s, err := openWritable(cfg)
	if err != nil {
		return err
	}
	defer s.Close()
	log := slog.New(slog.DiscardHandler)
	if verbose {
		log = slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	m, err := newMonitor(cfg, s, log, nil)
	if err != nil {
		return err
	}
	defer m.Close()

	w := a.stdout
	color := a.useColor()
	fmt.Fprintf(w, "storywatch demo: an evolving summit story on %s (%s), polled by the real pipeline\n",
		srv.URL(), plural(len(srv.FeedURLs()), "feed"))
	fmt.Fprintf(w, "store: %s\n", cfg.Store.Path)

	ctx := context.Background()
	for pass := 1; ; pass++ {
		fmt.Fprintf(w, "\n%s\n", heading(fmt.Sprintf("Poll %d: revision %d of the story", pass, srv.Revision()), color))
		passStart := time.Now()
		res := m.PollAll(ctx)
		for _, f := range res.Feeds {
			if f.Err != nil {
				fmt.Fprintf(w, "  %s: error: %v\n", f.Name, f.Err)
				continue
			}
			fmt.Fprintf(w, "  %-28s %s, %d on the story, %s\n", f.URL[len(srv.URL()):], plural(f.Items, "item"), f.Matched, plural(f.NewVersions, "new version"))
		}
		if err := m.Close(); err != nil { // flush this pass's writes before reading
			return err
		}
		if err := printPass(w, s, pass, passStart, color); err != nil {
			return err
		}
		if len(srv.Revise()) == 0 {
			break
		}
		if m, err = newMonitor(cfg, s, log, nil); err != nil {
			return err
		}
	}
	arts, err := s.Articles()
	if err != nil {
		return err
	}
	chs, err := s.Changes(time.Time{})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%s\n", heading("Summary", color))
	fmt.Fprintf(w, "  %s tracked, %s stored, %s reported\n",
		plural(len(arts), "article"), plural(len(chs), "changed version"), plural(countFacts(chs), "fact change"))
	if keep != "" {
		fmt.Fprintf(w, "\nThe store is kept. Explore it with:\n  storywatch -c %s articles\n  storywatch -c %s changes\n  storywatch -c %s diff ARTICLE-ID\n", cfgPath, cfgPath, cfgPath)
	} else {
		fmt.Fprintln(w, "\nRun `storywatch demo --keep DIR` to keep the store and explore it with `articles`, `history`, `diff` and `changes`.")
	}
	return nil
}

// prepareKeepDir readies the directory of demo --keep and returns it as an
// absolute path (the kept config names the store, and is used from any
// directory). The demo serves its story on a new port each run and
// replays it from the first revision, so a store kept by an earlier demo
// is replaced rather than fed the same story again under other URLs. A
// store or a config.yaml demo did not write is refused, never touched.
func (a *app) prepareKeepDir(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("demo directory: %w", err)
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return "", fmt.Errorf("create demo directory: %w", err)
	}
	// demo writes DIR/config.yaml: one it did not write is the user's
	// (./config.yaml is the default config, so `demo --keep .` is easy
	// to type), whether or not its store is in DIR
	cfgText, err := os.ReadFile(filepath.Join(dir, "config.yaml"))
	ours := err == nil && strings.HasPrefix(string(cfgText), demoConfigHeader)
	if !ours && !errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("%s holds a config.yaml that `storywatch demo` did not write: choose another directory for --keep", dir)
	}
	db := filepath.Join(dir, "storywatch.db")
	if _, err := os.Stat(db); errors.Is(err, os.ErrNotExist) {
		return dir, nil
	}
	if !ours {
		return "", fmt.Errorf("%s holds a store that `storywatch demo` did not write: choose another directory for --keep", dir)
	}
	// A daemon or command may still use the old demo store.
	s, err := bolt.Open(db, bolt.Options{Timeout: 300 * time.Millisecond})
	if errors.Is(err, store.ErrLocked) {
		return "", fmt.Errorf("the demo store %s is in use by another storywatch process: stop it first", db)
	}
	if err == nil {
		s.Close()
	}
	if err := os.Remove(db); err != nil {
		return "", fmt.Errorf("replace the earlier demo store: %w", err)
	}
	fmt.Fprintf(a.stdout, "replacing the demo store kept in %s by an earlier run\n", dir)
	return dir, nil
}

// printPass shows the articles first seen (first pass) or changed in this pass.
func printPass(w io.Writer, s Store, pass int, since time.Time, color bool) error {
	if pass == 1 {
		arts, err := s.Articles()
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "\n  Tracking %s:\n", plural(len(arts), "article"))
		for _, art := range arts {
			fmt.Fprintf(w, "    %s  %s (%s)\n", art.ID, art.Title, art.Outlet)
		}
		return nil
	}
	chs, err := s.Changes(since)
	if err != nil {
		return err
	}
	if len(chs) == 0 {
		fmt.Fprintln(w, "\n  No article changed (the pages' rotating boilerplate is ignored).")
	}
	for _, ch := range chs {
		art, err := s.Article(ch.ArticleID)
		if err != nil {
			return err
		}
		old, err := s.Version(art.ID, ch.Version-1)
		if err != nil {
			return err
		}
		cur, err := s.Version(art.ID, ch.Version)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "\n  %s  (%s, version %d → %d, id %s)\n", cur.Title, art.Outlet, ch.Version-1, ch.Version, art.ID)
		ref := store.Anchor(old.FetchedAt, art.Published, old.Published)
		res := diff.Compare(diff.Document{Title: old.Title, Text: old.Text, Published: ref},
			diff.Document{Title: cur.Title, Text: cur.Text, Published: ref}, diff.Options{})
		if err := report.WriteDiff(&indent{w: w, prefix: "    ", bol: true}, res, report.Style{Color: color, Context: 0}); err != nil {
			return err
		}
	}
	return nil
}

func countFacts(chs []store.Change) int {
	n := 0
	for _, c := range chs {
		n += len(c.Facts)
	}
	return n
}

func heading(s string, color bool) string {
	if color {
		return "\x1b[1m== " + s + " ==\x1b[0m"
	}
	return "== " + s + " =="
}

// indent prefixes every line written through it.
type indent struct {
	w      io.Writer
	prefix string
	bol    bool // at the beginning of a line
}

func (i *indent) Write(p []byte) (int, error) {
	var b strings.Builder
	for _, l := range strings.SplitAfter(string(p), "\n") {
		if l == "" {
			continue
		}
		if i.bol {
			b.WriteString(i.prefix)
		}
		b.WriteString(l)
		i.bol = strings.HasSuffix(l, "\n")
	}
	if _, err := io.WriteString(i.w, b.String()); err != nil {
		return 0, err
	}
	return len(p), nil
}
