package bolt

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/storywatch/storywatch/store"
	bbolt "go.etcd.io/bbolt"
)

// feedRecord is the stored form of a FeedState: the same fields under
// storage tags, so the public JSON tags can change without touching old files.
type feedRecord struct {
	URL          string    `json:"url"`
	Name         string    `json:"name,omitempty"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	LastPolled   time.Time `json:"last_polled,omitzero"`
	Status       string    `json:"status,omitempty"`
	Error        string    `json:"error,omitempty"`
	Items        int       `json:"items,omitempty"`
	Matched      int       `json:"matched,omitempty"`
	NextPoll     time.Time `json:"next_poll,omitzero"`
	RetryAfter   time.Time `json:"retry_after,omitzero"`
	Failures     int       `json:"failures,omitempty"`
}

func decodeFeed(v []byte) (store.FeedState, error) {
	var r feedRecord
	if err := json.Unmarshal(v, &r); err != nil {
		return store.FeedState{}, fmt.Errorf("decode feed: %w", err)
	}
	return store.FeedState(r), nil
}

func putFeed(tx *bbolt.Tx, f store.FeedState) error {
	if f.URL == "" {
		return fmt.Errorf("write feed state: empty URL")
	}
	f.LastPolled, f.NextPoll, f.RetryAfter = store.UTC(f.LastPolled), store.UTC(f.NextPoll), store.UTC(f.RetryAfter)
	b, err := json.Marshal(feedRecord(f))
	if err != nil {
		return fmt.Errorf("encode feed %s: %w", f.URL, err)
	}
	if err := tx.Bucket(bucketFeeds).Put([]byte(f.URL), b); err != nil {
		return fmt.Errorf("write feed %s: %w", f.URL, err)
	}
	return nil
}

// Feed returns the stored state of the feed at url, or ErrNotFound.
func (s *Store) Feed(url string) (store.FeedState, error) {
	var f store.FeedState
	err := s.db.View(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketFeeds)
		if b == nil || url == "" {
			return store.ErrNotFound
		}
		v := b.Get([]byte(url))
		if v == nil {
			return store.ErrNotFound
		}
		var err error
		f, err = decodeFeed(v)
		return err
	})
	if err != nil {
		return store.FeedState{}, fmt.Errorf("read feed %s: %w", url, err)
	}
	return f, nil
}

// Feeds returns the state of every feed ever polled, sorted by URL.
func (s *Store) Feeds() ([]store.FeedState, error) {
	var out []store.FeedState
	err := s.db.View(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketFeeds)
		if b == nil {
			return nil
		}
		// bbolt keys are sorted bytewise, so this is URL order.
		return b.ForEach(func(_, v []byte) error {
			f, err := decodeFeed(v)
			if err != nil {
				return err
			}
			out = append(out, f)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list feeds: %w", err)
	}
	return out, nil
}

// DeleteFeed forgets the state of the feed at url (e.g. after it was removed
// from the config). A missing feed is not an error.
func (s *Store) DeleteFeed(url string) error {
	err := s.db.Update(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketFeeds).Delete([]byte(url))
	})
	if err != nil {
		return fmt.Errorf("delete feed %s: %w", url, err)
	}
	return nil
}
