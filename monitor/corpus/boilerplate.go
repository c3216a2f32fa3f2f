package corpus

import (
	"fmt"
	"html"
	"math/rand/v2"
	"strings"
)

// Boilerplate pools. Some "most read" headlines mention the story's names on
// purpose: an extractor that keeps sidebars would then see spurious changes.
var (
	navSections = []string{"World", "Europe", "US", "Politics", "Business", "Markets", "Climate", "Technology", "Sport", "Culture", "Opinion", "Weather"}
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
	mostReadPool = []string{
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

// boilerplate is everything on a page outside the <article> element that may
// rotate between requests.
type boilerplate struct {
	nav          []string
	topAd        string
	sideAd       string
	ticker       string
	updatedMins  int
	mostRead     []string
	related      []int // indices of other articles
	commentCount int
}

// newBoilerplate draws one page's boilerplate. self is excluded from related links.
func newBoilerplate(rng *rand.Rand, self, articles int) boilerplate {
	b := boilerplate{
		nav:          append([]string(nil), navSections...),
		topAd:        adCopy[rng.IntN(len(adCopy))],
		sideAd:       adCopy[rng.IntN(len(adCopy))],
		ticker:       tickerPool[rng.IntN(len(tickerPool))],
		updatedMins:  1 + rng.IntN(59),
		commentCount: rng.IntN(2400),
	}
	// Keep "World" first as real sites do, shuffle the rest.
	rest := b.nav[1:]
	rng.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	perm := rng.Perm(len(mostReadPool))
	for _, i := range perm[:6] {
		b.mostRead = append(b.mostRead, mostReadPool[i])
	}
	if articles > 1 {
		n := min(4, articles-1)
		// Sample from a window so huge synthetic corpora do not pay for a full permutation.
		start := rng.IntN(articles)
		for k := 0; len(b.related) < n && k < articles; k++ {
			i := (start + k*7 + rng.IntN(3)) % articles
			if i != self && !containsInt(b.related, i) {
				b.related = append(b.related, i)
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

func writeNav(b *strings.Builder, bp boilerplate) {
	b.WriteString(`<nav class="site-nav" aria-label="Sections"><ul>`)
	for _, s := range bp.nav {
		fmt.Fprintf(b, `<li><a href="/%s/">%s</a></li>`, slugify(s), html.EscapeString(s))
	}
	b.WriteString("</ul></nav>\n")
}
