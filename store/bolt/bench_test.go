package bolt

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/store"
	bbolt "go.etcd.io/bbolt"
)

// BenchmarkApply measures one Apply of a batch of 100 updates, each a new
// edited version (with change and alert) of one of 100 articles. The 100
// first versions stored before the timer starts pass the first
// dictionary threshold, so the deltas are compressed with a dictionary.
func BenchmarkApply(b *testing.B) {
	s := mustOpen(b)
	base := summit(b)
	const batch = 100
	url := func(i int) string { return fmt.Sprintf("https://example.com/story/%d", i) }
	var ups []store.Update
	for i := range batch {
		ups = append(ups, articleUpdate(url(i), "Summit", base, t0))
	}
	mustApply(b, s, nil, ups...)
	paras := strings.Split(base, "\n\n")
	round := 0
	b.ResetTimer()
	cpu := startCPU()
	for b.Loop() {
		round++
		ups = ups[:0]
		for i := range batch {
			// Edit a different paragraph each round, as a newsroom would.
			p := append([]string(nil), paras...)
			p[round%len(p)] += fmt.Sprintf(" Updated %d.", round)
			text := strings.Join(p, "\n\n")
			u := articleUpdate(url(i), "Summit", text, t0.Add(time.Duration(round)*time.Minute))
			u.Change = &store.Change{Changed: 1, Facts: []facts.Change{{Kind: facts.KindNumber, Before: "1", After: "2"}}}
			u.Alerts = []store.OutboxEntry{{Key: fmt.Sprintf("%d-%d", i, round), Channel: "webhook:0", Body: []byte(`{}`)}}
			ups = append(ups, u)
		}
		if _, err := s.Apply(ups, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	cpu.report(b)
	st, err := s.Stats()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(st.StoredBytes)/float64(st.RawBytes), "stored/raw")
}

// BenchmarkLatestVersion reads the latest of 20 versions (a delta against
// its keyframe: two decompressions).
func BenchmarkLatestVersion(b *testing.B) {
	s := mustOpen(b)
	url := "https://example.com/world/summit"
	for i, text := range summitEdits(b, 19) {
		mustApply(b, s, nil, articleUpdate(url, "Summit", text, t0.Add(time.Duration(i)*time.Hour)))
	}
	id := store.ArticleID(url)
	b.ResetTimer()
	cpu := startCPU()
	for b.Loop() {
		v, err := s.LatestVersion(id)
		if err != nil || v.Seq != 20 {
			b.Fatalf("LatestVersion = %d, %v", v.Seq, err)
		}
	}
	cpu.report(b)
}

// BenchmarkChanges lists changes from a store of 100k versions (1000
// articles x 100 versions), all of them and the last hour's.
func BenchmarkChanges(b *testing.B) {
	const articles, versions = 1000, 100
	path := filepath.Join(b.TempDir(), "big.db")
	s := mustOpenPath(b, path, Options{noSync: true})
	start := time.Now()
	para := strings.Join(strings.Split(summit(b), "\n")[:3], " ")
	fc := []facts.Change{
		{Kind: facts.KindDate, Before: "next two weeks", After: "next 10 days", BeforeValue: "P2W", AfterValue: "P10D", Subject: "Merz"},
		{Kind: facts.KindNumber, Before: "$90 billion", After: "$100 billion", BeforeValue: "9e10 USD", AfterValue: "1e11 USD"},
	}
	// One detected time per (version, article), a second apart.
	at := func(v, a int) time.Time { return t0.Add(time.Duration(v*articles+a) * time.Second) }
	// Article-major batches of 10 articles x 100 versions: each commit then
	// rewrites a few version buckets rather than a thousand.
	const perBatch = 10
	for first := 0; first < articles; first += perBatch {
		ups := make([]store.Update, 0, perBatch*versions)
		for a := first; a < first+perBatch; a++ {
			for v := range versions {
				u := articleUpdate(fmt.Sprintf("https://example.com/story/%d", a), "Story", fmt.Sprintf("%s Revision %d.", para, v), at(v, a))
				if v > 0 {
					u.Change = &store.Change{Facts: fc, Changed: 2}
				}
				ups = append(ups, u)
			}
		}
		mustApply(b, s, nil, ups...)
	}
	st, err := s.Stats()
	if err != nil || st.Versions != articles*versions {
		b.Fatalf("fixture: %+v, %v", st, err)
	}
	b.Logf("fixture of %d versions built in %v, stored/raw %.3f", st.Versions, time.Since(start).Round(time.Millisecond), float64(st.StoredBytes)/float64(st.RawBytes))

	end := at(versions, 0)
	for _, bc := range []struct {
		name  string
		since time.Time
		want  int
	}{
		{"last_hour", end.Add(-time.Hour), 3600},
		{"all", time.Time{}, articles * (versions - 1)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			cpu := startCPU()
			for b.Loop() {
				chs, err := s.Changes(bc.since)
				if err != nil || len(chs) != bc.want {
					b.Fatalf("Changes = %d, %v; want %d", len(chs), err, bc.want)
				}
			}
			cpu.report(b)
		})
	}
}

