package bolt

import (
	"errors"
	"fmt"
	"time"

	"github.com/storywatch/storywatch/store"
	bbolt "go.etcd.io/bbolt"
)

// Apply writes all updates and feed states in one transaction and returns,
// per update, the seq assigned to its version (0 when none was stored). A
// version whose Hash equals the latest stored version's Hash is not stored,
// and then its Change and Alerts are dropped too, so replaying a pass after a
// crash never stores a duplicate. An empty Hash is replaced by the SHA-256 of
// title and text. Any error rolls back everything.
func (s *Store) Apply(updates []store.Update, feeds []store.FeedState) ([]int, error) {
	seqs := make([]int, len(updates))
	var undo func() // drops a dictionary trained in a transaction that did not commit
	err := s.db.Update(func(tx *bbolt.Tx) error {
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
func (s *Store) applyOne(tx *bbolt.Tx, u *store.Update, keyframes *int) (int, error) {
	a := u.Article
	if a.URL == "" {
		return 0, errors.New("empty article URL")
	}
	if a.ID == "" {
		a.ID = store.ArticleID(a.URL)
	}
	rec, err := getArticle(tx, a.ID)
	switch {
	case errors.Is(err, store.ErrNotFound):
		rec = &articleRecord{ID: a.ID}
	case err != nil:
		return 0, err
	}
	mergeArticle(rec, a)

	seq := 0
	if u.Version != nil {
		v := *u.Version
		if v.Hash == "" {
			v.Hash = store.HashVersion(&v)
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
			rec.FirstSeen = store.UTC(v.FetchedAt)
		}
		if u.Change != nil && rec.Versions > 1 {
			c := store.CompleteChange(*u.Change, rec.ID, rec.URL, seq, v.Title, v.FetchedAt)
			if err := putChange(tx, &c); err != nil {
				return 0, err
			}
		}
	}
	if rec.FirstSeen.IsZero() {
		rec.FirstSeen = rec.LastChecked
	}
	if u.Version == nil && u.StatusChange != nil && rec.LatestSeq > 0 {
		c := store.CompleteChange(*u.StatusChange, rec.ID, rec.URL, rec.LatestSeq, rec.Title, time.Time{})
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
func (s *Store) finishArticle(tx *bbolt.Tx, rec *articleRecord) error {
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
func mergeArticle(rec *articleRecord, a store.Article) {
	art := rec.article()
	store.MergeArticle(&art, a)
	rec.URL, rec.Title, rec.Outlet = art.URL, art.Title, art.Outlet
	rec.Feeds, rec.Aliases = art.Feeds, art.Aliases
	rec.FirstSeen, rec.LastChecked, rec.Published = art.FirstSeen, art.LastChecked, art.Published
	rec.ETag, rec.LastModified, rec.PageHash, rec.Status = art.ETag, art.LastModified, art.PageHash, art.Status
}

// appendVersion compresses v and stores it as the next version of rec,
// updating rec's version bookkeeping; a keyframe adds one to keyframes.
func (s *Store) appendVersion(tx *bbolt.Tx, rec *articleRecord, v *store.Version, keyframes *int) (int, error) {
	vs := openVersions(tx, rec.ID)
	seq, err := vs.nextSeq(rec.LatestSeq)
	if err != nil {
		return 0, fmt.Errorf("next version seq: %w", err)
	}
	raw := marshalPayload(v)
	h := versionHeader{format: versionFormat2, raw: len(v.Title) + len(v.Text), fetchedAt: store.UTC(v.FetchedAt)}
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
	rec.LastChanged = store.UTC(v.FetchedAt)
	return seq, nil
}
