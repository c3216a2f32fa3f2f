package config

import (
	"net/url"
	"time"
)

// Config is the whole storywatch configuration. Build it with Default, Parse
// or Load; a zero Config is not valid (it has no store path and no feeds).
type Config struct {
	// Store says where versions are kept and for how long.
	Store Store `yaml:"store" json:"store"`
	// Schedule is the default poll schedule for every feed: a 5-field cron
	// spec, a descriptor ("@hourly", "@every 10m"), optionally prefixed by
	// "CRON_TZ=Area/City ". Default "*/10 * * * *".
	Schedule string `yaml:"schedule" json:"schedule"`
	// Feeds are the RSS/Atom feeds to poll; at least one is required.
	Feeds []Feed `yaml:"feeds" json:"feeds"`
	// Story selects which feed items count as coverage of the watched story.
	Story Story `yaml:"story" json:"story"`
	// Fetch tunes HTTP fetching of feeds and article pages.
	Fetch Fetch `yaml:"fetch" json:"fetch"`
	// Notify says which changes alert whom.
	Notify Notify `yaml:"notify" json:"notify"`
	// Log configures the daemon's log output.
	Log Log `yaml:"log" json:"log"`
	// HTTP configures the web view (`serve`, and `run` with http.listen).
	HTTP HTTP `yaml:"http" json:"http"`

	// file is the name used in problem messages (the path for Load).
	file string
	// pos maps a problem path ("feeds[2].schedule") to where it stands in
	// the file; nil for a Config not parsed from YAML.
	pos map[string]Position
	// blockAt maps a line to the block collection whose entries start
	// there (treeWalker.blockAt), for type errors yaml reports on it.
	blockAt map[int]string
	// dups maps a repeated mapping key, by the line it is repeated on and
	// its name, to where each repetition and its first use stand: yaml
	// reports only the line, and on a flow mapping ("{a: 1, a: 2}") the
	// line holds several keys.
	dups map[dupKey][]dupAt
	// matcher caches the compiled story filter; Validate sets it.
	matcher *Matcher
}

// Store configures the database: the embedded bbolt file (the default) or
// a PostgreSQL database that several replicas share.
type Store struct {
	// Driver is "bolt" (default) or "postgres".
	Driver string `yaml:"driver,omitempty" json:"driver,omitempty"`
	// Path is the bbolt database file. Default "./storywatch.db"; must not
	// be empty under driver bolt. Under postgres it names the control
	// socket's place (Path + ".sock") only.
	Path string `yaml:"path" json:"path"`
	// DSN is the PostgreSQL address (postgres://user:password@host/db?...),
	// required under driver postgres. It holds the password, so it is a
	// Secret: printed as "<secret>".
	DSN Secret `yaml:"dsn,omitempty" json:"dsn,omitempty"`
	// DSNFile names a file holding the DSN, relative to the config file;
	// exclusive with DSN. Load reads it.
	DSNFile string `yaml:"dsn_file,omitempty" json:"dsn_file,omitempty"`
	// Lease is how long a replica holds a feed's lease while polling it, and
	// an alert's claim while delivering it, under driver postgres; a replica
	// that dies hands its feeds and alerts on after this. 0 means 1m.
	Lease Duration `yaml:"lease,omitempty" json:"lease,omitempty"`
	// dsnFromFile: see Webhook.secretFromFile.
	dsnFromFile bool
	// Retention limits how many versions of each article are kept.
	Retention Retention `yaml:"retention" json:"retention"`
}

// Retention prunes old article versions. The first version of an article is
// what later versions are compared against, so the store may keep it anyway.
type Retention struct {
	// KeepLast keeps at most this many versions per article; 0 keeps all.
	KeepLast int `yaml:"keep_last" json:"keep_last"`
	// KeepFor drops versions older than this; 0 keeps them forever.
	KeepFor Duration `yaml:"keep_for" json:"keep_for"`
}

// Feed is one RSS/Atom feed.
type Feed struct {
	// URL is the feed's absolute http(s) address.
	URL string `yaml:"url" json:"url"`
	// Name labels the feed (the outlet) in output; empty means the feed's
	// own title once it has been polled, else the URL's host.
	Name string `yaml:"name,omitempty" json:"name,omitempty"`
	// Schedule overrides Config.Schedule for this feed; empty inherits it.
	Schedule string `yaml:"schedule,omitempty" json:"schedule,omitempty"`
}

// Label is the feed's name until its own title is known: Name, else the
// URL's host (else the URL itself).
func (f Feed) Label() string {
	if f.Name != "" {
		return f.Name
	}
	if u, err := url.Parse(f.URL); err == nil && u.Host != "" {
		return u.Host
	}
	return f.URL
}

