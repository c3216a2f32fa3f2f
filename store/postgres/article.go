package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/storywatch/storywatch/store"
)

// minPrefix is the shortest id prefix Article accepts, as in package store.
const minPrefix = 4

// record is an article row: the Article plus the bookkeeping Apply needs.
type record struct {
	store.Article
	latestSeq  int
	latestHash string
}

const articleCols = `id, url, title, outlet, feeds, aliases, first_seen, last_changed, last_checked,
	published, versions, etag, last_modified, page_hash, status, latest_seq, latest_hash`

// scanArticle reads one row selected with articleCols.
func scanArticle(row pgx.Row) (*record, error) {
	var r record
	var fs, lc, lk, pub string
	a := &r.Article
	if err := row.Scan(&a.ID, &a.URL, &a.Title, &a.Outlet, &a.Feeds, &a.Aliases, &fs, &lc, &lk,
		&pub, &a.Versions, &a.ETag, &a.LastModified, &a.PageHash, &a.Status, &r.latestSeq, &r.latestHash); err != nil {
		return nil, notFound(err)
	}
	if err := parseTimes([]string{fs, lc, lk, pub}, &a.FirstSeen, &a.LastChanged, &a.LastChecked, &a.Published); err != nil {
		return nil, err
	}
	if len(a.Feeds) == 0 {
		a.Feeds = nil
	}
	if len(a.Aliases) == 0 {
		a.Aliases = nil
	}
	return &r, nil
}

// querier is what reads need: a pool or a transaction.
type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

func getArticle(ctx context.Context, q querier, id string, lock bool) (*record, error) {
	sql := `SELECT ` + articleCols + ` FROM articles WHERE id = $1`
	if lock {
		sql += ` FOR UPDATE`
	}
	return scanArticle(q.QueryRow(ctx, sql, id))
}

// Article finds an article by id, unique id prefix (at least 4
// characters), canonical URL or alias URL, like bolt.Store.Article.
func (s *Store) Article(ref string) (store.Article, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	r, err := resolve(ctx, s.pool, ref)
	if err != nil {
		return store.Article{}, fmt.Errorf("find article %q: %w", ref, err)
	}
	return r.Article, nil
}

// resolve looks ref up as id, then URL or alias, then id prefix.
func resolve(ctx context.Context, q querier, ref string) (*record, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, store.ErrNotFound
	}
	// An id never holds "://": a URL (the pipeline's lookups) skips the
	// id query.
	if !strings.Contains(ref, "://") {
		if r, err := getArticle(ctx, q, ref, false); !errors.Is(err, store.ErrNotFound) {
			return r, err
		}
	}
	r, err := scanArticle(q.QueryRow(ctx, `SELECT `+prefixed("a.", articleCols)+`
		FROM urls u JOIN articles a ON a.id = u.article_id WHERE u.url = $1`, ref))
	if !errors.Is(err, store.ErrNotFound) {
		return r, err
	}
	if len(ref) < minPrefix {
		return nil, store.ErrShortPrefix
	}
	prefix := strings.ToLower(ref)
	rows, err := q.Query(ctx, `SELECT id FROM articles WHERE starts_with(id, $1) ORDER BY id LIMIT 11`, prefix)
	if err != nil {
		return nil, err
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, err
	}
	switch len(ids) {
	case 0:
		return nil, store.ErrNotFound
	case 1:
		return getArticle(ctx, q, ids[0], false)
	default:
		return nil, fmt.Errorf("%w: matches %s", store.ErrAmbiguous, strings.Join(ids, ", "))
	}
}

// prefixed qualifies each of the comma-separated columns with p.
func prefixed(p, cols string) string {
	parts := strings.Split(cols, ",")
	for i, c := range parts {
		parts[i] = p + strings.TrimSpace(c)
	}
	return strings.Join(parts, ", ")
}

// Articles returns every tracked article ordered by FirstSeen, then URL.
func (s *Store) Articles() ([]store.Article, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	rows, err := s.pool.Query(ctx, `SELECT `+articleCols+` FROM articles ORDER BY first_seen, url COLLATE "C"`)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	defer rows.Close()
	var out []store.Article
	for rows.Next() {
		r, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("list articles: %w", err)
		}
		out = append(out, r.Article)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return out, nil
}

// putArticle queues the write of r's row and points its URL and aliases
// at it, never taking another article's canonical URL.
func putArticle(w *writes, r *record) error {
	a := &r.Article
	w.queue("write article "+a.ID, `UPDATE articles SET url = $2, title = $3, outlet = $4, feeds = $5, aliases = $6,
		first_seen = $7, last_changed = $8, last_checked = $9, published = $10, versions = $11, etag = $12,
		last_modified = $13, page_hash = $14, status = $15, latest_seq = $16, latest_hash = $17 WHERE id = $1`,
		a.ID, clean(a.URL), clean(a.Title), clean(a.Outlet), cleanAll(a.Feeds), cleanAll(a.Aliases), ts(a.FirstSeen),
		ts(a.LastChanged), ts(a.LastChecked), ts(a.Published), a.Versions, clean(a.ETag), clean(a.LastModified),
		a.PageHash, clean(a.Status), r.latestSeq, r.latestHash)
	for _, u := range append([]string{a.URL}, a.Aliases...) {
		if u == "" {
			continue
		}
		w.queue("write alias "+u, `INSERT INTO urls (url, article_id) VALUES ($1, $2)
			ON CONFLICT (url) DO UPDATE SET article_id = EXCLUDED.article_id
			WHERE urls.article_id <> EXCLUDED.article_id AND NOT EXISTS (
				SELECT 1 FROM articles o WHERE o.id = urls.article_id AND o.url = urls.url)`, clean(u), a.ID)
	}
	return nil
}

// cleanAll is clean of each string, never nil (the columns are NOT NULL).
func cleanAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = clean(s)
	}
	return out
}
