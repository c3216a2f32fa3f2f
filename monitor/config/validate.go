package config

import (
	"errors"
	"fmt"
	"net/mail"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/storywatch/storywatch/notify/webhook"
)

// Email TLS modes accepted in notify.email.tls.
const (
	TLSStartTLS = "starttls"
	TLSImplicit = "tls"
	TLSNone     = "none"
)

// defaultPorts maps a TLS mode to its conventional SMTP port.
var defaultPorts = map[string]int{TLSStartTLS: 587, TLSImplicit: 465, TLSNone: 25}

// Limits enforced by Validate.
const (
	MaxTimeout      = 10 * time.Minute
	MinMaxBodyBytes = 1 << 10
	MaxMaxBodyBytes = 1 << 30
	MaxWorkers      = 64
	maxHostDelay    = time.Hour
	MinDigest       = time.Minute
	MaxDigest       = 7 * 24 * time.Hour
)

var (
	validKinds   = []string{KindDate, KindNumber, KindQuote, KindPosition, KindLocation, KindTitle, KindCorrection, KindStatus, KindText}
	validLevels  = []string{"debug", "info", "warn", "error"}
	validFormats = []string{"text", "json"}
	validTLS     = []string{TLSStartTLS, TLSImplicit, TLSNone}
)

// Validate checks every rule and returns an errors.Join of all problems
// (see Problems), or nil. Each problem names its path and, for a parsed
// Config, its line and column. Validate also compiles and caches the story
// filter returned by Matcher, so call it before sharing c between goroutines.
func (c *Config) Validate() error {
	ps := c.validate()
	sortProblems(ps)
	return joinProblems(ps)
}

// validator collects problems, placing each by its path.
type validator struct {
	c  *Config
	ps []Problem
}

func (v *validator) add(path, format string, args ...any) {
	v.addErr(path, ErrInvalid, format, args...)
}

func (v *validator) addErr(path string, err error, format string, args ...any) {
	pos := v.c.Position(path)
	v.ps = append(v.ps, Problem{File: v.c.file, Path: path, Line: pos.Line, Column: pos.Column,
		Msg: fmt.Sprintf(format, args...), Err: err})
}

func (c *Config) validate() []Problem {
	v := &validator{c: c}
	v.store(c.Store)
	v.schedules()
	v.feeds()
	v.story()
	v.fetch(c.Fetch)
	v.notify(c.Notify)
	v.log(c.Log)
	v.http(c.HTTP)
	return v.ps
}

// Store drivers.
const (
	DriverBolt     = "bolt"
	DriverPostgres = "postgres"
)

func (v *validator) store(s Store) {
	switch s.Driver {
	case "", DriverBolt:
		if strings.TrimSpace(s.Path) == "" {
			v.add("store.path", "must not be empty")
		}
		if s.DSN != "" || s.DSNFile != "" {
			v.add("store.dsn", "is for driver postgres; driver is bolt (the default)")
		}
	case DriverPostgres:
		if s.DSN == "" && s.DSNFile == "" {
			v.add("store.dsn", "is required with driver postgres (postgres://user@host:5432/db)")
		}
		if s.DSN != "" && s.DSNFile != "" && !s.dsnFromFile {
			v.add("store.dsn_file", "set both dsn and dsn_file; keep one")
		}
	default:
		v.add("store.driver", "unknown driver %q (bolt or postgres)", s.Driver)
	}
	if s.Lease < 0 {
		v.add("store.lease", "must not be negative, got %s (0 means 1m)", s.Lease)
	}
	if s.Retention.KeepLast < 0 {
		v.add("store.retention.keep_last", "must not be negative, got %d (0 keeps every version)", s.Retention.KeepLast)
	}
	if s.Retention.KeepFor < 0 {
		v.add("store.retention.keep_for", "must not be negative, got %s (0 keeps versions forever)", s.Retention.KeepFor)
	}
}

func (v *validator) schedules() {
	if _, err := ParseSchedule(v.c.Schedule); err != nil {
		v.addErr("schedule", errors.Join(ErrInvalid, err), "%v", err)
	}
	for i, f := range v.c.Feeds {
		if f.Schedule == "" {
			continue
		}
		if _, err := ParseSchedule(f.Schedule); err != nil {
			v.addErr(fmt.Sprintf("feeds[%d].schedule", i), errors.Join(ErrInvalid, err), "%v", err)
		}
	}
}

func (v *validator) feeds() {
	if len(v.c.Feeds) == 0 {
		v.add("feeds", "at least one feed is required")
		return
	}
	seen := map[string]int{}
	for i, f := range v.c.Feeds {
		path := fmt.Sprintf("feeds[%d].url", i)
		u, ok := v.httpURL(path, f.URL)
		if !ok {
			continue
		}
		key := feedKey(u)
		if j, dup := seen[key]; dup {
			v.add(path, "duplicate feed: %s is already feeds[%d]", f.URL, j)
			continue
		}
		seen[key] = i
	}
}