// Story is the filter that decides whether a feed item belongs to the story.
// Each entry is a Go (RE2) regular expression, matched against the item's
// title, summary and text; use "(?i)" for case-insensitive matching. All
// three lists empty (or the story key absent) means every item matches.
type Story struct {
	// Any: at least one of these must match (ignored when empty).
	Any []string `yaml:"any" json:"any"`
	// All: every one of these must match (each may match a different text).
	All []string `yaml:"all" json:"all"`
	// None: an item matching any of these is skipped.
	None []string `yaml:"none" json:"none"`
}

// Fetch tunes HTTP fetching.
type Fetch struct {
	// UserAgent is sent with every request; empty means the binary's own
	// "storywatch/VERSION (+URL)".
	UserAgent string `yaml:"user_agent" json:"user_agent"`
	// Timeout bounds one request, body included. Default 20s; 0 < Timeout <= 10m.
	Timeout Duration `yaml:"timeout" json:"timeout"`
	// MaxBodyBytes caps a response body. Default 5 MiB; 1 KiB to 1 GiB.
	MaxBodyBytes int64 `yaml:"max_body_bytes" json:"max_body_bytes"`
	// AllowPrivateAddresses lets requests reach loopback and private
	// networks. Default false, so a hostile feed cannot probe the LAN.
	AllowPrivateAddresses bool `yaml:"allow_private_addresses" json:"allow_private_addresses"`
	// ArticlePages fetches each item's linked page for the full text.
	// Default true; false keeps the feed's own content and never fetches pages.
	ArticlePages bool `yaml:"article_pages" json:"article_pages"`
	// PerHostConcurrency caps parallel requests to one host. Default 2; 1..64.
	PerHostConcurrency int `yaml:"per_host_concurrency" json:"per_host_concurrency"`
	// PerHostInterval is the minimum gap between requests to one host.
	// Default 0 (no gap); at most 1h.
	PerHostInterval Duration `yaml:"per_host_interval" json:"per_host_interval"`
	// Robots honours robots.txt for article pages. Default true.
	Robots bool `yaml:"robots" json:"robots"`
	// Workers is the number of concurrent fetch workers. Default 4; 1..64.
	Workers int `yaml:"workers" json:"workers"`
	// Jitter is the upper bound of a random delay before each scheduled
	// poll, so many feeds on one schedule do not fire at once. Default 30s;
	// 0 disables it; at most 1h.
	Jitter Duration `yaml:"jitter" json:"jitter"`
}

// Notify configures alerts.
type Notify struct {
	// Kinds are the fact kinds that trigger an alert: date, number, quote,
	// position, location, title, plus "text" to alert on every new version.
	// Empty or absent means the six fact kinds.
	Kinds []string `yaml:"kinds" json:"kinds"`
	// Webhooks receive a signed JSON POST per alert.
	Webhooks []Webhook `yaml:"webhooks" json:"webhooks"`
	// Email, when set, mails each alert.
	Email *Email `yaml:"email,omitempty" json:"email,omitempty"`
	// Retry governs redelivery of failed alerts.
	Retry Retry `yaml:"retry" json:"retry"`
}

// Webhook is one HTTP endpoint.
type Webhook struct {
	// URL is the absolute http(s) endpoint. It may carry a token, so it is
	// redacted in error messages by the notifier.
	URL string `yaml:"url" json:"url"`
	// Secret signs bodies (X-Storywatch-Signature); empty sends no signature.
	Secret Secret `yaml:"secret,omitempty" json:"secret,omitempty"`
	// SecretFile names a file holding the secret (trailing newline trimmed),
	// relative to the config file; exclusive with Secret. Load reads it.
	SecretFile string `yaml:"secret_file,omitempty" json:"secret_file,omitempty"`
	// Format is the payload: json (default: the signed storywatch body),
	// slack, discord, ntfy or matrix (each service's own message format).
	Format string `yaml:"format,omitempty" json:"format,omitempty"`
	// Token is the ntfy or Matrix access token, sent as a Bearer token;
	// exclusive with TokenFile. Only the ntfy and matrix formats take it.
	Token Secret `yaml:"token,omitempty" json:"token,omitempty"`
	// TokenFile names a file holding the token (trailing newline trimmed),
	// relative to the config file. Load reads it.
	TokenFile string `yaml:"token_file,omitempty" json:"token_file,omitempty"`
	// Room is the Matrix room ID (!id:server) for the matrix format, whose
	// URL is the homeserver's base URL.
	Room string `yaml:"room,omitempty" json:"room,omitempty"`

	// secretFromFile records that Load filled Secret from SecretFile, so
	// a second Validate does not report both as set.
	secretFromFile bool
	// tokenFromFile: the same for Token and TokenFile.
	tokenFromFile bool
}

