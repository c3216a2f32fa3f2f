package bolt

import (
	"encoding/binary"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/store"
	bbolt "go.etcd.io/bbolt"
)

func TestOpenLocking(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "storywatch.db")
	short := Options{Timeout: 50 * time.Millisecond}
	writer := mustOpenPath(t, path, short)
	if writer.Path() != path {
		t.Errorf("Path() = %q, want %q", writer.Path(), path)
	}

	t.Run("second writer", func(t *testing.T) {
		s, err := Open(path, short)
		if !errors.Is(err, store.ErrLocked) {
			if s != nil {
				s.Close()
			}
			t.Fatalf("second write-open: err = %v, want ErrLocked", err)
		}
		if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "daemon") {
			t.Errorf("error %q should name the path and the daemon", err)
		}
	})
	t.Run("reader while writer", func(t *testing.T) {
		s, err := Open(path, Options{ReadOnly: true, Timeout: 50 * time.Millisecond})
		if !errors.Is(err, store.ErrLocked) {
			if s != nil {
				s.Close()
			}
			t.Fatalf("read-only open: err = %v, want ErrLocked", err)
		}
	})

	mustApply(t, writer, []store.FeedState{{URL: "https://example.com/rss", Status: "ok"}})
	if err := writer.Close(); err != nil {
		t.Fatal(err)
	}

	t.Run("two readers", func(t *testing.T) {
		r1 := mustOpenPath(t, path, Options{ReadOnly: true, Timeout: 50 * time.Millisecond})
		r2 := mustOpenPath(t, path, Options{ReadOnly: true, Timeout: 50 * time.Millisecond})
		for _, r := range []*Store{r1, r2} {
			if _, err := r.Feed("https://example.com/rss"); err != nil {
				t.Errorf("Feed via reader: %v", err)
			}
		}
		if _, err := r1.Apply(nil, []store.FeedState{{URL: "x"}}); err == nil {
			t.Error("Apply on a read-only store succeeded")
		}
		if _, err := Open(path, short); !errors.Is(err, store.ErrLocked) {
			t.Errorf("write-open while readers hold it: err = %v, want ErrLocked", err)
		}
	})
}

func TestOpenReadOnlyMissingFile(t *testing.T) {
	_, err := Open(filepath.Join(t.TempDir(), "absent.db"), Options{ReadOnly: true})
	if err == nil {
		t.Fatal("read-only open of a missing file succeeded")
	}
}

func TestSchemaVersion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "storywatch.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = s.db.View(func(tx *bbolt.Tx) error {
		v := tx.Bucket(bucketMeta).Get(keySchema)
		if got := binary.BigEndian.Uint32(v); got != schemaVersion {
			t.Errorf("schema = %d, want %d", got, schemaVersion)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Pretend a newer storywatch wrote the file.
	err = s.db.Update(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keySchema, binary.BigEndian.AppendUint32(nil, schemaVersion+1))
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, ro := range []bool{false, true} {
		s, err := Open(path, Options{ReadOnly: ro})
		if !errors.Is(err, store.ErrSchema) {
			if s != nil {
				s.Close()
			}
			t.Errorf("Open(ReadOnly=%v) of newer schema: err = %v, want ErrSchema", ro, err)
		}
	}
}

func TestReopenKeepsEverything(t *testing.T) {
	path := filepath.Join(t.TempDir(), "storywatch.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	texts := summitEdits(t, 3)
	u1 := articleUpdate("https://example.com/a", "Summit", texts[0], t0)
	u1.Alerts = []store.OutboxEntry{{Key: "k1", Channel: "email", Body: []byte(`{"a":1}`), Created: t0}}
	u2 := articleUpdate("https://example.com/a", "Summit", texts[1], t0.Add(time.Hour))
	u2.Change = &store.Change{Inserted: 1}
	mustApply(t, s, []store.FeedState{{URL: "https://example.com/rss", Status: "ok", Items: 3}}, u1, u2)
	if _, err := s.Compact(0, 0, t0); err != nil {
		t.Fatal(err)
	}
	if err := s.AlertDead("k1", t0, "boom"); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, ro := range []bool{false, true} {
		s2, err := Open(path, Options{ReadOnly: ro})
		if err != nil {
			t.Fatal(err)
		}
		after := snapshot(t, s2)
		s2.Close()
		if before != after {
			t.Errorf("ReadOnly=%v: after reopen\n%s\nwant\n%s", ro, after, before)
		}
	}
}

// snapshot renders everything readable from s for comparison.
func snapshot(t *testing.T, s *Store) string {
	t.Helper()
	var b strings.Builder
	arts, err := s.Articles()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		vs, err := s.Versions(a.ID)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(dump(a, vs))
	}
	ch, _ := s.Changes(time.Time{})
	fs, _ := s.Feeds()
	dead, _ := s.DeadAlerts()
	st, _ := s.Stats()
	b.WriteString(dump(ch, fs, dead, st))
	return b.String()
}
