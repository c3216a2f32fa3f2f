package store

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"
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

// Apply writes all updates and feed states in one transaction and returns,
// per update, the seq assigned to its version (0 when none was stored). A
// version whose Hash equals the latest stored version's Hash is not stored,
// and then its Change and Alerts are dropped too, so replaying a pass after a
// crash never stores a duplicate. An empty Hash is replaced by the SHA-256 of
// title and text. Any error rolls back everything.
func (s *Store) Apply(updates []Update, feeds []FeedState) ([]int, error) {
	seqs := make([]int, len(updates))
	var undo func() // drops a dictionary trained in a transaction that did not commit
	err := s.db.Update(func(tx *bolt.Tx) error {
		keyframes := 0
		for i := range updates {
			seq, err := s.applyOne(tx, &updates[i], &keyframes)
			if err != nil {
				return fmt.Errorf("article %s: %w", updates[i].Article.URL, err)
			}
			seqs[i] = seq
		}
		if keyframes > 0 {
			var err error
			if undo, err = s.noteKeyframes(tx, keyframes); err != nil {
				return err
			}
		}
		for _, f := range feeds {
			if err := putFeed(tx, f); err != nil {
				return err
			}
		}
		return nil
	})
	if undo != nil {
		if err != nil {
			undo()
		} else {
			s.codec.settle()
		}
	}
	if err != nil {
		return nil, fmt.Errorf("apply updates: %w", err)
	}
	return seqs, nil
}

// applyOne writes one update; keyframes counts the keyframes it stores.
func (s *Store) applyOne(tx *bolt.Tx, u *Update, keyframes *int) (int, error) {
	a := u.Article
	if a.URL == "" {
		return 0, errors.New("empty article URL")
	}
	if a.ID == "" {
		a.ID = ArticleID(a.URL)
	}
	rec, err := getArticle(tx, a.ID)
	switch {
	case errors.Is(err, ErrNotFound):
		rec = &articleRecord{ID: a.ID}
	case err != nil:
		return 0, err
	}
	mergeArticle(rec, a)

	seq := 0
	if u.Version != nil {
		v := *u.Version
		if v.Hash == "" {
			v.Hash = HashVersion(&v)
		}
		if rec.LatestSeq > 0 && v.Hash == rec.LatestHash {
			// Already stored: a replay. Only the metadata is refreshed.
			return 0, s.finishArticle(tx, rec)
		}
		if seq, err = s.appendVersion(tx, rec, &v, keyframes); err != nil {
			return 0, err
		}
		if a.Title == "" && v.Title != "" {
			rec.Title = v.Title
		}
		if rec.FirstSeen.IsZero() {
			rec.FirstSeen = utc(v.FetchedAt)
		}
		if u.Change != nil && rec.Versions > 1 {
			c := CompleteChange(*u.Change, rec.ID, rec.URL, seq, v.Title, v.FetchedAt)
			if err := putChange(tx, &c); err != nil {
				return 0, err
			}
		}
	}
	if rec.FirstSeen.IsZero() {
		rec.FirstSeen = rec.LastChecked
	}
	if u.Version == nil && u.StatusChange != nil && rec.LatestSeq > 0 {
		c := CompleteChange(*u.StatusChange, rec.ID, rec.URL, rec.LatestSeq, rec.Title, time.Time{})
		if err := putStatusChange(tx, &c); err != nil {
			return 0, err
		}
	}
	for _, e := range u.Alerts {
		if _, err := queueAlert(tx, e); err != nil {
			return 0, err
		}
	}
	return seq, s.finishArticle(tx, rec)
}

// finishArticle writes the record and points its URL and aliases at it.
func (s *Store) finishArticle(tx *bolt.Tx, rec *articleRecord) error {
	if err := putArticle(tx, rec); err != nil {
		return err
	}
	for _, u := range append([]string{rec.URL}, rec.Aliases...) {
		if u == "" {
			continue
		}
		old := lookupURL(tx, u)
		if string(old) == rec.ID {
			continue // unchanged: a Put would still dirty the page
		}
		if old != nil {
			// Never steal another article's canonical URL.
			if other, err := getArticle(tx, string(old)); err == nil && other.URL == u {
				continue
			}
		}
		if err := putURL(tx, u, rec.ID); err != nil {
			return fmt.Errorf("write alias %s: %w", u, err)
		}
	}
	return nil
}

