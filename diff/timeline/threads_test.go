package timeline

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
)

// assertOneCurrent fails when an article has more than one current value in
// a thread: an article says one thing now.
func assertOneCurrent(t *testing.T, threads []Thread) {
	t.Helper()
	for _, th := range threads {
		for art, vals := range current(th) {
			if len(vals) > 1 {
				t.Errorf("%s: article %s has %d current values %q, want one", th.Key, art, len(vals), vals)
			}
		}
	}
}

// TestActorAliases: the voices of one government are one actor, whatever an
// outlet calls it, so their positions land in one thread.
func TestActorAliases(t *testing.T) {
	tests := []struct {
		name               string
		subjectA, subjectB string
		key, topic         string
	}{
		{"the Kremlin and Russia", "the Kremlin", "Russia", "position/russia/a ceasefire", "Russia on a ceasefire"},
		{"Moscow and Putin's spokesman", "Moscow", "Putin’s spokesman", "position/russia/a ceasefire", "Russia on a ceasefire"},
		{"the Russian government and the Kremlin", "the Russian government", "The Kremlin", "position/russia/a ceasefire", "Russia on a ceasefire"},
		{"Kyiv and the Ukrainian government", "Kyiv", "the Ukrainian government", "position/ukraine/a ceasefire", "Ukraine on a ceasefire"},
		{"the White House and Washington", "the White House", "Washington", "position/united states/a ceasefire", "United States on a ceasefire"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := tt.subjectA + " rejected a ceasefire before the summit."
			b := tt.subjectB + " said it could accept a ceasefire before the summit."
			th := Build([]Observation{
				obs(t, "wire", 1, 0, a, pos("rejected", "reject: a ceasefire", tt.subjectA)),
				obs(t, "courier", 1, 1, b, pos("could accept", "accept?: a ceasefire", tt.subjectB)),
			})
			var pos []string
			for _, x := range th {
				if x.Kind == facts.KindPosition {
					pos = append(pos, x.Key)
				}
			}
			if !slices.Equal(pos, []string{tt.key}) {
				t.Fatalf("position threads = %q, want only %q", pos, tt.key)
			}
			p := find(t, th, tt.key)
			if p.Topic != tt.topic || p.Articles != 2 || !p.Contradicted {
				t.Errorf("thread = %q, %d articles, contradicted %v; want %q, 2, true", p.Topic, p.Articles, p.Contradicted, tt.topic)
			}
		})
	}
}

// TestRewrittenFactStaysInThread: when a later version rewrites the
// sentence of a date or place, the new value joins the thread of the value
// it replaced, even where the new wording attaches it to another event word
// or to none.
func TestRewrittenFactStaysInThread(t *testing.T) {
	const merz = "German Chancellor Friedrich Merz said Putin had agreed to the bilateral meeting on August 29, but there was no confirmation of a location."
	tests := []struct {
		name    string
		v1, v2  string
		f1, f2  []spec
		key     string
		want    []string // distinct values of the thread
		cur     string   // the one current value
		nowhere string   // a value no thread may hold
	}{
		{
			name: "the new date follows another event word",
			v1:   merz, f1: []spec{aug29},
			v2:  "The bilateral meeting was announced on Monday and will be held in early September, German Chancellor Friedrich Merz said.",
			f2:  []spec{date("Monday", "2025-08-18", "DATE"), earlySept},
			key: "date/summit", want: []string{"2025-08-29", "2025-09"}, cur: "2025-09",
		},
		{
			name: "the event noun became a verb",
			v1:   merz, f1: []spec{aug29},
			v2:  "German Chancellor Friedrich Merz said Putin had agreed to meet Zelensky in early September, but there was no confirmation of a location.",
			f2:  []spec{earlySept},
			key: "date/summit", want: []string{"2025-08-29", "2025-09"}, cur: "2025-09",
		},
		{
			name: "the old date stays as background",
			v1:   merz, f1: []spec{aug29},
			v2:  "The bilateral meeting, first planned for August 29, will now take place in early September, German Chancellor Friedrich Merz said.",
			f2:  []spec{aug29, earlySept},
			key: "date/summit", want: []string{"2025-08-29", "2025-09"}, cur: "2025-09",
		},
		{
			name: "the new place lost its pronoun",
			v1:   merzBudapest, f1: []spec{aug29, place("Budapest")},
			v2:  "German Chancellor Friedrich Merz said Putin had agreed to the bilateral meeting on August 29, and two European officials said Geneva was now the likeliest host.",
			f2:  []spec{aug29, place("Geneva")},
			key: "location/summit", want: []string{"Budapest", "Geneva"}, cur: "Geneva",
		},
		{
			name: "a date the old sentence had without an event stays out",
			v1:   courierTwo, f1: []spec{date("Monday", "2025-08-18", "DATE"), date("two weeks", "P2W", "DURATION")},
			v2: courierEnd, f2: []spec{date("Monday", "2025-08-18", "DATE"), date("the end of August", "2025-08", "DATE")},
			key: "date/summit", want: []string{"P2W", "2025-08"}, cur: "2025-08",
		},
		{
			name:    "a new date beside an unchanged one replaced nothing",
			v1:      "Documents must be turned over ahead of a Monday vote on the peace plan, a federal judge has ruled.",
			f1:      []spec{date("Monday", "2025-08-18", "DATE")},
			v2:      "Documents must be turned over ahead of a Monday vote on the peace plan, a federal judge ruled Saturday.",
			f2:      []spec{date("Monday", "2025-08-18", "DATE"), date("Saturday", "2025-08-16", "DATE")},
			nowhere: "2025-08-16",
		},
		{
			name: "another event's date in the rewritten sentence keeps its own thread",
			v1:   merz, f1: []spec{aug29},
			v2:  "German Chancellor Friedrich Merz said Putin had agreed to the bilateral meeting on August 29, after the ceasefire talks on Sunday.",
			f2:  []spec{aug29, date("Sunday", "2025-08-24", "DATE")},
			key: "date/talks", want: []string{"2025-08-24"}, cur: "2025-08-24",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			th := Build([]Observation{
				obs(t, "wire", 1, 0, tt.v1, tt.f1...),
				obs(t, "wire", 2, 1, tt.v2, tt.f2...),
				obs(t, "wire", 3, 2, tt.v2, tt.f2...), // unchanged: still filed the same
			})
			if tt.nowhere != "" {
				for _, x := range th {
					if slices.Contains(distinct(x), tt.nowhere) {
						t.Errorf("%s holds %s", x.Key, tt.nowhere)
					}
				}
				return
			}
			d := find(t, th, tt.key)
			if got := distinct(d); !slices.Equal(got, tt.want) {
				t.Errorf("%s values = %v, want %v (threads %v)", tt.key, got, tt.want, keys(th))
			}
			if got := current(d)["wire"]; !slices.Equal(got, []string{tt.cur}) {
				t.Errorf("current = %v, want [%s]", got, tt.cur)
			}
			assertOneCurrent(t, th)
		})
	}
}

