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

	"github.com/storywatch/storywatch/monitor/harness/corpus"
)

// URLWatchResult compares one revision pass of urlwatch and storywatch on
// the same nginx-served pages.
type URLWatchResult struct {
	Skipped    string // why the comparison did not run (tool missing)
	Articles   int
	Feeds      int
	Edited     int // articles really edited before the pass
	URLWatch   ToolRun
	Storywatch ToolRun
	Baseline   PassStats // storywatch's first pass, not compared
}

// ToolRun is one tool's revision pass.
type ToolRun struct {
	Wall    time.Duration
	CPU     time.Duration
	PeakRSS int64
	Flagged int // pages reported as changed
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
	prefix := filepath.Join(r.dir, "nginx")
	root := filepath.Join(prefix, "www")
	if err := os.MkdirAll(root, 0o755); err != nil {
		return ur, fmt.Errorf("create static root: %w", err)
	}
	_ = os.Chmod(r.dir, 0o755) // nginx workers may run as another user
	port, err := freePort()
	if err != nil {
		return ur, err
	}
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	per := 20
	feeds := max(1, r.opts.URLWatchArticles/per)
	srv, err := corpus.NewSynthetic(corpus.Options{
		Feeds: feeds, ArticlesPerFeed: per, EditFraction: r.opts.URLWatchEdit,
		Seed: r.opts.Seed, RotateBoilerplate: true, BaseURL: base,
	})
	if err != nil {
		return ur, fmt.Errorf("build comparison corpus: %w", err)
	}
	ur.Articles, ur.Feeds = feeds*per, feeds
	if err := writeRotated(root, srv, base); err != nil {
		return ur, err
	}
	ng, err := startNginx(ctx, nginxBin, prefix, root, port)
	if err != nil {
		return ur, err
	}
	defer ng.stop()

	// urlwatch jobs: the same article URLs storywatch finds in the feeds.
	uwDir := filepath.Join(r.dir, "urlwatch")
	if err := os.MkdirAll(uwDir, 0o755); err != nil {
		return ur, fmt.Errorf("create urlwatch directory: %w", err)
	}
	var jobs strings.Builder
	for i, u := range srv.ArticleURLs() {
		if i > 0 {
			jobs.WriteString("---\n")
		}
		fmt.Fprintf(&jobs, "name: a%d\nurl: %q\n", i, u)
	}
	urls := filepath.Join(uwDir, "urls.yaml")
	if err := os.WriteFile(urls, []byte(jobs.String()), 0o644); err != nil {
		return ur, fmt.Errorf("write urlwatch jobs: %w", err)
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

	spec := PassSpec{Store: filepath.Join(r.dir, "urlwatch-compare.db"), Feeds: srv.FeedURLs(),
		Workers: r.opts.Workers, PerHost: r.opts.PerHost}
	defer r.remove(spec.Store)
	// Baselines: both tools see every page once.
	r.opts.Logger.Info("urlwatch baseline", "jobs", ur.Articles)
	if _, err := runURLWatch(); err != nil {
		return ur, err
	}
	if ur.Baseline, err = r.pass(ctx, spec, "compare-baseline"); err != nil {
		return ur, err
	}
	// The revision: EditFraction of the articles edited, every page's
	// boilerplate rotated, all files rewritten.
	ur.Edited = len(srv.Revise())
	if err := writeRotated(root, srv, base); err != nil {
		return ur, err
	}
	r.opts.Logger.Info("urlwatch revision pass")
	if ur.URLWatch, err = runURLWatch(); err != nil {
		return ur, err
	}
	st, err := r.pass(ctx, spec, "compare-revision")
	if err != nil {
		return ur, err
	}
	ur.Storywatch = ToolRun{Wall: st.ProcWall, CPU: st.ProcCPU, PeakRSS: st.PeakRSS, Flagged: st.Changed}
	return ur, nil
}
