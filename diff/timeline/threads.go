package timeline

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/diff/facts/timex"
)

// Threads returns the threads worth showing, most important first: those
// whose value changed (a new value, or one added to or dropped from a later
// version) or that two or more articles reported, minus unchanged deictic
// dates ("Monday"). It may be called more than once.
func (b *Builder) Threads() []Thread {
	out := make([]Thread, 0, len(b.order))
	for _, t := range b.order {
		th, keep := b.finish(t)
		if keep {
			out = append(out, th)
		}
	}
	slices.SortStableFunc(out, func(x, y Thread) int {
		if c := cmp.Compare(importance(y), importance(x)); c != 0 {
			return c
		}
		if c := cmp.Compare(kindRank(x.Kind), kindRank(y.Kind)); c != 0 {
			return c
		}
		return strings.Compare(x.Key, y.Key)
	})
	return out
}

func importance(t Thread) int { return t.Articles * (t.Changes + 1) }

func kindRank(k facts.Kind) int {
	switch k {
	case facts.KindDate:
		return 0
	case facts.KindLocation:
		return 1
	case facts.KindPosition:
		return 2
	case facts.KindNumber:
		return 3
	case facts.KindQuote:
		return 4
	case facts.KindCorrection:
		return 5
	}
	return 6
}

// finish turns a thread into its public form and says whether to keep it.
func (b *Builder) finish(t *thread) (Thread, bool) {
	norms := map[string]bool{}
	articles := map[string]bool{}
	b.markCurrent(t)
	var current []*value
	changed := false // a value appeared in a later version or was dropped
	for _, v := range t.values {
		norms[v.norm] = true
		articles[v.Article] = true
		if v.Current {
			current = append(current, v)
		} else {
			changed = true
		}
		if v.Version > b.first[v.article] {
			changed = true
		}
	}
	th := Thread{
		Key: t.key.String(), Kind: t.key.kind, Topic: t.topic,
		Articles: len(articles), Changes: len(norms) - 1,
	}
	// An article's notices and page events are news even unchanged.
	perArticle := t.key.kind == facts.KindCorrection || t.key.kind == facts.KindStatus
	if len(norms) < 2 && len(articles) < 2 && !changed && !perArticle {
		return th, false
	}
	if t.key.kind == facts.KindDate && len(norms) < 2 && !changed && allDeictic(t.values) {
		return th, false
	}
	th.Contradicted = contradicted(t.key.kind, current)
	reporting := map[string]bool{}
	for _, v := range current {
		reporting[v.Article] = true
	}
	th.Converged = len(reporting) >= 2 && !th.Contradicted
	vals := slices.Clone(t.values)
	slices.SortStableFunc(vals, func(x, y *value) int {
		if c := x.First.Compare(y.First); c != 0 {
			return c
		}
		if c := strings.Compare(x.Article, y.Article); c != 0 {
			return c
		}
		return cmp.Compare(x.Version, y.Version)
	})
	th.Values = make([]Value, len(vals))
	for i, v := range vals {
		th.Values[i] = v.Value
	}
	return th, true
}

// markCurrent sets Current on the one value per article that the
// article's latest version reports now. When that version mentions several
// values of the thread ("31 countries, up from some 30"), it is the one not
// mentioned as replaced, else the newest (first reported in the latest
// version), else the one mentioned first. For status events it is the
// event the page is still in.
func (b *Builder) markCurrent(t *thread) {
	best := map[int]*value{}
	for _, v := range t.values {
		v.Current = false
		reports := v.LastVersion == b.latest[v.article]
		if t.key.kind == facts.KindStatus {
			reports = v.ongoing
		}
		if !reports {
			continue
		}
		if w, ok := best[v.article]; !ok || saysNow(v, w) {
			best[v.article] = v
		}
	}
	for _, v := range best {
		v.Current = true
	}
}

// saysNow reports whether v rather than w is what the article says now;
// both are in its latest version.
func saysNow(v, w *value) bool {
	if v.aside != w.aside {
		return w.aside
	}
	if v.Version != w.Version {
		return v.Version > w.Version
	}
	if c := v.First.Compare(w.First); c != 0 {
		return c > 0
	}
	return v.pos < w.pos
}

// allDeictic reports whether every wording of the values is a deictic
// date ("Monday", "today", "last week").
func allDeictic(vals []*value) bool {
	for _, v := range vals {
		ok := false
		for _, w := range strings.Fields(strings.ToLower(v.Text)) {
			if deictic[w] {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// contradicted reports whether two articles' current values disagree.
// Values of one article never contradict each other here: that is a
// change within the text, not a disagreement between outlets.
func contradicted(kind facts.Kind, current []*value) bool {
	// Compare distinct values only: many articles usually share a few.
	type rep struct {
		v        *value
		articles map[string]bool
	}
	var reps []rep
	idx := map[string]int{}
	for _, v := range current {
		i, ok := idx[v.norm]
		if !ok {
			i = len(reps)
			idx[v.norm] = i
			reps = append(reps, rep{v: v, articles: map[string]bool{}})
		}
		reps[i].articles[v.Article] = true
	}
	for i := range reps {
		for j := i + 1; j < len(reps); j++ {
			if agree(kind, reps[i].v, reps[j].v) {
				continue
			}
			if !sameSingleArticle(reps[i].articles, reps[j].articles) {
				return true
			}
		}
	}
	return false
}

// sameSingleArticle reports whether both sets are the one same article.
func sameSingleArticle(a, b map[string]bool) bool {
	if len(a) != 1 || len(b) != 1 {
		return false
	}
	for k := range a {
		return b[k]
	}
	return false
}

// agree reports whether two values can both be true: equal, a date within
// the other's period, or approximate numbers within a tenth.
func agree(kind facts.Kind, x, y *value) bool {
	if x.norm == y.norm {
		return true
	}
	switch kind {
	case facts.KindDate:
		return timex.Compare(x.expr, y.expr) != timex.Shift
	case facts.KindNumber:
		if !strings.HasPrefix(x.Value.Value, "~") && !strings.HasPrefix(y.Value.Value, "~") {
			return false
		}
		a, ua, _ := strings.Cut(x.norm, " ")
		c, uc, _ := strings.Cut(y.norm, " ")
		fa, err1 := strconv.ParseFloat(a, 64)
		fc, err2 := strconv.ParseFloat(c, 64)
		if err1 != nil || err2 != nil || ua != uc {
			return false
		}
		return math.Abs(fa-fc) <= 0.1*math.Max(math.Abs(fa), math.Abs(fc))
	}
	return false
}
