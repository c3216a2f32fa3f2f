package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// mustParse parses text that must be valid.
func mustParse(t *testing.T, text string) *Config {
	t.Helper()
	c, err := Parse([]byte(text), "test.yaml")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return c
}

// onlyProblem parses text that must have exactly one problem and returns it.
func onlyProblem(t *testing.T, text string) Problem {
	t.Helper()
	_, err := Parse([]byte(text), "test.yaml")
	ps := Problems(err)
	if len(ps) != 1 {
		t.Fatalf("got %d problems, want 1: %v", len(ps), err)
	}
	return ps[0]
}

// TestParseDefaults checks that absent keys keep Default() and that
// derived defaults (feed name, email port) are filled in.
func TestParseDefaults(t *testing.T) {
	c := mustParse(t, "feeds:\n  - url: https://www.example.com/rss\nnotify:\n  email:\n    host: smtp\n    tls: tls\n    from: a@example.com\n    to: [b@example.com]\n")
	d := Default()
	if c.Store != d.Store || c.Schedule != d.Schedule || c.Fetch != d.Fetch || c.Log != d.Log || c.Notify.Retry != d.Notify.Retry {
		t.Errorf("defaults not kept:\n%v", c)
	}
	if !slices.Equal(c.Notify.Kinds, DefaultKinds()) {
		t.Errorf("kinds = %v, want the default eight", c.Notify.Kinds)
	}
	if got := c.Feeds[0].Name; got != "" {
		t.Errorf("feed name = %q, want empty (the pipeline names it after the feed's title)", got)
	}
	if got := c.Notify.Email.Port; got != 465 {
		t.Errorf("email port = %d, want 465 for tls", got)
	}
	if c.FeedSchedule(0) != d.Schedule {
		t.Errorf("FeedSchedule(0) = %q, want inherited %q", c.FeedSchedule(0), d.Schedule)
	}
	if c.Fetch.Timeout.Std() != 20*time.Second || c.Fetch.MaxBodyBytes != 5<<20 || !c.Fetch.ArticlePages || !c.Fetch.Robots {
		t.Errorf("fetch defaults wrong: %+v", c.Fetch)
	}
}

// TestParseEmailPortDefaults checks the port chosen for each TLS mode.
func TestParseEmailPortDefaults(t *testing.T) {
	for tls, want := range map[string]int{"": 587, "starttls": 587, "tls": 465, "none": 25, "TLS": 465} {
		t.Run(tls, func(t *testing.T) {
			c := mustParse(t, feed+"notify:\n  email:\n    host: smtp\n    tls: \""+tls+"\"\n    from: a@example.com\n    to: [b@example.com]\n")
			if c.Notify.Email.Port != want {
				t.Errorf("port = %d, want %d", c.Notify.Email.Port, want)
			}
		})
	}
}

// TestParseOverrides checks that set keys win and that a feed's own
// schedule and name are kept.
func TestParseOverrides(t *testing.T) {
	c := mustParse(t, `
schedule: "@hourly"
feeds:
  - url: https://example.com/a
    name: A
    schedule: "CRON_TZ=Europe/Berlin 5 * * * *"
  - url: https://example.com/b
fetch:
  timeout: 1m
  jitter: 0s
  article_pages: false
notify:
  kinds: [text]
store:
  retention: {keep_last: 3, keep_for: 3d}
`)
	if c.FeedSchedule(0) != "CRON_TZ=Europe/Berlin 5 * * * *" || c.FeedSchedule(1) != "@hourly" {
		t.Errorf("schedules = %q, %q", c.FeedSchedule(0), c.FeedSchedule(1))
	}
	if c.Feeds[0].Name != "A" {
		t.Errorf("name = %q", c.Feeds[0].Name)
	}
	if c.Fetch.Timeout.Std() != time.Minute || c.Fetch.Jitter != 0 || c.Fetch.ArticlePages {
		t.Errorf("fetch = %+v", c.Fetch)
	}
	if !slices.Equal(c.Notify.Kinds, []string{"text"}) {
		t.Errorf("kinds = %v", c.Notify.Kinds)
	}
	if c.Store.Retention.KeepLast != 3 || c.Store.Retention.KeepFor.Std() != 72*time.Hour {
		t.Errorf("retention = %+v", c.Store.Retention)
	}
}

