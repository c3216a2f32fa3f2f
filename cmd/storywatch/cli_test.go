package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestCheckReportsEveryProblemWithItsPlace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config.yaml")
	bad := `store:
  path: ./x.db
schedule: "*/61 * * * *"
feeds:
  - url: ftp://example.com/feed
  - url: https://example.com/rss
    colour: blue
`
	if err := os.WriteFile(path, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := cli(t, "-c", path, "check")
	if code == 0 {
		t.Fatalf("check passed a broken config:\n%s", out)
	}
	for _, want := range []string{"colour", path + ":"} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s\n%s", want, out, errOut)
		}
	}
}

func TestBadConfigIsOneLineOnStderr(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing.yaml")
	out, errOut, code := cli(t, "-c", path, "articles", "--json")
	if code == 0 {
		t.Fatal("articles with a missing config succeeded")
	}
	if out != "" {
		t.Errorf("stdout not empty on a fatal error: %q", out)
	}
	if lines := strings.Count(strings.TrimSpace(errOut), "\n"); lines != 0 || !strings.Contains(errOut, "missing.yaml") {
		t.Errorf("want one line naming the file, got %q", errOut)
	}
}

func TestExampleConfigChecks(t *testing.T) {
	t.Setenv("STORYWATCH_WEBHOOK_SECRET", "s3cret-value")
	t.Setenv("SMTP_PASSWORD", "smtp-pass-value")
	out, errOut, code := cli(t, "-c", "../../config.example.yaml", "check")
	if code != 0 {
		t.Fatalf("config.example.yaml does not check: %s %s", out, errOut)
	}
	if strings.Contains(out+errOut, "s3cret-value") || strings.Contains(out+errOut, "smtp-pass-value") {
		t.Error("check printed a secret")
	}
}

func TestCompareAndFactsJSON(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.txt")
	cur := filepath.Join(dir, "new.txt")
	os.WriteFile(old, []byte("Putin agreed to meet Zelensky within the next two weeks.\n\nUkraine offered to buy about $90 billion worth of US weapons.\n"), 0o600)
	os.WriteFile(cur, []byte("Putin agreed to meet Zelensky on August 29.\n\nUkraine offered to buy about $100 billion worth of US weapons.\n"), 0o600)

	var cmp struct {
		Changes []map[string]any `json:"changes"`
		Edits   []map[string]any `json:"edits"`
	}
	decodeJSON(t, mustCLI(t, "compare", old, cur, "--published", "2025-08-19T06:00:00Z", "--json"), &cmp)
	if len(cmp.Edits) == 0 {
		t.Error("compare found no edit between two different texts")
	}
	kinds := map[string]bool{}
	for _, c := range cmp.Changes {
		kinds[c["kind"].(string)] = true
		for _, key := range []string{"before", "after", "before_value", "after_value", "subject", "before_sentence", "after_sentence"} {
			if _, ok := c[key]; !ok {
				t.Errorf("fact change lacks %q: %v", key, c)
			}
		}
	}
	for _, k := range []string{"date", "number"} {
		if !kinds[k] {
			t.Errorf("compare missed the %s change: %v", k, cmp.Changes)
		}
	}

	var fs struct {
		Facts []struct {
			Kind  string `json:"kind"`
			Text  string `json:"text"`
			Start int    `json:"start"`
			End   int    `json:"end"`
		} `json:"facts"`
	}
	decodeJSON(t, mustCLI(t, "facts", old, "--published", "2025-08-19T06:00:00Z", "--json"), &fs)
	raw, _ := os.ReadFile(old)
	if len(fs.Facts) == 0 {
		t.Fatal("facts found nothing")
	}
	for _, f := range fs.Facts {
		if f.Start < 0 || f.End > len(raw) || string(raw[f.Start:f.End]) != f.Text {
			t.Errorf("fact %+v: offsets do not point at its text", f)
		}
	}
}

