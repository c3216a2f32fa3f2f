package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/storywatch/storywatch/store"
)

// ImportArticle writes one article exactly as another store holds it: its
// versions keep their seqs (gaps left by compaction included), its changes
// and status changes their times. It is for `storywatch copy`; an article
// already in the database is an error, never overwritten.
func (s *Store) ImportArticle(a store.Article, versions []store.Version, changes, status []store.Change) error {
	err := s.inTx(func(ctx context.Context, tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO articles (id, url, first_seen, last_changed, last_checked, published)
			VALUES ($1, '', $2, $2, $2, $2) ON CONFLICT (id) DO NOTHING`, a.ID, ts(time.Time{}))
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return fmt.Errorf("already in the database")
		}
		rec := &record{Article: a}
		var w writes
		for i := range versions {
			if err := putVersion(&w, a.ID, &versions[i]); err != nil {
				return err
			}
			rec.latestSeq, rec.latestHash = versions[i].Seq, versions[i].Hash
		}
		for i := range changes {
			if err := putChange(&w, &changes[i], false); err != nil {
				return err
			}
		}
		for i := range status {
			if err := putChange(&w, &status[i], true); err != nil {
				return err
			}
		}
		if err := putArticle(&w, rec); err != nil {
			return err
		}
		return w.send(ctx, tx)
	})
	if err != nil {
		return fmt.Errorf("import article %s: %w", a.ID, err)
	}
	return nil
}

// ImportAlerts writes pending and dead alerts and delivered keys exactly as
// another store holds them, for `storywatch copy`. Keys already present are
// left alone.
func (s *Store) ImportAlerts(pending, dead []store.OutboxEntry, delivered map[string]time.Time) error {
	err := s.inTx(func(ctx context.Context, tx pgx.Tx) error {
		for i, list := range [][]store.OutboxEntry{pending, dead} {
			for _, e := range list {
				if _, err := tx.Exec(ctx, `INSERT INTO alerts (key, dead, channel, body, created, next_attempt, attempts, last_error, dead_at)
					VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (key) DO NOTHING`,
					e.Key, i == 1, e.Channel, e.Body, ts(e.Created), ts(e.NextAttempt), e.Attempts,
					clean(e.LastError), ts(e.DeadAt)); err != nil {
					return fmt.Errorf("alert %s: %w", e.Key, err)
				}
			}
		}
		for k, at := range delivered {
			if _, err := tx.Exec(ctx, `INSERT INTO delivered (key, at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, k, ts(at)); err != nil {
				return fmt.Errorf("delivered alert %s: %w", k, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("import alerts: %w", err)
	}
	return nil
}
