package facts

import (
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// placeFillers may stand between a locative word and a place name: "in the
// Turkish city of Istanbul", "at the Vatican".
var placeFillers = map[string]bool{
	"the": true, "city": true, "capital": true, "town": true, "of": true, "resort": true,
	"port": true, "region": true, "state": true, "country": true, "a": true, "nearby": true,
	"neighbouring": true, "neighboring": true, "southern": true, "northern": true, "eastern": true,
	"western": true, "central": true, "east": true, "west": true, "north": true, "south": true,
	"southeastern": true, "southwestern": true, "northeastern": true, "northwestern": true,
	"upper": true, "lower": true, "landmark": true, "historic": true, "iconic": true, "famed": true,
}

// partFillers name a part of the place after them, or the kind of place it
// is one of, between a locative word and the place: "in parts of Texas",
// "across much of the Midwest", "in other parts of Indiana", "in cities
// like Rochester", "in states such as North Dakota". The place is still
// where it happened. (Only locative reads them: elsewhere "parts" or
// "such" end a name's context as they did.)
var partFillers = map[string]bool{
	"parts": true, "part": true, "areas": true, "portions": true, "portion": true, "much": true,
	"most": true, "all": true, "swaths": true, "sections": true, "other": true, "large": true,
	"cities": true, "states": true, "countries": true, "towns": true, "like": true, "such": true, "as": true,
}

// matchPlace returns the canonical name of the longest gazetteer name at
// token i and the index of its last token.
func (d *doc) matchPlace(i int) (string, int, bool) {
	toks := d.toks
	if !toks[i].isCap() {
		return "", 0, false
	}
	best, end, ok := "", 0, false
	for n := 0; n < d.lx.placeMax && i+n < len(toks); n++ {
		t := toks[i+n]
		// The name is the text itself, sliced without allocating: the
		// gazetteer makes many capitalised words a possible first word.
		// A name never spans more than one space.
		if n > 0 && t.space && d.text[toks[i+n-1].end:t.start] != " " {
			break
		}
		name := d.text[toks[i].start:t.end]
		bare := stripPoss(name)
		k := d.lx.placeIndex[bare]
		if n == 0 && !k.first {
			return "", 0, false
		}
		if k.name {
			if bare != name {
				break // "Moscow's position" names an actor, not a place
			}
			best, end, ok = k.canon, i+n, true
		}
		// A longer name read past a space would begin with this one and
		// that space, so it is a stem; possessive or not, the name read
		// so far is the start of the longer one as written.
		if i+n+1 < len(toks) && toks[i+n+1].space {
			if bare != name {
				k = d.lx.placeIndex[name]
			}
			if !k.stem {
				break
			}
		}
	}
	return best, end, ok
}

// locationItems appends to out the gazetteer places used as the place
// where something happens: after "in", "at", "near", a motion verb plus
// "to", or right after another such place ("Budapest, Hungary").
func (d *doc) locationItems(out []item) []item {
	prevEnd := -10
	described := -1 // the place a place before it describes (see namesKindOf)
	credits := creditLines(d.text)
	for i := 0; i < len(d.toks); i++ {
		if !d.toks[i].isCap() {
			continue // both matchPlace and namedPlace need a capital
		}
		if len(credits) > 0 && inSpans(credits, d.toks[i].start) {
			continue // where a reporter sat (see creditLines)
		}
		if last, typ, ok := d.areaAt(i); ok {
			if d.locative(i) || d.listedAfter(i, prevEnd) || d.hometown(i, last) || d.townSubject(last) || typ == "venue" && d.onSite(i) {
				text, s, e := d.span(i, last)
				value := text
				// a name the gazetteer knows whole is told by its entry,
				// whatever alias ("Dolmabahçe Palace", "Dolmabahce Palace")
				if name, end, known := d.matchPlace(i); known && end == last {
					value = name
				}
				out = append(out, item{
					Fact: Fact{Kind: KindLocation, Text: text, Start: s, End: e, Value: value, Type: typ},
					key:  value,
					inQ:  d.inQ[i] >= 0,
				})
				out, last = d.qualifierOf(out, last, typ == "venue")
				prevEnd = last
			}
			i = last
			continue
		}
		if it, last, ok := d.borderAt(i); ok {
			out = append(out, it)
			prevEnd, i = last, last
			continue
		}
		name, end, ok := d.matchPlace(i)
		if !ok {
			// a place the gazetteer lacks, named as one: "the town of
			// Mukachevo", or "in Greenville, Texas"
			if it, ok := d.namedPlace(i); ok {
				out = append(out, it)
			} else if it, last, ok := d.townOf(i); ok {
				out, last = d.qualifierOf(append(out, it), last, false)
				prevEnd = last
				i = last
			} else if it, last, ok := d.bareTown(i); ok {
				out = append(out, it)
				if q, l, ok := d.cueItem(last + 1); ok {
					// "in Waialua on the North Shore of Oahu", "near
					// Humphrey in Arkansas County, Arkansas"
					out, last = d.qualifierOf(append(out, q), l, false)
				}
				prevEnd = last
				i = last
			}
			continue
		}
		p := d.lx.places[name]
		if d.inName(i, end) || d.modifies(end, !wide[p.typ]) || d.capitalNamed(i, end) {
			i = end
			continue
		}
		if to, last, ok := d.spanFrom(i, end); ok {
			// one extent, one fact: "from Texas to the Ohio Valley",
			// told with its "from" as the stories key it
			text, s, e := d.span(i-1, last)
			out = append(out, item{
				Fact: Fact{Kind: KindLocation, Text: text, Start: s, End: e, Value: name + " to " + to, Type: "span"},
				key:  name + " to " + to,
				inQ:  d.inQ[i] >= 0,
			})
			prevEnd, i = last, last
			continue
		}
		if d.namesKindOf(end) {
			// "the Black Sea port of Odesa", "the Mediterranean resort
			// of Antalya": the place is the one after "of", in this
			// one's stead
			described = end + 3
			i = end
			continue
		}
		if d.speakerSeat(i, end) {
			i = end
			continue
		}
		part := d.compassBefore(i)
		if part || d.locative(i) || i == described || d.afterPlaceNoun(i) || d.listedAfter(i, prevEnd) || !wide[p.typ] && (d.hometown(i, end) || d.townSubject(end)) || d.whereAfter(end) || d.attackedAfter(end) || end > i && water(name) || d.namedAsVenue(end) || p.typ == "city" && i > 0 && weighVerbs[d.toks[i-1].lower] {
			first := i
			if part {
				first = i - 1 // "western Tennessee" is told as one name
			}
			text, s, e := d.span(first, end)
			out = append(out, item{
				Fact:  Fact{Kind: KindLocation, Text: text, Start: s, End: e, Value: name, Type: p.typ},
				key:   name,
				inQ:   d.inQ[i] >= 0,
				minor: p.typ == "continent" || p.typ == "world region",
			})
			if !wide[p.typ] {
				out, end = d.qualifierOf(out, end, p.typ == "venue")
			}
			prevEnd = end
		}
		i = end
	}
	return out
}

// onSite reports whether the site named from token i stands after "on"
// ("halted on the Chain Bridge", "on Lincoln Square"): a site is where
// things happen on it, as a city is in it. (Not a city or a country:
// "sanctions on Russia" names an actor.)
func (d *doc) onSite(i int) bool {
	k := i - 1
	if k >= 0 && d.toks[k].lower == "the" {
		k--
	}
	return k >= 0 && d.toks[k].lower == "on"
}

// capitalNamed reports whether the place at tokens i..end is a capital told
// by its country's adjective ("the Saudi capital", an alias in the
// gazetteer) with its name right after it: "in the Saudi capital Riyadh",
// "the German capital, Berlin,". The name is the place; the words before
// it only describe it.
func (d *doc) capitalNamed(i, end int) bool {
	toks := d.toks
	if toks[end].lower != "capital" || end == i {
		return false
	}
	k := end + 1
	if k < len(toks) && toks[k].text == "," {
		k++
	}
	return k < len(toks) && toks[k].isCap() && !toks[k].is(clsFunction)
}

// areaWords end the name of an administrative area or of a site, and give
// its type: "Hardin County", "Fars province", "Lihue Airport", "Prince
// Sultan Air Base".
var areaWords = map[string]string{
	"county": "county", "parish": "county", "province": "province", "oblast": "province",
	"governorate": "province", "prefecture": "province", "borough": "district", "township": "district",
	"airport": "venue", "base": "venue", "stadium": "venue", "arena": "venue", "tower": "venue",
	"dam": "venue", "bridge": "venue", "hotel": "venue", "station": "venue", "palace": "venue", "bay": "region", "beach": "region", "waters": "region",
	"airspace": "region", "district": "district", "neighborhood": "district", "neighbourhood": "district",
	"school": "venue", "monastery": "venue", "centre": "venue", "center": "venue", "hospital": "venue",
	"church": "venue", "cathedral": "venue", "mosque": "venue", "synagogue": "venue", "museum": "venue",
	"embassy": "venue", "consulate": "venue", "prison": "venue", "square": "venue", "hall": "venue",
	"courthouse": "venue",
}

// lowerOnly area words end a place's name only in lower case, as the
// common noun a story puts after a quarter of a city ("the Golders Green
// neighborhood", "the Metalurhiinyi district"); capitalised they name an
// institution or a constituency ("US District Court", "Congressional
// District").
var lowerOnly = map[string]bool{"district": true, "neighborhood": true, "neighbourhood": true}

// quarterName reports whether the capitalised words i..n-1 before the
// lower-case area word at n ("district", "neighborhood") name a quarter of
// a city: the word is in lower case and the words are no place the
// gazetteer knows ("a London neighborhood", "the north London
// neighborhood of Finchley" are in London, and the reader reads London).
func (d *doc) quarterName(i, n int) bool {
	toks := d.toks
	if toks[n].text != toks[n].lower {
		return false
	}
	last := n - 1
	if !toks[last].isCap() {
		last-- // "Cornavin railway station": the noun's own modifier
	}
	if _, end, ok := d.matchPlace(i); ok && end == last {
		return false
	}
	return true
}

// areaHeads begin the name of a site: "Mount Waialeale", "Camp Arifjan".
var areaHeads = map[string]string{"mount": "region", "mt": "region", "lake": "region", "camp": "venue", "fort": "venue"}

// areaAt reads one to four capitalised words and an area word at token i
// ("Lawrence County", "Zayed International Airport") and returns the area
// word's index and the area's type. Such a name is a place whether or not
// the gazetteer knows its first word, and not the place its first word
// names ("Arkansas County" is not Arkansas, "Kuwait International Airport"
// not Kuwait).
func (d *doc) areaAt(i int) (int, string, bool) {
	if last, typ, ok := d.areaEnd(i); ok {
		return last, typ, true // "Fort Worth International Airport", not "Fort Worth"
	}
	toks := d.toks
	if typ := areaHeads[strings.TrimSuffix(toks[i].lower, ".")]; typ != "" && titleCase(toks[i].text) {
		n := i + 1
		if n < len(toks) && toks[n].text == "." {
			n++ // "Mt."
		}
		if n < len(toks) && titleCase(toks[n].text) && !toks[n].is(clsFunction) && !hasPoss(toks[n].text) {
			if _, _, ok := d.matchPlace(i); !ok {
				return n, typ, true
			}
		}
	}
	return 0, "", false
}

// areaEnd reads the capitalised words of areaAt ended by an area word.
func (d *doc) areaEnd(i int) (int, string, bool) {
	toks := d.toks
	for n := i; n < len(toks) && n <= i+4; n++ {
		t := toks[n]
		if n > i && (!t.space || d.text[toks[n-1].end:t.start] != " ") {
			return 0, "", false
		}
		if typ := areaWords[t.lower]; n > i && typ != "" {
			// a site's common noun in lower case ("the Intercontinental
			// hotel", "the Wahiawa dam") ends a name the gazetteer lacks;
			// after a town it knows it is the town's ("a Miami airport"
			// is in Miami, and the reader reads Miami). A "base" in
			// lower case is as often a party's voters ("the MAGA base").
			if typ == "venue" && t.lower == "base" && !titleCase(t.text) {
				return 0, "", false
			}
			if (lowerOnly[t.lower] || typ == "venue" && !titleCase(t.text)) && !d.quarterName(i, n) {
				return 0, "", false
			}
			return n, typ, true
		}
		// "Cornavin railway station", "the Kyiv train station": one
		// lower-case noun may stand before a site's noun in lower case
		if n > i && t.kind == tokWord && t.text == t.lower && !t.is(clsFunction) && n+1 < len(toks) &&
			areaWords[toks[n+1].text] == "venue" && toks[n+1].text != "base" && toks[n-1].isCap() {
			continue
		}
		if !t.isCap() || hasPoss(t.text) || t.is(clsFunction) {
			return 0, "", false
		}
	}
	return 0, "", false
}

// inName reports whether the place name at tokens i..end is part of a
// longer proper name: a capitalised word follows it ("the Arab Gulf States
// Institute", "Arkansas County", "Kuwait International Airport"), or it
// follows "of" after one ("the University of Maryland"). The longer name
// is an institution, or a place the gazetteer lacks; either way not this
// place. A day or month after the name ("in Texas Monday") is a date.
func (d *doc) inName(i, end int) bool {
	toks := d.toks
	if n := end + 1; n < len(toks) && toks[n].space && titleCase(toks[n].text) && !toks[n].is(clsFunction) &&
		d.text[toks[end].end:toks[n].start] == " " && !d.inDate(toks[n].start, toks[n].end) {
		if _, _, place := d.matchPlace(n); !place {
			return true
		}
	}
	return i >= 2 && toks[i-1].lower == "of" && toks[i-2].isCap() && !toks[i-2].is(clsFunction) && !placeFillers[toks[i-2].lower]
}

// ownedNouns name a thing that belongs to a place rather than a site in
// it: an event, an institution, a body of people or a record ("the Iran
// war", "the US military", "US stocks", "the longest shutdown in US
// history"). A place right before one only says whose it is.
var ownedNouns = map[string]bool{
	"war": true, "wars": true, "conflict": true, "offensive": true, "operation": true,
	"operations": true, "crisis": true, "ceasefire": true, "truce": true, "talks": true,
	"negotiations": true, "deal": true, "agreement": true, "accord": true, "case": true,
	"military": true, "army": true, "navy": true, "forces": true, "troops": true,
	"government": true, "administration": true, "officials": true, "authorities": true,
	"intelligence": true, "embassy": true, "consulate": true, "economy": true,
	"market": true, "markets": true, "stocks": true, "shares": true, "investments": true,
	"investment": true, "infrastructure": true, "history": true, "policy": true,
}

// modifies reports whether the place ending at token end, or the list of
// places it opens ("the Iran and Venezuela operations"), stands before an
// owned noun in lower case: "in the Iran war", "positions in the US
// military". The place there tells whose war or army it is, the way "the
// war in Ukraine" does (eventNouns), not where the story's news happened.
// A town's market, case or talks are where they are (townSites).
func (d *doc) modifies(end int, town bool) bool {
	toks := d.toks
	n := end + 1
	for n+1 < len(toks) && (toks[n].lower == "and" || toks[n].lower == "or") {
		_, last, ok := d.matchPlace(n + 1)
		if !ok {
			return false
		}
		n = last + 1
	}
	if n >= len(toks) || !toks[n].space || d.text[toks[n-1].end:toks[n].start] != " " {
		return false
	}
	if w := noPossessive(toks[n].lower); toks[n].kind != tokWord || toks[n].isCap() || !ownedNouns[w] || town && townSites[w] {
		return false
	}
	// "landed at a US military base": the noun only describes a site,
	// and the site stands in the place
	return n+1 >= len(toks) || !siteNouns[toks[n+1].lower]
}

// townSites are owned nouns that, after a town, name a site in it or what
// happened there: "a gunman opened fire at a Miami market", "the trial in
// the Minneapolis case", "the Geneva talks"; after a country they are its
// own ("US stocks", "the Iran talks").
var townSites = map[string]bool{"market": true, "case": true, "talks": true, "negotiations": true,
	"deal": true, "agreement": true, "accord": true}

// siteNouns name a site an owned noun may describe: "a military base".
var siteNouns = map[string]bool{"base": true, "bases": true, "facility": true, "facilities": true,
	"installation": true, "installations": true, "compound": true, "headquarters": true, "hospital": true}

// titleCase reports whether w is capitalised but not all capitals: in a
// headline or a text in capitals every word is, and none is known to
// continue a name.
func titleCase(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, c := range w[n:] {
		if unicode.IsLower(c) {
			return true
		}
	}
	return false
}

// wide are the place types a town is named within ("Mobile, Alabama"),
// never the other way round.
var wide = map[string]bool{"state": true, "country": true, "region": true, "continent": true, "world region": true, "territory": true}

// hometown reports whether the town at tokens i..end is named as where
// someone lives or comes from: "of" or "from" before it and its state
// after it ("Sgt. Ann Lee, 26, of Glendale, Kentucky", "was from
// Sacramento, California"). Without the state, "of" and "from" name too
// much else ("the president of France", "a call from Paris").
func (d *doc) hometown(i, end int) bool {
	if i == 0 || d.toks[i-1].lower != "of" && d.toks[i-1].lower != "from" {
		return false
	}
	_, _, ok := d.qualifierAt(end, false)
	return ok
}

// townSubject reports whether the town ending at token end, with its state
// after it, is the subject of a verb of what happened there: "Wausau,
// Wisconsin, picked up 23 inches", "Lawrence County, Tennessee, saw
// damage". A noun after the state makes the pair a modifier ("Greenville,
// Texas, police said"), and the town is then no place of the story's.
func (d *doc) townSubject(end int) bool {
	_, last, ok := d.qualifierAt(end, false)
	n := last + 2
	if !ok || n >= len(d.toks) || d.toks[last+1].text != "," {
		return false
	}
	w := d.toks[n]
	if w.kind != tokWord || w.isCap() {
		return false
	}
	switch w.lower {
	case "saw", "got", "had", "has", "was", "is", "received", "recorded", "reported", "picked":
		return true
	}
	return strings.HasSuffix(w.lower, "ed") && len(w.lower) > 4
}

// qualifierOf appends the state or country that follows the town ending at
// token end as its qualifier ("Mobile, Alabama", "Lyon, France"), and
// returns the index of the qualifier's last token (end if none). News
// names a town this way: the state is no place of its own, so it takes
// part in matching ("Alabama" stays) but is never reported alone; the town
// carries the change. For a site (venue) it also reads the city or country
// after "in": "Zayed International Airport in Abu Dhabi", "Camp Arifjan in
// Kuwait".
func (d *doc) qualifierOf(out []item, end int, site bool) ([]item, int) {
	name, last, ok := d.qualifierAt(end, site)
	if !ok {
		return out, end
	}
	first := end + 2 // after the comma or "in"
	text, s, e := d.span(first, last)
	return append(out, item{
		Fact:  Fact{Kind: KindLocation, Text: text, Start: s, End: e, Value: name, Type: d.lx.places[name].typ},
		key:   name,
		inQ:   d.inQ[first] >= 0,
		minor: true,
		// the city a site stands in comes and goes with the site, but
		// another city there is where it happened: "at Temple Christian
		// School in Titusville" → "… in Marseille"
		siteCity: site && d.lx.places[name].typ == "city",
	}), last
}

// qualifierAt finds the qualifier qualifierOf reads after the place ending
// at token end: its canonical name and last token.
func (d *doc) qualifierAt(end int, site bool) (string, int, bool) {
	c := end + 1
	if c+1 >= len(d.toks) || d.toks[c].text != "," && !(site && d.toks[c].lower == "in") {
		return "", 0, false
	}
	q := c + 1
	if q+1 < len(d.toks) && d.compassBefore(q+1) {
		q++ // "Norfolk, eastern England"
	}
	name, last, ok := d.matchPlace(q)
	if !ok || d.inName(q, last) {
		return "", 0, false // "a friend of Aghayeva, Sabah Bari": a person
	}
	switch d.lx.places[name].typ {
	case "state", "country", "territory":
	case "region":
		// "Norfolk, eastern England"; a region alone after a comma is
		// as often the first word of a name ("of Aghayeva, Sabah Bari")
		if q == c+1 {
			return "", 0, false
		}
	case "city":
		if !site {
			return "", 0, false
		}
	default:
		return "", 0, false
	}
	return name, last, true
}

// listedAfter reports whether the place name at token i continues a list
// of places whose last one ended at token prevEnd: "in Geneva, Rome or
// Istanbul", "struck Kharkiv, Odesa and Zaporizhzhia", "Anchorage, Alaska".
func (d *doc) listedAfter(i, prevEnd int) bool {
	toks := d.toks
	// "Geneva, Istanbul and the Saudi capital Riyadh": the words that
	// describe a listed place stand between the "and" and its name
	if prevEnd >= 0 {
		k := i
		for n := 0; n < 4 && k-1 > prevEnd+1 && (placeFillers[toks[k-1].lower] || n > 0 && toks[k-1].isCap()); n++ {
			k--
		}
		// after "and" or "or" only: ", the Kremlin said" names an actor
		if k < i && toks[k].lower == "the" && (toks[k-1].lower == "and" || toks[k-1].lower == "or") {
			i = k
		}
	}
	switch {
	case prevEnd == i-2:
		switch toks[i-1].lower {
		case ",", "and", "or", "&":
			return true
		}
	case prevEnd == i-3:
		return toks[i-2].text == "," && (toks[i-1].lower == "and" || toks[i-1].lower == "or")
	}
	return false
}

// venueNouns name the place an event is held, after "as": "Geneva as the
// venue", "Budapest as a possible host city".
var venueNouns = map[string]bool{
	"venue": true, "venues": true, "host": true, "hosts": true, "location": true,
	"locations": true, "site": true, "sites": true, "front-runner": true, "frontrunner": true,
}

// venueFillers may stand between "as" and a venue noun.
var venueFillers = map[string]bool{
	"a": true, "an": true, "the": true, "possible": true, "potential": true, "likely": true,
	"proposed": true, "preferred": true, "new": true, "final": true, "candidate": true,
	"alternative": true, "neutral": true, "most": true, "leading": true, "main": true, "top": true,
	"favoured": true, "favored": true, "front-running": true, "only": true,
	"now": true, "still": true, "clear": true, // "Riyadh is now the front-runner"
}

// weighVerbs take a city as the place they weigh for an event: "is
// weighing Budapest, Geneva and Istanbul", "considered Vienna". A city
// weighed is a venue; a country weighed is more often a party ("weighing
// Ukraine's request" aside, "considering Russia" is about Russia).
var weighVerbs = map[string]bool{
	"weighing": true, "weighs": true, "weighed": true, "weigh": true, "considering": true,
	"considers": true, "considered": true, "consider": true, "eyeing": true, "eyes": true,
	"eyed": true, "mulling": true, "mulls": true, "mulled": true, "discussing": true,
}

// namedAsVenue reports whether the place ending at token end, or the list
// of places it opens, is named as where an event is held: "weighing Geneva,
// Vienna and Budapest as possible venues", "discussing Budapest as a
// possible venue", or as the subject a venue noun is said of: "Budapest
// has emerged as the leading venue", "Geneva remained the most likely
// location". Such a place carries no locative word, yet a venue added or
// dropped is the news of a summit's planning.
func (d *doc) namedAsVenue(end int) bool {
	toks := d.toks
	n := end + 1
	// skip the rest of a list of places: ", Vienna and Budapest"
	for n+1 < len(toks) && (toks[n].lower == "," || toks[n].lower == "and" || toks[n].lower == "or") {
		k := n + 1
		if toks[k].lower == "and" || toks[k].lower == "or" {
			k++
		}
		if k >= len(toks) {
			return false
		}
		_, last, ok := d.matchPlace(k)
		if !ok {
			return false
		}
		n = last + 1
	}
	if n >= len(toks) {
		return false
	}
	if k := d.offersVenue(n); k >= 0 {
		n = k // "with Geneva, Vienna and Budapest all offering venues"
	} else if k := d.asAfterVerb(n); k >= 0 {
		n = k + 1
	} else if venueCopulas[toks[n].lower] {
		n++ // "Geneva remained the most likely location"
	} else {
		return false
	}
	for ; n < len(toks) && n < end+14; n++ {
		w := toks[n].lower
		if venueNouns[w] {
			return true
		}
		if !venueFillers[w] {
			return false
		}
	}
	return false
}

// offersVenue returns the index of the word after a participle that opens
// at token n, maybe after an auxiliary and "all" or "both", and offers a
// venue ("all offering venues", "are both vying to host the talks"): the
// places before it are named as hosts. -1 when there is none.
func (d *doc) offersVenue(n int) int {
	toks := d.toks
	for k := 0; k < 2 && n < len(toks) && offerAux[toks[n].lower]; k++ {
		n++ // "are both vying", "have all been offered"
	}
	if n < len(toks) && (toks[n].lower == "all" || toks[n].lower == "both") {
		n++
	}
	if n < len(toks) && toks[n].lower == "been" {
		n++
	}
	if n >= len(toks) || toks[n].kind != tokWord || toks[n].isCap() || !offerVerbs[toks[n].lower] {
		return -1
	}
	n++
	if n < len(toks) && toks[n].lower == "to" {
		n++ // "vying to host"
	}
	return n
}

// offerAux may stand between the places and the participle.
var offerAux = map[string]bool{"are": true, "were": true, "is": true, "was": true, "have": true, "has": true, "had": true}

// offerVerbs are participles that put a place forward as a host.
var offerVerbs = map[string]bool{
	"offering": true, "offered": true, "vying": true, "competing": true, "bidding": true,
	"proposing": true, "proposed": true, "volunteering": true, "volunteered": true, "jostling": true,
}

// venueCopulas link a place named before them to a venue noun: "Vienna is
// the preferred venue", "Geneva remained the most likely location".
var venueCopulas = map[string]bool{"is": true, "was": true, "remains": true, "remained": true,
	"became": true, "becomes": true}

// asAfterVerb returns the index of the "as" at token n or closing the
// place's verb phrase that begins there ("Budapest has emerged as",
// "Istanbul had overtaken other options as", "Vienna was chosen as"), or
// -1. The phrase is at most four words in lower case, none of them a verb
// of saying, with nothing between them: wire copy names a venue this way
// as the place's predicate. Punctuation or a capital ends the search, so
// "Berlin, the minister said as talks began" is no venue.
func (d *doc) asAfterVerb(n int) int {
	toks := d.toks
	for k := n; k < len(toks) && k <= n+4; k++ {
		t := toks[k]
		if t.kind != tokWord || t.isCap() || saying(t) {
			return -1
		}
		if t.lower == "as" {
			return k
		}
	}
	return -1
}

// spanFrom reads a span of places opened by the place at tokens i..end:
// "from Texas to the Ohio Valley", "from Chicago into the Southeast". It
// returns the span's closing value and its last token. A span is one
// extent, as a reader takes it. Alone, "from" names an origin as often as
// a place where something happens ("a call from Paris"); a span says
// where. Its reach may be told ("from Wisconsin to as far south as
// Texas"), it may close at a border ("from Iowa to the Nebraska
// border"), and places joined to its closing place
// by "and" widen the same extent ("from Georgia to Pennsylvania and New
// Jersey"): the storm stories that write them key the whole extent, not
// the place after the span on its own.
func (d *doc) spanFrom(i, end int) (string, int, bool) {
	toks := d.toks
	if i == 0 || toks[i-1].lower != "from" || end+2 >= len(toks) {
		return "", 0, false
	}
	if w := toks[end+1].lower; w != "to" && w != "into" && w != "through" {
		return "", 0, false
	}
	n := end + 2
	if n+4 < len(toks) && toks[n].lower == "as" && toks[n+1].lower == "far" && compass(toks[n+2].lower) && toks[n+3].lower == "as" {
		n += 4 // "to as far south as Texas"
	}
	if toks[n].lower == "the" && n+1 < len(toks) {
		n++
	}
	to, last, ok := d.borderName(n)
	if !ok {
		if to, last, ok = d.matchPlace(n); !ok || d.inName(n, last) {
			return "", 0, false
		}
	}
	// "... to Pennsylvania and New Jersey": the extent goes on
	for last+2 < len(toks) && toks[last+1].lower == "and" {
		k := last + 2
		if toks[k].lower == "the" && k+1 < len(toks) {
			k++
		}
		more, l, ok := d.matchPlace(k)
		if !ok || d.inName(k, l) || d.modifies(l, !wide[d.lx.places[more].typ]) {
			break
		}
		if n := l + 1; n < len(toks) && (saying(toks[n]) || finiteVerbs[toks[n].lower]) {
			break // "... to Ohio, and Iran said": a new clause's actor
		}
		to, last = to+" and "+more, l
	}
	return to, last, true
}

// locative reports whether the place name at token i follows a locative
// word, allowing fillers such as "the Turkish city of".
func (d *doc) locative(i int) bool {
	toks := d.toks
	k := i - 1
	for n := 0; k >= 0 && n < 5; n, k = n+1, k-1 {
		t := toks[k]
		if t.kind != tokWord {
			return false
		}
		if k == i-1 && d.distanceFrom(i) {
			return true // "60 kilometres north of Agadez"
		}
		if d.lx.locPrep[t.lower] {
			if t.lower == "including" && d.memberOfSubject(k, i) {
				return false
			}
			// "the war in Ukraine" names the war, not where the news is;
			// "the regime in Syria" names the regime
			return !(t.lower == "in" && k > 0 && (eventNouns[toks[k-1].lower] || d.seatBefore(k)))
		}
		if t.lower == "to" || t.lower == "for" && k > 0 && strings.HasPrefix(toks[k-1].lower, "head") {
			// "rushed to Washington"; "a missile heading for Turkey"
			return k > 0 && d.lx.motion[toks[k-1].lower]
		}
		if d.lx.motion[t.lower] && (t.lower == "visit" || t.lower == "visits" || t.lower == "visited") {
			return true
		}
		if (venueCopulas[t.lower] || t.lower == "be") && k == i-1 && d.venueBefore(k) {
			return true // "the venue now being discussed is Geneva"
		}
		for _, ph := range d.lx.locPhrase {
			if k-len(ph)+1 >= 0 && toks[k].lower == ph[len(ph)-1] {
				match := true
				for m := range ph {
					if toks[k-len(ph)+1+m].lower != ph[m] {
						match = false
						break
					}
				}
				if match {
					return true
				}
			}
		}
		if placeFillers[t.lower] || partFillers[t.lower] || (t.isCap() && !d.lx.function[t.lower]) {
			continue
		}
		return d.alertFor(i)
	}
	return d.alertFor(i)
}

// venueBefore reports whether a meeting's venue is the subject of the
// copula at token k, a few words before it in its clause: "the venue is
// Budapest", "the venue now being discussed is Geneva", "the likely venue
// would be Vienna". What the copula names is where the meeting is.
func (d *doc) venueBefore(k int) bool {
	toks := d.toks
	for m := k - 1; m >= 0 && m >= k-6; m-- {
		if toks[m].kind == tokPunct {
			return false
		}
		if l := toks[m].lower; l == "venue" || l == "venues" {
			return true
		}
	}
	return false
}

// alertNouns name a weather alert, issued for the area the weather hits.
var alertNouns = map[string]bool{"watch": true, "watches": true, "warning": true, "warnings": true,
	"advisory": true, "advisories": true}

// hazardWords name the hazard of a weather alert: "a tornado watch", "flash
// flood warnings", "a winter storm warning". Without one an alert for a
// place is as often a government's warning to it ("a warning for Iran").
var hazardWords = map[string]bool{"tornado": true, "flood": true, "storm": true, "thunderstorm": true,
	"wind": true, "winter": true, "blizzard": true, "heat": true, "hurricane": true, "snow": true,
	"ice": true, "fire": true, "tsunami": true, "freeze": true, "frost": true, "surf": true, "gale": true}

// alertParts may stand between "for" and the place an alert covers: "for
// parts of southern Alabama", "for all of Hawaii".
var alertParts = map[string]bool{"parts": true, "areas": true, "portions": true, "all": true,
	"much": true, "most": true, "of": true, "the": true}

// alertFor reports whether the place at token i is the area a weather
// alert covers: "a tornado watch for areas of Ohio", "a flood watch
// remains in effect for Oahu", "flash flood warnings for parts of Maui".
// The place is where the weather is forecast to hit, as a place after "in"
// is. The scraper glues a linked alert to "for" ("a tornado watchfor").
func (d *doc) alertFor(i int) bool {
	toks := d.toks
	k := i - 1
	for n := 0; k >= 0 && n < 4 && (alertParts[toks[k].lower] || compass(toks[k].lower)); n++ {
		k--
	}
	if k < 1 || toks[k].kind != tokWord {
		return false
	}
	if stem, ok := strings.CutSuffix(toks[k].lower, "for"); ok && alertNouns[stem] {
		return hazardWords[toks[k-1].lower]
	}
	if toks[k].lower != "for" {
		return false
	}
	// "a watch remains in effect for", "a warning is in place for": the
	// alert noun a few words back, in one clause
	for j := k - 1; j >= 1 && j >= k-6; j-- {
		if toks[j].kind != tokWord {
			return false
		}
		if alertNouns[toks[j].lower] {
			return hazardWords[toks[j-1].lower]
		}
	}
	return false
}

// polityNouns name states as bodies that act: "several countries",
// "the states", "14 Commonwealth realms".
var polityNouns = map[string]bool{"countries": true, "nations": true, "states": true, "realms": true,
	"allies": true, "governments": true, "members": true, "partners": true, "neighbors": true,
	"neighbours": true}

// memberOfSubject reports whether the places after "including" at token
// k, the first at token i, are members of a body of states that acts: a
// polity noun shortly before "including", and a verb right after the list
// closes ("Some countries, including Chile and Peru, have begun rationing
// fuel", "14 realms – including Canada – would be required to",
// "calling on other nations, including France and Japan, to send ships").
// The places are then actors, as in "Russia said", not where the news
// happened ("storms hit several cities, including Tulsa."). A verb in
// the past alone says too little: "several states, including Ohio,
// reported damage" tells where the damage is.
func (d *doc) memberOfSubject(k, i int) bool {
	toks := d.toks
	polity := false
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		if t := toks[j].text; t == "." || t == ";" || t == ":" {
			break
		}
		if polityNouns[toks[j].lower] {
			polity = true
			break
		}
	}
	if !polity {
		return false
	}
	// the list: "Chile", "Chile and Peru", "France, Japan and Britain"
	_, n, ok := d.matchPlace(i)
	if !ok {
		return false
	}
	for n++; n+1 < len(toks); {
		w := toks[n].lower
		if w != "," && w != "and" && w != "or" {
			break
		}
		m := n + 1
		if toks[m].lower == "and" || toks[m].lower == "or" || toks[m].lower == "the" {
			m++
		}
		if m >= len(toks) {
			return false
		}
		_, last, ok := d.matchPlace(m)
		if !ok {
			break
		}
		n = last + 1
	}
	if n+1 >= len(toks) {
		return false
	}
	switch toks[n].text {
	case ",", "–", "—", "-":
	default:
		return false
	}
	v := toks[n+1]
	if v.kind != tokWord || v.isCap() || singularVerbs[v.lower] {
		// "Travel to several countries, including Iran, was
		// restricted": a singular verb is not the body's, whose noun
		// is plural
		return false
	}
	return v.lower == "to" || finiteVerbs[v.lower] || saying(v)
}

