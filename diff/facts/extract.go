package facts

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/storywatch/storywatch/diff/facts/timex"
)

// item is a fact plus what Compare needs to match it across versions.
type item struct {
	Fact
	key  string // normalised value that decides "same fact"
	slot string // what the fact is about: number unit+head, speaker, actor
	// sayer is the actor key of who reports a stance held by another
	// subject ("Lavrov said Moscow was open to"): he speaks for it
	sayer string
	words []string // quote words, or position object words
	mod   string   // TIMEX3 mod, for dates
	inQ   bool     // lies inside a direct quote
	via   string   // quote by a pronoun: the sentence that names the speaker
	minor bool     // a place no news on its own: a town's state ("Mobile, Alabama"), a continent, a world region
	// siteCity marks the city a site stands in ("Temple Christian School
	// in Titusville"): minor, but another city there is a change
	siteCity bool
	// loose marks a position whose actor was inferred (a pronoun, a verb
	// coordinated with an earlier one), not named right before the verb
	loose bool
	// quiet marks a fact that is never news added or removed on its own
	// but may be the other side of a change: a statement to the press
	// ("a spokesperson told CNN") answering an earlier "CNN has reached out"
	quiet bool
	// lead is, for the second half of a quote interrupted by its
	// attribution ("“We are ready,” she said, “and we will win.”"), how
	// far its first half starts before it; 0 otherwise
	lead int
}

// qspan is one direct quote: the marks at open and close, the words between.
type qspan struct {
	open, close int // byte offsets of the opening and closing mark
	cs, ce      int // content, trimmed
	end         int // byte after the closing mark
}

// sent is one sentence of the internal segmentation, in token indices.
type sent struct {
	from, to int // tokens [from, to)
	para     int
}

// doc is one text prepared for extraction.
type doc struct {
	text   string
	lower  string // text lower-cased with the same byte offsets (lowerSameWidth)
	lx     *lexicon
	toks   []token
	quotes []qspan
	inQ    []int // per token: index of the quote it lies in, or -1
	sents  []sent
	dates  []timex.Expr
	// lastPerson is the last named speaker or actor, for "he said".
	lastPerson string
	// lastPersonAt and lastSpeakerAt are the byte offsets where those
	// names stand, so a pronoun quote can tell which sentence named its
	// speaker.
	lastPersonAt, lastSpeakerAt int
	// lastSpeaker is the last named subject of a speech verb: a quote's
	// "he said" prefers it to actors named in between.
	lastSpeaker string
	// year is the publication year (0: not known), to tell background
	// dated to an earlier year from the story's news.
	year int
	// lowerWords holds the words the text writes in lower case (see
	// writesLower); nil until first asked.
	lowerWords map[string]struct{}
}

// Extract returns every fact found in text, in order of Start. Relative
// dates resolve against published (zero: unresolved).
func Extract(text string, published time.Time) []Fact {
	buf := docBufs.Get().(*docBuf)
	defer buf.release()
	its, order := extractUnsorted(text, published, buf)
	es := echoes(text)
	out := make([]Fact, 0, len(its))
	for _, k := range order {
		// a statement to the press is no fact of its own; a pull quote's
		// are those of the sentence it repeats
		if !its[k].quiet && !inSpans(es, its[k].Start) {
			out = append(out, its[k].Fact)
		}
	}
	return out
}

// extractItems runs every extractor over text and returns the items in
// order of Start (then End).
func extractItems(text string, published time.Time) []item {
	buf := docBufs.Get().(*docBuf)
	defer buf.release()
	its, order := extractUnsorted(text, published, buf)
	es := echoes(text)
	out := make([]item, 0, len(its))
	for _, k := range order {
		if !inSpans(es, its[k].Start) {
			out = append(out, its[k])
		}
	}
	return out
}

// extractUnsorted runs every extractor over text. It returns the items in
// the order the extractors found them and, apart, their order by Start
// then End. Both slices live in buf: the caller copies out what it needs
// (Extract only the facts) before it releases buf.
func extractUnsorted(text string, published time.Time, buf *docBuf) ([]item, []int32) {
	d := newDoc(text, published, buf)
	// One slice for all extractors, in a fixed order (the stable sort
	// below keeps that order among items with equal extents).
	its := buf.items[:0]
	its = d.dateItems(its)
	its = d.numberItems(its)
	its = d.quoteAndPositionItems(its)
	its = d.locationItems(its)
	its = d.correctionItems(its, buf)
	buf.items = its
	// sort indices, not the (large) items
	idx := slices.Grow(buf.order[:0], len(its))[:len(its)]
	buf.order = idx
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortStableFunc(idx, func(a, b int32) int {
		if its[a].Start != its[b].Start {
			return its[a].Start - its[b].Start
		}
		return its[a].End - its[b].End
	})
	return its, idx
}

