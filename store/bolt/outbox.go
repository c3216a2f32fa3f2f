package bolt

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/storywatch/storywatch/store"
	bbolt "go.etcd.io/bbolt"
)

// entryRecord is the stored form of an OutboxEntry: the same fields under
// storage tags, independent of the public ones.
type entryRecord struct {
	Key         string    `json:"k"`
	Channel     string    `json:"c"`
	Body        []byte    `json:"b,omitempty"`
	Created     time.Time `json:"t,omitzero"`
	NextAttempt time.Time `json:"n,omitzero"`
	Attempts    int       `json:"a,omitempty"`
	LastError   string    `json:"e,omitempty"`
	DeadAt      time.Time `json:"d,omitzero"`
}

func decodeEntry(v []byte) (store.OutboxEntry, error) {
	var r entryRecord
	if err := json.Unmarshal(v, &r); err != nil {
		return store.OutboxEntry{}, err
	}
	return store.OutboxEntry(r), nil
}

func putEntry(b *bbolt.Bucket, e store.OutboxEntry) error {
	e.Created, e.NextAttempt, e.DeadAt = store.UTC(e.Created), store.UTC(e.NextAttempt), store.UTC(e.DeadAt)
	v, err := json.Marshal(entryRecord(e))
	if err != nil {
		return fmt.Errorf("encode alert %s: %w", e.Key, err)
	}
	if err := b.Put([]byte(e.Key), v); err != nil {
		return fmt.Errorf("write alert %s: %w", e.Key, err)
	}
	return nil
}

func getEntry(b *bbolt.Bucket, key string) (store.OutboxEntry, bool, error) {
	if b == nil || key == "" {
		return store.OutboxEntry{}, false, nil
	}
	v := b.Get([]byte(key))
	if v == nil {
		return store.OutboxEntry{}, false, nil
	}
	e, err := decodeEntry(v)
	if err != nil {
		return store.OutboxEntry{}, false, fmt.Errorf("decode alert %s: %w", key, err)
	}
	return e, true, nil
}

func listEntries(tx *bbolt.Tx, bucket []byte) ([]store.OutboxEntry, error) {
	b := tx.Bucket(bucket)
	if b == nil {
		return nil, nil
	}
	var out []store.OutboxEntry
	err := b.ForEach(func(k, v []byte) error {
		e, err := decodeEntry(v)
		if err != nil {
			return fmt.Errorf("decode alert %s: %w", k, err)
		}
		out = append(out, e)
		return nil
	})
	return out, err
}

// byCreated orders alerts oldest first, key as tie-break.
func byCreated(a, b store.OutboxEntry) int {
	if c := a.Created.Compare(b.Created); c != 0 {
		return c
	}
	return strings.Compare(a.Key, b.Key)
}

// queueAlert adds e to the outbox unless its key is already queued, dead or
// delivered; it reports whether it was added.
func queueAlert(tx *bbolt.Tx, e store.OutboxEntry) (bool, error) {
	if e.Key == "" {
		return false, fmt.Errorf("queue alert: empty key")
	}
	k := []byte(e.Key)
	for _, name := range [][]byte{bucketOutbox, bucketDead, bucketDelivered} {
		if tx.Bucket(name).Get(k) != nil {
			return false, nil
		}
	}
	e.DeadAt = time.Time{}
	return true, putEntry(tx.Bucket(bucketOutbox), e)
}

// DueAlerts returns up to limit pending alerts whose NextAttempt is not after
// now, oldest Created first. limit <= 0 means no limit.
func (s *Store) DueAlerts(now time.Time, limit int) ([]store.OutboxEntry, error) {
	all, err := s.Outbox()
	if err != nil {
		return nil, err
	}
	due := all[:0]
	for _, e := range all {
		if !e.NextAttempt.After(now) {
			due = append(due, e)
		}
	}
	if limit > 0 && len(due) > limit {
		due = due[:limit]
	}
	return due, nil
}

// NextAlertDue returns the earliest NextAttempt among pending alerts; ok is
// false when none is pending. The daemon sleeps until then.
func (s *Store) NextAlertDue() (next time.Time, ok bool, err error) {
	all, err := s.Outbox()
	if err != nil {
		return time.Time{}, false, err
	}
	for _, e := range all {
		if !ok || e.NextAttempt.Before(next) {
			next, ok = e.NextAttempt, true
		}
	}
	return next, ok, nil
}

