package web

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/storywatch/storywatch/diff/timeline"
)

// The charts are SVG drawn by the templates (parts.html) from the
// geometry computed here, so every label goes through html/template's
// escaping like the rest of the page. Colours are CSS classes (o0 … o7),
// one per outlet, the same on every chart and in the change list.

const outletColourCount = 8

type outletColours struct {
	names []string // sorted
	index map[string]int
}

func newOutletColours(set map[string]bool) *outletColours {
	c := &outletColours{index: map[string]int{}}
	for n := range set {
		c.names = append(c.names, n)
	}
	slices.Sort(c.names)
	for i, n := range c.names {
		c.index[n] = i
	}
	return c
}

func (c *outletColours) class(outlet string) string {
	i, ok := c.index[outlet]
	if !ok {
		i = len(c.index)
	}
	return "o" + strconv.Itoa(i%outletColourCount)
}

// Chart geometry shared by both charts (SVG user units).
const (
	chartWidth  = 720
	chartRight  = 16
	chartTop    = 12
	chartBottom = 34
	rowHeight   = 30
)

type tick struct {
	Pos   float64
	Label string
}

type legendItem struct {
	Label, Colour string
}

// stepChart is a thread's value over time, one step line per article.
type stepChart struct {
	Width, Height  int
	Left, Right    float64 // plot area
	Top, Bottom    float64
	YTicks, XTicks []tick
	Lines          []stepLine
	Legend         []legendItem
	Desc           string // the chart in words, for screen readers
}

type stepLine struct {
	Colour string
	Path   string // the SVG path's d attribute
	Points []stepPoint
}

type stepPoint struct {
	X, Y  float64
	Title string
	Open  bool // the value was dropped, not replaced
}

// maxChartLabel skips charts of long values (quotes): a step line between
// sentences says less than the table below it.
const maxChartLabel = 40

// maxChartArticles and maxChartRows keep a chart readable: the lines of
// the articles that reported last, and no chart of a thread with more
// distinct values than fit.
const (
	maxChartArticles = 8
	maxChartRows     = 12
)

func newStepChart(th timeline.Thread, colours *outletColours) *stepChart {
	th.Values = latestArticles(th.Values, maxChartArticles)
	// Rows: the distinct values, ordered so that a later date or a larger
	// number sits higher; other values in order of first report.
	type row struct {
		value, label string
		first        time.Time
	}
	var rows []row
	idx := map[string]int{}
	for _, v := range th.Values {
		if _, ok := idx[v.Value]; ok {
			continue
		}
		label := v.Text
		if len([]rune(label)) > maxChartLabel {
			return nil
		}
		idx[v.Value] = len(rows)
		rows = append(rows, row{v.Value, label, v.First})
	}
	if len(rows) < 2 || len(rows) > maxChartRows {
		return nil
	}
	slices.SortStableFunc(rows, func(a, b row) int { return compareValues(a.value, b.value) })
	for i, r := range rows {
		idx[r.value] = i
	}

	lo, hi := th.Values[0].First, th.Values[0].Last
	for _, v := range th.Values {
		lo = minTime(lo, v.First)
		hi = maxTime(hi, v.Last)
	}
	span := hi.Sub(lo)
	pad := max(span/12, 30*time.Minute)
	lo, hi = lo.Add(-pad/2), hi.Add(pad)

	longest := 0
	for _, r := range rows {
		longest = max(longest, len([]rune(r.label)))
	}
	c := &stepChart{Width: chartWidth, Top: chartTop}
	c.Left = float64(min(max(longest*7+14, 60), 300))
	c.Right = chartWidth - chartRight
	c.Bottom = chartTop + float64(len(rows))*rowHeight
	c.Height = int(c.Bottom) + chartBottom
	x := func(t time.Time) float64 {
		return round1(c.Left + (c.Right-c.Left)*float64(t.Sub(lo))/float64(hi.Sub(lo)))
	}
	// Row 0 (the smallest value) at the bottom.
	y := func(value string) float64 {
		return round1(c.Bottom - rowHeight/2 - float64(idx[value])*rowHeight)
	}
	for _, r := range rows {
		c.YTicks = append(c.YTicks, tick{y(r.value), r.label})
	}
	c.XTicks = timeTicks(lo, hi, x)

	// One line per article: its values in order of first report.
	byArticle := map[string][]timeline.Value{}
	var order []string
	for _, v := range th.Values {
		if _, ok := byArticle[v.ArticleID]; !ok {
			order = append(order, v.ArticleID)
		}
		byArticle[v.ArticleID] = append(byArticle[v.ArticleID], v)
	}
	seenOutlet := map[string]bool{}
	var words []string
	for _, id := range order {
		vs := byArticle[id]
		slices.SortStableFunc(vs, func(a, b timeline.Value) int { return a.First.Compare(b.First) })
		ln := stepLine{Colour: colours.class(vs[0].Outlet)}
		var d strings.Builder
		for i, v := range vs {
			x0, y0 := x(v.First), y(v.Value)
			end := hi
			switch {
			case i+1 < len(vs):
				end = vs[i+1].First
			case !v.Current:
				end = v.Last
			}
			if i == 0 {
				fmt.Fprintf(&d, "M%g %g", x0, y0)
			} else {
				fmt.Fprintf(&d, "V%g", y0)
			}
			fmt.Fprintf(&d, "H%g", max(x(end), x0+2))
			versions := "v" + strconv.Itoa(v.Version)
			if v.LastVersion != v.Version {
				versions += "–" + strconv.Itoa(v.LastVersion)
			}
			ln.Points = append(ln.Points, stepPoint{X: x0, Y: y0,
				Title: fmt.Sprintf("%s %s, %s: %s", v.Outlet, versions, v.First.UTC().Format("2 Jan 15:04"), v.Text)})
			if i+1 == len(vs) && !v.Current {
				ln.Points = append(ln.Points, stepPoint{X: x(end), Y: y0, Open: true,
					Title: v.Outlet + ": no longer reported after " + versions})
			}
			words = append(words, fmt.Sprintf("%s %s: %s", v.Outlet, versions, v.Text))
		}
		ln.Path = d.String()
		c.Lines = append(c.Lines, ln)
		if !seenOutlet[vs[0].Outlet] {
			seenOutlet[vs[0].Outlet] = true
			c.Legend = append(c.Legend, legendItem{vs[0].Outlet, ln.Colour})
		}
	}
	c.Desc = capitalise(th.Topic) + " as reported: " + strings.Join(words, "; ")
	return c
}

