package store

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
)

// BenchmarkApply measures one Apply of a batch of 100 updates, each a new
// edited version (with change and alert) of one of 100 articles.
func BenchmarkApply(b *testing.B) {
	s := mustOpen(b)
	base := summit(b)
	const batch = 100
	url := func(i int) string { return fmt.Sprintf("https://example.com/story/%d", i) }
	var ups []Update
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
			u.Change = &Change{Changed: 1, Facts: []facts.Change{{Kind: facts.KindNumber, Before: "1", After: "2"}}}
			u.Alerts = []OutboxEntry{{Key: fmt.Sprintf("%d-%d", i, round), Channel: "webhook:0", Body: []byte(`{}`)}}
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
	id := ArticleID(url)
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
		ups := make([]Update, 0, perBatch*versions)
		for a := first; a < first+perBatch; a++ {
			for v := range versions {
				u := articleUpdate(fmt.Sprintf("https://example.com/story/%d", a), "Story", fmt.Sprintf("%s Revision %d.", para, v), at(v, a))
				if v > 0 {
					u.Change = &Change{Facts: fc, Changed: 2}
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
