package monitor_test

import (
	"path/filepath"
	"testing"

	"github.com/storywatch/storywatch/store"
)

// mustOpenStore opens a fresh bbolt store in t.TempDir and closes it at
// cleanup.
func mustOpenStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "storywatch.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}
