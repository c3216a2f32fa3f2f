package bolt

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/store"
	bbolt "go.etcd.io/bbolt"
)

// variedArticles returns n different articles made of the seed article's
// sentences in a per-article order with per-article figures, each with a
// fact: a store of many stories in one house style, as a dictionary sees
// it.
func variedArticles(t testing.TB, n int) []store.Update {
	t.Helper()
	sentences := strings.SplitAfter(strings.ReplaceAll(summit(t), "\n\n", " "), ". ")
	out := make([]store.Update, n)
	for i := range out {
		rng := rand.New(rand.NewPCG(uint64(i), 99))
		s := append([]string(nil), sentences...)
		rng.Shuffle(len(s), func(a, b int) { s[a], s[b] = s[b], s[a] })
		s = s[:len(s)*2/3]
		var b strings.Builder
		for j, sent := range s {
			b.WriteString(strings.ReplaceAll(sent, "90", fmt.Sprint(rng.IntN(1000))))
			if j%3 == 2 {
				b.WriteString("\n\n")
			}
		}
		text := strings.TrimSpace(b.String())
		u := articleUpdate(fmt.Sprintf("https://example.com/story/%d", i), fmt.Sprintf("Story %d of the summit", i), text, t0.Add(time.Duration(i)*time.Minute))
		if k := strings.Index(text, "Putin"); k >= 0 {
			u.Version.Facts = []facts.Fact{{Kind: facts.KindPosition, Text: "Putin", Start: k, End: k + 5, Value: "accept: a summit", Subject: "Putin"}}
		}
		out[i] = u
	}
	return out
}

