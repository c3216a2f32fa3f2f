package bolt

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/store"
	bbolt "go.etcd.io/bbolt"
)

// headers returns the stored version headers of article id in seq order.
func headers(t *testing.T, s *Store, id string) map[int]versionHeader {
	t.Helper()
	out := map[int]versionHeader{}
	err := s.db.View(func(tx *bbolt.Tx) error {
		vs, ok := versionsOf(tx, id)
		if !ok {
			return store.ErrNotFound
		}
		return vs.each(func(seq int, v []byte) error {
			h, _, err := parseHeader(v)
			out[seq] = h
			return err
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestCompressionRatio(t *testing.T) {
	tests := []struct {
		name     string
		versions int
		maxRatio float64
	}{
		{"first version alone", 1, 0.6},
		{"seed and 6 edits", 7, 0.35},
		{"seed and 20 edits", 21, 0.15},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustOpen(t)
			url := "https://example.com/world/summit"
			var raw int64
			for i, text := range summitEdits(t, tt.versions-1) {
				title := "Putin and Zelensky set for summit"
				mustApply(t, s, nil, articleUpdate(url, title, text, t0.Add(time.Duration(i)*time.Hour)))
				raw += int64(len(title) + len(text))
			}
			st, err := s.Stats()
			if err != nil {
				t.Fatal(err)
			}
			if st.RawBytes != raw || st.Versions != tt.versions || st.Articles != 1 {
				t.Errorf("Stats = %+v, want %d raw bytes, %d versions, 1 article", st, raw, tt.versions)
			}
			ratio := float64(st.StoredBytes) / float64(st.RawBytes)
			t.Logf("%d versions: stored %d of %d raw bytes (%.3f)", tt.versions, st.StoredBytes, st.RawBytes, ratio)
			if st.StoredBytes >= st.RawBytes || ratio > tt.maxRatio {
				t.Errorf("stored/raw = %.3f, want <= %.2f", ratio, tt.maxRatio)
			}
		})
	}
}

func TestKeyframes(t *testing.T) {
	s := mustOpen(t)
	url := "https://example.com/a"
	id := store.ArticleID(url)
	texts := summitEdits(t, 4)
	// A rewrite: a wholly different story replaces the text, and is then
	// updated many times.
	rng := rand.New(rand.NewPCG(1, 2))
	words := strings.Fields(texts[0])
	rng.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	rewrite := strings.Join(words, " ")
	for i := 0; i <= keyframeEvery+2; i++ {
		texts = append(texts, rewrite+fmt.Sprintf("\n\nUpdate %d.", i))
	}
	for i, text := range texts {
		mustApply(t, s, nil, articleUpdate(url, "T", text, t0.Add(time.Duration(i)*time.Minute)))
	}
	hs := headers(t, s, id)
	var keyframes []int
	for seq := 1; seq <= len(texts); seq++ {
		h := hs[seq]
		if h.kind == kindKeyframe {
			keyframes = append(keyframes, seq)
		} else if hs[h.base].kind != kindKeyframe || h.base >= seq {
			t.Errorf("version %d is based on %d, which is no earlier keyframe", seq, h.base)
		}
	}
	// 1 is the first, 6 the rewrite, then a keyframe after keyframeEvery deltas.
	if len(keyframes) < 3 || keyframes[0] != 1 || keyframes[1] != 6 || keyframes[2] != 6+keyframeEvery+1 {
		t.Errorf("keyframes at %v, want [1 6 %d]", keyframes, 6+keyframeEvery+1)
	}
	vs, err := s.Versions(id)
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range vs {
		if v.Text != texts[i] {
			t.Errorf("version %d text differs after round trip", i+1)
		}
	}
}

func TestCodecConcurrentReaders(t *testing.T) {
	s := mustOpen(t)
	texts := summitEdits(t, 8)
	var ups []store.Update
	for a := 0; a < 4; a++ {
		for i, text := range texts {
			ups = append(ups, articleUpdate(fmt.Sprintf("https://example.com/%d", a), "T", text, t0.Add(time.Duration(i)*time.Minute)))
		}
	}
	mustApply(t, s, nil, ups...)
	errs := make(chan error, 16)
	for g := 0; g < cap(errs); g++ {
		go func() {
			id := store.ArticleID(fmt.Sprintf("https://example.com/%d", g%4))
			for seq := 1; seq <= len(texts); seq++ {
				v, err := s.Version(id, seq)
				if err == nil && v.Text != texts[seq-1] {
					err = fmt.Errorf("version %d of %s: wrong text", seq, id)
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range cap(errs) {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
