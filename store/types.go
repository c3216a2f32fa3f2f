package store

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
)

// Update is everything one processed article writes.
type Update struct {
	// Article is upserted: Feeds and Aliases are merged without duplicates,
	// Title and Published replace the stored ones when set, Outlet and
	// FirstSeen keep their first value, ETag, LastModified, PageHash and
	// Status are replaced as given. ID defaults to ArticleID(URL). Versions and
	// LastChanged are maintained by the store and ignored here.
	Article Article
	// Version is the new text; nil when only article metadata changes
	// (LastChecked, ETag, ...). Seq is assigned by the store.
	Version *Version
	// Change is the diff summary of Version against the previous one; nil
	// for a first version. Its ArticleID, Article and Version are filled in
	// by the store, Title and DetectedAt default to the version's title and
	// fetch time. It is dropped when Version is nil, not stored, or the
	// article's first.
	Change *Change
	// StatusChange is a change of the article page itself (kind status:
	// removed, or redirecting elsewhere) that stores no version. It is
	// listed by Changes with the article's latest version and detection
	// time, but it is not the change of that version: ChangeOf and
	// compaction never see it. Ignored with a Version.
	StatusChange *Change
	// Alerts are queued in the outbox; keys already queued, dead or
	// delivered are skipped. They are dropped with a duplicate Version.
	Alerts []OutboxEntry
}

// MergeArticle folds in, the caller's view of an article (Update.Article),
// into stored, the article as stored (zero for a new one), by the rules
// Update documents. Every store implementation merges with it, so they
// cannot drift apart. Versions and LastChanged are left alone.
func MergeArticle(stored *Article, in Article) {
	if stored.URL != "" && stored.URL != in.URL {
		stored.Aliases = AppendUnique(stored.Aliases, stored.URL)
	}
	stored.URL = in.URL
	if in.Title != "" {
		stored.Title = in.Title
	}
	if stored.Outlet == "" {
		stored.Outlet = in.Outlet
	}
	stored.Feeds = AppendUnique(stored.Feeds, in.Feeds...)
	stored.Aliases = AppendUnique(stored.Aliases, in.Aliases...)
	stored.Aliases = slices.DeleteFunc(stored.Aliases, func(s string) bool { return s == stored.URL || s == "" })
	if fs := UTC(in.FirstSeen); !fs.IsZero() && (stored.FirstSeen.IsZero() || fs.Before(stored.FirstSeen)) {
		stored.FirstSeen = fs
	}
	if lc := UTC(in.LastChecked); lc.After(stored.LastChecked) {
		stored.LastChecked = lc
	}
	if !in.Published.IsZero() {
		stored.Published = UTC(in.Published)
	}
	stored.ETag, stored.LastModified, stored.PageHash = in.ETag, in.LastModified, in.PageHash
	stored.Status = in.Status
}

// CompleteChange fills in what Update documents the store fills in of a
// change: the article's id and URL and the version seq it describes, and
// title and detected when the change does not give them (zero detected:
// no default).
func CompleteChange(c Change, id, url string, seq int, title string, detected time.Time) Change {
	c.ArticleID, c.Article, c.Version = id, url, seq
	if c.Title == "" {
		c.Title = title
	}
	if c.DetectedAt.IsZero() {
		c.DetectedAt = detected
	}
	return c
}

// HashVersion returns the hash Apply gives a version stored with an empty
// Hash: the hex SHA-256 of its title, a newline and its text.
func HashVersion(v *Version) string {
	sum := sha256.Sum256([]byte(v.Title + "\n" + v.Text))
	return hex.EncodeToString(sum[:])
}

func AppendUnique(list []string, add ...string) []string {
	for _, s := range add {
		if s != "" && !slices.Contains(list, s) {
			list = append(list, s)
		}
	}
	return list
}

// MinPrefix is the shortest id prefix Article accepts.
const MinPrefix = 4

