package timeline

import (
	"slices"
	"strings"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/diff/facts/timex"
)

// Builder collects observations one at a time and keeps only what the
// threads need, never the texts, so a whole store can stream through it.
// The zero value is not usable; call NewBuilder. A Builder is not safe for
// concurrent use.
type Builder struct {
	threads map[slotKey]*thread
	order   []*thread
	quotes  map[string][]*thread  // speaker key -> quote threads
	quoteOf map[[2]string]*thread // speaker key, wording -> its thread
	// articles numbers the articles, so per-fact lookups hash an int,
	// not a URL; latest and first are indexed by that number.
	articles map[string]int
	latest   []int // latest version added
	first    []int // earliest version added
	cur      int   // number of the article being added
	exprs    map[exprKey]timex.Expr
	memo     map[memoKey]resolved
	// events caches the event of a fact for the article being added; it
	// is cleared when the next article starts, so it holds one article's
	// sentences at most.
	events       map[eventKey]attachment
	eventArticle string
	cont         continuity // dates and places of rewritten sentences
	// scratch space reused across facts
	toks []token
	buf  []byte
	sent sentence
	past []pastMark // events dated in the past by the version being added
}

// slotKey identifies a thread without building a string per fact.
type slotKey struct {
	kind facts.Kind
	a, b string // event, actor or counted noun; then topic, unit or qualifier
}

func (k slotKey) String() string {
	if k.b == "" {
		return string(k.kind) + "/" + k.a
	}
	return string(k.kind) + "/" + k.a + "/" + k.b
}

type valueKey struct {
	article int
	norm    string
}

type exprKey struct {
	text, typ, value string
	ref              time.Time
}

type thread struct {
	key    slotKey
	topic  string
	values []*value
	byVal  map[valueKey]*value
	words  map[string]bool // quote threads: content words of the first wording
}

type value struct {
	Value
	article int // the Builder's number of the article
	norm    string
	expr    timex.Expr // dates only
	pos     int        // where its latest version first mentions it
	// aside is true when its latest version mentions it only as replaced
	// ("up from some 30", "originally planned for August 29").
	aside bool
	// ongoing is true for a status event the page is still in.
	ongoing bool
}