// TestParseUnknownKey checks that strict decoding names the key, its path,
// line and column, and suggests the intended key.
func TestParseUnknownKey(t *testing.T) {
	tests := []struct {
		name, text, path, msg string
		line, col             int
	}{
		{"top level", feed + "schedul: \"@hourly\"\n", "schedul", `unknown key "schedul" (did you mean "schedule"?)`, 3, 1},
		{"in feed", feed + "    nmae: X\n", "feeds[0].nmae", `unknown key "nmae" (did you mean "name"?)`, 3, 5},
		{"nested", feed + "notify:\n  retry:\n    deadafter: 1h\n", "notify.retry.deadafter", `"dead_after"`, 5, 5},
		{"no suggestion", feed + "fetch:\n  proxy: http://p\n", "fetch.proxy", `unknown key "proxy"`, 4, 3},
		{"in flow mapping", feed + "store: {path: x.db, size: 3}\n", "store.size", `unknown key "size"`, 3, 21},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := onlyProblem(t, tt.text)
			if p.Path != tt.path || p.Line != tt.line || p.Column != tt.col {
				t.Errorf("got %s at %d:%d, want %s at %d:%d", p.Path, p.Line, p.Column, tt.path, tt.line, tt.col)
			}
			if !strings.Contains(p.Msg, tt.msg) {
				t.Errorf("msg %q lacks %q", p.Msg, tt.msg)
			}
			if !errors.Is(p, ErrUnknownKey) {
				t.Errorf("not ErrUnknownKey")
			}
		})
	}
	if strings.Contains(onlyProblem(t, feed+"fetch:\n  proxy: 1\n").Msg, "did you mean") {
		t.Errorf("suggested a key for a word that is not a typo")
	}
}

// TestParseTypeErrors checks that wrong types are reported with path and
// line, and that decoding goes on to report the rest.
func TestParseTypeErrors(t *testing.T) {
	text := feed + "fetch:\n  workers: many\n  robots: maybe\n  timeout: 20\n"
	_, err := Parse([]byte(text), "test.yaml")
	ps := Problems(err)
	want := []struct {
		path string
		line int
		msg  string
	}{
		{"fetch.workers", 4, `want a whole number, got text "many"`},
		{"fetch.robots", 5, "want true or false"},
		{"fetch.timeout", 6, `invalid duration "20"`},
	}
	if len(ps) != len(want) {
		t.Fatalf("got %d problems, want %d: %v", len(ps), len(want), err)
	}
	for i, w := range want {
		if ps[i].Path != w.path || ps[i].Line != w.line || !strings.Contains(ps[i].Msg, w.msg) {
			t.Errorf("problem %d = %v, want %s at line %d with %q", i, ps[i], w.path, w.line, w.msg)
		}
		if !errors.Is(ps[i], ErrType) {
			t.Errorf("problem %d does not wrap ErrType", i)
		}
	}
}

