package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/storywatch/storywatch/store"
)

const feedCols = `url, name, etag, last_modified, last_polled, status, error, items, matched, next_poll, retry_after, failures`

func scanFeed(row pgx.CollectableRow) (store.FeedState, error) {
	var f store.FeedState
	var polled, next, retry string
	if err := row.Scan(&f.URL, &f.Name, &f.ETag, &f.LastModified, &polled, &f.Status, &f.Error, &f.Items,
		&f.Matched, &next, &retry, &f.Failures); err != nil {
		return store.FeedState{}, notFound(err)
	}
	if err := parseTimes([]string{polled, next, retry}, &f.LastPolled, &f.NextPoll, &f.RetryAfter); err != nil {
		return store.FeedState{}, err
	}
	return f, nil
}

func putFeed(w *writes, f store.FeedState) error {
	if f.URL == "" {
		return fmt.Errorf("write feed state: empty URL")
	}
	w.queue("write feed "+f.URL, `INSERT INTO feeds (`+feedCols+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
		ON CONFLICT (url) DO UPDATE SET name = EXCLUDED.name, etag = EXCLUDED.etag,
			last_modified = EXCLUDED.last_modified, last_polled = EXCLUDED.last_polled, status = EXCLUDED.status,
			error = EXCLUDED.error, items = EXCLUDED.items, matched = EXCLUDED.matched,
			next_poll = EXCLUDED.next_poll, retry_after = EXCLUDED.retry_after, failures = EXCLUDED.failures`,
		clean(f.URL), clean(f.Name), clean(f.ETag), clean(f.LastModified), ts(f.LastPolled), f.Status, clean(f.Error),
		f.Items, f.Matched, ts(f.NextPoll), ts(f.RetryAfter), f.Failures)
	return nil
}

// Feed returns the stored state of the feed at url, or store.ErrNotFound.
func (s *Store) Feed(url string) (store.FeedState, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	rows, err := s.pool.Query(ctx, `SELECT `+feedCols+` FROM feeds WHERE url = $1`, url)
	if err == nil {
		var f store.FeedState
		if f, err = pgx.CollectExactlyOneRow(rows, scanFeed); err == nil {
			return f, nil
		}
	}
	return store.FeedState{}, fmt.Errorf("read feed %s: %w", url, notFound(err))
}

// Feeds returns the state of every feed ever polled, sorted by URL.
func (s *Store) Feeds() ([]store.FeedState, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	rows, err := s.pool.Query(ctx, `SELECT `+feedCols+` FROM feeds ORDER BY url`)
	if err != nil {
		return nil, fmt.Errorf("list feeds: %w", err)
	}
	out, err := collect(rows, scanFeed)
	if err != nil {
		return nil, fmt.Errorf("list feeds: %w", err)
	}
	return out, nil
}

// DeleteFeed forgets the state of the feed at url. A missing feed is not
// an error.
func (s *Store) DeleteFeed(url string) error {
	ctx, cancel := s.ctx()
	defer cancel()
	if _, err := s.pool.Exec(ctx, `DELETE FROM feeds WHERE url = $1`, url); err != nil {
		return fmt.Errorf("delete feed %s: %w", url, err)
	}
	return nil
}

// siteLayout is the part of a site state kept as JSON (schema 3).
type siteLayout struct {
	Skip     []uint64 `json:"skip,omitempty"`
	Boiler   []uint64 `json:"boiler,omitempty"`
	Common   []uint64 `json:"common,omitempty"`
	Main     []uint64 `json:"main,omitempty"`
	Quiet    int      `json:"quiet,omitempty"`
	Titles   []uint64 `json:"titles,omitempty"`
	Frequent []uint64 `json:"frequent,omitempty"`
}

// Sites returns every stored site state by host.
func (s *Store) Sites() (map[string]store.SiteState, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	rows, err := s.pool.Query(ctx, `SELECT host, agreed, trusted, since_check, layout FROM sites`)
	if err != nil {
		return nil, fmt.Errorf("read site states: %w", err)
	}
	defer rows.Close()
	out := map[string]store.SiteState{}
	for rows.Next() {
		host, st, err := scanSite(rows)
		if err != nil {
			return nil, err
		}
		out[host] = st
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read site states: %w", err)
	}
	return out, nil
}

// Site returns the stored state of one site; the zero state for a site
// never learned.
func (s *Store) Site(host string) (store.SiteState, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	row := s.pool.QueryRow(ctx, `SELECT host, agreed, trusted, since_check, layout FROM sites WHERE host = $1`, clean(host))
	_, st, err := scanSite(row)
	if errors.Is(err, pgx.ErrNoRows) {
		return store.SiteState{}, nil
	}
	return st, err
}

// scanSite reads one row of the sites table.
func scanSite(row pgx.Row) (string, store.SiteState, error) {
	var host string
	var st store.SiteState
	var layout []byte
	if err := row.Scan(&host, &st.Agreed, &st.Trusted, &st.SinceCheck, &layout); err != nil {
		return "", st, fmt.Errorf("read site states: %w", err)
	}
	var l siteLayout
	if err := json.Unmarshal(layout, &l); err != nil {
		return "", st, fmt.Errorf("read layout of site %s: %w", host, err)
	}
	st.Skip, st.Boiler, st.Common, st.Main, st.Quiet, st.Titles, st.Frequent = l.Skip, l.Boiler, l.Common, l.Main, l.Quiet, l.Titles, l.Frequent
	return host, st, nil
}

// PutSites stores the given site states, replacing those of the same hosts.
func (s *Store) PutSites(sites map[string]store.SiteState) error {
	if len(sites) == 0 {
		return nil
	}
	err := s.inTx(func(ctx context.Context, tx pgx.Tx) error {
		for host, st := range sites {
			if host == "" {
				continue
			}
			layout, err := json.Marshal(siteLayout{Skip: st.Skip, Boiler: st.Boiler, Common: st.Common, Main: st.Main, Quiet: st.Quiet, Titles: st.Titles, Frequent: st.Frequent})
			if err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `INSERT INTO sites (host, agreed, trusted, since_check, layout) VALUES ($1, $2, $3, $4, $5)
				ON CONFLICT (host) DO UPDATE SET agreed = EXCLUDED.agreed, trusted = EXCLUDED.trusted,
					since_check = EXCLUDED.since_check, layout = EXCLUDED.layout`,
				clean(host), st.Agreed, st.Trusted, st.SinceCheck, layout); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("write site states: %w", err)
	}
	return nil
}

// Stats counts articles and versions and compares stored with raw bytes;
// StoredBytes is what PostgreSQL keeps of the version rows (TOAST
// compression included).
func (s *Store) Stats() (store.Stats, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	var st store.Stats
	err := s.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM articles),
		count(*), coalesce(sum(octet_length(title) + octet_length(body)), 0), coalesce(sum(pg_column_size(v.*)), 0)
		FROM versions v`).Scan(&st.Articles, &st.Versions, &st.RawBytes, &st.StoredBytes)
	if err != nil {
		return store.Stats{}, fmt.Errorf("read store stats: %w", err)
	}
	return st, nil
}

// Size returns the database's size in bytes.
func (s *Store) Size() (int64, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	var n int64
	if err := s.pool.QueryRow(ctx, `SELECT pg_database_size(current_database())`).Scan(&n); err != nil {
		return 0, fmt.Errorf("read store size: %w", err)
	}
	return n, nil
}
