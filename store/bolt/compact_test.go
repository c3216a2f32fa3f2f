package bolt

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/store"
)

// compactFixture stores 10 versions of one article, an hour apart, where
// version 4 is a rewrite (a keyframe the later versions depend on), plus a
// two-version article. It returns the texts by seq.
func compactFixture(t *testing.T, s *Store) map[int]string {
	t.Helper()
	texts := summitEdits(t, 2)
	words := strings.Fields(texts[0])
	rand.New(rand.NewPCG(3, 4)).Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	for i := 0; len(texts) < 10; i++ {
		texts = append(texts, strings.Join(words, " ")+fmt.Sprintf("\n\nUpdate %d.", i))
	}
	bySeq := map[int]string{}
	for i, text := range texts {
		u := articleUpdate("https://example.com/long", "Long", text, t0.Add(time.Duration(i)*time.Hour))
		if i > 0 {
			u.Change = &store.Change{Changed: i}
		}
		mustApply(t, s, nil, u)
		bySeq[i+1] = text
	}
	short := articleUpdate("https://example.com/short", "Short", "one", t0)
	short2 := articleUpdate("https://example.com/short", "Short", "two", t0.Add(time.Hour))
	short2.Change = &store.Change{Changed: 1}
	mustApply(t, s, nil, short, short2)
	return bySeq
}

func TestCompact(t *testing.T) {
	now := t0.Add(9 * time.Hour)
	tests := []struct {
		name     string
		keepLast int
		keepFor  time.Duration
		want     []int // surviving seqs of the long article
	}{
		{"keep all", 0, 0, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}},
		{"last 3", 3, 0, []int{1, 8, 9, 10}},
		{"last 1 keeps first and latest", 1, 0, []int{1, 10}},
		{"newer than 4.5h", 0, 270 * time.Minute, []int{1, 6, 7, 8, 9, 10}},
		{"both limits", 5, 150 * time.Minute, []int{1, 8, 9, 10}},
		{"forever window", 0, 1000 * time.Hour, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}},
		{"tiny window", 0, time.Nanosecond, []int{1, 10}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustOpen(t)
			texts := compactFixture(t, s)
			removed, err := s.Compact(tt.keepLast, tt.keepFor, now)
			if err != nil {
				t.Fatal(err)
			}
			if removed != 10-len(tt.want) {
				t.Errorf("removed %d, want %d", removed, 10-len(tt.want))
			}
			id := store.ArticleID("https://example.com/long")
			checkVersions(t, s, id, tt.want, texts)

			var changeSeqs []int
			chs, _ := s.ArticleChanges(id)
			for _, c := range chs {
				changeSeqs = append(changeSeqs, c.Version)
			}
			if !reflect.DeepEqual(changeSeqs, tt.want[1:]) {
				t.Errorf("change records for %v, want %v", changeSeqs, tt.want[1:])
			}
			if vs, _ := s.Versions(store.ArticleID("https://example.com/short")); len(vs) != 2 {
				t.Errorf("short article has %d versions, want 2", len(vs))
			}

			// The article keeps working: a new version appends and decodes.
			texts[11] = texts[10] + "\n\nLate update."
			seqs := mustApply(t, s, nil, articleUpdate("https://example.com/long", "Long", texts[11], now))
			if seqs[0] != 11 {
				t.Errorf("next seq = %d, want 11", seqs[0])
			}
			checkVersions(t, s, id, append(tt.want, 11), texts)
		})
	}
}

// checkVersions asserts article id holds exactly the given seqs with the
// given texts, through every read path.
func checkVersions(t *testing.T, s *Store, id string, want []int, texts map[int]string) {
	t.Helper()
	vs, err := s.Versions(id)
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, v := range vs {
		got = append(got, v.Seq)
		if v.Text != texts[v.Seq] {
			t.Errorf("version %d text changed", v.Seq)
		}
		one, err := s.Version(id, v.Seq)
		if err != nil || one.Text != v.Text {
			t.Errorf("Version(%d): %v", v.Seq, err)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("versions %v, want %v", got, want)
	}
	a, err := s.Article(id)
	if err != nil {
		t.Fatal(err)
	}
	if a.Versions != len(want) {
		t.Errorf("Article.Versions = %d, want %d", a.Versions, len(want))
	}
	if l, err := s.LatestVersion(id); err != nil || l.Seq != want[len(want)-1] {
		t.Errorf("LatestVersion = %d, %v", l.Seq, err)
	}
}

func TestCompactPrunesDelivered(t *testing.T) {
	s := mustOpen(t)
	u := articleUpdate("https://example.com/a", "T", "x", t0)
	u.Alerts = []store.OutboxEntry{alert("old", t0), alert("new", t0)}
	mustApply(t, s, nil, u)
	if err := s.AlertDelivered("old", t0); err != nil {
		t.Fatal(err)
	}
	if err := s.AlertDelivered("new", t0.Add(48*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Compact(0, 24*time.Hour, t0.Add(50*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if ok, _ := s.Delivered("old"); ok {
		t.Error("old delivered key kept")
	}
	if ok, _ := s.Delivered("new"); !ok {
		t.Error("recent delivered key pruned")
	}
	if _, err := s.Compact(-1, 0, t0); err == nil {
		t.Error("negative keepLast accepted")
	}
}
