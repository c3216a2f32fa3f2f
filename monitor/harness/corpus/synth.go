package corpus

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Edit kinds recorded in Edit.Kind. The first six match the fact kinds of the
// storywatch JSON interface; KindParagraph moves a paragraph and changes no fact.
const (
	KindDate      = "date"
	KindNumber    = "number"
	KindQuote     = "quote"
	KindPosition  = "position"
	KindLocation  = "location"
	KindTitle     = "title"
	KindParagraph = "paragraph"
)

var editKinds = []string{KindDate, KindNumber, KindQuote, KindPosition, KindLocation, KindTitle, KindParagraph}

var (
	outlets  = []string{"Meridian Wire", "The Northern Courier", "Danube Ledger", "Harbour Times", "Atlantic Post", "Capital Dispatch"}
	sections = []string{"World", "Europe", "Politics", "Diplomacy"}
	// synthEpoch is when the synthetic story breaks, matching the seed article.
	synthEpoch = time.Date(2025, 8, 19, 6, 0, 0, 0, time.UTC)
)

// Negative sentence ids in synthArticle.paras name core sentences.
var cores = []string{coreWhen, coreVenue, coreAmount, coreTroops, coreStance, coreQuote}

// synthArticle is the editable model behind one synthetic page.
type synthArticle struct {
	vars                                              map[string]string // fixed slots: cast, places, numbers
	when, venue, amount, troops, stance, quote, title int               // indices into the slot pools
	fill                                              []string          // rendered filler sentences
	paras                                             [][]int           // sentence ids; id >= 0: fill[id], id < 0: cores[-id-1]
	byline                                            string
	published, modified                               time.Time
}

type synthSource struct {
	seed  int64
	frac  float64
	model []*synthArticle
}

// NewSynthetic returns a server with opts.Feeds feeds of opts.ArticlesPerFeed
// generated articles each (about 800 words), all derived from opts.Seed. Feeds
// are /feeds/feed-NNN.EXT. From the second feed on, each feed also lists the
// previous feed's first article (same canonical URL, tracking parameters on
// the link), and about a quarter of the other links carry tracking parameters.
// Each Revise makes one real edit to round(EditFraction × articles) articles;
// LastEdits says which and how.
func NewSynthetic(opts Options) (*Server, error) {
	formats, err := opts.formats()
	if err != nil {
		return nil, fmt.Errorf("new synthetic: %w", err)
	}
	if err := opts.validateSynthetic(); err != nil {
		return nil, fmt.Errorf("new synthetic: %w", err)
	}
	if err := opts.validateBase(); err != nil {
		return nil, fmt.Errorf("new synthetic: %w", err)
	}
	if err := opts.validateTemplate(); err != nil {
		return nil, fmt.Errorf("new synthetic: %w", err)
	}
	total := opts.Feeds * opts.ArticlesPerFeed
	src := &synthSource{seed: opts.Seed, frac: opts.EditFraction, model: make([]*synthArticle, total)}
	arts := make([]*article, total)
	tracking := make([]bool, total)
	for k := range total {
		f := k / opts.ArticlesPerFeed
		rng := rand.New(rand.NewPCG(uint64(opts.Seed), 0x5eed_0000_0000+uint64(k)))
		m := newSynthArticle(rng)
		src.model[k] = m
		site := outlets[f%len(outlets)]
		section := sections[rng.IntN(len(sections))]
		m.byline = "By " + bylines[rng.IntN(len(bylines))] + ", " + site
		rev := m.render()
		p := fmt.Sprintf("/%s/%s/%s/%s-%d.html", slugify(site), slugify(section),
			m.published.Format("2006/01/02"), slugify(rev.Title), k)
		a := &article{path: p, site: site, section: section}
		a.setRevision(rev, 1)
		arts[k] = a
		tracking[k] = rng.IntN(4) == 0
	}
	feeds := make([]*feed, opts.Feeds)
	for f := range opts.Feeds {
		format := formats[f%len(formats)]
		name := fmt.Sprintf("feed-%03d", f)
		fd := &feed{
			name: name, format: format, path: "/feeds/" + name + "." + format,
			site:  outlets[f%len(outlets)],
			title: fmt.Sprintf("%s: %s", outlets[f%len(outlets)], sections[f%len(sections)]),
		}
		for j := range opts.ArticlesPerFeed {
			k := f*opts.ArticlesPerFeed + j
			fd.items = append(fd.items, feedItem{article: k, tracking: tracking[k]})
		}
		if f > 0 {
			fd.items = append(fd.items, feedItem{article: (f - 1) * opts.ArticlesPerFeed, tracking: true})
		}
		feeds[f] = fd
	}
	return newServer(opts, arts, feeds, src), nil
}

