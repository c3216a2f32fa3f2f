package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/storywatch/storywatch/store"
)

// Compact applies the retention policy (store.Keep) to every article and
// returns how many versions it removed, with their change records. With
// keepFor set, delivered-alert keys older than the cutoff are forgotten.
// Each article is compacted in its own transaction under its row lock, so
// replicas keep writing meanwhile.
func (s *Store) Compact(keepLast int, keepFor time.Duration, now time.Time) (removed int, err error) {
	cutoff, err := store.Cutoff(keepLast, keepFor, now)
	if err != nil {
		return 0, fmt.Errorf("compact store: %w", err)
	}
	ctx, cancel := s.ctx()
	rows, err := s.pool.Query(ctx, `SELECT id FROM articles WHERE versions > 1 ORDER BY id`)
	var ids []string
	if err == nil {
		ids, err = pgx.CollectRows(rows, pgx.RowTo[string])
	}
	cancel()
	if err != nil {
		return 0, fmt.Errorf("compact store: %w", err)
	}
	for _, id := range ids {
		err := s.inTx(func(ctx context.Context, tx pgx.Tx) error {
			n, err := compactArticle(ctx, tx, id, keepLast, cutoff)
			removed += n
			return err
		})
		if err != nil {
			return removed, fmt.Errorf("compact store: article %s: %w", id, err)
		}
	}
	if !cutoff.IsZero() {
		ctx, cancel := s.ctx()
		defer cancel()
		if _, err := s.pool.Exec(ctx, `DELETE FROM delivered WHERE at < $1`, ts(cutoff)); err != nil {
			return removed, fmt.Errorf("compact store: prune delivered alerts: %w", err)
		}
	}
	return removed, nil
}

func compactArticle(ctx context.Context, tx pgx.Tx, id string, keepLast int, cutoff time.Time) (int, error) {
	if _, err := getArticle(ctx, tx, id, true); err != nil {
		return 0, err
	}
	rows, err := tx.Query(ctx, `SELECT seq, fetched_at FROM versions WHERE article_id = $1 ORDER BY seq`, id)
	if err != nil {
		return 0, err
	}
	var seqs []int
	var fetched []time.Time
	for rows.Next() {
		var seq int
		var at string
		if err := rows.Scan(&seq, &at); err != nil {
			return 0, err
		}
		t, err := parseTS(at)
		if err != nil {
			return 0, err
		}
		seqs, fetched = append(seqs, seq), append(fetched, t)
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	var gone []int
	for i, seq := range seqs {
		if !store.Keep(i, len(seqs), fetched[i], keepLast, cutoff) {
			gone = append(gone, seq)
		}
	}
	if len(gone) == 0 {
		return 0, nil
	}
	if _, err := tx.Exec(ctx, `DELETE FROM versions WHERE article_id = $1 AND seq = ANY($2)`, id, gone); err != nil {
		return 0, err
	}
	if _, err := tx.Exec(ctx, `DELETE FROM changes WHERE article_id = $1 AND version = ANY($2) AND NOT status`, id, gone); err != nil {
		return 0, err
	}
	if _, err := tx.Exec(ctx, `UPDATE articles SET versions = versions - $2 WHERE id = $1`, id, len(gone)); err != nil {
		return 0, err
	}
	return len(gone), nil
}
