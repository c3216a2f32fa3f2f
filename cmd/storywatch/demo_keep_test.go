package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDemoKeepTwice runs `demo --keep DIR` twice: the second run replaces
// the first store, so DIR holds one story (same articles, same versions,
// one feed list), not the same stories again under the second run's port.
func TestDemoKeepTwice(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	type counts struct {
		articles int
		versions int
		feeds    int
	}
	count := func() counts {
		var arts struct {
			Articles []struct {
				Versions int `json:"versions"`
			} `json:"articles"`
		}
		decodeJSON(t, mustCLI(t, "-c", cfg, "articles", "--json"), &arts)
		var feeds struct {
			Feeds []struct{} `json:"feeds"`
		}
		decodeJSON(t, mustCLI(t, "-c", cfg, "feeds", "--json"), &feeds)
		c := counts{articles: len(arts.Articles), feeds: len(feeds.Feeds)}
		for _, a := range arts.Articles {
			c.versions += a.Versions
		}
		return c
	}
	mustCLI(t, "demo", "--keep", dir, "--color", "never")
	first := count()
	if first.articles == 0 {
		t.Fatal("the first demo kept no articles")
	}
	out := mustCLI(t, "demo", "--keep", dir, "--color", "never")
	if !strings.Contains(out, "replacing the demo store") {
		t.Errorf("second demo does not say it replaces the kept store:\n%s", out)
	}
	if second := count(); second != first {
		t.Errorf("after a second demo --keep: %+v, want the first run's %+v", second, first)
	}

	// A directory holding some other store is refused and left alone.
	other := t.TempDir()
	writeFile(t, filepath.Join(other, "storywatch.db"), "not a demo store")
	writeFile(t, filepath.Join(other, "config.yaml"), "store:\n  path: ./storywatch.db\n")
	_, errOut, code := cli(t, "demo", "--keep", other)
	if code == 0 || !strings.Contains(errOut, "did not write") {
		t.Errorf("demo --keep on another store: exit %d, %q", code, errOut)
	}
	if b, err := os.ReadFile(filepath.Join(other, "storywatch.db")); err != nil || string(b) != "not a demo store" {
		t.Errorf("the other store was touched: %q, %v", b, err)
	}
}

// TestDemoKeepLeavesUserConfigAlone runs demo --keep in a directory that
// holds the user's own config.yaml (the default config path is
// ./config.yaml, so `demo --keep .` in one's working directory is easy to
// type) whose store lives elsewhere: demo refuses, and the config is left
// as it was.
func TestDemoKeepLeavesUserConfigAlone(t *testing.T) {
	dir := t.TempDir()
	own := "store:\n  path: /var/lib/storywatch/storywatch.db\nfeeds:\n  - url: https://example.com/rss.xml\n"
	writeFile(t, filepath.Join(dir, "config.yaml"), own)
	_, errOut, code := cli(t, "demo", "--keep", dir)
	if code == 0 || !strings.Contains(errOut, "config.yaml") || !strings.Contains(errOut, "did not write") {
		t.Errorf("demo --keep on a directory with the user's config: exit %d, %q", code, errOut)
	}
	if got := readFile(t, filepath.Join(dir, "config.yaml")); got != own {
		t.Errorf("the user's config.yaml was replaced:\n%s", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "storywatch.db")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("demo wrote a store next to the user's config: %v", err)
	}
}
