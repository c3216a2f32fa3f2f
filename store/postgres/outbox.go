package postgres

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/storywatch/storywatch/store"
)

const alertCols = `key, channel, body, created, next_attempt, attempts, last_error, dead_at`

func scanAlert(row pgx.CollectableRow) (store.OutboxEntry, error) {
	var e store.OutboxEntry
	var created, next, dead string
	if err := row.Scan(&e.Key, &e.Channel, &e.Body, &created, &next, &e.Attempts, &e.LastError, &dead); err != nil {
		return store.OutboxEntry{}, err
	}
	if err := parseTimes([]string{created, next, dead}, &e.Created, &e.NextAttempt, &e.DeadAt); err != nil {
		return store.OutboxEntry{}, err
	}
	return e, nil
}

// listAlerts runs a query selecting alertCols.
func (s *Store) listAlerts(what, sql string, args ...any) ([]store.OutboxEntry, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	rows, err := s.pool.Query(ctx, sql, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	out, err := collect(rows, scanAlert)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

// DueAlerts returns up to limit pending alerts whose NextAttempt is not
// after now, oldest Created first. limit <= 0 means no limit.
func (s *Store) DueAlerts(now time.Time, limit int) ([]store.OutboxEntry, error) {
	var lim any // NULL: no limit
	if limit > 0 {
		lim = limit
	}
	return s.listAlerts("list due alerts", `SELECT `+alertCols+` FROM alerts
		WHERE NOT dead AND next_attempt <= $1 ORDER BY created, key LIMIT $2`, ts(now), lim)
}

// NextAlertDue returns the earliest NextAttempt among pending alerts; ok is
// false when none is pending.
func (s *Store) NextAlertDue() (next time.Time, ok bool, err error) {
	ctx, cancel := s.ctx()
	defer cancel()
	var at string
	// An alert another replica claimed is due again when its claim ends.
	err = s.pool.QueryRow(ctx, `SELECT greatest(next_attempt, claim_until) AS due FROM alerts WHERE NOT dead
		ORDER BY due LIMIT 1`).Scan(&at)
	if err == pgx.ErrNoRows {
		return time.Time{}, false, nil
	}
	if err != nil {
		return time.Time{}, false, fmt.Errorf("next alert due: %w", err)
	}
	next, err = parseTS(at)
	return next, err == nil, err
}

// Outbox returns every pending (not dead) alert, oldest Created first.
func (s *Store) Outbox() ([]store.OutboxEntry, error) {
	return s.listAlerts("list outbox", `SELECT `+alertCols+` FROM alerts WHERE NOT dead ORDER BY created, key`)
}

// DeadAlerts returns the dead-letter list, oldest Created first.
func (s *Store) DeadAlerts() ([]store.OutboxEntry, error) {
	return s.listAlerts("list dead alerts", `SELECT `+alertCols+` FROM alerts WHERE dead ORDER BY created, key`)
}

// AlertDelivered removes alert key from the outbox (or the dead letters)
// and remembers it as delivered, so a replay never queues it again.
// Repeating it for a delivered key is a no-op; an unknown key is
// store.ErrNotFound.
func (s *Store) AlertDelivered(key string, at time.Time) error {
	err := s.inTx(func(ctx context.Context, tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO delivered (key, at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, key, ts(at))
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return nil // delivered before
		}
		tag, err = tx.Exec(ctx, `DELETE FROM alerts WHERE key = $1`, key)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return store.ErrNotFound
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("mark alert %s delivered: %w", key, err)
	}
	return nil
}

// AlertFailed records a failed attempt of pending alert key: Attempts++,
// LastError = msg, NextAttempt = next.
func (s *Store) AlertFailed(key string, next time.Time, msg string) error {
	return s.updateAlert("mark alert "+key+" failed", `UPDATE alerts SET attempts = attempts + 1, last_error = $2,
		next_attempt = $3, claimed_by = '', claim_until = $4 WHERE key = $1 AND NOT dead`, key, clean(msg), ts(next), ts(time.Time{}))
}

// AlertDead moves pending alert key to the dead letters, recording msg (if
// any) as its last error. Like AlertFailed it ends an attempt, and counts it
// (attempts + 1): the store counts every attempt, the last one included.
func (s *Store) AlertDead(key string, at time.Time, msg string) error {
	return s.updateAlert("mark alert "+key+" dead", `UPDATE alerts SET dead = true, dead_at = $2, attempts = attempts + 1,
		last_error = CASE WHEN $3 = '' THEN last_error ELSE $3 END, claimed_by = '', claim_until = $4
		WHERE key = $1 AND NOT dead`, key, ts(at), clean(msg), ts(time.Time{}))
}

// updateAlert runs one UPDATE of one alert; no row is store.ErrNotFound.
func (s *Store) updateAlert(what, sql string, args ...any) error {
	ctx, cancel := s.ctx()
	defer cancel()
	tag, err := s.pool.Exec(ctx, sql, args...)
	if err == nil && tag.RowsAffected() == 0 {
		err = store.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// RetryDead moves the given dead alerts (all of them when no keys are
// given) back to the outbox, due at now with their attempt count reset. An
// unknown key is store.ErrNotFound and moves nothing.
func (s *Store) RetryDead(now time.Time, keys ...string) (int, error) {
	n := 0
	err := s.inTx(func(ctx context.Context, tx pgx.Tx) error {
		const retry = `UPDATE alerts SET dead = false, dead_at = $1, next_attempt = $2, attempts = 0,
			claimed_by = '', claim_until = $1 WHERE dead`
		if len(keys) == 0 {
			tag, err := tx.Exec(ctx, retry, ts(time.Time{}), ts(now))
			n = int(tag.RowsAffected())
			return err
		}
		for _, k := range keys {
			tag, err := tx.Exec(ctx, retry+` AND key = $3`, ts(time.Time{}), ts(now), k)
			if err != nil {
				return err
			}
			if tag.RowsAffected() == 0 {
				return fmt.Errorf("dead alert %s: %w", k, store.ErrNotFound)
			}
			n++
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("retry dead alerts: %w", err)
	}
	return n, nil
}

// Delivered reports whether alert key was delivered.
func (s *Store) Delivered(key string) (bool, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	var ok bool
	if err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM delivered WHERE key = $1)`, key).Scan(&ok); err != nil {
		return false, fmt.Errorf("check alert %s: %w", key, err)
	}
	return ok, nil
}

// AlertCounts returns how many alerts wait in the outbox and how many are
// in the dead letters.
func (s *Store) AlertCounts() (pending, dead int, err error) {
	ctx, cancel := s.ctx()
	defer cancel()
	err = s.pool.QueryRow(ctx, `SELECT count(*) FILTER (WHERE NOT dead), count(*) FILTER (WHERE dead) FROM alerts`).Scan(&pending, &dead)
	if err != nil {
		return 0, 0, fmt.Errorf("count alerts: %w", err)
	}
	return pending, dead, nil
}

// DeliveredAlerts returns every remembered delivered-alert key with its
// delivery time.
func (s *Store) DeliveredAlerts() (map[string]time.Time, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	rows, err := s.pool.Query(ctx, `SELECT key, at FROM delivered`)
	if err != nil {
		return nil, fmt.Errorf("list delivered alerts: %w", err)
	}
	defer rows.Close()
	out := map[string]time.Time{}
	for rows.Next() {
		var k, at string
		if err := rows.Scan(&k, &at); err != nil {
			return nil, fmt.Errorf("list delivered alerts: %w", err)
		}
		if out[k], err = parseTS(at); err != nil {
			return nil, err
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list delivered alerts: %w", err)
	}
	return out, nil
}

// sortByCreated orders alerts oldest first, key as tie-break, as Outbox.
func sortByCreated(es []store.OutboxEntry) {
	slices.SortFunc(es, func(a, b store.OutboxEntry) int {
		if c := a.Created.Compare(b.Created); c != 0 {
			return c
		}
		return strings.Compare(a.Key, b.Key)
	})
}