func TestDemoShowsVersionDiffs(t *testing.T) {
	out := mustCLI(t, "demo", "--color", "never")
	for _, want := range []string{"Poll 1", "Poll 2", "version 1 → 2", "{+", "[-"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
	if t.Failed() {
		t.Log(out)
	}
}

// TestEvalAgreement runs `eval agreement` on two made-up labellers of one
// made-up pair, as a user comparing a second labeller's work would.
func TestEvalAgreement(t *testing.T) {
	corpus, first, second := t.TempDir(), t.TempDir(), t.TempDir()
	art := filepath.Join(corpus, "2026-03-02-vote")
	if err := os.MkdirAll(art, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(art, "v1.txt"), []byte("The council will vote on Monday, the mayor said.\n"), 0o600)
	os.WriteFile(filepath.Join(art, "v2.txt"), []byte("The council will vote on Wednesday, the mayor said.\n"), 0o600)
	label := "article: 2026-03-02-vote\nfrom: 1\nto: 2\nexpected:\n  - {kind: date, before: \"%s\", after: \"Wednesday\"}\n"
	os.WriteFile(filepath.Join(first, "2026-03-02-vote-v1-v2.yaml"), []byte(fmt.Sprintf(label, "Monday")), 0o600)
	os.WriteFile(filepath.Join(second, "2026-03-02-vote-v1-v2.yaml"), []byte(fmt.Sprintf(label, "on Monday")), 0o600)

	out := mustCLI(t, "eval", "agreement", first, second, "--corpus", corpus)
	for _, want := range []string{"the scorer's key rule", "overlapping keys", "against the first labeller", "against the second labeller", "pairs 1 "} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !regexp.MustCompile(`(?m)^date\s+1\s+0\s+0\s+1\.000`).MatchString(out) {
		t.Errorf("the two labels of one date change did not agree:\n%s", out)
	}
	if _, errOut, code := cli(t, "eval", "agreement", first, filepath.Join(corpus, "none"), "--corpus", corpus); code == 0 || !strings.Contains(errOut, "none") {
		t.Errorf("a missing label directory: exit %d, stderr %q; want an error naming it", code, errOut)
	}
}

// TestCheckRejectsEmptyListEntries: a feed written half-way (a bare "-")
// fails `check` and every command that loads the config, naming the list
// and the entry; it was dropped without a word and `check` said "ok".
func TestCheckRejectsEmptyListEntries(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.yaml")
	writeFile(t, path, "store:\n  path: ./x.db\nfeeds:\n  - url: https://example.com/rss\n  -\nnotify:\n  webhooks:\n    - null\n")
	out, _, code := cli(t, "-c", path, "check")
	if code == 0 {
		t.Fatalf("check passed a config with empty list entries:\n%s", out)
	}
	for _, want := range []string{path + ":5:", "feeds[1]: empty entry (null) in the list feeds", "notify.webhooks[0]: empty entry"} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
	if _, errOut, code := cli(t, "-c", path, "poll"); code == 0 || !strings.Contains(errOut, "feeds[1]") {
		t.Errorf("poll: exit %d, stderr %q; want a failure naming feeds[1]", code, errOut)
	}
}

// TestCheckRejectsUnusableStoreAndPorts: `check` fails on a store path the
// daemon could not create (under a file) and on a feed URL port out of
// range, each on its own line with its place; both passed, and `run` then
// failed at start and every poll of the feed failed.
func TestCheckRejectsUnusableStoreAndPorts(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "not-a-dir")
	writeFile(t, file, "x")
	path := filepath.Join(dir, "config.yaml")
	writeFile(t, path, fmt.Sprintf("store:\n  path: %s\nfeeds:\n  - url: https://example.com:99999/rss\n", filepath.Join(file, "x.db")))
	out, _, code := cli(t, "-c", path, "check")
	if code == 0 {
		t.Fatalf("check passed:\n%s", out)
	}
	for _, want := range []string{
		path + ":2:9: store.path: store " + filepath.Join(file, "x.db") + " is not usable by this user",
		file + " is not a directory",
		path + ":4:10: feeds[0].url: port 99999 is out of range (1-65535)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
}

// TestCompareListGrowsBesideALongerWord: places added around one that
// stays ("in New York" -> "in Boston, New York and Chicago") are one list
// change, also when the text elsewhere has "the New Yorker" after a list
// join: "New York" inside that word made the list look there already, and
// the change came out as two places of their own.
func TestCompareListGrowsBesideALongerWord(t *testing.T) {
	dir := t.TempDir()
	old, cur := filepath.Join(dir, "old.txt"), filepath.Join(dir, "new.txt")
	const tail = "\n\nPassengers, the New Yorker reported, waited for hours.\n"
	writeFile(t, old, "Flights were cancelled in New York on Monday, officials said."+tail)
	writeFile(t, cur, "Flights were cancelled in Boston, New York and Chicago on Monday, officials said."+tail)
	var cmp struct {
		Changes []struct{ Kind, Before, After string } `json:"changes"`
	}
	decodeJSON(t, mustCLI(t, "compare", old, cur, "--json"), &cmp)
	if len(cmp.Changes) != 1 || cmp.Changes[0].Kind != "location" || cmp.Changes[0].After != "Boston, New York and Chicago" {
		t.Errorf("changes %+v, want one location change: the list \"Boston, New York and Chicago\"", cmp.Changes)
	}
}