// compareValues orders normalised values: ISO dates and plain numbers
// (with an optional leading "~") by value, before anything else, which
// keeps its order.
func compareValues(a, b string) int {
	na, oka := numericValue(a)
	nb, okb := numericValue(b)
	switch {
	case oka && okb:
		if na < nb {
			return -1
		} else if na > nb {
			return 1
		}
		return 0
	case oka:
		return -1
	case okb:
		return 1
	}
	return 0
}

// numericValue maps "2025-08-29", "2025-09", "2025-W35" and "~90 USD" to
// comparable numbers.
func numericValue(v string) (float64, bool) {
	v = strings.TrimPrefix(v, "~")
	if len(v) >= 4 && isDigits(v[:4]) && (len(v) == 4 || v[4] == '-') {
		year, _ := strconv.Atoi(v[:4])
		day := 0.0
		rest := strings.TrimPrefix(v[4:], "-")
		switch {
		case rest == "":
		case strings.HasPrefix(rest, "W") && len(rest) >= 3 && isDigits(rest[1:3]):
			w, _ := strconv.Atoi(rest[1:3])
			day = float64(w*7 - 3)
		case len(rest) >= 2 && isDigits(rest[:2]):
			m, _ := strconv.Atoi(rest[:2])
			d := 15
			if len(rest) >= 5 && rest[2] == '-' && isDigits(rest[3:5]) {
				d, _ = strconv.Atoi(rest[3:5])
			}
			day = float64((m-1)*31 + d)
		default:
			return 0, false
		}
		return float64(year)*400 + day, true
	}
	num, _, _ := strings.Cut(v, " ")
	f, err := strconv.ParseFloat(num, 64)
	return f, err == nil
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// timeTicks puts 3 to 8 ticks on round hours or days between lo and hi.
func timeTicks(lo, hi time.Time, x func(time.Time) float64) []tick {
	span := hi.Sub(lo)
	steps := []time.Duration{time.Hour, 2 * time.Hour, 3 * time.Hour, 6 * time.Hour, 12 * time.Hour,
		24 * time.Hour, 48 * time.Hour, 7 * 24 * time.Hour, 14 * 24 * time.Hour, 30 * 24 * time.Hour}
	step := steps[len(steps)-1]
	for _, s := range steps {
		if span/s <= 7 {
			step = s
			break
		}
	}
	lo, hi = lo.UTC(), hi.UTC()
	t := lo.Truncate(step)
	if step >= 24*time.Hour {
		t = time.Date(lo.Year(), lo.Month(), lo.Day(), 0, 0, 0, 0, time.UTC)
	}
	var out []tick
	lastDay := ""
	for ; !t.After(hi); t = t.Add(step) {
		if t.Before(lo) {
			continue
		}
		label := t.Format("2 Jan")
		if step < 24*time.Hour {
			label = t.Format("15:04")
			if day := t.Format("2 Jan"); day != lastDay {
				label = day + " " + label
				lastDay = day
			}
		}
		out = append(out, tick{x(t), label})
	}
	return out
}

// activityChart is the number of fact changes per outlet per day, as
// stacked bars.
type activityChart struct {
	Width, Height int
	Left, Right   float64
	Top, Bottom   float64
	Bars          []activityBar
	XTicks        []tick
	YTicks        []tick
	Legend        []legendItem
	Desc          string
	Days          int
}

type activityBar struct {
	X, Y, W, H float64
	Colour     string
	Title      string
}

// maxActivityDays is how many days the activity chart shows (the latest).
const maxActivityDays = 31

type activity struct {
	colours *outletColours
	counts  map[time.Time]map[string]int
}

func newActivity(c *outletColours) *activity {
	return &activity{colours: c, counts: map[time.Time]map[string]int{}}
}

func (a *activity) add(outlet string, at time.Time, n int) {
	at = at.UTC()
	day := time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, time.UTC)
	if a.counts[day] == nil {
		a.counts[day] = map[string]int{}
	}
	a.counts[day][outlet] += n
}