// TestParseSyntax checks YAML syntax errors, several documents, and
// documents of the wrong shape.
func TestParseSyntax(t *testing.T) {
	tests := []struct {
		name, text string
		line       int
		sentinel   error
		msg        string
	}{
		{"bad indentation", "feeds:\n  - url: a\n   name: b\n", 3, ErrSyntax, "invalid YAML"},
		{"unclosed quote", "schedule: \"*/10\n", 2, ErrSyntax, "invalid YAML"},
		{"tab indentation", "store:\n\tpath: x\n", 2, ErrSyntax, "invalid YAML"},
		{"two documents", feed + "---\n" + feed, 3, ErrSyntax, "second YAML document"},
		{"scalar document", "hello\n", 1, ErrType, "want a mapping"},
		{"unquoted descriptor", feed + "schedule: @every 5m\n", 3, ErrSyntax, `put values starting with "@" in quotes, e.g. "@every 5m"`},
		{"unquoted cron spec", "schedule: */10 * * * *\n" + feed, 1, ErrSyntax, `e.g. "*/10 * * * *"`},
		{"unquoted feed schedule", feed + "    schedule: @hourly\n", 3, ErrSyntax, `"@hourly"`},
		{"duplicate key", "store:\n  path: a\n  path: b\n" + feed, 3, ErrType, `mapping key "path" already defined at line 2`},
		{"complex key", feed + "? [a]\n: b\n", 3, ErrUnknownKey, "a key must be a plain name, got a list"},
		{"list document", "- a\n", 1, ErrType, "want a mapping"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := onlyProblem(t, tt.text)
			if p.Line != tt.line || !errors.Is(p, tt.sentinel) || !strings.Contains(p.Msg, tt.msg) {
				t.Errorf("got %v (line %d), want line %d, %v, %q", p, p.Line, tt.line, tt.sentinel, tt.msg)
			}
		})
	}
}

// TestParseEmpty checks that an empty file only lacks feeds.
func TestParseEmpty(t *testing.T) {
	for _, text := range []string{"", "# only a comment\n", "---\n", "~\n"} {
		p := onlyProblem(t, text)
		if p.Path != "feeds" {
			t.Errorf("%q: got %v, want the missing feeds", text, p)
		}
	}
}

// TestParseExpand checks ${VAR} and ${VAR:-default} expansion in values.
func TestParseExpand(t *testing.T) {
	t.Setenv("SW_TEST_HOST", "smtp.example.net")
	t.Setenv("SW_TEST_PORT", "2525")
	t.Setenv("SW_TEST_EMPTY", "")
	t.Setenv("SW_TEST_TRICKY", "p#ss: word\n*x")
	c := mustParse(t, `# ${SW_TEST_NOT_SET_IN_COMMENT} is ignored in comments
feeds:
  - url: https://${SW_TEST_HOST}/rss   # host from the environment
    name: "${SW_TEST_UNSET:-Fallback} $90 $$HOME $${LITERAL}"
story:
  any: ["summit$", "^\\$\\d+", "a{2}$"]
notify:
  email:
    host: ${SW_TEST_HOST}
    port: ${SW_TEST_PORT}
    username: "${SW_TEST_EMPTY}"
    password: ${SW_TEST_TRICKY}
    from: a@example.com
    to: ["${SW_TEST_EMPTY:-desk}@example.com"]
`)
	if c.Feeds[0].URL != "https://smtp.example.net/rss" {
		t.Errorf("url = %q", c.Feeds[0].URL)
	}
	if c.Feeds[0].Name != "Fallback $90 $$HOME ${LITERAL}" {
		t.Errorf("name = %q", c.Feeds[0].Name)
	}
	if !slices.Equal(c.Story.Any, []string{"summit$", `^\$\d+`, "a{2}$"}) {
		t.Errorf("regexes changed: %q", c.Story.Any)
	}
	e := c.Notify.Email
	if e.Host != "smtp.example.net" || e.Port != 2525 || e.Username != "" || e.To[0] != "desk@example.com" {
		t.Errorf("email = %+v", e)
	}
	if e.Password.Reveal() != "p#ss: word\n*x" {
		t.Errorf("a value with YAML syntax in it was not taken literally: %q", e.Password.Reveal())
	}
}

