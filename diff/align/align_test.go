package align

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/storywatch/storywatch/diff/internal/benchtext"
)

// The sentences below come from the seed article.
const (
	sMerz    = "German Chancellor Friedrich Merz said Putin had agreed to the bilateral meeting within the next two weeks, but there was no confirmation of a date or location."
	sMerz2   = "German Chancellor Friedrich Merz said Putin had agreed to hold the bilateral meeting on August 29, but there was no confirmation of a location."
	sZel     = "Zelensky hailed the promise as “a major step forward,” adding that the guarantees would be “formalized on paper within the next week to 10 days” and saying Ukraine offered to buy about $90 billion worth of US weapons."
	sZel100  = "Zelensky hailed the promise as “a major step forward,” adding that the guarantees would be “formalized on paper within the next week to 10 days” and saying Ukraine offered to buy about $100 billion worth of US weapons."
	sTone    = "The tone on Monday was much warmer than a disastrous Oval Office meeting that saw Trump and Vice President JD Vance publicly criticize the Ukrainian leader in February."
	sToneTue = "The tone on Tuesday was much warmer than a disastrous Oval Office meeting that saw Trump and Vice President JD Vance publicly criticize the Ukrainian leader in February."
	sDeal    = "But a peace deal still appeared far from imminent."
	sMin     = "Just before the talks began, Russia’s Foreign Ministry ruled out the deployment of troops from NATO countries to help secure a peace deal, adding complications to Trump’s offer."
	sTurkey  = "The last direct talks between Russia and Ukraine took place in Turkey in June."
	sDecl    = "Putin declined Zelensky’s public invitation to meet him face-to-face there and sent a low-level delegation instead."
	sMacron  = "Macron also said European leaders would eventually need to be included in any peace talks."
	sNew     = "Zelensky later flew to Berlin for talks with Merz about the coalition of the willing."
	sOtherA  = "Trump told reporters in the Oval Office that he liked the concept of a ceasefire."
	sOtherB  = "But the two sides could work on a peace deal while the fighting continued, he said."
	sOther   = "Trump told reporters in the Oval Office that he liked the concept of a ceasefire but the two sides could work on a peace deal while the fighting continued."
)

