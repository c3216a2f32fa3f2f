package store_test

import (
	"path/filepath"
	"testing"

	"github.com/storywatch/storywatch/store"
	"github.com/storywatch/storywatch/store/storetest"
)

// TestConformance runs the suite every store implementation passes on the
// embedded bbolt store.
func TestConformance(t *testing.T) {
	storetest.Run(t, storetest.Harness{
		New: func(t *testing.T) storetest.Store {
			s, err := store.Open(filepath.Join(t.TempDir(), "storywatch.db"), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			return s
		},
		Reopen: func(t *testing.T, s storetest.Store) storetest.Store {
			path := s.Path()
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			s2, err := store.Open(path, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			return s2
		},
	})
}