// TestParseExpandProblems checks unset and malformed references.
func TestParseExpandProblems(t *testing.T) {
	tests := []struct {
		name, text, path string
		line, col        int
		sentinel         error
		msg              string
	}{
		{"unset", feed + "notify:\n  webhooks:\n    - url: https://h.example/x\n      secret: ${SW_TEST_SURELY_UNSET}\n", "notify.webhooks[0].secret", 6, 15, ErrMissingVariable, "SW_TEST_SURELY_UNSET is not set"},
		{"unset in list", feed + "story:\n  any: [a, \"x${SW_TEST_SURELY_UNSET}\"]\n", "story.any[1]", 4, 12, ErrMissingVariable, "SW_TEST_SURELY_UNSET"},
		{"bad name", feed + "store:\n  path: ${1DB}\n", "store.path", 4, 9, ErrBadReference, `"${1DB}"`},
		{"unclosed", feed + "store:\n  path: \"${DB\"\n", "store.path", 4, 9, ErrBadReference, "unclosed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := onlyProblem(t, tt.text)
			if p.Path != tt.path || p.Line != tt.line || p.Column != tt.col || !errors.Is(p, tt.sentinel) || !strings.Contains(p.Msg, tt.msg) {
				t.Errorf("got %v at %s %d:%d, want %s %d:%d %v %q", p, p.Path, p.Line, p.Column, tt.path, tt.line, tt.col, tt.sentinel, tt.msg)
			}
		})
	}
}

// TestExpand is a table for the expansion function itself.
func TestExpand(t *testing.T) {
	env := map[string]string{"A": "alpha", "EMPTY": ""}
	lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	tests := []struct {
		in, want string
		problems int
	}{
		{"plain", "plain", 0},
		{"${A}", "alpha", 0},
		{"x${A}y${A}", "xalphaalphay"[:1] + "alphay" + "alpha", 0},
		{"${EMPTY}", "", 0},
		{"${EMPTY:-d}", "d", 0},
		{"${UNSET:-}", "", 0},
		{"${UNSET:-a b:c}", "a b:c", 0},
		{"${A:-d}", "alpha", 0},
		{"${UNSET}", "${UNSET}", 1},
		{"$A $ {A} $$ $", "$A $ {A} $$ $", 0},
		{"$${A}", "${A}", 0},
		{"end$", "end$", 0},
		{"${}", "${}", 1},
		{"${A", "${A", 1},
		{"${A B}", "${A B}", 1},
		{"${U1}${U2}", "${U1}${U2}", 2},
		// Nested defaults, expanded only when used.
		{"${UNSET:-${A:-x}}", "alpha", 0},
		{"${UNSET:-${EMPTY:-x}}", "x", 0},
		{"${A:-${UNSET}}", "alpha", 0},
		{"${UNSET:-${U2}}", "${U2}", 1},
		{"${UNSET:-${U2:-${U3:-deep}}}y", "deepy", 0},
		{"${UNSET:-a}b}", "ab}", 0},
		{"${UNSET:-$${A}}", "${A}", 0},
		{"${UNSET:-${A}", "${UNSET:-${A}", 1},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, issues := expand(tt.in, lookup)
			if got != tt.want || len(issues) != tt.problems {
				t.Errorf("expand(%q) = %q with %d problems, want %q with %d", tt.in, got, len(issues), tt.want, tt.problems)
			}
		})
	}
}