// httpURL checks that raw is an absolute http(s) URL with a host.
func (v *validator) httpURL(path, raw string) (*url.URL, bool) {
	if strings.TrimSpace(raw) == "" {
		v.add(path, "must not be empty")
		return nil, false
	}
	u, err := url.Parse(raw)
	if err != nil {
		v.addErr(path, errors.Join(ErrInvalid, err), "invalid URL: %v", err)
		return nil, false
	}
	if s := strings.ToLower(u.Scheme); (s != "http" && s != "https") || u.Host == "" || u.Hostname() == "" {
		v.add(path, "must be an absolute http or https URL, got %q", raw)
		return nil, false
	}
	// url.Parse takes any digits for a port; 99999 failed only when
	// dialled, on every poll or delivery.
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			v.add(path, "port %s is out of range (1-65535)", p)
			return nil, false
		}
	}
	return u, true
}

// feedKey identifies a feed for duplicate detection: scheme and host are
// case-insensitive and a trailing slash does not make a different feed.
func feedKey(u *url.URL) string {
	k := *u
	k.Scheme = strings.ToLower(k.Scheme)
	k.Host = strings.ToLower(k.Host)
	k.Path = strings.TrimRight(k.Path, "/")
	k.RawPath = ""
	k.Fragment, k.RawFragment = "", ""
	return k.String()
}

func (v *validator) story() {
	s := v.c.Story
	lists := []struct {
		key  string
		pats []string
	}{{"any", s.Any}, {"all", s.All}, {"none", s.None}}
	for _, l := range lists {
		for i, p := range l.pats {
			if p == "" {
				v.add(fmt.Sprintf("story.%s[%d]", l.key, i), "empty regex (it matches every text)")
			}
		}
	}
	m, issues := compileStory(s)
	for _, is := range issues {
		v.addErr(is.path, errors.Join(ErrInvalid, is.err), "%s", is.msg)
	}
	if len(issues) == 0 {
		v.c.matcher = m
	} else {
		v.c.matcher = nil
	}
}

func (v *validator) fetch(f Fetch) {
	if f.Timeout <= 0 || f.Timeout.Std() > MaxTimeout {
		v.add("fetch.timeout", "must be more than 0 and at most %s, got %s", Duration(MaxTimeout), f.Timeout)
	}
	if f.MaxBodyBytes < MinMaxBodyBytes || f.MaxBodyBytes > MaxMaxBodyBytes {
		v.add("fetch.max_body_bytes", "must be between %d (1 KiB) and %d (1 GiB), got %d",
			MinMaxBodyBytes, MaxMaxBodyBytes, f.MaxBodyBytes)
	}
	if f.Workers < 1 || f.Workers > MaxWorkers {
		v.add("fetch.workers", "must be between 1 and %d, got %d", MaxWorkers, f.Workers)
	}
	if f.PerHostConcurrency < 1 || f.PerHostConcurrency > MaxWorkers {
		v.add("fetch.per_host_concurrency", "must be between 1 and %d, got %d", MaxWorkers, f.PerHostConcurrency)
	}
	if f.PerHostInterval < 0 || f.PerHostInterval.Std() > maxHostDelay {
		v.add("fetch.per_host_interval", "must be between 0 and %s, got %s", Duration(maxHostDelay), f.PerHostInterval)
	}
	if f.Jitter < 0 || f.Jitter.Std() > maxHostDelay {
		v.add("fetch.jitter", "must be between 0 and %s, got %s", Duration(maxHostDelay), f.Jitter)
	}
	if strings.ContainsFunc(f.UserAgent, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		v.add("fetch.user_agent", "must not contain control characters")
	}
}

func (v *validator) notify(n Notify) {
	for i, k := range n.Kinds {
		if !oneOf(k, validKinds) {
			v.add(fmt.Sprintf("notify.kinds[%d]", i), "unknown kind %q (want one of %s)", k, strings.Join(validKinds, ", "))
		}
	}
	channels := map[string]int{}
	for i, h := range n.Webhooks {
		base := fmt.Sprintf("notify.webhooks[%d]", i)
		if _, ok := v.httpURL(base+".url", h.URL); ok {
			// A webhook's queued alerts are kept under a channel named
			// after its URL and room: a second entry with both the same
			// would silently replace the first (its format, its secret).
			// The URL may hold a token, so it is not repeated here.
			ch := webhook.Config{URL: h.URL, Room: h.Room}.Channel()
			j, dup := channels[ch]
			switch {
			case dup && h.Room != "":
				v.add(base+".url", "duplicate webhook: the same url and room as notify.webhooks[%d]", j)
			case dup:
				v.add(base+".url", "duplicate webhook: the same url as notify.webhooks[%d]", j)
			default:
				channels[ch] = i
			}
		}
		if h.Secret != "" && h.SecretFile != "" && !h.secretFromFile {
			v.add(base+".secret_file", "set either secret or secret_file, not both")
		}
		if h.Token != "" && h.TokenFile != "" && !h.tokenFromFile {
			v.add(base+".token_file", "set either token or token_file, not both")
		}
		v.webhookFormat(base, h)
	}
	if n.Email != nil {
		v.email(n.Email)
	}
	r := n.Retry
	if e := n.Email; e != nil && r.DeadAfter > 0 && e.Digest > r.DeadAfter {
		// A digest's alerts are first tried at the interval's end; one
		// older than dead_after by then would be given up at its first
		// failure.
		v.add("notify.email.digest", "must not exceed notify.retry.dead_after (%s), got %s", r.DeadAfter, e.Digest)
	}
	if r.Initial <= 0 {
		v.add("notify.retry.initial", "must be positive, got %s", r.Initial)
	}
	if r.Max <= 0 {
		v.add("notify.retry.max", "must be positive, got %s", r.Max)
	}
	if r.DeadAfter <= 0 {
		v.add("notify.retry.dead_after", "must be positive, got %s", r.DeadAfter)
	}
	if r.Initial > 0 && r.Max > 0 && r.Initial > r.Max {
		v.add("notify.retry.initial", "must not exceed notify.retry.max (%s), got %s", r.Max, r.Initial)
	}
}