// Article is one tracked news article.
type Article struct {
	ID           string    `json:"id"`                      // ArticleID(URL)
	URL          string    `json:"url"`                     // canonical URL
	Title        string    `json:"title"`                   // latest title
	Outlet       string    `json:"outlet,omitempty"`        // name of the first feed it was seen in
	Feeds        []string  `json:"feeds,omitempty"`         // feed URLs it appeared in
	Aliases      []string  `json:"aliases,omitempty"`       // other URLs (item links, pre-redirect URLs) that led here
	FirstSeen    time.Time `json:"first_seen"`              // when it was first seen in a feed
	LastChanged  time.Time `json:"last_changed"`            // fetch time of the latest stored version (maintained by the store)
	LastChecked  time.Time `json:"last_checked,omitzero"`   // when it was last fetched
	Published    time.Time `json:"published,omitzero"`      // publication time claimed by the page or feed
	Versions     int       `json:"versions"`                // stored versions (maintained by the store)
	ETag         string    `json:"etag,omitempty"`          // conditional GET state of the page
	LastModified string    `json:"last_modified,omitempty"` // conditional GET state of the page
	PageHash     string    `json:"page_hash,omitempty"`     // hash of the raw article region, lets the pipeline skip extraction
	// Status is the last page status event reported for the article
	// ("removed (404 Not Found)", "redirects to URL"); empty while its page
	// answers. It is replaced as given by every Update, so a status is
	// reported once per event.
	Status string `json:"status,omitempty"`
}

// ArticleID returns the id of the article with the given canonical URL: the
// first 12 hex digits of its SHA-256.
func ArticleID(canonicalURL string) string {
	sum := sha256.Sum256([]byte(canonicalURL))
	return hex.EncodeToString(sum[:6])
}

// Change is the diff summary of one stored version after the first.
type Change struct {
	ArticleID  string         `json:"article_id"`
	Article    string         `json:"article"` // canonical URL
	Title      string         `json:"title"`
	Version    int            `json:"version"`
	DetectedAt time.Time      `json:"detected_at"`
	Facts      []facts.Change `json:"facts"`
	// SinceFirst are the fact changes from the article's first version to
	// this one (for versions after the second; empty otherwise).
	SinceFirst []facts.Change `json:"since_first,omitempty"`
	Inserted   int            `json:"inserted"` // sentence counts
	Deleted    int            `json:"deleted"`
	Changed    int            `json:"changed"`
	Moved      int            `json:"moved"`
}

// Cutoff checks a retention policy and returns the time before which
// versions may go (zero: keepFor is 0, no time limit).
func Cutoff(keepLast int, keepFor time.Duration, now time.Time) (time.Time, error) {
	if keepLast < 0 || keepFor < 0 {
		return time.Time{}, errors.New("negative retention limit")
	}
	if keepFor == 0 {
		return time.Time{}, nil
	}
	return now.Add(-keepFor), nil
}

// Keep is the retention rule Compact applies, shared by every store
// implementation: version i (0-based, in seq order) of n, fetched at
// fetched, stays when it is the first or the latest, or when it is among
// the last keepLast (0: no limit) and fetched after cutoff (zero: forever).
func Keep(i, n int, fetched time.Time, keepLast int, cutoff time.Time) bool {
	return i == 0 || i == n-1 ||
		((keepLast == 0 || i >= n-keepLast) && (cutoff.IsZero() || fetched.After(cutoff)))
}

// ErrNotFound is returned when an article, version, feed or alert does not exist.
var ErrNotFound = errors.New("store: not found")

// ErrLocked is returned by Open when another process (normally a running
// storywatch daemon) holds the store file's lock for longer than
// Options.Timeout. Open wraps it with the path.
var ErrLocked = errors.New("store: locked by another process")

// ErrSchema is returned by Open when the store was written by a newer
// storywatch whose schema this version does not understand.
var ErrSchema = errors.New("store: schema version too new")

// ErrNotStore is returned by Open when the file at the store's path is
// something else: a directory, a file of another kind, or a bbolt
// database another program wrote. Open leaves such a file as it found it.
var ErrNotStore = errors.New("not a storywatch store")

// ErrAmbiguous is returned by Article when an id prefix matches more than one
// article.
var ErrAmbiguous = errors.New("store: ambiguous article id prefix")

// ErrShortPrefix is returned by Article when a reference is neither an
// article id nor a known URL, and too short (under 4 characters) to be
// taken as an id prefix. It wraps ErrNotFound.
var ErrShortPrefix = fmt.Errorf("%w: an id prefix needs at least %d characters", ErrNotFound, MinPrefix)

