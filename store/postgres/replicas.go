package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/storywatch/storywatch/store"
)

// ClaimFeed takes the lease on feed url for owner until now+ttl. It fails
// (false) while another owner's lease runs, and, for a scheduled poll,
// while the quiet time set by the last poll's ReleaseFeed runs. The lease
// row is taken with SELECT ... FOR UPDATE SKIP LOCKED: a replica never
// waits for another's claim, it moves on.
func (s *Store) ClaimFeed(url, owner string, now time.Time, ttl time.Duration, scheduled bool) (bool, error) {
	claimed := false
	err := s.inTx(func(ctx context.Context, tx pgx.Tx) error {
		claimed = false
		zero := ts(time.Time{})
		if _, err := tx.Exec(ctx, `INSERT INTO feed_leases (url, owner, until, quiet_until) VALUES ($1, '', $2, $2)
			ON CONFLICT (url) DO NOTHING`, url, zero); err != nil {
			return err
		}
		var holder, until, quiet string
		err := tx.QueryRow(ctx, `SELECT owner, until, quiet_until FROM feed_leases WHERE url = $1 FOR UPDATE SKIP LOCKED`, url).
			Scan(&holder, &until, &quiet)
		if err == pgx.ErrNoRows {
			return nil // another replica is claiming it right now
		}
		if err != nil {
			return err
		}
		n := ts(now)
		if holder != owner && until > n {
			return nil
		}
		if scheduled && quiet > n {
			return nil
		}
		if _, err := tx.Exec(ctx, `UPDATE feed_leases SET owner = $2, until = $3 WHERE url = $1`, url, owner, ts(now.Add(ttl))); err != nil {
			return err
		}
		claimed = true
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("claim feed %s: %w", url, err)
	}
	return claimed, nil
}

// ReleaseFeed ends owner's lease on feed url; scheduled polls of any
// replica then wait until quietUntil (zero: none).
func (s *Store) ReleaseFeed(url, owner string, quietUntil time.Time) error {
	ctx, cancel := s.ctx()
	defer cancel()
	if _, err := s.pool.Exec(ctx, `UPDATE feed_leases SET until = $3, quiet_until = $4 WHERE url = $1 AND owner = $2`,
		url, owner, ts(time.Time{}), ts(quietUntil)); err != nil {
		return fmt.Errorf("release feed %s: %w", url, err)
	}
	return nil
}

// ClaimDueAlerts claims up to limit due alerts for owner until now+ttl and
// returns them, oldest first. Alerts claimed by another replica whose
// claim still runs are skipped (SKIP LOCKED: nobody waits); an alert whose
// claimer died is claimed again when its claim expires, under the same
// idempotency key. AlertDelivered, AlertFailed and AlertDead end a claim.
func (s *Store) ClaimDueAlerts(now time.Time, limit int, owner string, ttl time.Duration) ([]store.OutboxEntry, error) {
	var lim any
	if limit > 0 {
		lim = limit
	}
	var out []store.OutboxEntry
	err := s.inTx(func(ctx context.Context, tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `UPDATE alerts SET claimed_by = $2, claim_until = $3 WHERE key IN (
				SELECT key FROM alerts WHERE NOT dead AND next_attempt <= $1 AND claim_until <= $1
				ORDER BY created, key LIMIT $4 FOR UPDATE SKIP LOCKED)
			RETURNING `+alertCols, ts(now), owner, ts(now.Add(ttl)), lim)
		if err != nil {
			return err
		}
		out, err = collect(rows, scanAlert)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("claim due alerts: %w", err)
	}
	// RETURNING has no order of its own.
	sortByCreated(out)
	return out, nil
}