// newDoc prepares text for the extractors. Its per-token slices live in
// buf, which the caller releases once the items are made.
func newDoc(text string, published time.Time, buf *docBuf) *doc {
	d := &doc{text: text, lx: english()}
	// One lowered copy serves the tokens and the date tagger (which reads
	// it only where ASCII letters stand, there the same as its own).
	lower := lowerSameWidth(text)
	d.lower = lower
	d.toks = appendTokensLower(buf.toks[:0], text, lower)
	buf.toks = d.toks
	for i := range d.toks {
		if w := d.toks[i].lower; d.lx.classFilter.MayHave(w) {
			d.toks[i].cls = d.lx.class[w]
		}
	}
	d.deglue(buf)
	d.quotes = findQuotes(text)
	if cap(buf.inQ) < len(d.toks) {
		buf.inQ = make([]int, len(d.toks), cap(d.toks))
	}
	buf.inQ = buf.inQ[:len(d.toks)]
	d.inQ = buf.inQ
	qi := 0
	for i, t := range d.toks {
		for qi < len(d.quotes) && d.quotes[qi].end <= t.start {
			qi++
		}
		d.inQ[i] = -1
		if qi < len(d.quotes) && t.start > d.quotes[qi].open && t.start < d.quotes[qi].close {
			d.inQ[i] = qi
		}
	}
	d.sents = d.split(buf.sents[:0])
	buf.sents = d.sents
	// The expressions too live in buf: items copy what they need of them.
	found := timex.AppendFindLower(buf.dates[:0], text, lower, published)
	buf.dates = found
	d.dates = d.ordinalPeriods(dropPenalties(text, mergeDates(text, found)))
	if !published.IsZero() {
		d.year = published.Year()
	}
	return d
}

// docBuf holds the scratch slices of one extraction for reuse. A long
// article has thousands of tokens and hundreds of items; allocated afresh
// for every text, their memory was zeroed, scavenged and faulted in again
// each time, a large part of the cost of extraction. Results never refer
// to these slices (items and facts are copied out, and hold only strings
// and their own word slices), so reuse cannot change what is returned.
type docBuf struct {
	toks  []token
	inQ   []int
	items []item  // the items found, before sorting
	order []int32 // their order by extent
	paras []int   // paragraphs holding a correction cue
	sents []sent  // the sentences of the doc
	dates []timex.Expr
}

// docBufs recycles docBufs between calls; sync.Pool keeps one per P, so
// concurrent workers do not contend.
var docBufs = sync.Pool{New: func() any { return new(docBuf) }}

// maxPooledTokens bounds the buffers kept for reuse (about 7 MB of
// tokens), so one huge input does not pin its memory for good.
const maxPooledTokens = 1 << 17

// release returns the buffer to docBufs. It is not cleared: until reused
// it keeps the last text alive, but sync.Pool drops idle buffers within
// two garbage collections, and clearing cost more than that is worth.
func (b *docBuf) release() {
	if cap(b.toks) > maxPooledTokens || cap(b.items) > maxPooledTokens/8 {
		return
	}
	b.toks = b.toks[:0]
	docBufs.Put(b)
}

// abbrev are words after which a full stop does not end a sentence.
var abbrev = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true, "sen": true,
	"rep": true, "gov": true, "lt": true, "col": true, "sgt": true, "prof": true, "jan": true,
	"feb": true, "aug": true, "sept": true, "sep": true, "oct": true, "nov": true, "dec": true,
	"jr": true, "sr": true, "no": true, "vs": true,
}

// endsClause reports whether token k is punctuation that ends a clause:
// not the point of an abbreviation ("the death toll from a strike on
// Aug. 21 has risen to 11"), at which split does not end a sentence either.
func (d *doc) endsClause(k int) bool {
	t := d.toks[k]
	return t.kind == tokPunct && !(t.text == "." && k > 0 && (abbrev[d.toks[k-1].lower] || d.initial(k-1)))
}

