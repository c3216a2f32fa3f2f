package bolt

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/storywatch/storywatch/store"
	bbolt "go.etcd.io/bbolt"
)

// testdata/format1.bbolt was written by the format 1 encoder (JSON payload
// metadata, no dictionaries) of commit 558aab9, running
// testdata/format1_gen.go.txt in a `git archive 558aab9` tree: the seed
// article, two edits, a rewrite (a second keyframe, seq 4) and two edits
// of it, stored as keyframes, raw deltas and a zstd delta, with facts, a
// byline and a publication time; plus a two-version unicode article.
// testdata/format1.golden.json holds what that encoder's reader returned
// for all of their versions. Users' stores hold such records, so they must
// keep reading, appending and compacting.
var format1URLs = []string{"https://example.com/world/summit", "https://example.com/u"}

// openFormat1 opens a copy of the format 1 store.
func openFormat1(t *testing.T, opts Options) *Store {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "format1.bbolt"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "format1.bbolt")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return mustOpenPath(t, path, opts)
}

// allVersions renders every version of the format 1 articles like the
// golden file.
func allVersions(t *testing.T, s *Store) string {
	t.Helper()
	var all []store.Version
	for _, u := range format1URLs {
		vs, err := s.Versions(store.ArticleID(u))
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, vs...)
	}
	return dump(all)
}

func TestFormat1Reads(t *testing.T) {
	golden, err := os.ReadFile(filepath.Join("testdata", "format1.golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, opts := range []Options{{ReadOnly: true}, {}} {
		t.Run(map[bool]string{true: "read-only", false: "writer"}[opts.ReadOnly], func(t *testing.T) {
			s := openFormat1(t, opts)
			kinds := map[byte]bool{}
			for _, h := range headers(t, s, store.ArticleID(format1URLs[0])) {
				if h.format != versionFormat1 {
					t.Fatalf("fixture holds a format %d record", h.format)
				}
				kinds[h.kind] = true
			}
			if len(kinds) != 3 {
				t.Fatalf("fixture covers record kinds %v, want all three", kinds)
			}
			if got := allVersions(t, s); got != string(golden) {
				t.Errorf("format 1 versions read differently than their encoder wrote them:\n%s", got)
			}
			st, err := s.Stats()
			if err != nil || st.Versions != 8 || st.DictBytes != 0 {
				t.Errorf("Stats = %+v, %v; want 8 versions, no dictionary", st, err)
			}
			// A write-open upgrades the schema so that schema 1 binaries
			// refuse the file instead of failing on binary records.
			want := uint32(1)
			if !opts.ReadOnly {
				want = schemaVersion
			}
			if err := s.db.View(func(tx *bbolt.Tx) error {
				if got := binary.BigEndian.Uint32(tx.Bucket(bucketMeta).Get(keySchema)); got != want {
					t.Errorf("schema %d after open, want %d", got, want)
				}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestFormat1AppendAndCompact: a new version of a format 1 article starts
// a binary keyframe, and Compact re-encodes the format 1 survivors whose
// keyframe it removes in the binary format, reading as before.
func TestFormat1AppendAndCompact(t *testing.T) {
	s := openFormat1(t, Options{})
	id := store.ArticleID(format1URLs[0])
	before, err := s.Versions(id)
	if err != nil {
		t.Fatal(err)
	}
	next := before[len(before)-1].Text + "\n\nA new paragraph after the upgrade."
	seqs := mustApply(t, s, nil, articleUpdate(format1URLs[0], "Putin and Zelensky set for summit", next, t0.Add(24*time.Hour)))
	if h := headers(t, s, id)[seqs[0]]; h.format != versionFormat2 || h.kind != kindKeyframe {
		t.Errorf("version appended to a format 1 article: %+v, want a format 2 keyframe", h)
	}
	if latest, err := s.LatestVersion(id); err != nil || latest.Text != next {
		t.Fatalf("LatestVersion after append: %v", err)
	}

	// Keeping the last 2 removes 2..5, among them the rewrite keyframe 4
	// that version 6 (a format 1 zstd delta) is based on.
	if hs := headers(t, s, id); hs[4].kind != kindKeyframe || hs[6].base != 4 || hs[6].format != versionFormat1 {
		t.Fatalf("fixture: headers %+v", hs)
	}
	removed, err := s.Compact(2, 0, t0.Add(48*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if removed != 4 {
		t.Errorf("Compact removed %d, want 4", removed)
	}
	vs, err := s.Versions(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 3 || dump(vs[:2]) != dump([]store.Version{before[0], before[5]}) || vs[2].Text != next {
		t.Errorf("survivors changed by Compact:\n%s", dump(vs))
	}
	hs := headers(t, s, id)
	if hs[1].format != versionFormat1 || hs[6].format != versionFormat2 || hs[6].kind != kindKeyframe {
		t.Errorf("after Compact: headers %+v, want 1 untouched and 6 a binary keyframe", hs)
	}
	// And the article keeps growing as deltas of a binary keyframe.
	more := next + " More."
	seqs = mustApply(t, s, nil, articleUpdate(format1URLs[0], "Putin and Zelensky set for summit", more, t0.Add(49*time.Hour)))
	if h := headers(t, s, id)[seqs[0]]; h.kind == kindKeyframe || h.format != versionFormat2 {
		t.Errorf("next version: %+v, want a binary delta", h)
	}
	if latest, err := s.LatestVersion(id); err != nil || latest.Text != more {
		t.Errorf("LatestVersion: %v", err)
	}
}