// mergeArticle folds the caller's view of an article into the stored record.
func mergeArticle(rec *articleRecord, a Article) {
	art := rec.article()
	MergeArticle(&art, a)
	rec.URL, rec.Title, rec.Outlet = art.URL, art.Title, art.Outlet
	rec.Feeds, rec.Aliases = art.Feeds, art.Aliases
	rec.FirstSeen, rec.LastChecked, rec.Published = art.FirstSeen, art.LastChecked, art.Published
	rec.ETag, rec.LastModified, rec.PageHash, rec.Status = art.ETag, art.LastModified, art.PageHash, art.Status
}

// MergeArticle folds in, the caller's view of an article (Update.Article),
// into stored, the article as stored (zero for a new one), by the rules
// Update documents. Every store implementation merges with it, so they
// cannot drift apart. Versions and LastChanged are left alone.
func MergeArticle(stored *Article, in Article) {
	if stored.URL != "" && stored.URL != in.URL {
		stored.Aliases = appendUnique(stored.Aliases, stored.URL)
	}
	stored.URL = in.URL
	if in.Title != "" {
		stored.Title = in.Title
	}
	if stored.Outlet == "" {
		stored.Outlet = in.Outlet
	}
	stored.Feeds = appendUnique(stored.Feeds, in.Feeds...)
	stored.Aliases = appendUnique(stored.Aliases, in.Aliases...)
	stored.Aliases = slices.DeleteFunc(stored.Aliases, func(s string) bool { return s == stored.URL || s == "" })
	if fs := utc(in.FirstSeen); !fs.IsZero() && (stored.FirstSeen.IsZero() || fs.Before(stored.FirstSeen)) {
		stored.FirstSeen = fs
	}
	if lc := utc(in.LastChecked); lc.After(stored.LastChecked) {
		stored.LastChecked = lc
	}
	if !in.Published.IsZero() {
		stored.Published = utc(in.Published)
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

func appendUnique(list []string, add ...string) []string {
	for _, s := range add {
		if s != "" && !slices.Contains(list, s) {
			list = append(list, s)
		}
	}
	return list
}

// appendVersion compresses v and stores it as the next version of rec,
// updating rec's version bookkeeping; a keyframe adds one to keyframes.
func (s *Store) appendVersion(tx *bolt.Tx, rec *articleRecord, v *Version, keyframes *int) (int, error) {
	vs := openVersions(tx, rec.ID)
	seq, err := vs.nextSeq(rec.LatestSeq)
	if err != nil {
		return 0, fmt.Errorf("next version seq: %w", err)
	}
	raw := marshalPayload(v)
	h := versionHeader{format: versionFormat2, raw: len(v.Title) + len(v.Text), fetchedAt: utc(v.FetchedAt)}
	var base []byte
	if rec.KeySeq > 0 && rec.KeyCount < keyframeEvery {
		bh, p, err := s.payload(vs, rec.KeySeq, nil)
		if err != nil {
			return 0, fmt.Errorf("read keyframe: %w", err)
		}
		if bh.format == versionFormat2 {
			base = p // a format 1 keyframe is JSON: start a binary one
		}
	}
	var body []byte
	h.kind, h.dict, body = s.encodePayload(raw, base)
	if h.kind == kindKeyframe {
		rec.KeySeq, rec.KeyCount = seq, 0
		*keyframes++
	} else {
		h.base = rec.KeySeq
		rec.KeyCount++
	}
	if err := vs.put(seq, append(appendHeader(nil, h), body...)); err != nil {
		return 0, fmt.Errorf("write version %d: %w", seq, err)
	}
	rec.Versions++
	rec.LatestSeq, rec.LatestHash = seq, v.Hash
	rec.LastChanged = utc(v.FetchedAt)
	return seq, nil
}
