package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/storywatch/storywatch/store"
)

// ClaimFeed takes the lease on feed url for owner until now+ttl. It fails
// (false) while another owner's lease runs, or when the feed's last poll
// ended at or after fresh (zero: no such check), so replicas do not repeat
// each other's fresh polls. The lease row is taken with SELECT ... FOR
// UPDATE SKIP LOCKED: a replica never waits for another's claim, it moves
// on.
func (s *Store) ClaimFeed(url, owner string, now time.Time, ttl time.Duration, fresh time.Time) (bool, error) {
	claimed := false
	err := s.inTx(func(ctx context.Context, tx pgx.Tx) error {
		claimed = false
		zero := ts(time.Time{})
		if _, err := tx.Exec(ctx, `INSERT INTO feed_leases (url, owner, until, polled_at) VALUES ($1, '', $2, $2)
			ON CONFLICT (url) DO NOTHING`, url, zero); err != nil {
			return err
		}
		var holder, until, polled string
		err := tx.QueryRow(ctx, `SELECT owner, until, polled_at FROM feed_leases WHERE url = $1 FOR UPDATE SKIP LOCKED`, url).
			Scan(&holder, &until, &polled)
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
		if !fresh.IsZero() && polled >= ts(fresh) {
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

// ReleaseFeed ends owner's lease on feed url and records that its poll
// ended at polledAt.
func (s *Store) ReleaseFeed(url, owner string, polledAt time.Time) error {
	ctx, cancel := s.ctx()
	defer cancel()
	if _, err := s.pool.Exec(ctx, `UPDATE feed_leases SET until = $3, polled_at = $4 WHERE url = $1 AND owner = $2`,
		url, owner, ts(time.Time{}), ts(polledAt)); err != nil {
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