// split segments the tokens into sentences, appended to out (a reused
// buffer: sentences are read only while extracting). Quotes are never
// split, so a quote and its attribution ("...," he said) stay together.
func (d *doc) split(out []sent) []sent {
	from, para := 0, 0
	for i := 0; i < len(d.toks); i++ {
		if i > from && d.toks[i].space && strings.IndexByte(d.text[d.toks[i-1].end:d.toks[i].start], '\n') >= 0 {
			out = append(out, sent{from, i, para})
			from = i
			para++
		}
		t := &d.toks[i]
		if t.kind != tokPunct || d.inQ[i] >= 0 || i+1 >= len(d.toks) {
			continue
		}
		end := i
		switch t.text {
		case ".", "!", "?":
			if t.text == "." && !d.endsClause(i) {
				continue
			}
		case "”", "\"", "»", "“", "’":
			// a closing mark after sentence punctuation ends the sentence
			if i == 0 || !strings.Contains(".!?", d.toks[i-1].text) || d.toks[i-1].kind != tokPunct {
				continue
			}
		default:
			continue
		}
		n := d.toks[end+1]
		if !n.space || !(n.isCap() || n.kind == tokNum || isOpenQuote(n.text)) {
			continue
		}
		out = append(out, sent{from, end + 1, para})
		from = end + 1
	}
	if from < len(d.toks) {
		out = append(out, sent{from, len(d.toks), para})
	}
	return out
}

// initial reports whether token k, before a full stop, is an initial
// ("John F. Kennedy", "U.S.") that does not end the sentence: a word, not
// a bracket ("the police (RCMP). “So, we …”"); one letter right before a
// quotation mark is a name's last letter ("wrote on X. “We …”"), as a
// quotation seldom opens a name after an initial. A nickname does
// ("Thomas P. “Tip” O’Neill" is split after "P."; no fact of it moved in
// the cases tried: the quote "Tip" and O’Neill's stances are read as
// before).
func (d *doc) initial(k int) bool {
	t := d.toks[k]
	if t.kind != tokWord || !isInitials(t.text) {
		return false
	}
	return k+2 >= len(d.toks) || !isOpenQuote(d.toks[k+2].text) || strings.Contains(t.text, ".")
}

func isOpenQuote(s string) bool {
	return s == "“" || s == "\"" || s == "«" || s == "„" || s == "‘"
}

// tokAt returns the index of the first token starting at or after off.
func (d *doc) tokAt(off int) int {
	return sort.Search(len(d.toks), func(i int) bool { return d.toks[i].start >= off })
}

// inDate reports whether [s,e) overlaps a temporal expression.
func (d *doc) inDate(s, e int) bool {
	i := sort.Search(len(d.dates), func(i int) bool { return d.dates[i].End > s })
	return i < len(d.dates) && d.dates[i].Start < e
}

// dateItems appends the temporal expressions to out as facts.
func (d *doc) dateItems(out []item) []item {
	for _, e := range d.dates {
		if e.Start < 0 || e.End > len(d.text) || e.Start >= e.End {
			continue // defensive: never trust offsets from another package
		}
		if e.Type == "SET" && d.rateOfMeasure(e.Start) {
			continue // "80 miles per hour" is a speed, not a recurring time
		}
		e.End = e.Start + len(trimZone(d.text[e.Start:e.End]))
		e.Start = e.End - len(trimThe(d.text[e.Start:e.End]))
		if d.notATime(e.Start, e.End) || datelineDate(d.text, e.Start, e.End) {
			continue
		}
		if s, mod := partOfPeriod(d.text, e.Start); mod != "" && e.Mod == "" {
			e.Start, e.Mod = s, mod
		}
		e.Start = approxTime(d.text, e.Start, e.Value)
		it := item{Fact: Fact{Kind: KindDate, Text: d.text[e.Start:e.End], Start: e.Start, End: e.End,
			Value: e.Value, Type: e.Type}, key: e.Value, mod: e.Mod}
		if ti := d.tokAt(e.Start); ti < len(d.toks) {
			it.inQ = d.inQ[ti] >= 0
		}
		// "10:25 GMT — Zelensky said …": a live blog's entry stamp says
		// when the entry was posted, it dates nothing the entry reports
		it.quiet = e.Type == "TIME" && entryStamp(d.text, e.Start, e.End)
		if n := len(out); n > 0 && e.Type == "TIME" && out[n-1].Kind == KindDate && out[n-1].Type == "TIME" &&
			convertedTime(d.text[out[n-1].End:e.Start]) {
			continue
		}
		out = append(out, it)
	}
	return out
}

