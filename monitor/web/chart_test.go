package web

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/diff/timeline"
)

func TestCompareValues(t *testing.T) {
	in := []string{"P2W", "2025-09", "2025-08-29", "2025-W35", "2025-08", "2026", "PAST_REF"}
	slices.SortStableFunc(in, compareValues)
	want := []string{"2025-08", "2025-W35", "2025-08-29", "2025-09", "2026", "P2W", "PAST_REF"}
	if !slices.Equal(in, want) {
		t.Errorf("dates sort as %v, want %v", in, want)
	}
	nums := []string{"~100000000000 USD", "31 countries", "~90000000000 USD"}
	slices.SortStableFunc(nums, compareValues)
	if nums[0] != "31 countries" || nums[2] != "~100000000000 USD" {
		t.Errorf("numbers sort as %v", nums)
	}
}

// TestStepChart draws the summit's date as two outlets reported it: one
// line each, the later date higher, and a thread of quotes not at all.
func TestStepChart(t *testing.T) {
	at := func(h int) time.Time { return time.Date(2025, 8, 19, h, 0, 0, 0, time.UTC) }
	th := timeline.Thread{Kind: facts.KindDate, Topic: "date of the summit", Values: []timeline.Value{
		{Value: "P2W", Text: "two weeks", ArticleID: "a", Outlet: "Wire", Version: 1, LastVersion: 1, First: at(6), Last: at(6)},
		{Value: "2025-08-29", Text: "August 29", ArticleID: "a", Outlet: "Wire", Version: 2, LastVersion: 3, First: at(8), Last: at(11)},
		{Value: "2025-09", Text: "early September", ArticleID: "b", Outlet: "Courier", Version: 1, LastVersion: 1, First: at(10), Last: at(10), Current: true},
	}}
	colours := newOutletColours(map[string]bool{"Wire": true, "Courier": true})
	c := newStepChart(th, colours)
	if c == nil {
		t.Fatal("no chart")
	}
	if len(c.Lines) != 2 || len(c.Legend) != 2 {
		t.Fatalf("%d lines, %d legend items, want 2 and 2", len(c.Lines), len(c.Legend))
	}
	y := map[string]float64{}
	for _, tk := range c.YTicks {
		y[tk.Label] = tk.Pos
	}
	if !(y["early September"] < y["August 29"]) { // SVG y grows downwards
		t.Errorf("early September is not drawn above August 29: %v", y)
	}
	wire := c.Lines[0]
	if !strings.HasPrefix(wire.Path, "M") || strings.Count(wire.Path, "V") != 1 {
		t.Errorf("the wire's line %q should step once", wire.Path)
	}
	// The wire no longer reports August 29 after v3: an open end marks it.
	if last := wire.Points[len(wire.Points)-1]; !last.Open {
		t.Errorf("no open end on a value that is no longer reported: %+v", wire.Points)
	}
	if !strings.Contains(c.Desc, "Courier v1: early September") {
		t.Errorf("description %q", c.Desc)
	}

	quotes := timeline.Thread{Kind: facts.KindQuote, Topic: "quote", Values: []timeline.Value{
		{Value: "a", Text: strings.Repeat("a long quotation ", 4), ArticleID: "a", Outlet: "Wire", First: at(6), Last: at(7)},
		{Value: "b", Text: strings.Repeat("another quotation ", 4), ArticleID: "a", Outlet: "Wire", First: at(7), Last: at(7)},
	}}
	if newStepChart(quotes, colours) != nil {
		t.Error("a chart of quotations")
	}
}

func TestActivityChart(t *testing.T) {
	colours := newOutletColours(map[string]bool{"Wire": true, "Courier": true})
	a := newActivity(colours)
	day := time.Date(2025, 8, 19, 10, 0, 0, 0, time.UTC)
	a.add("Wire", day, 3)
	a.add("Courier", day.Add(2*time.Hour), 2)
	a.add("Wire", day.Add(24*time.Hour), 1)
	c := a.chart()
	if len(c.Bars) != 3 {
		t.Fatalf("%d bars, want 3", len(c.Bars))
	}
	// The busiest day's stack reaches the top of the plot.
	var top float64 = c.Bottom
	for _, b := range c.Bars {
		top = min(top, b.Y)
	}
	if top != c.Top {
		t.Errorf("tallest stack tops at %v, want %v", top, c.Top)
	}
	if !strings.Contains(c.Desc, "Courier, 19 Aug 2025: 2 fact changes") {
		t.Errorf("description %q", c.Desc)
	}
	if newActivity(colours).chart() != nil {
		t.Error("a chart without changes")
	}
}

func TestLatestArticles(t *testing.T) {
	at := func(h int) time.Time { return time.Date(2025, 8, 19, h, 0, 0, 0, time.UTC) }
	var vs []timeline.Value
	for i, id := range []string{"a", "b", "c", "a", "d"} {
		vs = append(vs, timeline.Value{ArticleID: id, Value: id, First: at(i)})
	}
	got := latestArticles(vs, 2) // d (at 4) and a (at 3)
	var ids []string
	for _, v := range got {
		ids = append(ids, v.ArticleID)
	}
	if strings.Join(ids, "") != "aad" {
		t.Errorf("kept %v, want the values of a and d in their order", ids)
	}
	if len(latestArticles(vs, 4)) != len(vs) {
		t.Error("dropped values with few enough articles")
	}
}