// TestLoadSecretFiles checks that *_file secrets are read relative to the
// config file, trimmed, and that unreadable or empty files are problems.
func TestLoadSecretFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("hook.secret", "hook-s3cret\n")
	write("smtp.pass", "smtp p4ss\r\n")
	write("empty.secret", "\n")
	abs := filepath.Join(dir, "hook.secret")
	write("config.yaml", feed+`notify:
  webhooks:
    - url: https://h.example/a
      secret_file: hook.secret
    - url: https://h.example/b
      secret_file: `+abs+`
  email:
    host: smtp
    password_file: smtp.pass
    from: a@example.com
    to: [b@example.com]
`)
	c, err := Load(filepath.Join(dir, "config.yaml"))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if got := c.Notify.Webhooks[0].Secret.Reveal(); got != "hook-s3cret" {
		t.Errorf("relative secret_file = %q", got)
	}
	if got := c.Notify.Webhooks[1].Secret.Reveal(); got != "hook-s3cret" {
		t.Errorf("absolute secret_file = %q", got)
	}
	if got := c.Notify.Email.Password.Reveal(); got != "smtp p4ss" {
		t.Errorf("password_file = %q", got)
	}
	if err := c.Validate(); err != nil {
		t.Errorf("a loaded config must stay valid on a second Validate: %v", err)
	}

	write("bad.yaml", feed+`notify:
  webhooks:
    - url: https://h.example/a
      secret_file: missing.secret
    - url: https://h.example/b
      secret_file: empty.secret
`)
	ps := Check(filepath.Join(dir, "bad.yaml"))
	if len(ps) != 2 {
		t.Fatalf("got %d problems, want 2: %v", len(ps), ps)
	}
	if ps[0].Path != "notify.webhooks[0].secret_file" || ps[0].Line != 6 || !errors.Is(ps[0], fs.ErrNotExist) || !errors.Is(ps[0], ErrSecretFile) {
		t.Errorf("missing file: %v", ps[0])
	}
	if ps[1].Path != "notify.webhooks[1].secret_file" || ps[1].Line != 8 || !strings.Contains(ps[1].Msg, "empty") {
		t.Errorf("empty file: %v", ps[1])
	}
}

// TestLoadMissingFile checks that a missing config file names its path.
func TestLoadMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope.yaml")
	_, err := Load(path)
	if err == nil {
		t.Fatal("Load of a missing file succeeded")
	}
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("error does not wrap fs.ErrNotExist: %v", err)
	}
	if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("error %q does not name the path clearly", err)
	}
	if ps := Check(path); len(ps) != 1 || ps[0].File != path {
		t.Errorf("Check = %v", ps)
	}
	if _, err := Load(t.TempDir()); err == nil || !strings.Contains(err.Error(), "read config file") {
		t.Errorf("Load(directory) = %v", err)
	}
}

// TestCheckGood checks that a valid file has no problems.
func TestCheckGood(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(path, []byte(feed), 0o600); err != nil {
		t.Fatal(err)
	}
	if ps := Check(path); ps != nil {
		t.Errorf("Check = %v, want nil", ps)
	}
}

// TestParseConsequencesSuppressed checks that a value already reported as
// an unset variable or a type error is not reported again by validation.
func TestParseConsequencesSuppressed(t *testing.T) {
	p := onlyProblem(t, "feeds:\n  - url: ${SW_TEST_SURELY_UNSET}\n")
	if !errors.Is(p, ErrMissingVariable) {
		t.Errorf("got %v, want only the unset variable", p)
	}
	_, err := Parse([]byte("? [a]\n: b\n"), "test.yaml")
	if ps := Problems(err); len(ps) != 2 || !slices.ContainsFunc(ps, func(p Problem) bool { return p.Path == "feeds" }) {
		t.Errorf("a bad key must not hide other problems: %v", err)
	}
	p = onlyProblem(t, feed+"notify:\n  email: yes\n")
	if !errors.Is(p, ErrType) || p.Path != "notify.email" {
		t.Errorf("got %v, want only the type error on notify.email", p)
	}
}

// TestParseAliases checks that anchors, aliases and merge keys decode and
// that unknown keys inside a merged mapping are still found.
func TestParseAliases(t *testing.T) {
	c := mustParse(t, `x-common: &common
  schedule: "@every 5m"
feeds:
  - <<: *common
    url: https://example.com/a
  - <<: *common
    url: https://example.com/b
`)
	if len(c.Feeds) != 2 || c.FeedSchedule(0) != "@every 5m" || c.FeedSchedule(1) != "@every 5m" {
		t.Errorf("merged feeds = %+v", c.Feeds)
	}
	p := onlyProblem(t, `x-common: &common
  shedule: "@every 5m"
feeds:
  - <<: *common
    url: https://example.com/a
`)
	if p.Path != "feeds[0].shedule" || p.Line != 2 || !errors.Is(p, ErrUnknownKey) {
		t.Errorf("unknown key in merged mapping: %v (%s line %d)", p, p.Path, p.Line)
	}
	p = onlyProblem(t, feed+"x-notes: {anything: [goes]}\nfetch:\n  x-local: 1\n")
	if p.Path != "fetch.x-local" {
		t.Errorf("x- keys are only free at the top level; got %v", p)
	}
}

