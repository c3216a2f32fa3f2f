package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// feed is a valid feeds section for cases that test something else.
const feed = "feeds:\n  - url: https://example.com/rss\n"

// TestParseValidation has one case per validation rule. Each YAML text
// breaks exactly one rule; the test asserts the problem's path and line and
// that nothing else is reported.
func TestParseValidation(t *testing.T) {
	tests := []struct {
		name     string
		yaml     string
		wantPath string
		wantLine int
		wantMsg  string // substring of the message
	}{
		{"store path empty", "store:\n  path: \"\"\n" + feed, "store.path", 2, "must not be empty"},
		{"store unknown driver", "store:\n  driver: sqlite\n" + feed, "store.driver", 2, `unknown driver "sqlite"`},
		{"store postgres without dsn", "store:\n  driver: postgres\n" + feed, "store.dsn", 1, "required with driver postgres"},
		{"store lease negative", "store:\n  lease: -1s\n" + feed, "store.lease", 2, "must not be negative"},
		{"store dsn under bolt", "store:\n  dsn: postgres://db/sw\n" + feed, "store.dsn", 2, "is for driver postgres"},
		{"retention keep_last negative", "store:\n  retention:\n    keep_last: -3\n" + feed, "store.retention.keep_last", 3, "negative"},
		{"retention keep_for negative", "store:\n  retention:\n    keep_for: -1h\n" + feed, "store.retention.keep_for", 3, "negative"},
		{"no feeds key", "schedule: \"@hourly\"\n", "feeds", 1, "at least one feed"},
		{"empty feeds list", "feeds: []\n", "feeds", 1, "at least one feed"},
		{"feed url relative", "feeds:\n  - url: /world/rss\n", "feeds[0].url", 2, "absolute http or https"},
		{"feed url ftp", "feeds:\n  - url: ftp://example.com/rss\n", "feeds[0].url", 2, "absolute http or https"},
		{"feed url missing", "feeds:\n  - name: No URL\n", "feeds[0].url", 2, "must not be empty"},
		{"feed url unparsable", "feeds:\n  - url: \"http://[::1\"\n", "feeds[0].url", 2, "invalid URL"},
		{"duplicate feed", feed + "  - url: HTTPS://EXAMPLE.COM/rss/\n", "feeds[1].url", 3, "already feeds[0]"},
		{"bad default schedule", "schedule: \"*/61 * * * *\"\n" + feed, "schedule", 1, `invalid cron spec "*/61 * * * *"`},
		{"empty default schedule", "schedule: \"\"\n" + feed, "schedule", 1, "empty schedule"},
		{"bad feed schedule", feed + "    schedule: \"61 * * * *\"\n", "feeds[0].schedule", 3, "invalid cron spec"},
		{"every too short", feed + "    schedule: \"@every 5s\"\n", "feeds[0].schedule", 3, "shorter than 10s"},
		{"every zero", feed + "    schedule: \"@every 0s\"\n", "feeds[0].schedule", 3, "shorter than"},
		{"never fires", feed + "    schedule: \"0 0 30 2 *\"\n", "feeds[0].schedule", 3, "never fires"},
		{"bad tz", feed + "    schedule: \"CRON_TZ=Mars/Olympus 0 * * * *\"\n", "feeds[0].schedule", 3, "unknown time zone"},
		{"bad any regex", feed + "story:\n  any: [\"ok\", \"(summit\"]\n", "story.any[1]", 4, `invalid regex "(summit"`},
		{"bad all regex", feed + "story:\n  all:\n    - \"[a-\"\n", "story.all[0]", 5, "invalid regex"},
		{"bad none regex", feed + "story:\n  none:\n    - \"x\"\n    - \"a**\"\n", "story.none[1]", 6, "invalid regex"},
		{"empty regex", feed + "story:\n  none: [\"\"]\n", "story.none[0]", 4, "empty regex"},
		{"timeout zero", feed + "fetch:\n  timeout: 0s\n", "fetch.timeout", 4, "more than 0"},
		{"timeout too long", feed + "fetch:\n  timeout: 11m\n", "fetch.timeout", 4, "at most 10m"},
		{"body too small", feed + "fetch:\n  max_body_bytes: 1023\n", "fetch.max_body_bytes", 4, "between 1024"},
		{"body too big", feed + "fetch:\n  max_body_bytes: 1073741825\n", "fetch.max_body_bytes", 4, "1 GiB"},
		{"workers zero", feed + "fetch:\n  workers: 0\n", "fetch.workers", 4, "between 1 and 64"},
		{"workers too many", feed + "fetch:\n  workers: 65\n", "fetch.workers", 4, "between 1 and 64"},
		{"per host concurrency zero", feed + "fetch:\n  per_host_concurrency: 0\n", "fetch.per_host_concurrency", 4, "between 1"},
		{"per host interval negative", feed + "fetch:\n  per_host_interval: -1s\n", "fetch.per_host_interval", 4, "between 0"},
		{"jitter too long", feed + "fetch:\n  jitter: 2h\n", "fetch.jitter", 4, "between 0 and 1h"},
		{"user agent newline", feed + "fetch:\n  user_agent: \"a\\nX-Evil: 1\"\n", "fetch.user_agent", 4, "control characters"},
		{"unknown kind", feed + "notify:\n  kinds: [date, gossip]\n", "notify.kinds[1]", 4, `unknown kind "gossip"`},
		{"webhook url", feed + "notify:\n  webhooks:\n    - url: hooks.example.com/x\n", "notify.webhooks[0].url", 5, "absolute http or https"},
		{"webhook unknown format", feed + "notify:\n  webhooks:\n    - url: https://h.example/x\n      format: teams\n", "notify.webhooks[0].format", 6, `unknown format "teams" (want one of json, slack, discord, ntfy, matrix)`},
		{"webhook secret with slack", feed + "notify:\n  webhooks:\n    - url: https://h.example/x\n      format: slack\n      secret: s\n", "notify.webhooks[0].secret", 7, "only the json format is signed"},
		{"webhook token with discord", feed + "notify:\n  webhooks:\n    - url: https://h.example/x\n      format: discord\n      token: t\n", "notify.webhooks[0].token", 7, "only the ntfy and matrix formats take a token"},
		{"webhook room without matrix", feed + "notify:\n  webhooks:\n    - url: https://h.example/x\n      room: \"!a:b\"\n", "notify.webhooks[0].room", 6, "only the matrix format takes a room"},
		{"matrix without room", feed + "notify:\n  webhooks:\n    - url: https://m.example\n      format: matrix\n      token: t\n", "notify.webhooks[0].format", 6, "needs room: a room ID"},
		{"matrix room alias", feed + "notify:\n  webhooks:\n    - url: https://m.example\n      format: matrix\n      token: t\n      room: \"#desk:m.example\"\n", "notify.webhooks[0].room", 8, "needs a room ID"},
		{"matrix without token", feed + "notify:\n  webhooks:\n    - url: https://m.example\n      format: matrix\n      room: \"!a:m.example\"\n", "notify.webhooks[0].format", 6, "access token"},
		{"ntfy without topic", feed + "notify:\n  webhooks:\n    - url: https://ntfy.sh/\n      format: ntfy\n", "notify.webhooks[0].url", 5, "topic URL"},
		{"webhook twice", feed + "notify:\n  webhooks:\n    - url: https://h.example/x\n    - url: https://h.example/x\n      format: slack\n", "notify.webhooks[1].url", 6, "duplicate webhook: the same url as notify.webhooks[0]"},
		{"matrix room twice", feed + "notify:\n  webhooks:\n    - url: https://m.example\n      format: matrix\n      token: t\n      room: \"!a:m.example\"\n    - url: https://m.example\n      format: matrix\n      token: u\n      room: \"!a:m.example\"\n", "notify.webhooks[1].url", 9, "the same url and room as notify.webhooks[0]"},
		{"webhook token twice", feed + "notify:\n  webhooks:\n    - url: https://ntfy.sh/desk\n      format: ntfy\n      token: a\n      token_file: /t\n", "notify.webhooks[0].token_file", 8, "not both"},
		{"email digest too short", feed + "notify:\n  email:\n    host: smtp\n    from: a@example.com\n    to: [b@example.com]\n    digest: 30s\n", "notify.email.digest", 8, "between 1m and 168h"},
		{"email digest beyond dead_after", feed + "notify:\n  retry:\n    dead_after: 2h\n  email:\n    host: smtp\n    from: a@example.com\n    to: [b@example.com]\n    digest: 3h\n", "notify.email.digest", 10, "must not exceed notify.retry.dead_after (2h)"},
		{"webhook secret twice", feed + "notify:\n  webhooks:\n    - url: https://h.example/x\n      secret: a\n      secret_file: /s\n", "notify.webhooks[0].secret_file", 7, "not both"},
		{"email host missing", feed + "notify:\n  email:\n    from: a@example.com\n    to: [b@example.com]\n", "notify.email.host", 4, "must not be empty"},
		{"email from invalid", feed + "notify:\n  email:\n    host: smtp\n    from: nobody\n    to: [b@example.com]\n", "notify.email.from", 6, "invalid email address"},
		{"email from missing", feed + "notify:\n  email:\n    host: smtp\n    to: [b@example.com]\n", "notify.email.from", 4, "must not be empty"},
		{"email no recipients", feed + "notify:\n  email:\n    host: smtp\n    from: a@example.com\n", "notify.email.to", 4, "at least one recipient"},
		{"email bad recipient", feed + "notify:\n  email:\n    host: smtp\n    from: a@example.com\n    to:\n      - b@example.com\n      - c@@example\n", "notify.email.to[1]", 9, "invalid email address"},
		{"email bad tls", feed + "notify:\n  email:\n    host: smtp\n    tls: ssl\n    from: a@example.com\n    to: [b@example.com]\n", "notify.email.tls", 6, "one of starttls, tls, none"},
		{"email port high", feed + "notify:\n  email:\n    host: smtp\n    port: 65536\n    from: a@example.com\n    to: [b@example.com]\n", "notify.email.port", 6, "between 1 and 65535"},
		{"email port negative", feed + "notify:\n  email:\n    host: smtp\n    port: -25\n    from: a@example.com\n    to: [b@example.com]\n", "notify.email.port", 6, "between 1 and 65535"},
		{"email password twice", feed + "notify:\n  email:\n    host: smtp\n    password: p\n    password_file: /p\n    from: a@example.com\n    to: [b@example.com]\n", "notify.email.password_file", 7, "not both"},
		{"retry initial zero", feed + "notify:\n  retry:\n    initial: 0s\n", "notify.retry.initial", 5, "must be positive"},
		{"retry max negative", feed + "notify:\n  retry:\n    initial: 1s\n    max: -1s\n", "notify.retry.max", 6, "must be positive"},
		{"retry dead_after zero", feed + "notify:\n  retry:\n    dead_after: 0s\n", "notify.retry.dead_after", 5, "must be positive"},
		{"retry initial above max", feed + "notify:\n  retry:\n    initial: 2h\n    max: 1h\n", "notify.retry.initial", 5, "must not exceed notify.retry.max"},
		{"log level", feed + "log:\n  level: loud\n", "log.level", 4, "debug, info, warn, error"},
		{"log format", feed + "log:\n  format: xml\n", "log.format", 4, "text, json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse([]byte(tt.yaml), "test.yaml")
			if err == nil {
				t.Fatalf("Parse succeeded, want a problem at %s", tt.wantPath)
			}
			if c != nil {
				t.Errorf("Parse returned a Config along with an error")
			}
			ps := Problems(err)
			if len(ps) != 1 {
				t.Fatalf("got %d problems, want 1:\n%v", len(ps), err)
			}
			p := ps[0]
			if p.Path != tt.wantPath || p.Line != tt.wantLine {
				t.Errorf("problem at %s line %d, want %s line %d: %v", p.Path, p.Line, tt.wantPath, tt.wantLine, p)
			}
			if !strings.Contains(p.Msg, tt.wantMsg) {
				t.Errorf("message %q does not contain %q", p.Msg, tt.wantMsg)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("error does not wrap ErrInvalid: %v", err)
			}
			if !strings.HasPrefix(p.Error(), "test.yaml:") {
				t.Errorf("Error() = %q, want it to start with the file name", p.Error())
			}
		})
	}
}

