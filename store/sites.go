package store

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// bucketSites holds what the pipeline learned per site (host -> SiteState
// JSON), so a `poll` run from cron starts where the last one stopped.
var bucketSites = []byte("sites")

// SiteState is what the pipeline learned about one site's pages: whether
// its fast extraction path has been shown to agree with readability.
type SiteState struct {
	Agreed     int  `json:"agreed"`      // consecutive pages where both extractions agreed
	Trusted    bool `json:"trusted"`     // the fast path is used
	SinceCheck int  `json:"since_check"` // fast pages since the last check
	// Skip are the signature chains of the site's article-region elements
	// that were learned not to hold article text, and Boiler the hashes of
	// the text blocks seen in them, Common the hashes of texts seen on two
	// pages or more (monitor/extract.Layout).
	Skip   []uint64 `json:"skip,omitempty"`
	Boiler []uint64 `json:"boiler,omitempty"`
	Common []uint64 `json:"common,omitempty"`
	// Quiet counts the fast pages in a row that taught the learner nothing.
	Quiet int `json:"quiet,omitempty"`
}

// Sites returns every stored site state by host; empty for a store that
// never had one.
func (s *Store) Sites() (map[string]SiteState, error) {
	out := map[string]SiteState{}
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSites)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var st SiteState
			if err := json.Unmarshal(v, &st); err != nil {
				return fmt.Errorf("site %s: %w", k, err)
			}
			out[string(k)] = st
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read site states: %w", err)
	}
	return out, nil
}

// PutSites stores the given site states, replacing those of the same hosts.
func (s *Store) PutSites(sites map[string]SiteState) error {
	if len(sites) == 0 {
		return nil
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketSites)
		if err != nil {
			return err
		}
		for host, st := range sites {
			if host == "" {
				continue
			}
			v, err := json.Marshal(st)
			if err != nil {
				return err
			}
			if err := b.Put([]byte(host), v); err != nil {
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
