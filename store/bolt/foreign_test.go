package bolt

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storywatch/storywatch/store"
	bbolt "go.etcd.io/bbolt"
)

// TestOpenRefusesOtherFiles points the store at files storywatch never
// wrote, as a mistyped store.path does. Before, a directory, an SQLite
// file or a log failed with bbolt's bare "invalid database", and another
// program's bbolt database opened as an empty store (a write-open added
// storywatch's buckets to it). Now each open, read or write, fails with
// ErrNotStore naming the path and what is there, and leaves the file's
// bytes as they were.
func TestOpenRefusesOtherFiles(t *testing.T) {
	sqlite := append([]byte("SQLite format 3\x00"), bytes.Repeat([]byte{0x10, 0, 1, 1}, 1024)...)
	otherBolt := func(t *testing.T, path string) {
		db, err := bbolt.Open(path, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		err = db.Update(func(tx *bbolt.Tx) error {
			b, err := tx.CreateBucket([]byte("sessions"))
			if err != nil {
				return err
			}
			return b.Put([]byte("k"), []byte("v"))
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		name string
		make func(t *testing.T, path string)
		want string // in the message, besides the path and "not a storywatch store"
	}{
		{"sqlite", func(t *testing.T, path string) { writeFile(t, path, sqlite) }, `"SQLite format 3"`},
		{"text", func(t *testing.T, path string) { writeFile(t, path, []byte("2025-08-18 poll ok\n")) }, `"2025-08-18 poll`},
		{"binary", func(t *testing.T, path string) { writeFile(t, path, bytes.Repeat([]byte{0xff, 0x01}, 4096)) }, "ff 01 ff 01"},
		{"directory", func(t *testing.T, path string) {
			if err := os.Mkdir(path, 0o755); err != nil {
				t.Fatal(err)
			}
		}, "is a directory"},
		{"other bolt", otherBolt, `another program (buckets "sessions")`},
	}
	for _, tc := range cases {
		for _, readOnly := range []bool{true, false} {
			t.Run(tc.name+map[bool]string{true: "/read", false: "/write"}[readOnly], func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "x.db")
				tc.make(t, path)
				before := fileBytes(t, path)
				s, err := Open(path, Options{ReadOnly: readOnly})
				if err == nil {
					s.Close()
					t.Fatalf("Open succeeded on a %s", tc.name)
				}
				if !errors.Is(err, store.ErrNotStore) {
					t.Errorf("error %q does not wrap ErrNotStore", err)
				}
				for _, w := range []string{path, "not a storywatch store", tc.want} {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error %q does not say %q", err, w)
					}
				}
				if after := fileBytes(t, path); !bytes.Equal(before, after) {
					t.Errorf("Open changed the %s (%d bytes before, %d after)", tc.name, len(before), len(after))
				}
			})
		}
	}
}

// TestCheckFileTakesStores: a missing or empty file (a write-open makes
// it a store), a new store and another program's bbolt file (Open tells
// that one, under its lock) pass the header check.
func TestCheckFileTakesStores(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	writeFile(t, empty, nil)
	fresh := filepath.Join(dir, "fresh.db")
	s, err := Open(fresh, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, p := range []string{filepath.Join(dir, "missing.db"), empty, fresh} {
		if err := CheckFile(p); err != nil {
			t.Errorf("CheckFile(%s): %v", p, err)
		}
	}
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// fileBytes is the file's bytes, or nil for a directory.
func fileBytes(t *testing.T, path string) []byte {
	t.Helper()
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