// TestOneCurrentValue: an article's latest version may mention an old value
// beside the new one ("up from", "first planned for"); only one is what it
// says now.
func TestOneCurrentValue(t *testing.T) {
	tests := []struct {
		name string
		obs  func(t *testing.T) []Observation
		key  string
		cur  string
	}{
		{
			name: "a new number beside the old one",
			obs: func(t *testing.T) []Observation {
				return []Observation{
					obs(t, "courier", 1, 0, "A coalition of some 30 countries would meet before the summit.",
						num("some 30 countries", "~30 countries", "countries")),
					obs(t, "courier", 2, 1, "A coalition of 31 countries, up from some 30 countries, would meet before the summit.",
						num("31 countries", "31 countries", "countries"), num("some 30 countries", "~30 countries", "countries")),
				}
			},
			key: "number/country/country", cur: "31 countries",
		},
		{
			name: "old and new date in one first version",
			obs: func(t *testing.T) []Observation {
				s := "The bilateral meeting, originally planned for August 29, will now take place in early September."
				return []Observation{
					obs(t, "wire", 1, 0, s, aug29, earlySept),
					obs(t, "courier", 1, 1, s, aug29, earlySept),
				}
			},
			key: "date/summit", cur: "2025-09",
		},
		{
			name: "the new date comes first, the old one is postponed from",
			obs: func(t *testing.T) []Observation {
				s := "The bilateral meeting will take place in early September after it was postponed from August 29."
				return []Observation{
					obs(t, "wire", 1, 0, s, earlySept, aug29),
					obs(t, "courier", 1, 1, s, earlySept, aug29),
				}
			},
			key: "date/summit", cur: "2025-09",
		},
		{
			name: "two positions of one actor in the latest version",
			obs: func(t *testing.T) []Observation {
				a := "The Kremlin rejected a ceasefire before the summit."
				b := "The Kremlin, which had rejected a ceasefire, said it could accept a ceasefire before the summit."
				return []Observation{
					obs(t, "wire", 1, 0, a, pos("rejected", "reject: a ceasefire", "the Kremlin")),
					obs(t, "wire", 2, 1, b, pos("rejected", "reject: a ceasefire", "the Kremlin"), pos("could accept", "accept?: a ceasefire", "the Kremlin")),
				}
			},
			key: "position/russia/a ceasefire", cur: "for?",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			th := Build(tt.obs(t))
			assertOneCurrent(t, th)
			d := find(t, th, tt.key)
			for art, vals := range current(d) {
				if !slices.Equal(vals, []string{tt.cur}) {
					t.Errorf("%s: current of %s = %v, want [%s]", tt.key, art, vals, tt.cur)
				}
			}
			if len(current(d)) == 0 {
				t.Errorf("%s: no current value", tt.key)
			}
		})
	}
}