var bylines = []string{"Anna Kovács", "Tom Reilly", "Claire Dunmore", "Márton Fekete", "Priya Nair", "Sam Ortega", "Lukas Brenner", "Elena Ruiz"}

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

// newSynthArticle draws a cast, slot values and a sentence plan of about 800 words.
func newSynthArticle(rng *rand.Rand) *synthArticle {
	pair := pick(rng, parties)
	a, b := pair[0], pair[1]
	med := pick(rng, mediators)
	e := rng.Perm(len(europeans))
	e1, e2 := europeans[e[0]], europeans[e[1]]
	pl := rng.Perm(len(places))
	day := rng.IntN(len(weekdays))
	mon := rng.Perm(len(months))
	m := &synthArticle{
		vars: pairsToMap(
			"{A}", a.leader, "{As}", a.surname, "{Aadj}", a.adj, "{Actry}", a.country, "{Acap}", a.capital,
			"{B}", b.leader, "{Bs}", b.surname, "{Badj}", b.adj, "{Bctry}", b.country, "{Bcap}", b.capital,
			"{M}", med.title, "{Ms}", med.surname, "{Mctry}", med.country, "{Mweap}", med.weapons,
			"{Mseat}", med.seat, "{Mcap}", med.capital, "{Mhe}", med.he,
			"{E1}", e1[0], "{E1s}", e1[1], "{E2}", e2[0], "{E2s}", e2[1],
			"{Aide}", pick(rng, aides), "{Envoy}", pick(rng, envoys), "{Nato}", pick(rng, natoHead),
			"{Day}", weekdays[day], "{Day2}", weekdays[(day+4)%len(weekdays)],
			"{Month}", months[mon[0]], "{Month2}", months[mon[1]],
			"{Place}", places[pl[0]], "{Place2}", places[pl[1]], "{Years}", pick(rng, yearsAgo),
			"{GuarDays}", strconv.Itoa(7+rng.IntN(14)), "{Civ}", strconv.Itoa(3+rng.IntN(40)),
			"{Pct}", fmt.Sprintf("%d.%d", rng.IntN(3), 1+rng.IntN(9)), "{Vill}", strconv.Itoa(2+rng.IntN(12)),
			"{Gap}", strconv.Itoa(2+rng.IntN(6)), "{Yrs2}", strconv.Itoa(3+rng.IntN(4)),
			"{Pct2}", strconv.Itoa(20+rng.IntN(25)), "{Disp}", strconv.Itoa(3+rng.IntN(5)),
			"{Hours}", strconv.Itoa(2+rng.IntN(5)),
		),
		when: rng.IntN(len(whenPool)), venue: rng.IntN(len(venuePool)), amount: rng.IntN(len(amountPool)),
		troops: rng.IntN(len(troopsPool)), stance: rng.IntN(len(stancePool)), quote: rng.IntN(len(quotePool)),
		title:     rng.IntN(len(titlePool)),
		published: synthEpoch.Add(time.Duration(rng.IntN(18*60)) * time.Minute),
	}
	m.modified = m.published
	r := slotFiller{fixed: m.vars}

	// Fillers until about 800 words, then shuffle them with the core sentences.
	target := 760 + rng.IntN(80)
	words := 0
	for _, c := range cores {
		words += len(strings.Fields(c))
	}
	m.fill = append(m.fill, r.Replace(fillers[0]))
	words += len(strings.Fields(m.fill[0]))
	for _, i := range rng.Perm(len(fillers) - 1) {
		if words >= target {
			break
		}
		s := r.Replace(fillers[i+1])
		m.fill = append(m.fill, s)
		words += len(strings.Fields(s))
	}
	ids := make([]int, 0, len(m.fill)-1+len(cores))
	for i := 1; i < len(m.fill); i++ {
		ids = append(ids, i)
	}
	for i := range cores {
		ids = append(ids, -i-1)
	}
	rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	m.paras = [][]int{{0}}
	for len(ids) > 0 {
		n := min(len(ids), 1+rng.IntN(3))
		m.paras = append(m.paras, ids[:n:n])
		ids = ids[n:]
	}
	return m
}

func (m *synthArticle) replacer() slotFiller {
	return slotFiller{fixed: m.vars, edit: map[string]string{
		"{When}": whenPool[m.when], "{Venue}": venuePool[m.venue], "{Amount}": amountPool[m.amount],
		"{Troops}": troopsPool[m.troops], "{Stance}": stancePool[m.stance], "{Quote}": quotePool[m.quote],
	}}
}