// webhookFormat checks a webhook's format and the keys only some formats
// take, naming the key at fault.
func (v *validator) webhookFormat(base string, h Webhook) {
	formats := webhook.Formats()
	f := h.Format
	if f == "" {
		f = webhook.FormatJSON
	}
	if !oneOf(f, formats) {
		v.add(base+".format", "unknown format %q (want one of %s)", h.Format, strings.Join(formats, ", "))
		return
	}
	secretKey, tokenKey := base+".secret", base+".token"
	if h.secretFromFile {
		secretKey = base + ".secret_file"
	}
	if h.tokenFromFile {
		tokenKey = base + ".token_file"
	}
	if h.Secret != "" && f != webhook.FormatJSON {
		v.add(secretKey, "only the json format is signed; remove it for format %s", f)
	}
	if h.Token != "" && f != webhook.FormatNtfy && f != webhook.FormatMatrix {
		v.add(tokenKey, "only the ntfy and matrix formats take a token, not %s", f)
	}
	if h.Room != "" && f != webhook.FormatMatrix {
		v.add(base+".room", "only the matrix format takes a room, not %s", f)
	}
	switch f {
	case webhook.FormatMatrix:
		// A missing key is reported at format, which asked for it.
		if h.Token == "" {
			v.add(base+".format", "format matrix needs token (or token_file): the bot's access token")
		}
		if h.Room == "" {
			v.add(base+".format", "format matrix needs room: a room ID like !abc123:example.org")
		} else if !strings.HasPrefix(h.Room, "!") || !strings.Contains(h.Room, ":") {
			v.add(base+".room", "format matrix needs a room ID like !abc123:example.org, got %q", h.Room)
		}
	case webhook.FormatNtfy:
		if err := (webhook.Config{URL: h.URL, Format: f}).Validate(); err != nil && errors.Is(err, webhook.ErrFormatOption) {
			v.add(base+".url", "format ntfy needs the topic URL, like https://ntfy.sh/mytopic")
		}
	}
}

func (v *validator) email(e *Email) {
	const base = "notify.email"
	if strings.TrimSpace(e.Host) == "" {
		v.add(base+".host", "must not be empty")
	}
	// Parse fills TLS and Port; a Config built in code may leave them
	// zero, which means the same defaults.
	tls, port := e.TLS, e.Port
	if tls == "" {
		tls = TLSStartTLS
	}
	if port == 0 {
		port = defaultPorts[tls]
	}
	if !oneOf(tls, validTLS) {
		v.add(base+".tls", "must be one of %s, got %q", strings.Join(validTLS, ", "), e.TLS)
	}
	if (e.Port != 0 || oneOf(tls, validTLS)) && (port < 1 || port > 65535) {
		v.add(base+".port", "must be between 1 and 65535, got %d", e.Port)
	}
	if e.Password != "" && e.PasswordFile != "" && !e.passwordFromFile {
		v.add(base+".password_file", "set either password or password_file, not both")
	}
	v.address(base+".from", e.From)
	if len(e.To) == 0 {
		v.add(base+".to", "at least one recipient is required")
	}
	for i, to := range e.To {
		v.address(fmt.Sprintf("%s.to[%d]", base, i), to)
	}
	if d := e.Digest.Std(); d != 0 && (d < MinDigest || d > MaxDigest) {
		v.add(base+".digest", "must be between %s and %s (or absent: one mail per alert), got %s", Duration(MinDigest), Duration(MaxDigest), e.Digest)
	}
}

// address checks one RFC 5322 address ("a@b" or "Name <a@b>").
func (v *validator) address(path, addr string) {
	if strings.TrimSpace(addr) == "" {
		v.add(path, "must not be empty")
		return
	}
	if _, err := mail.ParseAddress(addr); err != nil {
		v.addErr(path, errors.Join(ErrInvalid, err), "invalid email address %q: %v", addr, err)
	}
}

func (v *validator) log(l Log) {
	if !oneOf(l.Level, validLevels) {
		v.add("log.level", "must be one of %s, got %q", strings.Join(validLevels, ", "), l.Level)
	}
	if !oneOf(l.Format, validFormats) {
		v.add("log.format", "must be one of %s, got %q", strings.Join(validFormats, ", "), l.Format)
	}
}

func oneOf(s string, set []string) bool { return slices.Contains(set, s) }