// singularVerbs are finite verbs that agree only with a singular subject.
var singularVerbs = map[string]bool{"is": true, "was": true, "has": true, "does": true}

// finiteVerbs are the auxiliaries and modals that open a predicate:
// "including Chile, have begun", "including Canada – would be required":
// finiteAux, modals and the modals negated in one word.
var finiteVerbs = func() map[string]bool {
	m := map[string]bool{"can’t": true, "can't": true, "cannot": true, "won’t": true, "won't": true}
	maps.Copy(m, finiteAux)
	maps.Copy(m, modals)
	return m
}()

// speakerSeat reports whether the place at tokens i..end, after "in" or
// "at", only says where the speaker of a statement sits: the phrase is
// the end of the speaker's name and a verb of saying follows it ("the
// weather service office in Honolulu said", "sources in Israel told
// CNN"), or it ends an apposition set off by commas before one ("Ann Lee,
// a union leader in Atlanta, said Monday"). The statement is the news;
// where its speaker works is no place where something happened.
func (d *doc) speakerSeat(i, end int) bool {
	toks := d.toks
	k := i - 1
	for ; k >= 0 && k >= i-5; k-- {
		w := toks[k].lower
		if w == "in" || w == "at" {
			break
		}
		if !placeFillers[w] {
			return false
		}
	}
	if k < 0 || k < i-5 || k > 0 && (localNouns[noPossessive(toks[k-1].lower)] || participle(toks[k-1].lower)) {
		// "a man arrested in Miami told police", "a passenger
		// stranded at Heathrow told CNN": what happened to the speaker
		// there is the news, not where the speaker works
		return false
	}
	n := end + 1
	if _, last, ok := d.qualifierAt(end, false); ok {
		n = last + 1 // "in Decatur, Georgia, told CNN"
	}
	if n < len(toks) && saying(toks[n]) {
		return true
	}
	if n+1 >= len(toks) || toks[n].text != "," || !saying(toks[n+1]) {
		return false
	}
	// the apposition's opening comma, with no verb between it and "in"
	// ("On Monday, a gunman opened fire in a mall in Miami, said the
	// chief" is an inverted attribution)
	for j := k - 1; j >= 0 && j >= k-10; j-- {
		t := toks[j]
		switch {
		case t.text == ",":
			return j < k-1
		case t.kind != tokWord, saying(t), finiteVerbs[t.lower], participle(t.lower):
			return false
		}
	}
	return false
}