// TestValidateCollectsAll checks that Validate reports every problem at
// once, not just the first, on a Config built in code (no positions).
func TestValidateCollectsAll(t *testing.T) {
	c := Default()
	c.Store.Path = ""
	c.Fetch.Workers = 0
	c.Log.Format = "yaml"
	err := c.Validate()
	got := map[string]bool{}
	for _, p := range Problems(err) {
		got[p.Path] = true
		if p.Line != 0 {
			t.Errorf("problem %v has a line, but the Config was not parsed", p)
		}
	}
	for _, want := range []string{"store.path", "feeds", "fetch.workers", "log.format"} {
		if !got[want] {
			t.Errorf("no problem reported for %s; got %v", want, err)
		}
	}
	if len(got) != 4 {
		t.Errorf("got %d problem paths, want 4: %v", len(got), err)
	}
}

// TestValidateCodeDefaults checks that a Config built in code may leave
// zero values that Parse would fill in.
func TestValidateCodeDefaults(t *testing.T) {
	c := Default()
	c.Feeds = []Feed{{URL: "https://example.com/rss"}}
	c.Notify.Kinds = nil
	c.Notify.Email = &Email{Host: "smtp", From: "a@example.com", To: []string{"b@example.com"}}
	if err := c.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
}

// TestProblemError checks the "file:line:col: path: msg" format, including
// the forms without a place.
func TestProblemError(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{File: "config.yaml", Path: "feeds[2].schedule", Line: 14, Column: 15, Msg: "bad"}, "config.yaml:14:15: feeds[2].schedule: bad"},
		{Problem{File: "config.yaml", Path: "feeds", Line: 3, Msg: "bad"}, "config.yaml:3: feeds: bad"},
		{Problem{File: "config.yaml", Msg: "config file does not exist"}, "config.yaml: config file does not exist"},
		{Problem{Path: "store.path", Line: 2, Column: 9, Msg: "bad"}, "line 2: store.path: bad"},
		{Problem{Path: "store.path", Msg: "bad"}, "store.path: bad"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.p.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestProblemJSON checks the field names `storywatch check --json` prints.
func TestProblemJSON(t *testing.T) {
	b, err := json.Marshal(Problem{File: "c.yaml", Path: "fetch.workers", Line: 4, Column: 12, Msg: "bad", Err: ErrInvalid})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"file":"c.yaml","path":"fetch.workers","line":4,"column":12,"message":"bad"}`
	if string(b) != want {
		t.Errorf("json = %s, want %s", b, want)
	}
}

// TestProblemsFlatten checks that Problems recovers every Problem from
// nested joins and wraps foreign errors.
func TestProblemsFlatten(t *testing.T) {
	a := Problem{Path: "a", Msg: "x", Err: ErrInvalid}
	b := Problem{Path: "b", Msg: "y", Err: ErrUnknownKey}
	other := errors.New("plain")
	err := errors.Join(a, errors.Join(b, other))
	ps := Problems(err)
	if len(ps) != 3 || ps[0].Path != "a" || ps[1].Path != "b" || ps[2].Msg != "plain" {
		t.Fatalf("Problems = %+v", ps)
	}
	if !errors.Is(ps[2], other) {
		t.Errorf("foreign error not wrapped")
	}
	if Problems(nil) != nil {
		t.Errorf("Problems(nil) != nil")
	}
	if !errors.Is(err, ErrUnknownKey) {
		t.Errorf("errors.Is through join failed")
	}
	if ps := Problems(fmt.Errorf("load config: %w", err)); len(ps) != 3 || ps[1].Path != "b" {
		t.Errorf("Problems of a wrapped join = %+v, want all 3", ps)
	}
	if ps := Problems(fmt.Errorf("plain: %w", other)); len(ps) != 1 || ps[0].Msg != "plain: plain" {
		t.Errorf("Problems of a wrapped plain error = %+v", ps)
	}
}

// TestWebhooksApart: webhooks whose queued alerts go to channels of their
// own are no duplicates: a second Matrix room on the same homeserver, or
// another topic of one ntfy server.
func TestWebhooksApart(t *testing.T) {
	yaml := feed + `notify:
  webhooks:
    - url: https://m.example
      format: matrix
      token: t
      room: "!a:m.example"
    - url: https://m.example
      format: matrix
      token: t
      room: "!b:m.example"
    - url: https://ntfy.example/desk
      format: ntfy
    - url: https://ntfy.example/night
      format: ntfy
`
	c, err := Parse([]byte(yaml), "test.yaml")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if n := len(c.Notify.Webhooks); n != 4 {
		t.Errorf("got %d webhooks, want 4", n)
	}
}