func (a *activity) chart() *activityChart {
	if len(a.counts) == 0 {
		return nil
	}
	var days []time.Time
	for d := range a.counts {
		days = append(days, d)
	}
	slices.SortFunc(days, func(x, y time.Time) int { return x.Compare(y) })
	last := days[len(days)-1]
	first := days[0]
	if n := int(last.Sub(first).Hours()/24) + 1; n > maxActivityDays {
		first = last.AddDate(0, 0, -(maxActivityDays - 1))
	}
	// At least a few days, leading up to the last, so a lone day still
	// reads as one day of a story and not as a wall.
	if n := int(last.Sub(first).Hours()/24) + 1; n < 3 {
		first = last.AddDate(0, 0, -2)
	}
	n := int(last.Sub(first).Hours()/24) + 1
	peak := 0
	for _, d := range days {
		total := 0
		for _, c := range a.counts[d] {
			total += c
		}
		peak = max(peak, total)
	}
	c := &activityChart{Width: chartWidth, Left: 44, Right: chartWidth - chartRight, Top: chartTop,
		Bottom: chartTop + 150, Days: n}
	c.Height = int(c.Bottom) + chartBottom
	slot := (c.Right - c.Left) / float64(n)
	barW := round1(math.Min(slot*0.7, 60))
	scale := (c.Bottom - c.Top) / float64(peak)
	for _, t := range yTicks(peak) {
		c.YTicks = append(c.YTicks, tick{round1(c.Bottom - float64(t)*scale), strconv.Itoa(t)})
	}
	used := map[string]bool{}
	var words []string
	for i := range n {
		d := first.AddDate(0, 0, i)
		x := round1(c.Left + slot*float64(i) + (slot-barW)/2)
		if n <= 10 || i%((n+9)/10) == 0 {
			c.XTicks = append(c.XTicks, tick{round1(x + barW/2), d.Format("2 Jan")})
		}
		y := c.Bottom
		for _, o := range a.colours.names { // stacked in legend order
			cnt := a.counts[d][o]
			if cnt == 0 {
				continue
			}
			hgt := float64(cnt) * scale
			y -= hgt
			title := fmt.Sprintf("%s, %s: %d fact change", o, d.Format("2 Jan 2006"), cnt)
			if cnt != 1 {
				title += "s"
			}
			c.Bars = append(c.Bars, activityBar{X: x, Y: round1(y), W: barW, H: round1(hgt), Colour: a.colours.class(o), Title: title})
			used[o] = true
			words = append(words, title)
		}
	}
	for _, o := range a.colours.names {
		if used[o] {
			c.Legend = append(c.Legend, legendItem{o, a.colours.class(o)})
		}
	}
	c.Desc = "Fact changes per outlet per day: " + strings.Join(words, "; ")
	return c
}

// yTicks picks up to five round counts from 0 to peak.
func yTicks(peak int) []int {
	step := 1
	for _, s := range []int{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000} {
		step = s
		if peak/s <= 4 {
			break
		}
	}
	var out []int
	for t := 0; t <= peak; t += step {
		out = append(out, t)
	}
	return out
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// latestArticles keeps the values of the n articles that reported last.
func latestArticles(vs []timeline.Value, n int) []timeline.Value {
	last := map[string]time.Time{}
	for _, v := range vs {
		last[v.ArticleID] = maxTime(last[v.ArticleID], v.First)
	}
	if len(last) <= n {
		return vs
	}
	ids := make([]string, 0, len(last))
	for id := range last {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int {
		if c := last[b].Compare(last[a]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	keep := map[string]bool{}
	for _, id := range ids[:n] {
		keep[id] = true
	}
	out := make([]timeline.Value, 0, len(vs))
	for _, v := range vs {
		if keep[v.ArticleID] {
			out = append(out, v)
		}
	}
	return out
}