// localNouns name people who tell what they saw where they are:
// "residents in Tulsa said the storm tore off roofs", "witnesses in
// Tayasir said". Their place is where the news happened.
var localNouns = map[string]bool{"residents": true, "resident": true, "witnesses": true, "witness": true,
	"eyewitnesses": true, "eyewitness": true, "locals": true, "local": true, "people": true,
	"villagers": true, "survivors": true, "survivor": true, "neighbors": true, "neighbours": true,
	"passengers": true, "travelers": true, "travellers": true, "traveler": true, "traveller": true,
	"victims": true, "families": true, "family": true, "onlookers": true, "bystanders": true}

// saying reports whether t is a verb of saying in lower case that opens a
// predicate ("said", "told", "wrote"); "state", "post" and "call" are as
// often nouns.
func saying(t token) bool {
	if t.kind != tokWord || t.isCap() || !t.is(clsSpeech) {
		return false
	}
	switch t.lower {
	case "state", "states", "post", "posts", "call", "calls":
		return false
	}
	return true
}

// whereAfter reports whether the place ending at token end is followed by
// ", where": "Minab, where a school was hit" names it as the place where
// something happens, whatever comes before it.
// attackedAfter reports whether the place ending at token end is the
// subject of an attack or a storm told in the passive, or of "came under
// fire": "Kyiv was hit overnight", "Even Oman, which mediated the talks,
// has come under fire", "Texas was battered by storms". What the active
// verb's object is ("struck Kharkiv", see the lexicon's locatives), the
// passive's subject is: where it happened, not an actor. An apposition or
// a relative clause between them is skipped; "hit with sanctions" is no
// attack on a place.
func (d *doc) attackedAfter(end int) bool {
	toks := d.toks
	n := end + 1
	if n < len(toks) && toks[n].text == "," {
		m := n + 1
		for m < len(toks) && m <= n+15 && toks[m].text != "," && toks[m].text != "." {
			m++
		}
		if m >= len(toks) || toks[m].text != "," {
			return false
		}
		n = m + 1
	}
	passive := false
	for ; n < len(toks) && n <= end+20 && attackAux[toks[n].lower]; n++ {
		passive = passive || toks[n].lower != "has" && toks[n].lower != "have" && toks[n].lower != "had"
	}
	if n+1 >= len(toks) || toks[n].kind != tokWord {
		return false
	}
	switch w := toks[n].lower; {
	case w == "come" || w == "came" || w == "comes" || w == "coming":
		return toks[n+1].lower == "under"
	case !passive || !d.lx.locPrep[w] || !(w == "hit" || w == "struck" || strings.HasSuffix(w, "ed")):
		return false
	}
	return toks[n+1].lower != "with" && !(toks[n+1].lower == "by" && n+2 < len(toks) && economicBlows[toks[n+2].lower])
}