// convertedTime reports whether between, the text between two clock
// times, sets the second off as the first converted into the reader's
// zone: "at 11 a.m. local time (5 a.m. ET)", "at 9 p.m. (12:30 p.m.
// ET)". The conversion is the same time, no fact of its own; when the
// time moves, it moves with it, and the change is told once.
func convertedTime(between string) bool {
	b := strings.TrimSpace(between)
	if !strings.HasSuffix(b, "(") {
		return false
	}
	b = strings.TrimSpace(strings.TrimSuffix(b, "("))
	return b == "" || b == "local time" || b == "local"
}

// rateOfMeasure reports whether the temporal expression at offset off is
// the "per hour" of a rate: it starts with "per" right after a unit of
// measure ("miles per hour", "km per day"), or with "a" or "an", which the
// tagger reads as a recurrence only after a figure ("10 million barrels a
// day", "$5 a month"): the figure is the fact, not a time.
func (d *doc) rateOfMeasure(off int) bool {
	i := d.tokAt(off)
	if i >= len(d.toks) || i == 0 {
		return false
	}
	switch d.toks[i].lower {
	case "a", "an":
		return true
	case "per":
		_, ok := d.lx.measure[d.toks[i-1].lower]
		return ok
	}
	return false
}

// span makes the text of tokens [a, b].
func (d *doc) span(a, b int) (string, int, int) {
	s, e := d.toks[a].start, d.toks[b].end
	return d.text[s:e], s, e
}

// partMod returns the TIMEX3 mod of a part of a period that "of" and a
// month may follow: START for "the first week", "the first half", END for
// "the last week", "the second half", MID for "the middle"; "" for any
// other expression.
func partMod(text string) string {
	w := strings.Fields(strings.ToLower(text))
	if len(w) < 2 {
		return ""
	}
	switch w[len(w)-1] {
	case "week", "half", "weekend", "fortnight":
	default:
		return ""
	}
	switch w[len(w)-2] {
	case "first", "early", "opening":
		return "START"
	case "last", "second", "final", "closing", "late":
		return "END"
	case "middle", "mid":
		return "MID"
	}
	return ""
}

// mergeDates joins temporal expressions that qualify each other, "February
// this year" or "the last week of August", into one: as one fact, they
// change together and are reported once.
func mergeDates(text string, ds []timex.Expr) []timex.Expr {
	if len(ds) < 2 {
		return ds
	}
	// Merged in place: out never runs ahead of the element being read,
	// and ds is this package's own copy, fresh from timex (in docBuf).
	out := ds[:1]
	for _, e := range ds[1:] {
		p := &out[len(out)-1]
		gap := ""
		if e.Start >= p.End && e.End <= len(text) {
			gap = strings.TrimSpace(text[p.End:e.Start])
		}
		if e.Start < p.End || (gap != "" && gap != "of" && gap != ",") || p.Type != e.Type || strings.Contains(text[p.End:e.Start], "\n") {
			out = append(out, e)
			continue
		}
		v := p.Value
		mod := p.Mod
		part := ""
		if gap == "of" {
			part = partMod(p.Text)
		}
		switch {
		case gap == "of" && len(e.Value) == 7 && concrete(e.Value) && part != "":
			// "the last week of August", "the second half of
			// September": a part of the month named, not this week or
			// this half of the year
			v, mod = e.Value, part
		case p.Type == timex.TypeDuration:
			// "the first 47 days of the year": the span told is the
			// first one, the second only places it.
		case len(v) == 4 && allDigits(v) && len(e.Value) > 4 && allDigits(e.Value[:4]) && strings.HasSuffix(p.Text, " ago"):
			// "114 years ago this week", "50 years ago today": the
			// anniversary of today, in the year counted back.
			v += e.Value[4:]
		case !concrete(v) || (concrete(e.Value) && len(e.Value) > len(v)):
			v = e.Value
		}
		if mod == "" {
			mod = e.Mod
		}
		*p = timex.Expr{Start: p.Start, End: e.End, Text: text[p.Start:e.End], Type: p.Type, Value: v, Mod: mod}
	}
	return out
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