// correctionFact is the fact the extractor finds for a notice: its words,
// lower-cased, and what kind of notice it is.
func correction(words, subject string) spec {
	return spec{kind: facts.KindCorrection, words: words, value: strings.ToLower(words), subject: subject}
}

// TestCorrectionsAndStatus: correction notices and page status events are
// threads of their own article, with the latest notice or event current.
func TestCorrectionsAndStatus(t *testing.T) {
	const (
		wrongCity = "Correction: An earlier version of this story misstated the city of the last talks."
		updated   = "This story has been updated with comments from the Kremlin."
		pre       = "Editor's note: This story was first published on August 18."
	)
	at := func(h float64) time.Time { return day.Add(time.Duration(h * float64(time.Hour))) }
	tests := []struct {
		name   string
		obs    func(t *testing.T) []Observation
		status []StatusEvent
		key    string
		kind   facts.Kind
		want   []string // Text of the values in order
		cur    string   // Text of the current value, "" for none
	}{
		{
			name: "a notice added, then another",
			obs: func(t *testing.T) []Observation {
				return []Observation{
					obs(t, "wire", 1, 0, merzAug29),
					obs(t, "wire", 2, 1, merzAug29+"\n"+wrongCity, correction(wrongCity, "correction")),
					obs(t, "wire", 3, 2, merzAug29+"\n"+wrongCity+"\n"+updated, correction(wrongCity, "correction"), correction(updated, "update")),
				}
			},
			key: "correction/wire", kind: facts.KindCorrection, want: []string{wrongCity, updated}, cur: updated,
		},
		{
			name: "a notice from the first version is shown",
			obs: func(t *testing.T) []Observation {
				return []Observation{obs(t, "wire", 1, 0, merzAug29+"\n"+pre, correction(pre, "editor's note"))}
			},
			key: "correction/wire", kind: facts.KindCorrection, want: []string{pre}, cur: pre,
		},
		{
			name: "a notice dropped from the latest version is not current",
			obs: func(t *testing.T) []Observation {
				return []Observation{
					obs(t, "wire", 1, 0, merzAug29+"\n"+updated, correction(updated, "update")),
					obs(t, "wire", 2, 1, merzAug29),
				}
			},
			key: "correction/wire", kind: facts.KindCorrection, want: []string{updated}, cur: "",
		},
		{
			name: "the page is removed, comes back, then redirects",
			obs: func(t *testing.T) []Observation {
				return []Observation{obs(t, "wire", 1, 0, merzAug29)}
			},
			status: []StatusEvent{
				{Article: "https://example.com/wire", ArticleID: "wire", Outlet: "wire", Title: "wire title", Version: 1,
					Seen: at(3), Text: "removed (404 Not Found)", Value: "404"},
				{Article: "https://example.com/wire", ArticleID: "wire", Outlet: "wire", Title: "wire title", Version: 1,
					Seen: at(5), Text: "redirects to https://example.com/new", Value: "https://example.com/new", Current: true},
			},
			key: "status/wire", kind: facts.KindStatus,
			want: []string{"removed (404 Not Found)", "redirects to https://example.com/new"}, cur: "redirects to https://example.com/new",
		},
		{
			name: "the page answers again",
			obs: func(t *testing.T) []Observation {
				return []Observation{obs(t, "wire", 1, 0, merzAug29)}
			},
			status: []StatusEvent{
				{Article: "https://example.com/wire", ArticleID: "wire", Outlet: "wire", Version: 1,
					Seen: at(3), Text: "removed (410 Gone)", Value: "410"},
			},
			key: "status/wire", kind: facts.KindStatus, want: []string{"removed (410 Gone)"}, cur: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := NewBuilder()
			for _, o := range tt.obs(t) {
				b.Add(&o)
			}
			for i := range tt.status {
				b.AddStatus(&tt.status[i])
			}
			th := b.Threads()
			assertOneCurrent(t, th)
			c := find(t, th, tt.key)
			if c.Kind != tt.kind || c.Articles != 1 || c.Contradicted || c.Converged {
				t.Errorf("thread = %+v", c)
			}
			var texts []string
			cur := ""
			for _, v := range c.Values {
				texts = append(texts, v.Text)
				if v.Current {
					cur = v.Text
				}
				if v.ArticleID != "wire" || v.Outlet != "wire" || v.First.IsZero() {
					t.Errorf("value %+v lacks its article", v)
				}
			}
			if !slices.Equal(texts, tt.want) {
				t.Errorf("values = %q, want %q", texts, tt.want)
			}
			if cur != tt.cur {
				t.Errorf("current = %q, want %q", cur, tt.cur)
			}
		})
	}
}
