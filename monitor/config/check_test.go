package config

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// TestCheckGolden checks that Check reports every problem of a broken file,
// each with its line, in file order.
func TestCheckGolden(t *testing.T) {
	ps := Check(filepath.Join("testdata", "broken.yaml"))
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.Error() + "\n")
	}
	got := b.String()
	golden := filepath.Join("testdata", "broken.yaml.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("read golden (run with -update to create): %v", err)
	}
	if got != string(want) {
		t.Errorf("Check output differs from %s (run go test -update to accept)\ngot:\n%s\nwant:\n%s", golden, got, want)
	}
	for _, p := range ps {
		if p.Line == 0 {
			t.Errorf("problem without a line: %v", p)
		}
	}
}

// TestCheckStorePath: Check says when the bbolt store can be neither
// opened for writing nor created where store.path puts it (`check` said ok
// and the daemon then failed at start); a new file in directories still to
// be made, an existing store and a PostgreSQL store are fine, and the probe
// leaves nothing behind.
func TestCheckStorePath(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "plain")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	existing := filepath.Join(dir, "storywatch.db")
	if err := os.WriteFile(existing, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, store string
		want        string // "" : no problem
	}{
		{"new file in a new directory", "path: " + filepath.Join(dir, "a", "b", "x.db"), ""},
		{"existing store file", "path: " + existing, ""},
		{"a directory", "path: " + dir, "is a directory; name the store file in it"},
		{"under a file", "path: " + filepath.Join(file, "x.db"), file + " is not a directory"},
		{"under /proc", "path: /proc/storywatch/x.db", "cannot create the store in /proc"},
		{"postgres", "driver: postgres\n  dsn: postgres://u@h:5432/db", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if strings.Contains(tt.store, "/proc/") {
				if fi, err := os.Stat("/proc/self"); err != nil || !fi.IsDir() {
					t.Skip("no /proc here")
				}
			}
			path := filepath.Join(t.TempDir(), "config.yaml")
			if err := os.WriteFile(path, []byte("store:\n  "+tt.store+"\n"+feed), 0o600); err != nil {
				t.Fatal(err)
			}
			ps := Check(path)
			switch {
			case tt.want == "" && len(ps) > 0:
				t.Errorf("problems %v, want none", ps)
			case tt.want != "" && (len(ps) != 1 || ps[0].Path != "store.path" || ps[0].Line != 2 || !strings.Contains(ps[0].Msg, tt.want)):
				t.Errorf("problems %v, want one at store.path, line 2, saying %q", ps, tt.want)
			}
		})
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 {
		t.Errorf("the probe left %d entries in %s, want the 2 the test made", len(entries), dir)
	}
}

// TestURLPortRange: a feed or webhook URL whose port is out of range is a
// problem at once; url.Parse took it and every fetch failed.
func TestURLPortRange(t *testing.T) {
	for _, tt := range []struct{ text, path, port string }{
		{"feeds:\n  - url: https://example.com:99999/rss\n", "feeds[0].url", "99999"},
		{"feeds:\n  - url: http://example.com:0/rss\n", "feeds[0].url", "0"},
		{feed + "notify:\n  webhooks:\n    - url: https://hooks.example.com:65536/x?token=s3cret\n", "notify.webhooks[0].url", "65536"},
		{feed + "http:\n  base_url: https://news.example.org:123456/sw\n", "http.base_url", "123456"},
	} {
		p := onlyProblem(t, tt.text)
		if p.Path != tt.path || !strings.Contains(p.Msg, "port "+tt.port+" is out of range (1-65535)") || strings.Contains(p.Msg, "s3cret") {
			t.Errorf("problem %v, want %s: port %s out of range, naming no secret", p, tt.path, tt.port)
		}
	}
	mustParse(t, "feeds:\n  - url: https://example.com:65535/rss\n  - url: http://example.com:1/rss\n")
}

// TestCheckStoreOfAnotherUser: a store another user owns, which this user
// may read but not write, is no problem for `check`: the daemon runs as
// its own user (storywatch, in the systemd unit) and operators of its
// group run `check -c /etc/storywatch/config.yaml` (the store is 0640 and
// its directory 0750); only that user's view says whether it can write.
// Root may write anywhere, so the cases need another user to run them
// (`go test -c`, then run the binary as nobody); /etc/passwd and /etc
// stand for the daemon's store and directory, owned by root and not
// written to.
func TestCheckStoreOfAnotherUser(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write any file: run as another user")
	}
	for _, tt := range []struct{ name, path, owned string }{
		{"an existing store", "/etc/passwd", "/etc/passwd"},
		{"a store to be made", "/etc/storywatch-check-test/storywatch.db", "/etc"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fi, err := os.Stat(tt.owned)
			if err != nil || !ownedByOther(fi) {
				t.Skipf("%s is not another user's here", tt.owned)
			}
			path := filepath.Join(t.TempDir(), "config.yaml")
			if err := os.WriteFile(path, []byte("store:\n  path: "+tt.path+"\n"+feed), 0o600); err != nil {
				t.Fatal(err)
			}
			if ps := Check(path); len(ps) > 0 {
				t.Errorf("problems %v, want none: the store's owner may write it", ps)
			}
		})
	}
}