func TestAlign(t *testing.T) {
	tests := []struct {
		name     string
		old, new []string
		want     string // links as produced by linkString
	}{
		{"empty", nil, nil, ""},
		{"all inserted", nil, []string{sDeal, sMin}, "I-0 I-1"},
		{"all deleted", []string{sDeal, sMin}, nil, "D0- D1-"},
		{"equal", []string{sMerz, sZel, sTone}, []string{sMerz, sZel, sTone}, "E0-0 E1-1 E2-2"},
		{"equal after quote, dash and space folding", []string{`He said "fine" - twice.`}, []string{"He  said “fine” — twice."}, "E0-0"},
		{"reworded date", []string{sMerz, sDeal}, []string{sMerz2, sDeal}, "C0-0 E1-1"},
		{"number change aligns", []string{sDeal, sZel}, []string{sDeal, sZel100}, "E0-0 C1-1"},
		{"weekday change aligns", []string{sTone, sDeal}, []string{sToneTue, sDeal}, "C0-0 E1-1"},
		{"insert in the middle", []string{sMerz, sDeal}, []string{sMerz, sNew, sDeal}, "E0-0 I-1 E1-2"},
		{"delete stays in place", []string{sMerz, sTone, sDeal}, []string{sMerz, sDeal}, "E0-0 D1- E2-1"},
		{"delete before insert", []string{sMerz, sTone, sDeal}, []string{sMerz, sNew, sDeal}, "E0-0 D1- I-1 E2-2"},
		{"move to the end", []string{sMerz, sZel, sTone, sDeal}, []string{sZel, sTone, sDeal, sMerz}, "E1-0 E2-1 E3-2 M0-3"},
		{"move to the front", []string{sMerz, sZel, sTone, sDeal}, []string{sDeal, sMerz, sZel, sTone}, "M3-0 E0-1 E1-2 E2-3"},
		{"moved and reworded", []string{sMerz, sZel, sTone, sDeal}, []string{sZel, sTone, sDeal, sMerz2}, "E1-0 E2-1 E3-2 M0-3"},
		{"unrelated replacement is delete and insert", []string{sMerz, sMacron, sDeal}, []string{sMerz, sOther, sDeal}, "E0-0 D1- I-1 E2-2"},
		{"repeated sentences pair in order", []string{sDeal, sMin, sDeal}, []string{sDeal, sDeal}, "E0-0 D1- E2-1"},
		{"split sentence is change and insert", []string{sOther}, []string{sOtherA, sOtherB}, "C0-0 I-1"},
		{"merged sentences are change and delete", []string{sOtherA, sOtherB}, []string{sOther}, "C0-0 D1-"},
		{"swap of neighbours is one move", []string{sMerz, sZel, sTone}, []string{sMerz, sTone, sZel}, "E0-0 M2-1 E1-2"}, // either side of a swap may move; the result is stable
		{"mask-only overlap is not a change", []string{"It lasted 5 days."}, []string{"On 3 May 2024."}, "D0- I-0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old, new := sentences(tt.old), sentences(tt.new)
			links := Align(old, new)
			checkLinks(t, len(old), len(new), links)
			if got := linkString(links); got != tt.want {
				t.Errorf("Align\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestAlignParagraphReorderIsMovesOnly(t *testing.T) {
	text := benchtext.Seed
	paras := strings.Split(strings.TrimSpace(text), "\n")
	// Swap paragraphs 3 and 10 and move paragraph 15 to the top.
	re := append([]string(nil), paras...)
	re[3], re[10] = re[10], re[3]
	p15 := re[15]
	re = append(re[:15], re[16:]...)
	re = append([]string{p15}, re...)
	links := Align(Split(text), Split(strings.Join(re, "\n")))
	checkLinks(t, len(Split(text)), len(Split(strings.Join(re, "\n"))), links)
	moves := 0
	for _, l := range links {
		switch l.Op {
		case Equal:
		case Move:
			moves++
			if l.Score != 1 {
				t.Errorf("move %d->%d has score %v, want 1", l.Old, l.New, l.Score)
			}
		default:
			t.Errorf("unexpected %v link %d->%d", l.Op, l.Old, l.New)
		}
	}
	// Paragraph 15 has two sentences, 3 and 10 one and two; the fewest
	// crossing links move 15 and one side of the swap.
	if moves < 3 || moves > 5 {
		t.Errorf("moves = %d, want 3..5", moves)
	}
}

func TestAlignSeedNoFalseChange(t *testing.T) {
	// Replacing every sentence with a different sentence of the same story
	// must not pair unrelated sentences: shift each sentence by half the
	// article and drop the originals.
	text := benchtext.Seed
	s := Split(text)
	half := len(s) / 2
	old := s[:half]
	new := s[half : 2*half]
	for _, l := range Align(old, new) {
		if l.Op == Change || l.Op == Move || l.Op == Equal {
			t.Errorf("unrelated %q paired (%v, %.2f) with %q", old[l.Old].Text, l.Op, l.Score, new[l.New].Text)
		}
	}
}

func TestContentWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ukraine offered about $90 billion.", "ukraine offered #num billion"},
		{"The talks on Monday, August 29.", "talks #date #date #num"},
		{"Russia’s Foreign Ministry didn't", "russia foreign ministry didn't"},
		{"within the next two weeks", "within next #num weeks"},
		{"a 3-1/2-year-old war", "#num #num #num year old war"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := strings.Join(ContentWords(tt.in), " "); got != tt.want {
				t.Errorf("ContentWords(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	if a, b := Normalize("He  said “Fine” — OK…"), Normalize(`he said "fine" - ok...`); a != b {
		t.Errorf("Normalize: %q != %q", a, b)
	}
	if got := Canonical("  A “B”\t— C  "); got != `A "B" - C` {
		t.Errorf("Canonical = %q", got)
	}
}

func sentences(texts []string) []Sentence {
	return Split(strings.Join(texts, "\n"))
}

func linkString(links []Link) string {
	var b strings.Builder
	for k, l := range links {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ToUpper(l.Op.String()[:1]))
		if l.Old >= 0 {
			fmt.Fprint(&b, l.Old)
		}
		b.WriteByte('-')
		if l.New >= 0 {
			fmt.Fprint(&b, l.New)
		}
	}
	return b.String()
}

// checkLinks asserts the Align invariants: every sentence exactly once,
// links in new order, ops consistent with the indexes.
func checkLinks(t testing.TB, nOld, nNew int, links []Link) {
	t.Helper()
	seenOld := make([]int, nOld)
	seenNew := make([]int, nNew)
	lastNew := -1
	for _, l := range links {
		if l.Old < -1 || l.Old >= nOld || l.New < -1 || l.New >= nNew {
			t.Fatalf("link %+v out of range (%d old, %d new)", l, nOld, nNew)
		}
		if l.Old >= 0 {
			seenOld[l.Old]++
		}
		if l.New >= 0 {
			seenNew[l.New]++
			if l.New <= lastNew {
				t.Fatalf("link %+v not in new order", l)
			}
			lastNew = l.New
		}
		switch l.Op {
		case Insert:
			if l.Old != -1 || l.New < 0 {
				t.Fatalf("bad insert %+v", l)
			}
		case Delete:
			if l.New != -1 || l.Old < 0 {
				t.Fatalf("bad delete %+v", l)
			}
		default:
			if l.Old < 0 || l.New < 0 {
				t.Fatalf("bad %v %+v", l.Op, l)
			}
		}
	}
	for i, n := range seenOld {
		if n != 1 {
			t.Fatalf("old sentence %d appears %d times", i, n)
		}
	}
	for j, n := range seenNew {
		if n != 1 {
			t.Fatalf("new sentence %d appears %d times", j, n)
		}
	}
}

// TestAlignLookAlikeSentencesStayBounded edits every sentence of a page of
// templated look-alike sentences (a live blog's entries): each is like
// every other, so each new sentence meets every old one, and keeping every
// pair as a candidate took gigabytes (8,000 sentences: 6.9 GB). Each
// sentence must still pair with its own edit, in bounded memory.
func TestAlignLookAlikeSentencesStayBounded(t *testing.T) {
	const n = 3000
	var old, new []string
	for i := range n {
		old = append(old, fmt.Sprintf("Entry %d: Putin and Zelensky will meet on August %d in Geneva with %d delegates, officials said.", i, i%28+1, i))
		new = append(new, fmt.Sprintf("Entry %d: Putin and Zelensky will meet on August %d in Vienna with %d observers, officials said.", i, i%28+1, i))
	}
	oldS, newS := sentences(old), sentences(new)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	links := Align(oldS, newS)
	runtime.ReadMemStats(&after)
	checkLinks(t, n, n, links)
	for _, l := range links {
		if l.Op != Change || l.Old != l.New {
			t.Fatalf("link %v %d->%d, want each sentence changed in place", l.Op, l.Old, l.New)
		}
	}
	// every pair as a candidate is n² = 9M of them, over 300 MB
	if got := after.TotalAlloc - before.TotalAlloc; got > 64<<20 {
		t.Errorf("Align allocated %d MB for %d look-alike sentences, want at most 64 MB", got>>20, n)
	}
}
