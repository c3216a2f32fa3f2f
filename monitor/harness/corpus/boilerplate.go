package corpus

import (
	"html"
	"math/rand/v2"
	"strings"
)

// Boilerplate pools. Some "most read" headlines mention the story's names on
// purpose: an extractor that keeps sidebars would then see spurious changes.
var (
	navSections = [...]string{"World", "Europe", "US", "Politics", "Business", "Markets", "Climate", "Technology", "Sport", "Culture", "Opinion", "Weather"}
	adCopy      = []string{
		"Switch your energy plan today and save up to 20% on winter bills.",
		"Noise-cancelling headphones, now half price for members.",
		"Learn a language in 15 minutes a day. Try it free.",
		"Your next city break starts here: flights from 39.",
		"Compare mortgage rates from 40 lenders in one place.",
		"The smartwatch that tracks your sleep, stress and steps.",
		"Refinance your car loan in minutes.",
		"Premium coffee, delivered to your door every week.",
		"Protect your home with a smart alarm system.",
		"Subscribe now: your first three months for 1 a week.",
		"Electric SUVs with zero-percent finance this month.",
		"Book a free hearing test near you.",
	}
	mostReadPool = [...]string{
		"Live: Putin and Zelensky summit latest as leaders react",
		"What we know about the proposed peace talks",
		"Markets rally as hopes of a ceasefire grow",
		"Analysis: what security guarantees could look like",
		"The seven-hour day that reshaped European diplomacy",
		"Heatwave: how to keep your home cool at night",
		"Striker signs record deal after dramatic transfer saga",
		"Why rents are rising fastest in smaller cities",
		"Opinion: Europe must not be a bystander at the table",
		"Scientists map the deepest cave system in the Alps",
		"Quiz of the week: how closely were you following the news?",
		"Central bank signals pause in interest rate rises",
		"Photos: the week in pictures",
		"Five takeaways from the White House meeting",
		"Farmers count the cost of the driest July in decades",
		"Explainer: who is Kirill Dmitriev?",
		"Wildfire forces evacuations on holiday island",
		"Inside the race to build a cheaper battery",
	}
	tickerPool = []string{
		"Stocks open higher in Frankfurt and Paris",
		"Storm warnings issued for the weekend",
		"Parliament returns from summer recess next week",
		"Rail strike called off after late-night talks",
		"Oil slips as traders weigh diplomacy",
		"Election commission confirms autumn date",
	}
)

// Pre-rendered pool entries: every page request draws from the pools, so the
// escaping and slugs are done once instead of per request.
var (
	navItems = mapStrings(navSections[:], func(s string) string {
		return `<li><a href="/` + slugify(s) + `/">` + html.EscapeString(s) + `</a></li>`
	})
	adCopyHTML   = mapStrings(adCopy, html.EscapeString)
	mostReadHTML = mapStrings(mostReadPool[:], html.EscapeString)
	tickerHTML   = mapStrings(tickerPool, html.EscapeString)
)

func mapStrings(in []string, f func(string) string) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = f(s)
	}
	return out
}

const (
	mostReadCount = 6 // "most read" entries per page
	maxRelated    = 4 // related links per page
)

// boilerplate is everything on a page outside the <article> element that may
// rotate between requests, as indices into the pools so that a draw does not
// allocate.
type boilerplate struct {
	nav          [len(navSections)]int // order of navSections
	topAd        int                   // index into adCopy
	sideAd       int                   // index into adCopy
	ticker       int                   // index into tickerPool
	updatedMins  int
	commentCount int
	mostRead     [mostReadCount]int // indices into mostReadPool
	related      [maxRelated]int    // indices of other articles
	nRelated     int
}

// newBoilerplate draws one page's boilerplate. self is excluded from related
// links. The sequence of rng calls is part of the served bytes' identity
// (same seed and request number, same page): do not reorder it.
func newBoilerplate(rng *rand.Rand, self, articles int) boilerplate {
	var b boilerplate
	for i := range b.nav {
		b.nav[i] = i
	}
	b.topAd = rng.IntN(len(adCopy))
	b.sideAd = rng.IntN(len(adCopy))
	b.ticker = rng.IntN(len(tickerPool))
	b.updatedMins = 1 + rng.IntN(59)
	b.commentCount = rng.IntN(2400)
	// Keep "World" first as real sites do, shuffle the rest.
	rest := b.nav[1:]
	rng.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	// rng.Perm(len(mostReadPool)), without its allocation.
	var perm [len(mostReadPool)]int
	for i := range perm {
		perm[i] = i
	}
	rng.Shuffle(len(perm), func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
	copy(b.mostRead[:], perm[:mostReadCount])
	if articles > 1 {
		n := min(maxRelated, articles-1)
		// Sample from a window so huge synthetic corpora do not pay for a full permutation.
		start := rng.IntN(articles)
		for k := 0; b.nRelated < n && k < articles; k++ {
			i := (start + k*7 + rng.IntN(3)) % articles
			if i != self && !containsInt(b.related[:b.nRelated], i) {
				b.related[b.nRelated] = i
				b.nRelated++
			}
		}
	}
	return b
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
