package bolt

import (
	"encoding/json"
	"fmt"

	"github.com/storywatch/storywatch/store"
	bbolt "go.etcd.io/bbolt"
)

// bucketSites holds what the pipeline learned per site (host -> SiteState
// JSON), so a `poll` run from cron starts where the last one stopped.
var bucketSites = []byte("sites")

// Sites returns every stored site state by host; empty for a store that
// never had one.
func (s *Store) Sites() (map[string]store.SiteState, error) {
	out := map[string]store.SiteState{}
	err := s.db.View(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketSites)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var st store.SiteState
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

// Site returns the stored state of one site; the zero state for a site
// never learned.
func (s *Store) Site(host string) (store.SiteState, error) {
	var st store.SiteState
	err := s.db.View(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketSites)
		if b == nil {
			return nil
		}
		if v := b.Get([]byte(host)); v != nil {
			return json.Unmarshal(v, &st)
		}
		return nil
	})
	if err != nil {
		return store.SiteState{}, fmt.Errorf("read state of site %s: %w", host, err)
	}
	return st, nil
}

// PutSites stores the given site states, replacing those of the same hosts.
func (s *Store) PutSites(sites map[string]store.SiteState) error {
	if len(sites) == 0 {
		return nil
	}
	err := s.db.Update(func(tx *bbolt.Tx) error {
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