// FeedState is the health and conditional-GET state of one feed.
type FeedState struct {
	URL          string    `json:"url"`
	Name         string    `json:"name,omitempty"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	LastPolled   time.Time `json:"last_polled"`
	Status       string    `json:"status"`               // "ok", "not_modified", "warning", "error", "" (never polled)
	Error        string    `json:"error,omitempty"`      // cause of the last failure or warning; empty after a good poll
	Items        int       `json:"items"`                // items in the last good parse
	Matched      int       `json:"matched"`              // of those, the ones matching the story filter
	NextPoll     time.Time `json:"next_poll,omitzero"`   // when the scheduler polls next
	RetryAfter   time.Time `json:"retry_after,omitzero"` // server-requested earliest retry (429/503)
	Failures     int       `json:"failures,omitempty"`   // consecutive failures
}

// OutboxEntry is one alert waiting for (or given up on) delivery.
type OutboxEntry struct {
	Key         string    `json:"key"`                  // idempotency key, unique per alert
	Channel     string    `json:"channel"`              // e.g. "webhook:0", "email"
	Body        []byte    `json:"body"`                 // encoded alert, opaque to the store
	Created     time.Time `json:"created"`              // when the alert was queued
	NextAttempt time.Time `json:"next_attempt"`         // not delivered before this; zero means now
	Attempts    int       `json:"attempts"`             // failed attempts so far
	LastError   string    `json:"last_error,omitempty"` // cause of the last failure
	DeadAt      time.Time `json:"dead_at,omitzero"`     // non-zero: in the dead-letter list
}

// SiteState is what the pipeline learned about one site's pages: whether
// its fast extraction path has been shown to agree with readability.
type SiteState struct {
	Agreed     int  `json:"agreed"`      // consecutive pages where both extractions agreed
	Trusted    bool `json:"trusted"`     // the fast path is used
	SinceCheck int  `json:"since_check"` // fast pages since the last check
	// Skip are the signature chains of the site's article-region elements
	// that were learned not to hold article text, and Boiler the hashes of
	// the text blocks seen in them, Common the hashes of texts seen on two
	// pages or more (monitor/extract.Layout).
	Skip   []uint64 `json:"skip,omitempty"`
	Boiler []uint64 `json:"boiler,omitempty"`
	Common []uint64 `json:"common,omitempty"`
	// Frequent are those of Common seen on four pages or more: the site's
	// furniture (monitor/extract.Layout.Frequent).
	Frequent []uint64 `json:"frequent,omitempty"`
	// Main are the hashes of texts seen on two pages or more in the pages'
	// main kind of element (a body's paragraphs).
	Main []uint64 `json:"main,omitempty"`
	// Quiet counts the fast pages in a row that taught the learner nothing.
	Quiet int `json:"quiet,omitempty"`
	// Titles are the hashes of the site's page titles and of the texts of
	// links making up whole blocks, alone or after a label (story cards,
	// "Related coverage:" lines): headlines, never article text
	// (monitor/extract.Layout.Headline).
	Titles []uint64 `json:"titles,omitempty"`
}

// Stats summarises the store's size.
type Stats struct {
	Articles    int   `json:"articles"`
	Versions    int   `json:"versions"`
	StoredBytes int64 `json:"stored_bytes"` // bytes of the stored (compressed) version records and of the dictionaries they use
	RawBytes    int64 `json:"raw_bytes"`    // uncompressed title+text of those versions
	DictBytes   int64 `json:"dict_bytes"`   // of StoredBytes, the store's trained zstd dictionaries
}

// Version is one stored state of an article's text.
type Version struct {
	Seq       int          `json:"version"`            // 1-based, in fetch order; stays stable after Compact
	FetchedAt time.Time    `json:"fetched_at"`         // when this text was fetched
	Hash      string       `json:"hash"`               // content hash computed by the caller (normalised title+text)
	Title     string       `json:"title"`              // headline of this version
	Byline    string       `json:"byline,omitempty"`   // author line, if any
	Published time.Time    `json:"published,omitzero"` // publication time the page or feed claimed
	Modified  time.Time    `json:"modified,omitzero"`  // modification time the page or feed claimed
	Text      string       `json:"text,omitempty"`     // paragraphs separated by "\n\n"
	Source    string       `json:"source"`             // "page" or "feed"
	Facts     []facts.Fact `json:"facts,omitempty"`    // facts extracted from this version, for timelines
}

// UTC normalises a timestamp for storage: UTC, no monotonic reading.
func UTC(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC().Round(0)
}

// CollectChanges gathers into a list what an engine's EachChange walk
// yields from since: both engines' Changes.
func CollectChanges(since time.Time, each func(time.Time, func(*Change) error) error) ([]Change, error) {
	var out []Change
	if err := each(since, func(c *Change) error {
		out = append(out, *c)
		return nil
	}); err != nil {
		return nil, err
	}
	return out, nil
}