// Email is the SMTP channel.
type Email struct {
	// Host is the SMTP server; required.
	Host string `yaml:"host" json:"host"`
	// Port defaults by TLS mode: 587 starttls, 465 tls, 25 none; 1..65535.
	Port int `yaml:"port" json:"port"`
	// TLS is "starttls" (default), "tls" (implicit TLS) or "none".
	TLS string `yaml:"tls" json:"tls"`
	// Username for SMTP AUTH; empty skips authentication.
	Username string `yaml:"username,omitempty" json:"username,omitempty"`
	// Password for SMTP AUTH; exclusive with PasswordFile.
	Password Secret `yaml:"password,omitempty" json:"password,omitempty"`
	// PasswordFile names a file holding the password (trailing newline
	// trimmed), relative to the config file. Load reads it.
	PasswordFile string `yaml:"password_file,omitempty" json:"password_file,omitempty"`
	// From is the sender address; required.
	From string `yaml:"from" json:"from"`
	// To are the recipients; at least one.
	To []string `yaml:"to" json:"to"`
	// Digest, when set, gathers the alerts of each interval of this length
	// (aligned to UTC, so 1h digests go out on the hour) into one mail
	// per story listing every change; absent or 0 mails each alert on
	// its own. 1m to 7d.
	Digest Duration `yaml:"digest,omitempty" json:"digest,omitempty"`

	// passwordFromFile: see Webhook.secretFromFile.
	passwordFromFile bool
}

// Retry is exponential backoff for alert delivery.
type Retry struct {
	// Initial is the first retry delay. Default 30s; must be > 0 and <= Max.
	Initial Duration `yaml:"initial" json:"initial"`
	// Max caps the delay between retries. Default 1h; must be > 0.
	Max Duration `yaml:"max" json:"max"`
	// DeadAfter gives up on an alert this long after its first attempt.
	// Default 72h; must be > 0.
	DeadAfter Duration `yaml:"dead_after" json:"dead_after"`
}

// Log configures logging.
type Log struct {
	// Level is debug, info (default), warn or error.
	Level string `yaml:"level" json:"level"`
	// Format is text (default) or json.
	Format string `yaml:"format" json:"format"`
}

// Position is a place in the config file, 1-based; 0 means unknown.
type Position struct {
	Line, Column int
}

// Alert kinds accepted in notify.kinds.
const (
	KindDate     = "date"
	KindNumber   = "number"
	KindQuote    = "quote"
	KindPosition = "position"
	KindLocation = "location"
	KindTitle    = "title"
	// KindCorrection: a correction notice or editor's note added or changed.
	KindCorrection = "correction"
	// KindStatus: the article page was removed (404/410) or redirects to
	// another story.
	KindStatus = "status"
	KindText   = "text"
)

// DefaultKinds returns the fact kinds alerted on by default (all but text).
func DefaultKinds() []string {
	return []string{KindDate, KindNumber, KindQuote, KindPosition, KindLocation, KindTitle, KindCorrection, KindStatus}
}

// Default returns a Config holding every default. It has no feeds, so it
// does not validate until at least one is added.
func Default() *Config {
	return &Config{
		Store:    Store{Path: "./storywatch.db"},
		Schedule: "*/10 * * * *",
		Fetch: Fetch{
			Timeout:            Duration(20 * time.Second),
			MaxBodyBytes:       5 << 20,
			ArticlePages:       true,
			PerHostConcurrency: 2,
			Robots:             true,
			Workers:            4,
			Jitter:             Duration(30 * time.Second),
		},
		Notify: Notify{
			Kinds: DefaultKinds(),
			Retry: Retry{
				Initial:   Duration(30 * time.Second),
				Max:       Duration(time.Hour),
				DeadAfter: Duration(72 * time.Hour),
			},
		},
		Log: Log{Level: "info", Format: "text"},
	}
}

// FeedSchedule returns the schedule of feed i: its own, or the default
// Config.Schedule when it has none. It panics if i is out of range, like
// indexing c.Feeds.
func (c *Config) FeedSchedule(i int) string {
	if s := c.Feeds[i].Schedule; s != "" {
		return s
	}
	return c.Schedule
}

// Position returns where the value at path (e.g. "feeds[2].schedule") stands
// in the parsed file, falling back to the nearest enclosing key that is
// present; the zero Position when unknown.
func (c *Config) Position(path string) Position {
	for {
		if p, ok := c.pos[path]; ok {
			return p
		}
		if path == "" {
			return Position{}
		}
		path = parentPath(path)
	}
}