// attackAux may stand between a place and its attack: "has been", "was".
var attackAux = map[string]bool{"has": true, "have": true, "had": true, "was": true, "were": true,
	"is": true, "are": true, "been": true, "being": true, "also": true, "again": true, "repeatedly": true}

// economicBlows hit a country, not a place: "was hit by sanctions".
var economicBlows = map[string]bool{"sanctions": true, "tariffs": true, "inflation": true, "criticism": true}

func (d *doc) whereAfter(end int) bool {
	return end+2 < len(d.toks) && d.toks[end+1].text == "," && d.toks[end+2].lower == "where"
}

// waterWords name a body of water: "the Strait of Hormuz", "the Red Sea".
var waterWords = []string{"Strait", "Straits", "Sea", "Ocean", "Gulf of", "Channel", "Canal", "Bay"}

// water reports whether the place name is a body of water's. A sea or a
// strait is never an actor ("Russia said"), so wherever it is named it is
// where something happens: "the closure of the Strait of Hormuz".
func water(name string) bool {
	for _, w := range waterWords {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// eventNouns name a long-running event by where it is: "the war in
// Ukraine", "the conflict in Sudan". The place there is part of the
// event's name, background to the story rather than where its news is.
var eventNouns = map[string]bool{"war": true, "conflict": true, "offensive": true, "campaign": true,
	"insurgency": true, "occupation": true}

// seatNouns name an institution by the place it sits in: "Assad's regime
// in Syria", "the Hezbollah militia in Lebanon", "a subsidiary of Karex in
// Massachusetts", "police departments in the US". The place says which
// institution is meant, not where the story's news happened. An embassy is
// left out: it is as often where the news happened ("an explosion hit the
// US Embassy in Oslo") as a name ("the Danish Embassy in Washington").
var seatNouns = map[string]bool{"regime": true, "militia": true, "militias": true, "subsidiary": true,
	"subsidiaries": true, "department": true, "departments": true}

// seatBefore reports whether "in" at token k follows a seat noun, maybe
// with its owner after it: "the regime in", "a subsidiary of Karex in".
func (d *doc) seatBefore(k int) bool {
	toks := d.toks
	if seatNouns[toks[k-1].lower] {
		return true
	}
	return k >= 3 && toks[k-1].isCap() && toks[k-2].lower == "of" && seatNouns[toks[k-3].lower]
}

// townOf reads a town the gazetteer lacks, named the way news names one:
// one or two capitalised words after a locative, then a comma and a
// state or country the gazetteer knows ("in Greenville, Texas", "near
// Indianola, Iowa") or ", where" ("including Minab, where"). It returns
// the town and the index of its last token;
// the state that follows is its qualifier.
func (d *doc) townOf(i int) (item, int, bool) {
	toks := d.toks
	if hasPoss(toks[i].text) || toks[i].is(clsFunction) {
		return item{}, 0, false
	}
	last := i
	if i+1 < len(toks) && toks[i+1].isCap() && toks[i+1].space && !hasPoss(toks[i+1].text) {
		last = i + 1
	}
	// The town is only ever taken with a comma after it (the loop below):
	// testing for one first spares the tests of context for most
	// capitalised words, and they are pure, so the answer is the same.
	if !commaAfter(toks, last) && !commaAfter(toks, i) {
		return item{}, 0, false
	}
	if !d.locative(i) && !d.hometown(i, i) && !d.hometown(i, last) && !d.townSubject(i) && !d.townSubject(last) {
		return item{}, 0, false
	}
	for _, l := range []int{last, i} {
		c := l + 1
		if c+1 >= len(toks) || toks[c].text != "," {
			continue
		}
		name, _, ok := d.matchPlace(c + 1)
		if ok {
			if t := d.lx.places[name].typ; t != "state" && t != "country" && t != "region" {
				continue
			}
		}
		if ok || d.locative(i) && d.whereAfter(l) {
			return d.placeItem(i, l, "", "town"), l, true
		}
	}
	return item{}, 0, false
}

// commaAfter reports whether a comma and another token follow token l,
// the condition townOf's loop checks first.
func commaAfter(toks []token, l int) bool {
	return l+2 < len(toks) && toks[l+1].text == ","
}

// compassWords name a part of a place by where it lies in it: "western
// Tennessee", "east Texas", "central Illinois", "downtown Atlanta".
var compassWords = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "central": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true, "northeastern": true, "northwestern": true,
	"southeastern": true, "southwestern": true, "downtown": true, "upstate": true, "coastal": true,
	"equatorial": true,
}

// compass reports whether w is a compass word or two joined ("west-central").
func compass(w string) bool {
	if compassWords[w] {
		return true
	}
	a, b, ok := strings.Cut(w, "-")
	return ok && compassWords[a] && compassWords[b]
}

// compassBefore reports whether the place name at token i follows a compass
// word in lower case: "western Tennessee", "west-central Georgia". A part
// of a place is geography wherever it stands ("Hail pelted east Texas",
// "portions of western Tennessee"): it is never an actor, as "Russia said"
// is, nor part of an institution's name.
func (d *doc) compassBefore(i int) bool {
	if i == 0 || !d.toks[i].space {
		return false
	}
	t := d.toks[i-1]
	return t.kind == tokWord && !t.upper && compass(t.lower)
}

// within reports whether place a lies inside place b, by the gazetteer. A
// part of a place ("western Tennessee") lies inside it.
func (lx *lexicon) within(a, b string) bool {
	if w, rest, ok := strings.Cut(a, " "); ok && compass(w) {
		if _, known := lx.places[a]; !known {
			if rest == b {
				return true
			}
			a = rest
		}
	}
	for i := 0; i < 8 && a != ""; i++ {
		p, ok := lx.places[a]
		if !ok {
			return false
		}
		if p.parent == b {
			return true
		}
		a = p.parent
	}
	return false
}

// placeNouns introduce a place name with "of": "the city of Pokrovsk".
var placeNouns = map[string]bool{
	"city": true, "town": true, "village": true, "region": true, "port": true, "resort": true,
	"province": true, "oblast": true, "settlement": true,
	"community": true, "neighborhood": true, "neighbourhood": true, "suburb": true, "seat": true,
}

// personTitles are the abbreviated titles before a person's name: "Sgt.
// Lee", "Dr. Diaz" ("St." may begin a place: "St. Louis").
var personTitles = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true,
	"sen": true, "rep": true, "gov": true, "lt": true, "col": true, "sgt": true, "prof": true, "capt": true}