// BenchmarkEncodePayload measures encoding one new article's version as a
// keyframe (binary payload + zstd), without a dictionary and with the one
// the store trained from the articles before it. stored/raw is the
// record's compressed bytes over its title+text bytes.
func BenchmarkEncodePayload(b *testing.B) {
	ups := variedArticles(b, dictTrainAt[0]+200)
	for _, bc := range []struct {
		name  string
		train bool
	}{{"no-dict", false}, {"dict", true}} {
		b.Run(bc.name, func(b *testing.B) {
			s := mustOpenPath(b, filepath.Join(b.TempDir(), "storywatch.db"), Options{noSync: true})
			if bc.train {
				mustApply(b, s, nil, ups[:dictTrainAt[0]]...)
				if s.codec.activeDict() == 0 {
					b.Fatal("no dictionary trained")
				}
			}
			rest := ups[dictTrainAt[0]:]
			var stored, raw int
			i := 0
			cpu := startCPU()
			for b.Loop() {
				v := rest[i%len(rest)].Version
				i++
				_, _, body := s.encodePayload(marshalPayload(v), nil)
				stored += len(body)
				raw += len(v.Title) + len(v.Text)
			}
			cpu.report(b)
			b.ReportMetric(float64(stored)/float64(raw), "stored/raw")
		})
	}
}

// BenchmarkDecodePayload measures decoding a keyframe's binary payload
// (the read path without decompression).
func BenchmarkDecodePayload(b *testing.B) {
	v := variedArticles(b, 1)[0].Version
	p := marshalPayload(v)
	for b.Loop() {
		if _, err := unmarshalPayload(1, t0, p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTrainDict measures how long the writer stalls training a
// dictionary from the keyframes of n articles (up to maxDictSamples of
// them are read), recompressing the sampled ones included. The training
// transaction is rolled back, so every iteration trains afresh.
func BenchmarkTrainDict(b *testing.B) {
	for _, n := range []int{dictTrainAt[0], dictTrainAt[1]} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			s := mustOpenPath(b, filepath.Join(b.TempDir(), "storywatch.db"), Options{noSync: true})
			ups := variedArticles(b, n)
			// Keep the fixture dictionary-free: store it below the threshold
			// and reset the count.
			for i := 0; i < n; i += dictTrainAt[0] - 1 {
				mustApply(b, s, nil, ups[i:min(i+dictTrainAt[0]-1, n)]...)
				if err := s.db.Update(func(tx *bbolt.Tx) error {
					return tx.Bucket(bucketMeta).Delete(keyDictState)
				}); err != nil {
					b.Fatal(err)
				}
			}
			errRollback := errors.New("roll back")
			cpu := startCPU()
			for b.Loop() {
				var undo func()
				err := s.db.Update(func(tx *bbolt.Tx) error {
					var err error
					if undo, _, err = s.trainDict(tx, n, n); err != nil {
						return err
					}
					return errRollback
				})
				if !errors.Is(err, errRollback) || undo == nil {
					b.Fatalf("training: %v, dictionary adopted: %t", err, undo != nil)
				}
				undo()
			}
			cpu.report(b)
		})
	}
}
