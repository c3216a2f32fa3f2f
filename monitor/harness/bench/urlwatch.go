package bench

import (
	"bytes"
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/storywatch/storywatch/store/bolt"

	"github.com/storywatch/storywatch/monitor/harness/corpus"
)

// URLWatchResult compares urlwatch and storywatch on the same
// nginx-served pages, once per page template family.
type URLWatchResult struct {
	Skipped  string // why the comparison did not run (tool missing)
	Families []FamilyRun
}

// FamilyRun is the comparison on one template family's corpus: the first
// run of each tool (every page new) and the revision run after Edited
// articles were edited and every page's boilerplate rotated.
type FamilyRun struct {
	Template   string
	Articles   int
	Feeds      int
	Edited     int // articles really edited before the revision run
	First      ToolPair
	Revision   ToolPair
	Missed     int       // edited articles storywatch did not store a new version of
	Spurious   int       // unedited articles storywatch stored a new version of
	Baseline   PassStats // storywatch's first pass
	RevisionSt PassStats // storywatch's revision pass
}

// ToolPair is one run of both tools.
type ToolPair struct {
	URLWatch, Storywatch ToolRun
}

// ToolRun is one tool's revision pass.
type ToolRun struct {
	Wall    time.Duration
	CPU     time.Duration
	PeakRSS int64
	Flagged int // pages reported as changed
	// Read is how storywatch read the pages it fetched whole: known
	// unchanged by their fingerprint, fast extraction, readability.
	Read map[string]int
}

// installHint says how to get the comparison's tools on Debian/Ubuntu.
const installHint = "install them with: sudo apt-get install -y urlwatch nginx"

var urlwatchChanged = regexp.MustCompile(`(?m)^\d+\. CHANGED: `)

// writeRotated writes every feed and page of srv under root as a fresh
// request would see it: with RotateBoilerplate each page gets new
// navigation, ads and counters, as a live site's pages do between polls.
func writeRotated(root string, srv *corpus.Server, base string) error {
	h := srv.Handler()
	for _, u := range append(srv.FeedURLs(), srv.ArticleURLs()...) {
		p := strings.TrimPrefix(u, base)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", p, nil))
		if rec.Code != 200 {
			return fmt.Errorf("render %s: status %d", p, rec.Code)
		}
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return fmt.Errorf("write static page: %w", err)
		}
		if err := os.WriteFile(full, rec.Body.Bytes(), 0o644); err != nil {
			return fmt.Errorf("write static page: %w", err)
		}
	}
	return nil
}

func (r *runner) urlwatch(ctx context.Context) (URLWatchResult, error) {
	var ur URLWatchResult
	nginxBin, err1 := exec.LookPath("nginx")
	urlwatchBin, err2 := exec.LookPath("urlwatch")
	if err1 != nil || err2 != nil {
		var miss []string
		if err1 != nil {
			miss = append(miss, "nginx")
		}
		if err2 != nil {
			miss = append(miss, "urlwatch")
		}
		ur.Skipped = strings.Join(miss, " and ") + " not found in PATH; " + installHint
		return ur, nil
	}
	_ = os.Chmod(r.dir, 0o755) // nginx workers may run as another user
	for _, tmpl := range r.opts.Templates {
		fr, err := r.urlwatchFamily(ctx, nginxBin, urlwatchBin, tmpl)
		if err != nil {
			return ur, fmt.Errorf("urlwatch comparison on %s pages: %w", tmpl, err)
		}
		ur.Families = append(ur.Families, fr)
	}
	return ur, nil
}

