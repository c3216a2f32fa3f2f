package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/storywatch/storywatch/monitor/harness/corpus"
	"github.com/storywatch/storywatch/store/postgres/pgtest"
)

// writePGConfig is writeConfig with the store in the PostgreSQL database
// at dsn.
func writePGConfig(t *testing.T, dir string, feeds []string, dsn, extra string) string {
	t.Helper()
	path := writeConfig(t, dir, feeds, extra)
	text := strings.Replace(readFile(t, path), "store:\n", "store:\n  driver: postgres\n  dsn: \""+dsn+"\"\n", 1)
	writeFile(t, path, text)
	return path
}

// TestPostgresCommands drives the CLI on a PostgreSQL store: migrate, a
// bbolt store copied in and verified, polls and the read commands reading
// the database directly.
func TestPostgresCommands(t *testing.T) {
	dsn := pgtest.DSN(t)
	srv := startCorpus(t, corpus.NewSynthetic, corpus.Options{Feeds: 1, ArticlesPerFeed: 4, EditFraction: 0.5, Seed: 3})
	boltCfg := writeConfig(t, t.TempDir(), srv.FeedURLs(), "")
	mustCLI(t, "-c", boltCfg, "poll")
	pgCfg := writePGConfig(t, t.TempDir(), srv.FeedURLs(), dsn, "")

	if _, errOut, code := cli(t, "-c", boltCfg, "migrate"); code == 0 || !strings.Contains(errOut, "store.driver is not postgres") {
		t.Errorf("migrate on a bolt config: exit %d, %s", code, errOut)
	}
	var mig struct {
		Applied []string `json:"applied"`
		Schema  int      `json:"schema"`
	}
	decodeJSON(t, mustCLI(t, "-c", pgCfg, "migrate", "--json"), &mig)
	if len(mig.Applied) != mig.Schema || mig.Schema < 1 || mig.Applied[0] != "0001_init.sql" {
		t.Errorf("first migrate: %+v", mig)
	}
	decodeJSON(t, mustCLI(t, "-c", pgCfg, "migrate", "--json"), &mig)
	if len(mig.Applied) != 0 {
		t.Errorf("second migrate applied %v", mig.Applied)
	}

	out := mustCLI(t, "-c", pgCfg, "copy", "--from", filepath.Join(filepath.Dir(boltCfg), "storywatch.db"))
	if !strings.Contains(out, "copied 4 articles, 4 versions") || !strings.Contains(out, "verified") {
		t.Errorf("copy output:\n%s", out)
	}
	if _, errOut, code := cli(t, "-c", pgCfg, "copy", "--from", filepath.Join(filepath.Dir(boltCfg), "storywatch.db")); code == 0 || !strings.Contains(errOut, "not empty") {
		t.Errorf("second copy: exit %d, %s", code, errOut)
	}

	type articles struct {
		Articles []struct {
			URL      string `json:"url"`
			Versions int    `json:"versions"`
		} `json:"articles"`
	}
	var bolt, pg articles
	decodeJSON(t, mustCLI(t, "-c", boltCfg, "articles", "--json"), &bolt)
	decodeJSON(t, mustCLI(t, "-c", pgCfg, "articles", "--json"), &pg)
	if len(pg.Articles) != 4 || len(bolt.Articles) != 4 {
		t.Fatalf("articles: bolt %d, postgres %d", len(bolt.Articles), len(pg.Articles))
	}

	// The copy is live: an edit polled into PostgreSQL is a new version
	// and a change the read commands see.
	srv.Revise()
	mustCLI(t, "-c", pgCfg, "poll")
	var ch struct {
		Changes []struct {
			Article string `json:"article"`
			Version int    `json:"version"`
		} `json:"changes"`
	}
	decodeJSON(t, mustCLI(t, "-c", pgCfg, "changes", "--json"), &ch)
	if len(ch.Changes) == 0 {
		t.Fatal("no changes after an edit polled into PostgreSQL")
	}
	hist := mustCLI(t, "-c", pgCfg, "history", ch.Changes[0].Article)
	if !strings.Contains(hist, "2") {
		t.Errorf("history of %s:\n%s", ch.Changes[0].Article, hist)
	}
	mustCLI(t, "-c", pgCfg, "diff", ch.Changes[0].Article)
	mustCLI(t, "-c", pgCfg, "feeds")
}

// TestPostgresPasswordNeverPrinted: check, and a read command that cannot
// reach the database, name the store without the DSN's password.
func TestPostgresPasswordNeverPrinted(t *testing.T) {
	const password = "pw-VALUE-7"
	cfg := writePGConfig(t, t.TempDir(), []string{"https://news.example/rss"},
		"postgres://sw:"+password+"@127.0.0.1:1/sw?connect_timeout=2", "")
	out := mustCLI(t, "-c", cfg, "check")
	if !strings.Contains(out, "postgres://sw:xxxxx@127.0.0.1:1/sw") || strings.Contains(out, password) {
		t.Errorf("check output:\n%s", out)
	}
	for _, args := range [][]string{{"articles"}, {"migrate"}, {"poll"}} {
		stdout, stderr, code := cli(t, append([]string{"-c", cfg}, args...)...)
		if code == 0 {
			t.Errorf("%v against a closed port: exit 0", args)
		}
		if strings.Contains(stdout+stderr, password) {
			t.Errorf("%v prints the password:\n%s%s", args, stdout, stderr)
		}
	}
}

// TestServePostgres: `serve` shows a story the pipeline polled into
// PostgreSQL (here copied from a demo kept in bbolt), reading the database
// directly.
func TestServePostgres(t *testing.T) {
	dsn := pgtest.DSN(t)
	boltCfg := freshDemo(t)
	dir := t.TempDir()
	pgCfg := writePGConfig(t, dir, []string{"http://127.0.0.1:1/feed.rss"}, dsn, "")
	mustCLI(t, "-c", pgCfg, "copy", "--from", filepath.Join(filepath.Dir(boltCfg), "storywatch.db"))
	base := startServe(t, pgCfg)
	code, body := httpGet(t, base+"/")
	if code != 200 || !strings.Contains(body, "Date of the summit") || !strings.Contains(body, "early September") {
		t.Fatalf("story page from PostgreSQL: %d\n%s", code, body)
	}
	if code, body := httpGet(t, base+"/feed.atom"); code != 200 || !strings.Contains(body, "early September") {
		t.Fatalf("Atom feed from PostgreSQL: %d", code)
	}
}
