package bolt_test

import (
	"path/filepath"
	"testing"

	"github.com/storywatch/storywatch/store/bolt"

	"github.com/storywatch/storywatch/store/storetest"
)

// TestConformance runs the suite every store implementation passes on the
// embedded bbolt store.
func TestConformance(t *testing.T) {
	storetest.Run(t, storetest.Harness{
		New: func(t *testing.T) storetest.Store {
			s, err := bolt.Open(filepath.Join(t.TempDir(), "storywatch.db"), bolt.Options{})
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
			s2, err := bolt.Open(path, bolt.Options{})
			if err != nil {
				t.Fatal(err)
			}
			return s2
		},
	})
}