// TestParseAliasBomb checks that exponential alias and merge chains are
// refused rather than expanded: the walk visits each node once, yaml.v3
// limits aliasing when decoding, and a list of lists is one type error per
// element, not per expanded leaf.
func TestParseAliasBomb(t *testing.T) {
	var merge, seq strings.Builder
	merge.WriteString("x-0: &a0 {url: https://e.com/x}\n")
	seq.WriteString("x-0: &a0 [x]\n")
	for i := 1; i < 40; i++ {
		fmt.Fprintf(&merge, "x-%d: &a%d {<<: [*a%d, *a%d, *a%d]}\n", i, i, i-1, i-1, i-1)
		fmt.Fprintf(&seq, "x-%d: &a%d [*a%[3]d, *a%[3]d, *a%[3]d, *a%[3]d]\n", i, i, i-1)
	}
	merge.WriteString("feeds:\n  - <<: *a39\n")
	seq.WriteString(feed + "story:\n  any: *a39\n")
	for name, text := range map[string]string{"merge": merge.String(), "sequence": seq.String()} {
		t.Run(name, func(t *testing.T) {
			_, err := Parse([]byte(text), "bomb.yaml")
			if n := len(Problems(err)); n == 0 || n > 10 {
				t.Errorf("got %d problems, want a few: %v", n, err)
			}
		})
	}
}

// TestParseCollectionOfTheWrongKind gives a block mapping where a list
// belongs (and the reverse): yaml reports it on the line of its first
// entry, where no key of the config stands, so the problem named no key
// ("test.yaml:2: want a list"). It is named at its key.
func TestParseCollectionOfTheWrongKind(t *testing.T) {
	tests := []struct {
		name, text string
		path       string
		line, col  int
		msg        string
	}{
		{"feeds as a mapping", "feeds:\n  url: https://example.com/rss.xml\n", "feeds", 1, 1, "want a list, got a mapping"},
		{"story.any as a mapping", feed + "story:\n  any:\n    a: b\n", "story.any", 4, 3, "want a list, got a mapping"},
		{"webhooks as a mapping", feed + "notify:\n  webhooks:\n    url: https://h.example/x\n", "notify.webhooks", 4, 3, "want a list, got a mapping"},
		{"fetch as a list", feed + "fetch:\n  - 1\n", "fetch", 3, 1, "want a mapping, got a list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.text), "test.yaml")
			var found bool
			for _, p := range Problems(err) {
				if strings.Contains(p.Msg, tt.msg) {
					found = true
					if p.Path != tt.path || p.Line != tt.line || p.Column != tt.col {
						t.Errorf("got %s at %d:%d, want %s at %d:%d", p.Path, p.Line, p.Column, tt.path, tt.line, tt.col)
					}
				}
			}
			if !found {
				t.Errorf("no problem says %q: %v", tt.msg, err)
			}
		})
	}
}