// namesKindOf reports whether the place name ending at token end
// describes the place named after it: "the Black Sea port of Odesa".
func (d *doc) namesKindOf(end int) bool {
	toks := d.toks
	return end+3 < len(toks) && placeNouns[toks[end+1].lower] && toks[end+2].lower == "of" && toks[end+3].isCap()
}

// afterPlaceNoun reports whether token i follows a place noun and "of":
// "the city of Pokrovsk", "the Tunisian port of Sfax".
func (d *doc) afterPlaceNoun(i int) bool {
	return i >= 2 && d.toks[i-1].lower == "of" && placeNouns[d.toks[i-2].lower]
}

// namedPlace reads a capitalised name after "city of" and the like.
func (d *doc) namedPlace(i int) (item, bool) {
	toks := d.toks
	if !toks[i].isCap() || !d.afterPlaceNoun(i) || hasPoss(toks[i].text) {
		return item{}, false
	}
	if personTitles[toks[i].lower] && i+1 < len(toks) && toks[i+1].text == "." {
		return item{}, false // "the community of Sgt. Lee" is his people
	}
	p, ok := d.npAfter(i, len(toks))
	if !ok {
		return item{}, false
	}
	it := d.placeItem(p.from, p.to, "", toks[i-2].lower)
	it.inQ = d.inQ[i] >= 0
	return it, true
}

