package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/storywatch/storywatch/store"
)

// Apply writes all updates and feed states in one transaction and returns,
// per update, the seq assigned to its version (0 when none was stored),
// with bolt.Store.Apply's rules: a version whose hash equals the latest
// stored one is skipped with its change and alerts, alert keys already
// queued, dead or delivered are not queued again, and any error rolls back
// everything. The articles are locked in id order first, so concurrent
// writers (other replicas) wait for each other per article and never store
// a version twice. Then every write is sent in one round trip.
func (s *Store) Apply(updates []store.Update, feeds []store.FeedState) ([]int, error) {
	seqs := make([]int, len(updates))
	err := s.inTx(func(ctx context.Context, tx pgx.Tx) error {
		ids := make([]string, 0, len(updates))
		for i := range updates {
			if updates[i].Article.URL == "" {
				return fmt.Errorf("article %s: empty article URL", updates[i].Article.URL)
			}
			ids = append(ids, articleID(&updates[i].Article))
		}
		recs, err := lockArticles(ctx, tx, ids)
		if err != nil {
			return err
		}
		var w writes
		for i := range updates {
			seq, err := applyOne(&w, &updates[i], recs[ids[i]])
			if err != nil {
				return fmt.Errorf("article %s: %w", updates[i].Article.URL, err)
			}
			seqs[i] = seq
		}
		for _, f := range feeds {
			if err := putFeed(&w, f); err != nil {
				return err
			}
		}
		return w.send(ctx, tx)
	})
	if err != nil {
		return nil, fmt.Errorf("apply updates: %w", err)
	}
	return seqs, nil
}

// writes queues a transaction's statements to send in one round trip.
type writes struct {
	b    pgx.Batch
	what []string // per statement, for errors
}

func (w *writes) queue(what, sql string, args ...any) {
	w.b.Queue(sql, args...)
	w.what = append(w.what, what)
}

// send runs the queued statements in order; the first failure is returned,
// named by its statement.
func (w *writes) send(ctx context.Context, tx pgx.Tx) error {
	if len(w.what) == 0 {
		return nil
	}
	br := tx.SendBatch(ctx, &w.b)
	for _, what := range w.what {
		if _, err := br.Exec(); err != nil {
			_ = br.Close()
			return fmt.Errorf("%s: %w", what, err)
		}
	}
	return br.Close()
}

func articleID(a *store.Article) string {
	if a.ID != "" {
		return a.ID
	}
	return store.ArticleID(a.URL)
}

// lockArticles creates the rows of new articles, locks every row in id
// order and returns them by id.
func lockArticles(ctx context.Context, tx pgx.Tx, ids []string) (map[string]*record, error) {
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	sorted = slices.Compact(sorted)
	zero := ts(time.Time{})
	if _, err := tx.Exec(ctx, `INSERT INTO articles (id, url, first_seen, last_changed, last_checked, published)
		SELECT id, '', $2, $2, $2, $2 FROM unnest($1::text[]) AS t(id) ORDER BY id
		ON CONFLICT (id) DO NOTHING`, sorted, zero); err != nil {
		return nil, fmt.Errorf("create articles: %w", err)
	}
	rows, err := tx.Query(ctx, `SELECT `+articleCols+` FROM articles WHERE id = ANY($1) ORDER BY id FOR UPDATE`, sorted)
	if err != nil {
		return nil, fmt.Errorf("lock articles: %w", err)
	}
	defer rows.Close()
	recs := make(map[string]*record, len(sorted))
	for rows.Next() {
		r, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("lock articles: %w", err)
		}
		recs[r.ID] = r
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("lock articles: %w", err)
	}
	if len(recs) != len(sorted) {
		return nil, fmt.Errorf("lock articles: %d of %d rows", len(recs), len(sorted))
	}
	return recs, nil
}