// TestDuplicateKeyPlace: a key given twice is reported where it is given
// the second time, to the column, naming where it was first given; on a
// flow mapping ("{a: 1, a: 2}") the line alone holds both. The mapping yaml
// then leaves out is no further problem ("at least one feed is required").
func TestDuplicateKeyPlace(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       string // the problem as check prints it
	}{
		{"block mapping", "store:\n  path: a\n  path: b\n" + feed,
			`test.yaml:3:3: store.path: mapping key "path" already defined at line 2, column 3`},
		{"flow mapping", "store: {path: ./a.db, path: ./b.db}\n" + feed,
			`test.yaml:1:23: store.path: mapping key "path" already defined at line 1, column 9`},
		{"flow mapping in a list", "feeds:\n  - {url: \"https://example.com/rss\", name: a, name: b}\n",
			`test.yaml:2:47: feeds[0].name: mapping key "name" already defined at line 2, column 38`},
		{"three times on a line", "store: {path: a, path: b, path: c}\n" + feed,
			`test.yaml:1:18: store.path: mapping key "path" already defined at line 1, column 9`},
		{"three times in a block", "store:\n  path: a\n  path: b\n  path: c\n" + feed,
			`test.yaml:3:3: store.path: mapping key "path" already defined at line 2, column 3`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.text), "test.yaml")
			ps := Problems(err)
			if len(ps) == 0 || ps[0].Error() != tc.want {
				t.Fatalf("problems %v,\nwant first %s", ps, tc.want)
			}
			if !errors.Is(ps[0], ErrType) || !errors.Is(ps[0], ErrDuplicateKey) {
				t.Errorf("%v is not ErrType and ErrDuplicateKey", ps[0])
			}
			// One problem per repetition, none other.
			if want := strings.Count(tc.text, "path:") + strings.Count(tc.text, "name:") - 1; len(ps) != want {
				t.Errorf("%d problems, want %d: %v", len(ps), want, ps)
			}
			for _, p := range ps[1:] {
				if !errors.Is(p, ErrDuplicateKey) {
					t.Errorf("a further problem that is not a repeated key: %v", p)
				}
			}
		})
	}
}

// TestNullListEntries: an empty entry in a list (a bare "-", "~", "null",
// an alias of a null) is a problem naming the list and the entry's index
// in the file, where yaml's decoder left it out without a word and `check`
// passed a config whose feed or webhook had vanished. The problems after
// it keep the file's indexes.
func TestNullListEntries(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // path: message part, in order
	}{
		{"bare dash feed", "feeds:\n  -\n  - url: https://example.com/rss\n",
			[]string{"feeds[0]: empty entry (null) in the list feeds"}},
		{"null feed, later feed invalid", "feeds:\n  - null\n  - url: ftp://example.com/rss\n",
			[]string{"feeds[0]: empty entry (null) in the list feeds", "feeds[1].url: "}},
		{"tilde webhook", feed + "notify:\n  webhooks:\n    - url: https://h.example/x\n    - ~\n",
			[]string{"notify.webhooks[1]: empty entry (null) in the list notify.webhooks"}},
		{"story pattern", feed + "story:\n  any: [\"(?i)summit\", null]\n",
			[]string{"story.any[1]: empty entry (null) in the list story.any"}},
		{"alias of a null", "x-none: &none ~\n" + feed + "notify:\n  kinds: [date, *none]\n",
			[]string{"notify.kinds[1]: empty entry (null) in the list notify.kinds"}},
		{"email recipient", feed + "notify:\n  email:\n    host: smtp.example.com\n    from: a@example.com\n    to: [~]\n",
			[]string{"notify.email.to[0]: empty entry (null) in the list notify.email.to"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse([]byte(tt.text), "test.yaml")
			if c != nil || err == nil {
				t.Fatalf("parsed a config with an empty list entry: %+v", c)
			}
			ps := Problems(err)
			if len(ps) != len(tt.want) {
				t.Fatalf("got %d problems, want %d: %v", len(ps), len(tt.want), err)
			}
			for i, w := range tt.want {
				if got := ps[i].Path + ": " + ps[i].Msg; !strings.HasPrefix(got, w) || ps[i].Line == 0 {
					t.Errorf("problem %d = %v, want it to start %q, with a line", i, ps[i], w)
				}
			}
			if !errors.Is(ps[0], ErrType) {
				t.Errorf("problem %v does not wrap ErrType", ps[0])
			}
		})
	}
}