// recordDicts returns the dictionary id of every stored record by article
// id and seq, and the meta bucket's dictionaries by id.
func recordDicts(t *testing.T, s *Store) (map[string]map[int]uint32, map[uint32]int) {
	t.Helper()
	recs := map[string]map[int]uint32{}
	dicts := map[uint32]int{}
	err := s.db.View(func(tx *bbolt.Tx) error {
		if err := forEachDict(tx.Bucket(bucketMeta), func(id uint32, d []byte) error {
			dicts[id] = len(d)
			return nil
		}); err != nil {
			return err
		}
		return eachArticleVersions(tx, func(id []byte, vs versionSet) error {
			recs[string(id)] = map[int]uint32{}
			return vs.each(func(seq int, v []byte) error {
				h, _, err := parseHeader(v)
				recs[string(id)][seq] = h.dict
				return err
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return recs, dicts
}

// checkTexts asserts every update's article reads back its latest text.
func checkTexts(t *testing.T, s *Store, ups []store.Update) {
	t.Helper()
	for _, u := range ups {
		v, err := s.LatestVersion(store.ArticleID(u.Article.URL))
		if err != nil {
			t.Fatalf("LatestVersion(%s): %v", u.Article.URL, err)
		}
		if v.Text != u.Version.Text || v.Title != u.Version.Title || !reflect.DeepEqual(v.Facts, u.Version.Facts) {
			t.Fatalf("%s reads back differently", u.Article.URL)
		}
	}
}

func TestDictTrainedAtThreshold(t *testing.T) {
	s := mustOpen(t)
	ups := variedArticles(t, dictTrainAt[0]+8)
	before := dictTrainAt[0] - 1
	// One article per transaction, as the monitor's writer batches them.
	for i := range before {
		mustApply(t, s, nil, ups[i])
	}
	recs, dicts := recordDicts(t, s)
	if len(dicts) != 0 {
		t.Fatalf("dictionary trained after %d keyframes, before the threshold %d", before, dictTrainAt[0])
	}
	pre, err := s.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if pre.DictBytes != 0 {
		t.Errorf("Stats.DictBytes = %d without a dictionary", pre.DictBytes)
	}

	mustApply(t, s, nil, ups[before:]...)
	recs, dicts = recordDicts(t, s)
	if len(dicts) != 1 || dicts[1] == 0 {
		t.Fatalf("dictionaries after the threshold: %v, want one with id 1", dicts)
	}
	// New records use it, and the early keyframes it sampled were
	// recompressed with it.
	for i, u := range ups {
		if got := recs[store.ArticleID(u.Article.URL)][1]; got != 1 {
			t.Errorf("article %d is compressed with dictionary %d, want 1", i, got)
		}
	}
	checkTexts(t, s, ups)

	st, err := s.Stats()
	if err != nil {
		t.Fatal(err)
	}
	var records int64
	if err := s.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketRecords).ForEach(func(_, v []byte) error {
			records += int64(len(v))
			return nil
		})
	}); err != nil {
		t.Fatal(err)
	}
	if st.DictBytes != int64(dicts[1]) || st.StoredBytes != records+st.DictBytes {
		t.Errorf("Stats = %+v; want DictBytes %d and StoredBytes %d records + dictionary", st, dicts[1], records)
	}
	preRatio := float64(pre.StoredBytes) / float64(pre.RawBytes)
	ratio := float64(st.StoredBytes) / float64(st.RawBytes)
	t.Logf("stored/raw %.3f before the dictionary, %.3f after (dictionary of %d bytes included)", preRatio, ratio, st.DictBytes)
	if ratio >= preRatio*0.8 {
		t.Errorf("stored/raw %.3f with the dictionary, %.3f without: want a clear gain", ratio, preRatio)
	}
}

func TestDictSurvivesReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "storywatch.db")
	ups := variedArticles(t, dictTrainAt[0]+2)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustApply(t, s, nil, ups[:dictTrainAt[0]]...)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	t.Run("read-only", func(t *testing.T) {
		r := mustOpenPath(t, path, Options{ReadOnly: true})
		checkTexts(t, r, ups[:dictTrainAt[0]])
		if err := r.Close(); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("writer keeps using it", func(t *testing.T) {
		w := mustOpenPath(t, path, Options{})
		mustApply(t, w, nil, ups[dictTrainAt[0]:]...)
		recs, dicts := recordDicts(t, w)
		if len(dicts) != 1 {
			t.Errorf("dictionaries after reopen: %v, want the one trained before", dicts)
		}
		for _, u := range ups[dictTrainAt[0]:] {
			if got := recs[store.ArticleID(u.Article.URL)][1]; got != 1 {
				t.Errorf("new article after reopen compressed with dictionary %d, want 1", got)
			}
		}
		checkTexts(t, w, ups)
	})
}

// TestDictRollback: a transaction that trained a dictionary and then
// failed leaves no dictionary behind, in the file or in memory, and the
// next training stores one that every record can use.
func TestDictRollback(t *testing.T) {
	s := mustOpen(t)
	ups := variedArticles(t, dictTrainAt[0]+1)
	mustApply(t, s, nil, ups[:dictTrainAt[0]-1]...)
	_, err := s.Apply(ups[dictTrainAt[0]-1:], []store.FeedState{{URL: ""}}) // the bad feed fails the transaction after training
	if err == nil {
		t.Fatal("Apply with an invalid feed succeeded")
	}
	if _, dicts := recordDicts(t, s); len(dicts) != 0 {
		t.Fatalf("a rolled-back transaction left dictionaries %v", dicts)
	}
	if id := s.codec.activeDict(); id != 0 {
		t.Fatalf("codec still compresses with rolled-back dictionary %d", id)
	}
	mustApply(t, s, nil, ups[dictTrainAt[0]-1:]...)
	if _, dicts := recordDicts(t, s); len(dicts) != 1 {
		t.Fatalf("dictionaries after the retry: %v, want one", dicts)
	}
	checkTexts(t, s, ups)
}

func TestDictRetrain(t *testing.T) {
	s := mustOpenPath(t, filepath.Join(t.TempDir(), "storywatch.db"), Options{noSync: true})
	ups := variedArticles(t, dictTrainAt[1]+1)
	for i := 0; i < len(ups); i += 100 {
		mustApply(t, s, nil, ups[i:min(i+100, len(ups))]...)
	}
	recs, dicts := recordDicts(t, s)
	if len(dicts) == 0 {
		t.Fatal("no dictionary")
	}
	var st dictState
	if err := s.db.View(func(tx *bbolt.Tx) error {
		st = readDictState(tx.Bucket(bucketMeta))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if st.keyframes != len(ups) || st.nextAt != dictTrainAt[2] {
		t.Errorf("dictionary state %+v, want %d keyframes and the next training at %d", st, len(ups), dictTrainAt[2])
	}
	// Whether the retrained dictionary paid or not, every record names a
	// stored one and reads back.
	for id, seqs := range recs {
		for seq, d := range seqs {
			if _, ok := dicts[d]; d != 0 && !ok {
				t.Errorf("article %s version %d names missing dictionary %d", id, seq, d)
			}
		}
	}
	checkTexts(t, s, ups)
	t.Logf("dictionaries after %d keyframes: %v", len(ups), dicts)
}

func TestCompactWithDicts(t *testing.T) {
	s := mustOpen(t)
	ups := variedArticles(t, dictTrainAt[0])
	mustApply(t, s, nil, ups...)
	// An article whose keyframe Compact removes: a rewrite keyframe at 2
	// with deltas after it, then another rewrite.
	texts := map[int]string{}
	base := ups[0].Version.Text
	url := "https://example.com/compact"
	for i, text := range []string{
		"first short version",
		base, base + "\n\nUpdate one.", base + "\n\nUpdate two.",
		ups[1].Version.Text, ups[1].Version.Text + "\n\nLater.",
	} {
		mustApply(t, s, nil, articleUpdate(url, "C", text, t0.Add(time.Duration(i)*time.Hour)))
		texts[i+1] = text
	}
	id := store.ArticleID(url)
	if hs := headers(t, s, id); hs[2].kind != kindKeyframe || hs[3].base != 2 || hs[2].dict != 1 {
		t.Fatalf("fixture: headers %+v, want a dictionary keyframe at 2 with deltas", hs)
	}
	removed, err := s.Compact(2, 0, t0.Add(10*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if removed != 3 {
		t.Errorf("removed %d versions, want 3", removed)
	}
	checkVersions(t, s, id, []int{1, 5, 6}, texts)
	checkTexts(t, s, ups[1:])
	for seq, h := range headers(t, s, id) {
		if h.format != versionFormat2 || (h.kind != kindDeltaRaw && h.dict != 1) {
			t.Errorf("version %d after Compact: %+v, want format 2 with dictionary 1", seq, h)
		}
	}
}

// TestDictConcurrentReaders: readers keep reading while the writer trains
// and adopts a dictionary (run with -race).
func TestDictConcurrentReaders(t *testing.T) {
	s := mustOpen(t)
	ups := variedArticles(t, dictTrainAt[0]+16)
	mustApply(t, s, nil, ups[:8]...)
	done := make(chan struct{})
	errs := make(chan error, 4)
	for g := range cap(errs) {
		go func() {
			for i := 0; ; i++ {
				select {
				case <-done:
					errs <- nil
					return
				default:
				}
				u := ups[(g+i)%8]
				v, err := s.LatestVersion(store.ArticleID(u.Article.URL))
				if err == nil && v.Text != u.Version.Text {
					err = fmt.Errorf("%s: wrong text", u.Article.URL)
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	for _, u := range ups[8:] {
		mustApply(t, s, nil, u)
	}
	close(done)
	for range cap(errs) {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	if _, dicts := recordDicts(t, s); len(dicts) != 1 {
		t.Errorf("dictionaries %v, want one", dicts)
	}
	checkTexts(t, s, ups)
}
