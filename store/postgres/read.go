package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/store"
)

const versionCols = `seq, fetched_at, hash, title, byline, published, modified, body, source, facts`

func scanVersion(row pgx.Row) (store.Version, error) {
	var v store.Version
	var fetched, pub, mod string
	var fs []byte
	if err := row.Scan(&v.Seq, &fetched, &v.Hash, &v.Title, &v.Byline, &pub, &mod, &v.Text, &v.Source, &fs); err != nil {
		return store.Version{}, notFound(err)
	}
	if err := parseTimes([]string{fetched, pub, mod}, &v.FetchedAt, &v.Published, &v.Modified); err != nil {
		return store.Version{}, err
	}
	var err error
	if v.Facts, err = decodeFacts[facts.Fact](fs); err != nil {
		return store.Version{}, fmt.Errorf("decode facts of version %d: %w", v.Seq, err)
	}
	return v, nil
}

// Versions returns every stored version of article id in seq order, text
// included. An unknown article is store.ErrNotFound.
func (s *Store) Versions(id string) ([]store.Version, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	var out []store.Version
	err := pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{AccessMode: pgx.ReadOnly, IsoLevel: pgx.RepeatableRead}, func(tx pgx.Tx) error {
		var one int
		if err := tx.QueryRow(ctx, `SELECT 1 FROM articles WHERE id = $1`, id).Scan(&one); err != nil {
			return notFound(err)
		}
		rows, err := tx.Query(ctx, `SELECT `+versionCols+` FROM versions WHERE article_id = $1 ORDER BY seq`, id)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			v, err := scanVersion(rows)
			if err != nil {
				return err
			}
			out = append(out, v)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("read versions of %s: %w", id, err)
	}
	return out, nil
}

// Version returns version seq of article id, or store.ErrNotFound.
func (s *Store) Version(id string, seq int) (store.Version, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	v, err := scanVersion(s.pool.QueryRow(ctx, `SELECT `+versionCols+` FROM versions WHERE article_id = $1 AND seq = $2`, id, seq))
	if err != nil {
		return store.Version{}, fmt.Errorf("read version %d of %s: %w", seq, id, err)
	}
	return v, nil
}

// LatestVersion returns the newest stored version of article id, or
// store.ErrNotFound when it has none.
func (s *Store) LatestVersion(id string) (store.Version, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	v, err := scanVersion(s.pool.QueryRow(ctx, `SELECT `+versionCols+` FROM versions WHERE article_id = $1 ORDER BY seq DESC LIMIT 1`, id))
	if err != nil {
		return store.Version{}, fmt.Errorf("read latest version of %s: %w", id, err)
	}
	return v, nil
}

const changeCols = `detected_at, version, article_id, article_url, title, facts, since_first, inserted, deleted, changed, moved`

func scanChange(row pgx.Row) (store.Change, error) {
	var c store.Change
	var detected string
	var fs, sf []byte
	if err := row.Scan(&detected, &c.Version, &c.ArticleID, &c.Article, &c.Title, &fs, &sf,
		&c.Inserted, &c.Deleted, &c.Changed, &c.Moved); err != nil {
		return store.Change{}, err
	}
	var err error
	if c.DetectedAt, err = parseTS(detected); err != nil {
		return store.Change{}, err
	}
	if c.Facts, err = decodeFacts[facts.Change](fs); err != nil {
		return store.Change{}, fmt.Errorf("decode change: %w", err)
	}
	if c.SinceFirst, err = decodeFacts[facts.Change](sf); err != nil {
		return store.Change{}, fmt.Errorf("decode change: %w", err)
	}
	if c.Facts == nil {
		c.Facts = []facts.Change{} // JSON consumers expect "facts": []
	}
	return c, nil
}

// Changes returns the changes detected at or after since, newest first
// (DetectedAt descending, then version descending, then article id
// descending). A zero since returns all.
func (s *Store) Changes(since time.Time) ([]store.Change, error) {
	return store.CollectChanges(since, s.EachChange)
}

// EachChange calls fn with each change Changes(since) would return, in the
// same order, streaming the rows. A non-nil error from fn stops the walk
// and is returned as is. The rows come from one snapshot; fn must not write
// to the store.
func (s *Store) EachChange(since time.Time, fn func(*store.Change) error) error {
	// No timeout: a slow consumer (a large `changes --json` piped on)
	// reads as long as it needs.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	lowest := ""
	if !since.IsZero() {
		lowest = ts(since)
	}
	rows, err := s.pool.Query(ctx, `SELECT `+changeCols+` FROM changes WHERE detected_at >= $1
		ORDER BY detected_at DESC, version DESC, article_id DESC`, lowest)
	if err != nil {
		return fmt.Errorf("list changes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		c, err := scanChange(rows)
		if err != nil {
			return fmt.Errorf("list changes: %w", err)
		}
		if err := fn(&c); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("list changes: %w", err)
	}
	return nil
}

// ArticleChanges returns the changes of article id's versions in version
// order (oldest first), each status event after the version it followed.
func (s *Store) ArticleChanges(id string) ([]store.Change, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	rows, err := s.pool.Query(ctx, `SELECT `+changeCols+` FROM changes WHERE article_id = $1 ORDER BY version, status, detected_at`, id)
	if err != nil {
		return nil, fmt.Errorf("list changes of %s: %w", id, err)
	}
	out, err := collect(rows, func(r pgx.CollectableRow) (store.Change, error) { return scanChange(r) })
	if err != nil {
		return nil, fmt.Errorf("list changes of %s: %w", id, err)
	}
	return out, nil
}