// attachment is the event a date or place's own words attach it to, and
// how many words away its event noun stands.
type attachment struct {
	ev   string
	dist int
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder {
	return &Builder{
		threads:  map[slotKey]*thread{},
		quotes:   map[string][]*thread{},
		quoteOf:  map[[2]string]*thread{},
		articles: map[string]int{},
		exprs:    map[exprKey]timex.Expr{},
		memo:     map[memoKey]resolved{},
		events:   map[eventKey]attachment{},
		cont:     newContinuity(),
		buf:      make([]byte, 0, 64),
	}
}

// Add records the facts of one version. Versions of an article may come in
// any order; facts whose offsets do not fit the text are skipped.
func (b *Builder) Add(o *Observation) {
	a := b.article(o.Article, o.Version)
	if o.Article != b.eventArticle {
		clear(b.events)
		b.eventArticle = o.Article
	}
	b.sent = sentence{start: -1, end: -1}
	b.past = b.past[:0]
	b.cont.startVersion()
	defer b.cont.endVersion(a)
	// Places come second: a past date of an event in the same sentence
	// ("the summit in Alaska last week") rules its place out too.
	for pass := 0; pass < 2; pass++ {
		for i := range o.Facts {
			f := &o.Facts[i]
			if f.Start < 0 || f.End > len(o.Text) || f.Start > f.End || (f.Kind == facts.KindLocation) != (pass == 1) {
				continue
			}
			switch f.Kind {
			case facts.KindDate, facts.KindLocation:
				b.addEventFact(o, f)
			case facts.KindCorrection:
				b.addCorrection(o, f)
			case facts.KindPosition, facts.KindNumber, facts.KindQuote:
				r := b.resolve(f)
				for _, t := range r.threads {
					b.record(t, o, f, r.norm, nil)
				}
			}
		}
	}
}

// article returns the number of the article with canonical URL url,
// registering it, makes it the one being added and notes its version.
func (b *Builder) article(url string, version int) int {
	a, ok := b.articles[url]
	if !ok {
		a = len(b.latest)
		b.articles[url] = a
		b.latest = append(b.latest, version)
		b.first = append(b.first, version)
	}
	b.cur = a
	b.latest[a] = max(b.latest[a], version)
	b.first[a] = min(b.first[a], version)
	return a
}

// pastMark notes an event that a sentence dates in the past.
type pastMark struct {
	sent int
	ev   string
}

// sentenceOf tokenises the sentence around f, reusing the last one when f
// lies in it (facts come in text order).
func (b *Builder) sentenceOf(o *Observation, f *facts.Fact) *sentence {
	if b.sent.start <= f.Start && f.End <= b.sent.end {
		return &b.sent
	}
	s, e := sentenceBounds(o.Text, f.Start, f.End)
	b.sent = sentence{start: s, end: e}
	return &b.sent
}

// eventKey identifies a fact by its sentence and place in it, which decide
// its event.
type eventKey struct {
	sent     string
	from, to int
}

func (b *Builder) addEventFact(o *Observation, f *facts.Fact) {
	s := b.sentenceOf(o, f)
	sent := o.Text[s.start:s.end]
	b.cont.noteSentence(sent)
	// Most sentences recur unchanged in the next version of the article:
	// ownEvent caches the attachment per sentence.
	ev, _ := b.ownEvent(o, f, s)
	if filed, ok := b.inherited(o, f, s); ok {
		ev = filed
	}
	if ev == "" {
		return
	}
	r := b.resolve(f)
	// An earlier occurrence of the event, unmarked ("met at a summit in
	// Alaska last week"), is background, not the event the story follows.
	if !strings.HasPrefix(ev, "last ") {
		if r.past {
			b.past = append(b.past, pastMark{sent: s.start, ev: ev})
			return
		}
		if f.Kind == facts.KindLocation && slices.Contains(b.past, pastMark{sent: s.start, ev: ev}) {
			return
		}
	}
	key := slotKey{kind: f.Kind, a: ev}
	if f.Kind == facts.KindLocation && f.Type == "venue" {
		key.b = "venue" // "the White House" is not a rival of "Budapest"
	}
	t := b.thread(key, func() string { return topicOfEvent(f.Kind, ev, key.b) })
	if v := b.record(t, o, f, r.norm, s); v != nil && f.Kind == facts.KindDate {
		v.expr = b.expr(o, f)
	}
	b.cont.next.anchors = append(b.cont.next.anchors, anchor{kind: f.Kind, sent: sent, norm: r.norm, ev: ev})
}

func topicOfEvent(k facts.Kind, ev, sub string) string {
	label := eventLabels[ev]
	if label == "" {
		label = "the " + ev
	}
	if k == facts.KindDate {
		return "date of " + label
	}
	if sub == "venue" {
		return "venue of " + label
	}
	return "place of " + label
}

// resolved is what a fact's kind, subject and value decide: the threads
// it belongs to (positions, numbers, quotes) and its normalised value.
type resolved struct {
	threads []*thread
	norm    string
	past    bool // dates: the words point back ("last week", "ago")
}

type memoKey struct {
	kind                      facts.Kind
	subject, value, typ, text string // text only for dates; for the rest the others decide
}

// resolve maps a fact to its threads and normalised value. Versions of an
// article repeat most facts, so the answer is memoised on the fact's
// strings and costs one map lookup after the first time.
func (b *Builder) resolve(f *facts.Fact) resolved {
	k := memoKey{kind: f.Kind, subject: f.Subject, value: f.Value, typ: f.Type}
	if f.Kind == facts.KindDate {
		k.text = f.Text
	}
	if r, ok := b.memo[k]; ok {
		return r
	}
	var r resolved
	switch f.Kind {
	case facts.KindDate:
		r.norm = f.Type + "|" + f.Value
		r.past = pointsBack(f.Text)
	case facts.KindLocation:
		r.norm = strings.ToLower(f.Value)
	case facts.KindPosition:
		r = b.resolvePosition(f)
	case facts.KindNumber:
		r = b.resolveNumber(f)
	case facts.KindQuote:
		r = b.resolveQuote(f)
	}
	k.subject, k.value, k.typ, k.text = strings.Clone(k.subject), strings.Clone(k.value), strings.Clone(k.typ), strings.Clone(k.text)
	b.memo[k] = r
	return r
}

func (b *Builder) resolvePosition(f *facts.Fact) resolved {
	stance, object := splitStance(f.Value)
	topic := topicOf(object, b.buf)
	if topic == "" {
		return resolved{}
	}
	r := resolved{norm: foldStance(stance)}
	for _, a := range actorsOf(f.Subject) {
		key := slotKey{kind: facts.KindPosition, a: a.key, b: topic}
		r.threads = append(r.threads, b.thread(key, func() string { return a.label + " on " + topic }))
	}
	return r
}

func (b *Builder) resolveNumber(f *facts.Fact) resolved {
	num, unit, _ := strings.Cut(f.Value, " ")
	num = strings.TrimPrefix(num, "~") // "about $90 billion" is "$90 billion"
	subject := strings.ToLower(f.Subject)
	if subject == "" {
		subject = unit
	}
	key := slotKey{kind: facts.KindNumber, a: singular(subject), b: singular(unit)}
	t := b.thread(key, func() string {
		if currencies[strings.ToLower(unit)] {
			return "amount for " + subject + " (" + unit + ")"
		}
		return "number of " + subject
	})
	return resolved{threads: []*thread{t}, norm: num + " " + key.b}
}

func (b *Builder) resolveQuote(f *facts.Fact) resolved {
	sp := actor{key: "unknown", label: "an unnamed speaker"}
	if speakers := actorsOf(f.Subject); len(speakers) > 0 {
		sp = speakers[0]
	}
	norm := foldSpelling(f.Value)
	return resolved{threads: []*thread{b.quoteThread(sp, norm)}, norm: norm}
}

// quoteThread finds the thread of a speaker's quote: the same wording, or
// one sharing at least half its content words (a reworded quote).
func (b *Builder) quoteThread(sp actor, norm string) *thread {
	if t, ok := b.quoteOf[[2]string{sp.key, norm}]; ok {
		return t
	}
	norm = strings.Clone(norm)
	list := b.quotes[sp.key]
	words := contentWords(norm)
	for _, t := range list {
		if overlap(words, t.words) >= 0.5 {
			b.quoteOf[[2]string{sp.key, norm}] = t
			return t
		}
	}
	key := slotKey{kind: facts.KindQuote, a: sp.key, b: firstWords(norm, 5)}
	t := b.thread(key, func() string { return "quote by " + sp.label + ": “" + firstWords(norm, 8) + "…”" })
	t.words = words
	b.quotes[sp.key] = append(list, t)
	b.quoteOf[[2]string{sp.key, norm}] = t
	return t
}

// thread returns the thread of key, creating it with topic() if needed.
func (b *Builder) thread(key slotKey, topic func() string) *thread {
	if t, ok := b.threads[key]; ok {
		return t
	}
	t := &thread{key: key, topic: topic(), byVal: map[valueKey]*value{}}
	b.threads[key] = t
	b.order = append(b.order, t)
	return t
}

// record notes that o reports norm in thread t. It returns the value when
// it is new, so the caller can complete it.
func (b *Builder) record(t *thread, o *Observation, f *facts.Fact, norm string, s *sentence) *value {
	vk := valueKey{article: b.cur, norm: norm}
	if v, ok := t.byVal[vk]; ok {
		switch {
		case o.Version > v.LastVersion:
			v.LastVersion, v.Last = o.Version, o.Seen
			v.pos, v.aside = f.Start, b.asideAt(o.Text, f.Start)
		case o.Version == v.LastVersion && v.aside:
			// one plain mention is enough
			v.pos, v.aside = f.Start, b.asideAt(o.Text, f.Start)
		}
		if o.Version < v.Version {
			v.Value.Version, v.First = o.Version, o.Seen
			v.Text, v.Title = strings.Clone(f.Text), strings.Clone(o.Title)
			v.Sentence = b.sentenceText(o, f, s)
			if f.Kind != facts.KindPosition {
				v.Value.Value = strings.Clone(f.Value)
			}
		}
		return nil
	}
	v := &value{article: b.cur, norm: strings.Clone(norm), Value: Value{
		Value: strings.Clone(f.Value), Text: strings.Clone(f.Text), Sentence: b.sentenceText(o, f, s),
		Article: o.Article, ArticleID: o.ArticleID, Outlet: o.Outlet, Title: strings.Clone(o.Title),
		Version: o.Version, LastVersion: o.Version, First: o.Seen, Last: o.Seen,
	}, pos: f.Start, aside: b.asideAt(o.Text, f.Start)}
	if f.Kind == facts.KindPosition {
		v.Value.Value = strings.Clone(norm)
	}
	vk.norm = v.norm
	t.byVal[vk] = v
	t.values = append(t.values, v)
	return v
}

// sentenceText copies the sentence of f out of the text, so the value does
// not keep the whole version alive.
func (b *Builder) sentenceText(o *Observation, f *facts.Fact, s *sentence) string {
	if s == nil || s.start > f.Start || s.end < f.End {
		st, en := sentenceBounds(o.Text, f.Start, f.End)
		return strings.Clone(o.Text[st:en])
	}
	return strings.Clone(o.Text[s.start:s.end])
}

// expr rebuilds the temporal expression of a date fact, with the interval
// an anchored duration covers ("the next two weeks" from August 19), which
// the stored fact does not carry. Results are cached per wording and day.
func (b *Builder) expr(o *Observation, f *facts.Fact) timex.Expr {
	e := timex.Expr{Type: f.Type, Value: f.Value}
	if f.Type != timex.TypeDuration {
		return e
	}
	ref := o.Published
	if ref.IsZero() {
		ref = o.Seen
	}
	ref = ref.UTC().Truncate(24 * time.Hour)
	k := exprKey{text: f.Text, typ: f.Type, value: f.Value, ref: ref}
	if c, ok := b.exprs[k]; ok {
		return c
	}
	for _, x := range timex.Find(f.Text, ref) {
		if x.Type == f.Type && x.Value == f.Value {
			e = x
			break
		}
	}
	k.text = strings.Clone(k.text)
	b.exprs[k] = e
	return e
}