// urlwatchFamily runs the comparison on a corpus of one template family.
func (r *runner) urlwatchFamily(ctx context.Context, nginxBin, urlwatchBin, tmpl string) (FamilyRun, error) {
	fr := FamilyRun{Template: tmpl}
	prefix := filepath.Join(r.dir, "nginx-"+tmpl)
	root := filepath.Join(prefix, "www")
	if err := os.MkdirAll(root, 0o755); err != nil {
		return fr, fmt.Errorf("create static root: %w", err)
	}
	defer r.removeAll(prefix)
	port, err := freePort()
	if err != nil {
		return fr, err
	}
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	per := 20
	feeds := max(1, r.opts.URLWatchArticles/per)
	srv, err := corpus.NewSynthetic(corpus.Options{
		Feeds: feeds, ArticlesPerFeed: per, EditFraction: r.opts.URLWatchEdit,
		Seed: r.opts.Seed, RotateBoilerplate: true, BaseURL: base, Template: tmpl,
	})
	if err != nil {
		return fr, fmt.Errorf("build comparison corpus: %w", err)
	}
	fr.Articles, fr.Feeds = feeds*per, feeds
	if err := writeRotated(root, srv, base); err != nil {
		return fr, err
	}
	ng, err := startNginx(ctx, nginxBin, prefix, root, port)
	if err != nil {
		return fr, err
	}
	defer ng.stop()

	// urlwatch jobs: the same article URLs storywatch finds in the feeds.
	uwDir := filepath.Join(r.dir, "urlwatch-"+tmpl)
	if err := os.MkdirAll(uwDir, 0o755); err != nil {
		return fr, fmt.Errorf("create urlwatch directory: %w", err)
	}
	defer r.removeAll(uwDir)
	var jobs strings.Builder
	for i, u := range srv.ArticleURLs() {
		if i > 0 {
			jobs.WriteString("---\n")
		}
		fmt.Fprintf(&jobs, "name: a%d\nurl: %q\n", i, u)
	}
	urls := filepath.Join(uwDir, "urls.yaml")
	if err := os.WriteFile(urls, []byte(jobs.String()), 0o644); err != nil {
		return fr, fmt.Errorf("write urlwatch jobs: %w", err)
	}
	uwArgs := []string{"--urls", urls, "--config", filepath.Join(uwDir, "urlwatch.yaml"),
		"--cache", filepath.Join(uwDir, "cache.db"), "--hooks", filepath.Join(uwDir, "hooks.py")}
	runURLWatch := func() (ToolRun, error) {
		var tr ToolRun
		cmd := exec.CommandContext(ctx, urlwatchBin, uwArgs...)
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		cmd.Env = append(os.Environ(), "HOME="+uwDir) // keep urlwatch's files out of the user's home
		m, err := runMeasured(cmd)
		tr.Wall, tr.CPU, tr.PeakRSS = m.Wall, m.CPU, m.PeakRSS
		if err != nil {
			return tr, fmt.Errorf("run urlwatch: %w: %s", err, strings.TrimSpace(errOut.String()))
		}
		tr.Flagged = len(urlwatchChanged.FindAllIndex(out.Bytes(), -1))
		return tr, nil
	}

	spec := PassSpec{Store: filepath.Join(r.dir, "urlwatch-compare-"+tmpl+".db"), Feeds: srv.FeedURLs(),
		Workers: r.opts.Workers, PerHost: r.opts.PerHost}
	defer r.remove(spec.Store)
	// First runs: both tools see every page for the first time.
	r.opts.Logger.Info("urlwatch first run", "template", tmpl, "jobs", fr.Articles)
	if fr.First.URLWatch, err = runURLWatch(); err != nil {
		return fr, err
	}
	if fr.Baseline, err = r.pass(ctx, spec, "compare-first-"+tmpl); err != nil {
		return fr, err
	}
	fr.First.Storywatch = ToolRun{Wall: fr.Baseline.ProcWall, CPU: fr.Baseline.ProcCPU, PeakRSS: fr.Baseline.PeakRSS, Flagged: fr.Baseline.NewVersions,
		Read: fr.Baseline.PageChecks}
	before, err := latestTexts(spec.Store)
	if err != nil {
		return fr, err
	}
	// The revision: EditFraction of the articles edited, every page's
	// boilerplate rotated, all files rewritten.
	edited := srv.Revise()
	fr.Edited = len(edited)
	if err := writeRotated(root, srv, base); err != nil {
		return fr, err
	}
	r.opts.Logger.Info("urlwatch revision run", "template", tmpl)
	if fr.Revision.URLWatch, err = runURLWatch(); err != nil {
		return fr, err
	}
	if fr.RevisionSt, err = r.pass(ctx, spec, "compare-revision-"+tmpl); err != nil {
		return fr, err
	}
	st := fr.RevisionSt
	fr.Revision.Storywatch = ToolRun{Wall: st.ProcWall, CPU: st.ProcCPU, PeakRSS: st.PeakRSS, Flagged: st.Changed, Read: st.PageChecks}
	after, err := latestTexts(spec.Store)
	if err != nil {
		return fr, err
	}
	fr.Missed, fr.Spurious = scoreRevision(before, after, edited)
	return fr, nil
}

// removeAll deletes a directory unless the user asked to keep files.
func (r *runner) removeAll(path string) {
	if !r.keep {
		_ = os.RemoveAll(path)
	}
}

// latestTexts maps each stored article's URL to its latest version's hash.
func latestTexts(path string) (map[string]string, error) {
	s, err := bolt.Open(path, bolt.Options{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("open store to score: %w", err)
	}
	defer s.Close()
	arts, err := s.Articles()
	if err != nil {
		return nil, fmt.Errorf("score stored versions: %w", err)
	}
	out := make(map[string]string, len(arts))
	for _, a := range arts {
		v, err := s.LatestVersion(a.ID)
		if err != nil {
			return nil, fmt.Errorf("score stored versions: %w", err)
		}
		out[a.URL] = v.Hash
	}
	return out, nil
}

// scoreRevision counts the edited articles whose latest version did not
// change across the revision pass, and the unedited ones whose did.
func scoreRevision(before, after map[string]string, edited []string) (missed, spurious int) {
	isEdited := make(map[string]bool, len(edited))
	for _, u := range edited {
		isEdited[u] = true
	}
	for u, h := range after {
		changed := before[u] != h
		switch {
		case isEdited[u] && !changed:
			missed++
		case !isEdited[u] && changed:
			spurious++
		}
	}
	for u := range isEdited {
		if _, ok := after[u]; !ok {
			missed++
		}
	}
	return missed, spurious
}