// placeNamedIn reports whether text names the place of it: its words, its
// canonical name, or another of its names ("the US" for "the United
// States"), other than as a possessive.
func (lx *lexicon) placeNamedIn(text string, it *item) bool {
	if namedIn(text, it.Text) || namedIn(text, it.Value) {
		return true
	}
	if it.Type == "border" {
		// "at the border with Belarus" when the other version names
		// Belarus: the place is named, the border only said otherwise.
		// Each place of a pair must be: "Ukraine" named in a story on
		// Ukraine does not name the Belarus-Ukraine border.
		for _, p := range borderPlaces(it.Value) {
			if !lx.placeNamedIn(text, &item{Fact: Fact{Text: p, Value: p}}) && !demonymBorder(text, p) {
				return false
			}
		}
		return true
	}
	for _, n := range lx.places[it.Value].names {
		if namedIn(text, n) {
			return true
		}
	}
	// a site told by its name without its kind: "Tokyo's Haneda Airport"
	// → "at Haneda" (not when that name is a place of its own: "Kuwait
	// International Airport" is not named by "Kuwait")
	if it.Type == "venue" {
		// two words: the name and its kind
		if stem, kind, ok := strings.Cut(it.Text, " "); ok && !strings.Contains(kind, " ") && len(stem) >= 4 &&
			!strings.ContainsAny(stem, "'’") && lx.places[stem].name == "" {
			return namedIn(text, stem)
		}
	}
	return false
}

// namedIn reports whether text names the place name, as written or in
// capitals: a dateline ("RZESZÓW, Poland —", "PARIS, Sept 2 (Reuters) -")
// names its city for the reader as the body does.
func namedIn(text, name string) bool {
	return containsPlace(text, name) || name != "" && containsPlace(text, strings.ToUpper(name))
}

// leftItsSlot reports whether the old place of change c, still named in
// the new version, is named there fewer times than in the old while the
// new place is named nowhere in the old: "will meet in Istanbul" → "will
// meet in Abu Dhabi" with "last met in Istanbul on July 23" kept. The
// mention kept is another one, the old version's too; the place left the
// slot the new one took, one change.
func (m *matcher) leftItsSlot(c change) bool {
	if m.lx.placeNamedIn(m.oldBody, c.new) {
		return false
	}
	return placeCount(m.newBody, c.old.Text) < placeCount(m.oldBody, c.old.Text)
}

// stillNamed reports whether the old place of change c stands in the new
// version's text outside the new place's own name, possessives too: a
// place refined into one inside it that the new text still names
// ("Istanbul’s Dolmabahce Palace") is not the place that went.
func (m *matcher) stillNamed(c change) bool {
	return placeCount(m.newBody, c.old.Text) > placeCount(c.new.Text, c.old.Text)
}

// placeCount counts the whole-word mentions of the place name w in text,
// possessives too ("Istanbul’s" names Istanbul once more).
func placeCount(text, w string) int {
	n := 0
	for off := 0; w != "" && off < len(text); {
		i := strings.Index(text[off:], w)
		if i < 0 {
			break
		}
		s, e := off+i, off+i+len(w)
		if (s == 0 || !isWordByte(text[s-1])) && (e == len(text) || !isWordByte(text[e]) || strings.HasPrefix(text[e:], "’")) {
			n++
		}
		off = e
	}
	return n
}