// slotFiller expands {Name} slots; strings.Replacer with ~90 pairs was the
// main cost of generating large corpora.
type slotFiller struct {
	fixed, edit map[string]string
}

// Replace substitutes every known {Name} in tmpl and leaves unknown ones as they are.
func (f slotFiller) Replace(tmpl string) string {
	var b strings.Builder
	b.Grow(len(tmpl) + 64)
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		key := tmpl[i : i+j+1]
		v, ok := f.edit[key]
		if !ok {
			v, ok = f.fixed[key]
		}
		b.WriteString(tmpl[:i])
		if ok {
			b.WriteString(v)
		} else {
			b.WriteString(key)
		}
		tmpl = tmpl[i+j+1:]
	}
}

func pairsToMap(pairs ...string) map[string]string {
	m := make(map[string]string, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i]] = pairs[i+1]
	}
	return m
}

func (m *synthArticle) render() Revision {
	r := m.replacer()
	rev := Revision{
		Title: r.Replace(titlePool[m.title]), Byline: m.byline,
		Published: m.published, Modified: m.modified,
		Paragraphs: make([]string, len(m.paras)),
	}
	for i, p := range m.paras {
		parts := make([]string, len(p))
		for j, id := range p {
			if id >= 0 {
				parts[j] = m.fill[id]
			} else {
				parts[j] = r.Replace(cores[-id-1])
			}
		}
		rev.Paragraphs[i] = strings.Join(parts, " ")
	}
	return rev
}

// revise edits round(frac × articles) articles chosen by the seed and revision.
func (s *synthSource) revise(revision int, arts []*article) ([]int, []Edit) {
	n := int(math.Round(s.frac * float64(len(arts))))
	if n == 0 {
		return nil, nil
	}
	rng := rand.New(rand.NewPCG(uint64(s.seed)^0xed17_ed17_ed17_ed17, uint64(revision)))
	chosen := rng.Perm(len(arts))[:n]
	slices.Sort(chosen)
	edits := make([]Edit, 0, n)
	for _, k := range chosen {
		m := s.model[k]
		e := m.edit(rng)
		m.modified = m.modified.Add(time.Duration(15+rng.IntN(90)) * time.Minute)
		rev := m.render()
		arts[k].setRevision(rev, arts[k].gen+1)
		e.URL = arts[k].path
		edits = append(edits, e)
	}
	return chosen, edits
}

// other returns an index into a pool of size n that differs from cur.
func other(rng *rand.Rand, cur, n int) int { return (cur + 1 + rng.IntN(n-1)) % n }

// edit applies one real edit of a random kind and describes it.
func (m *synthArticle) edit(rng *rand.Rand) Edit {
	kind := pick(rng, editKinds)
	if kind == KindParagraph && len(m.paras) < 3 {
		kind = KindTitle
	}
	e := Edit{Kind: kind}
	switch kind {
	case KindDate:
		old := m.when
		m.when = other(rng, old, len(whenPool))
		e.Before, e.After = whenPool[old], whenPool[m.when]
	case KindLocation:
		old := m.venue
		m.venue = other(rng, old, len(venuePool))
		e.Before, e.After = venuePool[old], venuePool[m.venue]
	case KindNumber:
		if rng.IntN(2) == 0 {
			old := m.amount
			m.amount = other(rng, old, len(amountPool))
			e.Before, e.After = amountPool[old], amountPool[m.amount]
		} else {
			old := m.troops
			m.troops = other(rng, old, len(troopsPool))
			e.Before, e.After = troopsPool[old], troopsPool[m.troops]
		}
	case KindPosition:
		old := m.stance
		m.stance = other(rng, old, len(stancePool))
		e.Before, e.After = stancePool[old], stancePool[m.stance]
	case KindQuote:
		old := m.quote
		m.quote = other(rng, old, len(quotePool))
		e.Before, e.After = quotePool[old], quotePool[m.quote]
	case KindTitle:
		r := m.replacer()
		old := m.title
		m.title = other(rng, old, len(titlePool))
		e.Before, e.After = r.Replace(titlePool[old]), r.Replace(titlePool[m.title])
	case KindParagraph:
		// Move a non-lead paragraph to another non-lead position.
		from := 1 + rng.IntN(len(m.paras)-1)
		to := 1 + other(rng, from-1, len(m.paras)-1)
		p := m.paras[from]
		m.paras = slices.Delete(m.paras, from, from+1)
		m.paras = slices.Insert(m.paras, to, p)
		e.Before, e.After = fmt.Sprintf("paragraph %d", from+1), fmt.Sprintf("paragraph %d", to+1)
	}
	return e
}