// Outbox returns every pending (not dead) alert, oldest Created first.
func (s *Store) Outbox() ([]store.OutboxEntry, error) {
	var out []store.OutboxEntry
	err := s.db.View(func(tx *bbolt.Tx) (err error) {
		out, err = listEntries(tx, bucketOutbox)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list outbox: %w", err)
	}
	slices.SortFunc(out, byCreated)
	return out, nil
}

// DeadAlerts returns the dead-letter list, oldest Created first.
func (s *Store) DeadAlerts() ([]store.OutboxEntry, error) {
	var out []store.OutboxEntry
	err := s.db.View(func(tx *bbolt.Tx) (err error) {
		out, err = listEntries(tx, bucketDead)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list dead alerts: %w", err)
	}
	slices.SortFunc(out, byCreated)
	return out, nil
}

// AlertDelivered removes alert key from the outbox (or the dead letters) and
// remembers the key as delivered, so a replay never queues it again.
// Repeating it for a delivered key is a no-op; an unknown key is ErrNotFound.
func (s *Store) AlertDelivered(key string, at time.Time) error {
	err := s.db.Update(func(tx *bbolt.Tx) error {
		k := []byte(key)
		del := tx.Bucket(bucketDelivered)
		if key != "" && del.Get(k) != nil {
			return nil
		}
		found := false
		for _, name := range [][]byte{bucketOutbox, bucketDead} {
			b := tx.Bucket(name)
			if key != "" && b.Get(k) != nil {
				found = true
				if err := b.Delete(k); err != nil {
					return err
				}
			}
		}
		if !found {
			return store.ErrNotFound
		}
		return del.Put(k, timeKey(store.UTC(at)))
	})
	if err != nil {
		return fmt.Errorf("mark alert %s delivered: %w", key, err)
	}
	return nil
}

// AlertFailed records a failed attempt of pending alert key: Attempts++,
// LastError = msg, NextAttempt = next.
func (s *Store) AlertFailed(key string, next time.Time, msg string) error {
	err := s.db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketOutbox)
		e, ok, err := getEntry(b, key)
		if err != nil {
			return err
		}
		if !ok {
			return store.ErrNotFound
		}
		e.Attempts++
		e.LastError = msg
		e.NextAttempt = next
		return putEntry(b, e)
	})
	if err != nil {
		return fmt.Errorf("mark alert %s failed: %w", key, err)
	}
	return nil
}

// AlertDead moves pending alert key to the dead letters, recording msg as
// its last error. Like AlertFailed it ends an attempt, and counts it
// (Attempts++): the store counts every attempt, the last one included.
func (s *Store) AlertDead(key string, at time.Time, msg string) error {
	err := s.db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketOutbox)
		e, ok, err := getEntry(b, key)
		if err != nil {
			return err
		}
		if !ok {
			return store.ErrNotFound
		}
		e.DeadAt = at
		e.Attempts++
		if msg != "" {
			e.LastError = msg
		}
		if err := b.Delete([]byte(key)); err != nil {
			return err
		}
		return putEntry(tx.Bucket(bucketDead), e)
	})
	if err != nil {
		return fmt.Errorf("mark alert %s dead: %w", key, err)
	}
	return nil
}

// RetryDead moves the given dead alerts (all of them when no keys are given)
// back to the outbox, due at now with their attempt count reset. It returns
// how many moved; an unknown key is ErrNotFound and moves nothing.
func (s *Store) RetryDead(now time.Time, keys ...string) (int, error) {
	n := 0
	err := s.db.Update(func(tx *bbolt.Tx) error {
		dead := tx.Bucket(bucketDead)
		var entries []store.OutboxEntry
		if len(keys) == 0 {
			var err error
			if entries, err = listEntries(tx, bucketDead); err != nil {
				return err
			}
		}
		for _, k := range keys {
			e, ok, err := getEntry(dead, k)
			if err != nil {
				return err
			}
			if !ok {
				return fmt.Errorf("dead alert %s: %w", k, store.ErrNotFound)
			}
			entries = append(entries, e)
		}
		for _, e := range entries {
			if err := dead.Delete([]byte(e.Key)); err != nil {
				return err
			}
			e.DeadAt, e.NextAttempt, e.Attempts = time.Time{}, now, 0
			if err := putEntry(tx.Bucket(bucketOutbox), e); err != nil {
				return err
			}
		}
		n = len(entries)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("retry dead alerts: %w", err)
	}
	return n, nil
}

// Delivered reports whether alert key was delivered.
func (s *Store) Delivered(key string) (bool, error) {
	var ok bool
	err := s.db.View(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketDelivered)
		ok = b != nil && key != "" && b.Get([]byte(key)) != nil
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("check alert %s: %w", key, err)
	}
	return ok, nil
}

// DeliveredAlerts returns every remembered delivered-alert key with its
// delivery time, for copying the store elsewhere.
func (s *Store) DeliveredAlerts() (map[string]time.Time, error) {
	out := map[string]time.Time{}
	err := s.db.View(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketDelivered)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var at time.Time
			if len(v) == 12 {
				at = parseTimeKey(v)
			}
			out[string(k)] = at
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list delivered alerts: %w", err)
	}
	return out, nil
}