// splitPlaceChanges undoes a change of place between two unrelated places
// that the other version names too: "Blasts hit Qatar" → "Blasts hit
// Kuwait" when the old text named Kuwait elsewhere is Qatar dropped, not
// moved; when each version names the other's place, nothing moved. Places
// paired only because they stood in matched sentences are often different
// slots ("at Kuwait airport" → "also in the UAE").
func (m *matcher) splitPlaceChanges() {
	out := m.out[:0]
	for _, c := range m.out {
		if c.old != nil && c.new != nil && c.old.Kind == KindLocation && c.detail == "refinement" && m.stillNamed(c) {
			// "meet in Istanbul" → "meet at Istanbul’s Dolmabahce
			// Palace": the city stays named, the venue inside it is new
			c.old, c.oSent = nil, -1
		}
		if c.old != nil && c.new != nil && c.old.Kind == KindLocation && c.detail == "" {
			oldStays := m.lx.placeNamedIn(m.newBody, c.old)
			newWas := m.lx.placeNamedIn(m.oldBody, c.new)
			switch {
			case oldStays && newWas:
				continue
			case oldStays && !m.leftItsSlot(c):
				c.old, c.oSent = nil, -1
			case newWas:
				c.new, c.nSent = nil, -1
			}
		}
		out = append(out, c)
	}
	m.out = out
}

// listJoins are what stands between two places of one list: "Qatar and
// Bahrain", "Jordan, Qatar", "Bahrain and the UAE", "Geneva or Rome".
var listJoins = map[string]bool{", ": true, " and ": true, ", and ": true, " or ": true, ", or ": true,
	" and the ": true, ", and the ": true, ", the ": true, " or the ": true}

// placeLists reports places added (or removed) together as one list in one
// sentence ("Blasts were reported in the UAE, Jordan, Qatar and Bahrain")
// as one change, the list, the way a reader takes it: the list is where
// the news happened, not four places of their own.
func (m *matcher) placeLists() {
	drop := make([]bool, len(m.out))
	merged := false
	for more := true; more; {
		more = false
		for i := range m.out {
			a := &m.out[i]
			if drop[i] || (a.old == nil) == (a.new == nil) || !listable(a) {
				continue
			}
			for j := range m.out {
				b := &m.out[j]
				if j == i || drop[j] || (b.old == nil) != (a.old == nil) || !listable(b) {
					continue
				}
				x, y, text, other := a.new, b.new, m.newText, m.oldText
				if a.new == nil {
					x, y, text, other = a.old, b.old, m.oldText, m.newText
				}
				if x.End > y.Start {
					continue
				}
				// places the other version lists as they stand here
				// ("Lviv, Ivano-Frankivsk and the Khmelnytskyi region"):
				// the list was there, and each place inserted into it
				// is news of its own
				if inner, ok := m.lx.listGap(text[x.End:y.Start]); !ok || inner != "" && listedIn(other, inner) {
					continue
				}
				// "Jordan, Qatar and Bahrain": the list grows one place
				// at a time
				joined := *x
				joined.End, joined.Text = y.End, text[x.Start:y.End]
				joined.Value = x.Value + ", " + y.Value
				if a.new != nil {
					a.new = &joined
				} else {
					a.old = &joined
				}
				drop[j], merged, more = true, true, true
				break
			}
		}
	}
	if merged {
		m.replace(drop, nil)
	}
}

// listGap reports whether gap, the text between two places of one
// sentence, joins them as one list: a list join ("Qatar and Bahrain"), or
// up to three more places of the gazetteer between joins ("Ohio, New York,
// Pennsylvania and West Virginia" when the other version named New York
// and Pennsylvania already): a place the other version names is no change
// of its own, but it still stands in the list, which is one change. It
// returns those places as they stand, with the joins between them ("New
// York, Pennsylvania").
func (lx *lexicon) listGap(gap string) (string, bool) {
	first, inner := 0, -1
	for n := 0; n < 4; n++ {
		if listJoins[gap[first:]] {
			if inner < 0 {
				return "", true
			}
			return gap[inner:first], true
		}
		if n == 3 {
			break
		}
		// the longest list join the rest begins with, then a place name
		// up to the next join
		j := 0
		for w := range listJoins {
			if len(w) > j && strings.HasPrefix(gap[first:], w) {
				j = len(w)
			}
		}
		if j == 0 {
			return "", false
		}
		rest := gap[first+j:]
		end := len(rest)
		for _, sep := range []string{",", " and ", " or "} {
			if k := strings.Index(rest, sep); k >= 0 && k < end {
				end = k
			}
		}
		if end == len(rest) || !lx.placeIndex[rest[:end]].name {
			return "", false
		}
		if inner < 0 {
			inner = first + j
		}
		first += j + end
	}
	return "", false
}

// listedIn reports whether text lists the places of inner as one part of
// a list, a list join before or after them: ", Lviv and Odesa" when inner
// is "Lviv and Odesa". inner counts only as whole words: "New York" in
// ", the New Yorker" or "Boston, New York-based" lists no New York.
func listedIn(text, inner string) bool {
	for at := 0; ; {
		k := strings.Index(text[at:], inner)
		if k < 0 {
			return false
		}
		s, e := at+k, at+k+len(inner)
		at = e
		if r, _ := utf8.DecodeLastRuneInString(text[:s]); s > 0 && inWord(r) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(text[e:]); e < len(text) && inWord(r) {
			continue
		}
		for w := range listJoins {
			if strings.HasSuffix(text[:s], w) || strings.HasPrefix(text[e:], w) {
				return true
			}
		}
	}
}

// inWord reports whether r continues a word next to a place's name: a
// letter, a digit, a combining mark or a hyphen ("New York-based").
func inWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '-'
}

// listable reports whether a change is a place added or removed that a
// list may join. A span ("from Texas to the Ohio Valley") is one extent
// already: a place after it ("and the Mid-Atlantic") is one of its own.
func listable(c *change) bool {
	it := c.new
	if it == nil {
		it = c.old
	}
	return it.Kind == KindLocation && it.Type != "span"
}

// distanceFrom reports whether a distance and a direction stand before
// token i: "about 60 kilometres north of Agadez", "20 miles southwest
// of": what follows is a place.
func (d *doc) distanceFrom(i int) bool {
	toks := d.toks
	if i < 3 || toks[i-1].lower != "of" || !compass(toks[i-2].lower) {
		return false
	}
	u := d.lx.measure[toks[i-3].lower]
	return dimensions[u] == "length"
}

// bareTown reads a town the gazetteer lacks named right after "in" or
// "near" and closed by punctuation: "killed in Mukachevo.", "a crash near
// Beggs, police said".
func (d *doc) bareTown(i int) (item, int, bool) {
	toks := d.toks
	if i == 0 || toks[i-1].lower != "in" && toks[i-1].lower != "near" && !d.distanceFrom(i) {
		return item{}, 0, false
	}
	if !toks[i-1].space && !d.deglued(i-1) || toks[i-1].upper && i >= 2 && !strings.ContainsAny(toks[i-2].text, ".!?:“\"") &&
		!strings.Contains(d.text[toks[i-2].end:toks[i-1].start], "\n") {
		return item{}, 0, false // "In" begins a sentence; "Near" inside "the Institute for Near East Policy"
	}
	if compass(toks[i].lower) {
		return item{}, 0, false // "in Southern Lebanon" is Lebanon
	}
	last := i
	if i+1 < len(toks) && titleCase(toks[i+1].text) && toks[i+1].space {
		last = i + 1
	}
	for k := i; k <= last; k++ {
		t := toks[k]
		if !titleCase(t.text) || hasPoss(t.text) || t.is(clsFunction) || d.lx.actorNouns[t.lower] || d.lx.titles[t.lower] || d.inDate(t.start, t.end) {
			return item{}, 0, false
		}
	}
	if last+1 >= len(toks) {
		return item{}, 0, false
	}
	switch toks[last+1].text {
	case ".", ",", ";", ":":
	default:
		if _, _, ok := d.placeCueAfter(last + 1); !ok {
			return item{}, 0, false
		}
	}
	if demonym(toks[last].lower) || d.surname(i) {
		return item{}, 0, false
	}
	text, s, e := d.span(i, last)
	return item{
		Fact: Fact{Kind: KindLocation, Text: text, Start: s, End: e, Value: text, Type: "town"},
		key:  text,
		inQ:  d.inQ[i] >= 0,
		// "at Windsor in Berkshire": the county says where Windsor is,
		// as a state after a comma does
		minor: i >= 2 && titleCase(toks[i-2].text) && !toks[i-2].is(clsFunction),
	}, last, true
}

// placeCueAfter reads the place that "in" or "on" at token n sets the
// name before it within, a few words on: a place the gazetteer knows or a
// named area ("in Waialua on the North Shore of Oahu", "near Elbow Cay in
// the Abaco Islands"). News names a small town this way, as it does with a
// state after a comma. It returns that place's first and last token.
func (d *doc) placeCueAfter(n int) (int, int, bool) {
	toks := d.toks
	if w := toks[n].lower; w != "in" && w != "on" {
		return 0, 0, false
	}
	for k := n + 1; k < len(toks) && k <= n+5; k++ {
		t := toks[k]
		if t.kind != tokWord {
			return 0, 0, false
		}
		if !t.isCap() {
			if placeFillers[t.lower] || cueNouns[t.lower] {
				continue
			}
			return 0, 0, false
		}
		if _, _, ok := d.areaAt(k); ok {
			return k, 0, true
		}
		if _, last, ok := d.matchPlace(k); ok {
			return k, last, true
		}
	}
	return 0, 0, false
}