// applyOne queues the writes of one update of the locked article rec,
// which it updates in place (the same article may come again in the batch).
func applyOne(w *writes, u *store.Update, rec *record) (int, error) {
	store.MergeArticle(&rec.Article, u.Article)

	seq := 0
	if u.Version != nil {
		v := *u.Version
		if v.Hash == "" {
			v.Hash = store.HashVersion(&v)
		}
		if rec.latestSeq > 0 && v.Hash == rec.latestHash {
			// Already stored: a replay. Only the metadata is refreshed.
			return 0, putArticle(w, rec)
		}
		seq = rec.latestSeq + 1
		v.Seq = seq
		if err := putVersion(w, rec.ID, &v); err != nil {
			return 0, err
		}
		rec.Versions++
		rec.latestSeq, rec.latestHash = seq, v.Hash
		rec.LastChanged = v.FetchedAt.UTC().Round(0)
		if u.Article.Title == "" && v.Title != "" {
			rec.Title = v.Title
		}
		if rec.FirstSeen.IsZero() {
			rec.FirstSeen = v.FetchedAt.UTC().Round(0)
		}
		if u.Change != nil && rec.Versions > 1 {
			c := store.CompleteChange(*u.Change, rec.ID, rec.URL, seq, v.Title, v.FetchedAt)
			if err := putChange(w, &c, false); err != nil {
				return 0, err
			}
		}
	}
	if rec.FirstSeen.IsZero() {
		rec.FirstSeen = rec.LastChecked
	}
	if u.Version == nil && u.StatusChange != nil && rec.latestSeq > 0 {
		c := store.CompleteChange(*u.StatusChange, rec.ID, rec.URL, rec.latestSeq, rec.Title, time.Time{})
		if err := putChange(w, &c, true); err != nil {
			return 0, err
		}
	}
	for _, e := range u.Alerts {
		if err := queueAlert(w, e); err != nil {
			return 0, err
		}
	}
	return seq, putArticle(w, rec)
}

// jsonOrNil encodes a non-empty list as JSON for a jsonb column; an empty
// one is NULL.
func jsonOrNil[T any](list []T) (any, error) {
	if len(list) == 0 {
		return nil, nil
	}
	b, err := json.Marshal(list)
	if err != nil {
		return nil, err
	}
	// jsonb refuses \u0000 in strings.
	return clean(string(b)), nil
}

func putVersion(w *writes, id string, v *store.Version) error {
	fs, err := jsonOrNil(v.Facts)
	if err != nil {
		return fmt.Errorf("encode facts: %w", err)
	}
	w.queue(fmt.Sprintf("article %s: write version %d", id, v.Seq), `INSERT INTO versions (article_id, seq, fetched_at, hash, title, byline, published, modified, body, source, facts)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
		id, v.Seq, ts(v.FetchedAt), v.Hash, clean(v.Title), clean(v.Byline), ts(v.Published), ts(v.Modified),
		clean(v.Text), clean(v.Source), fs)
	return nil
}

// putChange stores c; a status change (status) replaces a record with the
// same time, version and article, as in the bbolt store.
func putChange(w *writes, c *store.Change, status bool) error {
	fs, err := jsonOrNil(c.Facts)
	if err != nil {
		return fmt.Errorf("encode change: %w", err)
	}
	sf, err := jsonOrNil(c.SinceFirst)
	if err != nil {
		return fmt.Errorf("encode change: %w", err)
	}
	w.queue("article "+c.ArticleID+": write change", `INSERT INTO changes (detected_at, version, article_id, status, article_url, title, facts,
			since_first, inserted, deleted, changed, moved)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
		ON CONFLICT (detected_at, version, article_id) DO UPDATE SET status = EXCLUDED.status,
			article_url = EXCLUDED.article_url, title = EXCLUDED.title, facts = EXCLUDED.facts,
			since_first = EXCLUDED.since_first, inserted = EXCLUDED.inserted, deleted = EXCLUDED.deleted,
			changed = EXCLUDED.changed, moved = EXCLUDED.moved`,
		ts(c.DetectedAt), c.Version, c.ArticleID, status, clean(c.Article), clean(c.Title), fs, sf,
		c.Inserted, c.Deleted, c.Changed, c.Moved)
	return nil
}

// decodeFacts reads a jsonb list column (NULL: none).
func decodeFacts[T any](b []byte) ([]T, error) {
	if len(b) == 0 {
		return nil, nil
	}
	var out []T
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// errEmptyKey rejects an alert without an idempotency key.
var errEmptyKey = errors.New("queue alert: empty key")

// queueAlert adds e to the outbox unless its key is already queued, dead
// or delivered.
func queueAlert(w *writes, e store.OutboxEntry) error {
	if e.Key == "" {
		return errEmptyKey
	}
	w.queue("queue alert "+e.Key, `INSERT INTO alerts (key, channel, body, created, next_attempt, attempts, last_error, dead_at)
		SELECT $1, $2, $3, $4, $5, $6, $7, $8
		WHERE NOT EXISTS (SELECT 1 FROM delivered WHERE key = $1)
		ON CONFLICT (key) DO NOTHING`,
		e.Key, e.Channel, e.Body, ts(e.Created), ts(e.NextAttempt), e.Attempts, clean(e.LastError), ts(time.Time{}))
	return nil
}