// cueNouns name a part of a place a town lies in: "on the North Shore of
// Oahu" reads "shore" in lower case too.
var cueNouns = map[string]bool{"shore": true, "coast": true, "outskirts": true, "edge": true, "island": true}

// cueItem is the place placeCueAfter read after a town at token n, as the
// town's qualifier: it takes part in matching but is never news alone, as
// "Alabama" in "Mobile, Alabama" is not. It returns the item and the
// index of its last token.
func (d *doc) cueItem(n int) (item, int, bool) {
	first, _, ok := d.placeCueAfter(n)
	if !ok {
		return item{}, 0, false
	}
	if last, typ, ok := d.areaAt(first); ok {
		it := d.placeItem(first, last, "", typ)
		it.minor = true
		return it, last, true
	}
	name, last, ok := d.matchPlace(first)
	if !ok {
		return item{}, 0, false
	}
	it := d.placeItem(first, last, name, d.lx.places[name].typ)
	it.key, it.minor = name, true
	return it, last, true
}

// deglued reports whether token k was split off the word before it by
// deglue: no space stands between them, and both are words.
func (d *doc) deglued(k int) bool {
	return k > 0 && d.toks[k].kind == tokWord && d.toks[k-1].kind == tokWord && d.toks[k-1].end == d.toks[k].start
}

// demonym reports whether an unknown word ends as a people's name or a
// language does: "in English", "in Farsi" is no town, nor is "Iranian".
func demonym(w string) bool {
	for _, suf := range []string{"ish", "ese", "ian", "ic"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// surname reports whether the word at token i stands elsewhere in the
// text as the last word of a longer name ("Elon Musk" ... "faith in
// Musk."): a person, not a town.
func (d *doc) surname(i int) bool {
	w := d.toks[i].lower
	for k := 1; k < len(d.toks); k++ {
		if k == i || d.toks[k].lower != w {
			continue
		}
		p := d.toks[k-1]
		if titleCase(p.text) && !p.is(clsFunction) && d.toks[k].space && !d.lx.locPrep[p.lower] {
			return true
		}
	}
	return false
}

// placeItem is the location fact of tokens first..last, its value the
// text itself when value is "".
func (d *doc) placeItem(first, last int, value, typ string) item {
	text, s, e := d.span(first, last)
	if value == "" {
		value = text
	}
	return item{
		Fact: Fact{Kind: KindLocation, Text: text, Start: s, End: e, Value: value, Type: typ},
		key:  value,
		inQ:  d.inQ[first] >= 0,
	}
}

// borderWords name the line between two places.
var borderWords = map[string]bool{"border": true, "frontier": true}

// borderPreps put a border after "the" where something happens: "on the
// Nebraska border", "at the border with Belarus", "troops massed along the
// frontier with Poland". Not "to": "from the Carolinas to the
// Maryland-Pennsylvania border" closes a span, one extent that spanFrom
// reads from its first place.
var borderPreps = map[string]bool{"at": true, "on": true, "near": true, "along": true,
	"across": true}

// borderAt reads a border named by its places at token i, the way wire
// copy names where a prisoner swap, a crossing or a clash took place: after
// a border preposition and "the", two places joined by a hyphen before a
// border word ("on the Belarus-Ukraine border") or one place before it ("on
// the Nebraska border"), or a border word and "with" or "between" before
// the place ("at the border with Belarus", "on the border between Poland
// and Belarus"). The border, not the place, is where it happened: "Belarus"
// alone after "with" is no locative, and a hyphenated pair is no name the
// gazetteer holds. It returns the fact and the index of its last token.
func (d *doc) borderAt(i int) (item, int, bool) {
	toks := d.toks
	mk := func(first, last int, value string) (item, int, bool) {
		return d.placeItem(first, last, value, "border"), last, true
	}
	if i >= 4 && borderWords[toks[i-2].lower] && d.borderNoun(i-2) {
		switch toks[i-1].lower {
		case "with":
			if name, end, ok := d.matchPlace(i); ok && !d.inName(i, end) {
				// "Ukraine's border with Belarus" is the pair's
				if owner := d.lx.placeIndex[stripPoss(toks[i-3].text)]; hasPoss(toks[i-3].text) && owner.name && owner.canon != name {
					return mk(i-2, end, min(name, owner.canon)+"-"+max(name, owner.canon)+" border")
				}
				return mk(i-2, end, name+" border")
			}
		case "between":
			name, end, ok := d.matchPlace(i)
			if !ok || end+2 >= len(toks) || toks[end+1].lower != "and" {
				break
			}
			if other, last, ok := d.matchPlace(end + 2); ok && !d.inName(end+2, last) {
				a, b := min(name, other), max(name, other)
				return mk(i-2, last, a+"-"+b+" border")
			}
		}
	}
	if i < 2 || !borderPreps[toks[i-2].lower] || !determiner(toks[i-1].lower) {
		return item{}, 0, false
	}
	value, last, ok := d.borderName(i)
	if !ok {
		return item{}, 0, false
	}
	return mk(i, last, value)
}

// borderName reads a border named by its places at token i, after "the":
// two places joined by a hyphen before a border word ("Belarus-Ukraine
// border") or one place before it ("Nebraska border"). It returns the
// border's value and the index of the border word.
func (d *doc) borderName(i int) (string, int, bool) {
	toks := d.toks
	if a, b, ok := strings.Cut(toks[i].text, "-"); ok && i+1 < len(toks) && borderWords[toks[i+1].lower] {
		ka, kb := d.lx.placeIndex[a], d.lx.placeIndex[b]
		if ka.name && kb.name {
			x, y := min(ka.canon, kb.canon), max(ka.canon, kb.canon)
			return x + "-" + y + " border", i + 1, true
		}
		return "", 0, false
	}
	name, end, ok := d.matchPlace(i)
	if !ok || end+1 >= len(toks) || !borderWords[toks[end+1].lower] || !toks[end+1].space {
		return "", 0, false
	}
	// "on the US border patrol's list": a noun after the border word makes
	// the border a modifier, not the place
	if n := end + 2; n < len(toks) && toks[n].kind == tokWord && !toks[n].isCap() && !toks[n].is(clsFunction) {
		return "", 0, false
	}
	return name + " border", end + 1, true
}

// demonymBorder reports whether text names the border of place by its
// people's adjective: "the Belarusian border" for Belarus, "the
// Polish-Belarusian border". The adjective shares the place's stem: at
// least four letters and all but two of the place's name ("Ukrain" of
// Ukraine, "Turk" of Turkey; not "Pol" of Poland, which is missed).
func demonymBorder(text, place string) bool {
	need := max(4, len(place)-2)
	if len(place) < need {
		return false
	}
	stem := place[:need]
	for off := 0; ; {
		i := strings.Index(text[off:], " border")
		if i < 0 {
			return false
		}
		at := off + i
		// the word before " border", maybe one of a hyphenated pair
		w := text[strings.LastIndexAny(text[:at], " \n")+1 : at]
		for _, part := range strings.Split(w, "-") {
			if strings.HasPrefix(part, stem) && len(part) > len(place)-2 {
				return true
			}
		}
		off = at + len(" border")
	}
}

// borderPlaces returns the canonical places of a border's value: "Belarus"
// and "Ukraine" of "Belarus-Ukraine border".
func borderPlaces(value string) []string {
	return strings.Split(strings.TrimSuffix(value, " border"), "-")
}

// sameBorder reports whether two borders share a place: "on the
// Belarus-Ukraine border" and "at the border with Belarus" tell one border
// in other words.
func sameBorder(a, b *item) bool {
	if a.Type != "border" || b.Type != "border" {
		return false
	}
	for _, p := range borderPlaces(a.Value) {
		if slices.Contains(borderPlaces(b.Value), p) {
			return true
		}
	}
	return false
}

// borderNoun reports whether the border word at token k follows a border
// preposition and a determiner or a place's possessive: "at the border",
// "along its border", "on Ukraine's border".
func (d *doc) borderNoun(k int) bool {
	if k < 2 {
		return false
	}
	p := d.toks[k-1]
	if determiner(p.lower) {
		return borderPreps[d.toks[k-2].lower]
	}
	// "on Ukraine's border": the owner is a place of one word
	return hasPoss(p.text) && d.lx.placeIndex[stripPoss(p.text)].name && borderPreps[d.toks[k-2].lower]
}

// determiner reports whether w is one a border is named after: "the", "its".
func determiner(w string) bool {
	return w == "the" || w == "its" || w == "their"
}
