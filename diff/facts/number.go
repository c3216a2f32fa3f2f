package facts

import (
	"math"
	"strconv"
	"strings"
	"unicode"
)

// months are month names and abbreviations: a number next to one is part
// of a date, even when the date tagger missed it.
var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// referential words before a number word make it name a known group
// ("the two leaders", "those three envoys"). A possessive does not: "his
// three stepchildren", "her five children" tell how many a person has,
// and the reader learns it there as from "three stepchildren".
var referential = map[string]bool{"the": true, "these": true, "those": true,
	"other": true}

// casualtyNouns make "one" a count ("one person was killed").
var casualtyNouns = map[string]bool{
	"person": true, "civilian": true, "soldier": true, "child": true, "man": true, "woman": true,
}

// casualtyVerbs take a toll as their object with the people left out:
// "killed one person and injured nine".
var casualtyVerbs = map[string]bool{"killed": true, "injured": true, "wounded": true, "hurt": true, "killing": true,
	"injuring": true, "wounding": true}

// numberItems appends the amounts, money, counts and percentages to out.
func (d *doc) numberItems(out []item) []item {
	for k := range out {
		if out[k].Kind == KindDate && (clockSpan(&out[k]) || d.waitSpan(&out[k])) {
			d.measuredSpan(&out[k])
		} else if out[k].Kind == KindDate && (d.prisonTerm(&out[k]) || d.thingLength(&out[k])) {
			d.termFigure(&out[k])
		}
	}
	for i := 0; i < len(d.toks); {
		if it, next, ok := d.pointMove(i); ok {
			out = append(out, it)
			i = next
			continue
		}
		if it, next, ok := d.fraction(i); ok {
			out = append(out, it)
			i = next
			continue
		}
		if it, next, ok := d.timeTaken(i); ok {
			out = append(out, it)
			i = next
			continue
		}
		if !d.mayStartNumber(i) {
			i++
			continue
		}
		it, next, ok := d.number(i)
		if ok {
			if n := len(out); n > 0 && d.conversion(&out[n-1], &it) {
				i = next
				continue
			}
			out = append(out, it)
			i = next
			continue
		}
		i++
	}
	return out
}

// spanUnits name the units of a measured span (minutes or seconds, or
// hours of a wait), by the last letter of its TIMEX3 value.
var spanUnits = map[byte]string{'M': "minute", 'S': "second", 'H': "hour"}

// waitWords are the words that say a span of hours measures a wait (or a
// delay: "flights were delayed by up to six hours").
var waitWords = map[string]bool{"wait": true, "waits": true, "waited": true, "waiting": true,
	"queue": true, "queues": true, "queued": true, "queuing": true, "queueing": true,
	"delay": true, "delays": true, "delayed": true}

// waitSpan reports whether a date is a span of hours that measures a wait
// or a queue ("waited more than three hours", "in line for about an hour",
// "security lines of up to two hours"): the GUIDE counts a wait as a
// figure, like a wait in minutes, while how long an event lasted ("the
// fire took 30 hours to put out", "closed for six hours") dates it. The
// sentence must say it is a wait: a wait or queue word, "in line" (not
// "in line with"), or a security or long line.
func (d *doc) waitSpan(it *item) bool {
	v := it.Value
	if it.Type != "DURATION" || !strings.HasPrefix(v, "PT") || !strings.HasSuffix(v, "H") {
		return false
	}
	first, next := d.tokAt(it.Start), d.tokAt(it.End)
	if first >= len(d.toks) {
		return false
	}
	// a span before or after an event places it: "less than 48 hours
	// after the strikes", "two hours later"
	if next < len(d.toks) {
		switch d.toks[next].lower {
		case "after", "before", "later", "earlier", "ago":
			return false
		case "late", "behind":
			return true // "arrived about five hours late": a delay
		}
	}
	// the words of its sentence around it: "in line for about an hour",
	// "wait times at two of the busiest airports stretched to nearly two
	// hours" (a long sentence is read no further than reach words away)
	const reach = 40
	lo := first
	for lo > 0 && first-lo < reach && !d.sentenceStart(lo) {
		lo--
	}
	for k := lo; k < len(d.toks) && k < next+reach && (k <= first || !d.sentenceStart(k)); k++ {
		w := d.toks[k].lower
		if waitWords[w] {
			return true
		}
		if (w == "line" || w == "lines") && k > 0 {
			switch d.toks[k-1].lower {
			case "in":
				// "in line with the schedule" agrees with something
				if k+1 >= len(d.toks) || d.toks[k+1].lower != "with" {
					return true
				}
			case "security", "long", "longer":
				return true
			}
		}
	}
	return false
}

// termWords say a span after them is a prison term: "jailed for five
// years", "sentenced to 18 months", "a prison term of four years"; or a
// ban a body imposed, counted as a sentence is ("banned for four years",
// "suspended for six months").
// ("served for 33 years" and "a term of four years" are as often a career
// and an office: not these.)
var termWords = map[string]bool{"jailed": true, "jail": true, "imprisoned": true, "imprisonment": true,
	"sentenced": true, "sentence": true, "prison": true, "incarcerated": true, "detention": true, "probation": true,
	"banned": true, "suspended": true, "barred": true}

// prisonTerm reports whether a date is a span of years, months, weeks or
// days that a court gave ("jailed for five years and four months",
// "sentenced to 18 months"): the GUIDE counts a sentence's length as a
// figure ("a two-year sentence"), not as the date of an event. A jail word
// stands a few words before it, in its clause, after "for", "to", "of" or
// the "and" of a term told in two units.
func (d *doc) prisonTerm(it *item) bool {
	if !calendarSpan(it) {
		return false
	}
	first := d.tokAt(it.Start)
	if first == 0 || first >= len(d.toks) {
		return false
	}
	switch d.toks[first-1].lower {
	case "for", "to", "of", "and", "than", "least", "nearly", "almost", "about":
	default:
		return false
	}
	for k := first - 1; k >= 0 && k >= first-8 && !d.endsClause(k); k-- {
		if termWords[d.toks[k].lower] {
			return true
		}
	}
	return false
}

// thingNouns are things whose length a span before them gives: "a
// five-year contract", "a 10-year loan", "a two-week ban".
var thingNouns = map[string]bool{"contract": true, "contracts": true, "deal": true, "lease": true, "loan": true,
	"loans": true, "bond": true, "bonds": true, "mortgage": true, "sentence": true, "ban": true, "suspension": true,
	"extension": true, "warranty": true, "visa": true, "tenure": true}

// thingLength reports whether a date is a span written as a modifier of a
// thing it measures ("a five-year contract", "a 30-year mortgage"): the
// GUIDE counts the length of a thing as a figure, not as the date of an
// event.
func (d *doc) thingLength(it *item) bool {
	if !calendarSpan(it) || !strings.Contains(it.Text, "-") {
		return false
	}
	next := d.tokAt(it.End)
	return next < len(d.toks) && thingNouns[d.toks[next].lower]
}

// calendarSpan reports whether date it is a span of a number of years,
// months, weeks or days ("P5Y", "P18M"), which termFigure reads as a
// figure of its unit.
func calendarSpan(it *item) bool {
	v := it.Value
	if it.Type != "DURATION" || len(v) < 3 || v[0] != 'P' || v[1] == 'T' || termUnits[v[len(v)-1]] == "" {
		return false
	}
	_, err := strconv.ParseFloat(v[1:len(v)-1], 64)
	return err == nil
}

// termUnits name the units of a prison term by the last letter of its
// TIMEX3 value.
var termUnits = map[byte]string{'Y': "year", 'M': "month", 'W': "week", 'D': "day"}

// termFigure turns a prison term read as a date into the figure it is.
func (d *doc) termFigure(it *item) {
	v := it.Value[1 : len(it.Value)-1] // "P5Y" -> "5"
	unit := termUnits[it.Value[len(it.Value)-1]]
	prefix := ""
	if k := d.tokAt(it.Start); k < len(d.toks) {
		prefix, _ = d.phraseBefore(k, d.lx.approx)
	}
	asFigure(it, prefix, v, unit)
}

// asFigure turns date it into the figure v of unit, after prefix ("about").
func asFigure(it *item, prefix, v, unit string) {
	it.Kind, it.Type, it.mod = KindNumber, "", ""
	it.Value = prefix + v + " " + unit
	it.Subject = unit
	it.key = numberKey(prefix, v, unit)
	it.slot = unit + "|"
}

// measuredSpan turns a date that is a span of minutes or seconds
// (clockSpan: "waiting 72 minutes", "it took about 40 minutes", "with 30
// seconds left", "a four-minute documentary"), or of hours spent waiting
// (waitSpan: "waited more than three hours"), into the figure it is: such
// a span measures a wait, a game clock or a recording, the way "5 km"
// measures a distance; it dates no event. A span that places an event
// ("within 30 minutes", "in 10 minutes", "after 20 minutes") stays a date,
// and so does one of no stated length ("within minutes").
func (d *doc) measuredSpan(it *item) {
	v := it.Value[2 : len(it.Value)-1] // "PT72M" -> "72"
	if _, err := strconv.ParseFloat(v, 64); err != nil {
		return
	}
	toks := d.toks
	first := d.tokAt(it.Start)
	if first >= len(toks) {
		return
	}
	if first > 0 {
		switch toks[first-1].lower {
		case "within", "in", "after", "before", "every":
			return
		}
	}
	prefix := ""
	for k := first; k < len(toks) && toks[k].start < it.End; k++ {
		if toks[k].kind == tokNum || toks[k].is(clsUnit) || toks[k].lower == "a" || toks[k].lower == "an" {
			prefix, _ = d.phraseBefore(k, d.lx.approx)
			break
		}
	}
	unit := spanUnits[it.Value[len(it.Value)-1]]
	// the game clock and a delay read as one phrase: "with 30 seconds
	// left", "arrived about five hours late" (the reader quotes the delay
	// with its "late", as the GUIDE's keys do)
	if n := d.tokAt(it.End); n < len(toks) && (toks[n].lower == "left" || toks[n].lower == "remaining" || toks[n].lower == "late") {
		it.End = toks[n].end
		it.Text = d.text[it.Start:it.End]
	}
	asFigure(it, prefix, v, unit)
}

// gluedByScraper reports whether word token w, glued to the digits after
// it, is an ordinary word that lost the space after it when the page was
// scraped ("killed14 people", "Nearly10%"), not the letters of a name
// ("G7", "A320", "COVID19", "iPhone15", "utf8", "mp3"): a function word
// ("Her12-year-old") or a word of six letters or more, lower case after
// its first letter; or the end of an approximation ("at least366
// officers").
func (d *doc) gluedByScraper(w int) bool {
	t := d.toks[w].text
	if _, n := d.phraseBefore(w+1, d.lx.approx); n > 0 {
		return true
	}
	if len(t) < 6 && !d.toks[w].is(clsFunction) {
		return false
	}
	for k := 1; k < len(t); k++ {
		if c := t[k]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// gluedStart is the token where the text of a number starting at token
// first begins: the word the scraper glued to its digits when there is one
// ("killed14 people", "Her12-year-old"). The page shows that word and the
// digits as one word, and a reader (or an editor quoting the figure)
// copies it whole, so a span starting inside it would name no word of the
// text.
func (d *doc) gluedStart(first int) int {
	toks := d.toks
	if first > 0 && toks[first].kind == tokNum && !toks[first].space && toks[first-1].kind == tokWord && d.gluedByScraper(first-1) {
		return first - 1
	}
	return first
}

// minusBefore reports whether the digits at token i carry a minus sign:
// a hyphen or minus glued to them that follows a space or an opening
// mark, not a word or a number ("F-16", "1-2 feet").
func (d *doc) minusBefore(i int) bool {
	toks := d.toks
	if i == 0 || toks[i].space || toks[i-1].text != "-" && toks[i-1].text != "−" {
		return false
	}
	m := i - 1
	return m == 0 || toks[m].space || toks[m-1].text == "(" || toks[m-1].text == "["
}

// minusWord reports whether the number at token i is told negative by the
// word "minus" before it, which is not the margin "plus or minus".
func (d *doc) minusWord(i int) bool {
	toks := d.toks
	if i == 0 || toks[i-1].lower != "minus" || !toks[i].space {
		return false
	}
	return i < 3 || toks[i-2].lower != "or" || toks[i-3].lower != "plus"
}

// conversion reports whether amount b, in parentheses right after amount
// a, converts it into another currency or unit: "£125,000 ($166,000)",
// "2.4 million euros (around $2.85 million)", "600 miles (965
// kilometers)", "a 1,323-pound (600-kilogram) probe". It is the same
// figure, not one of its own.
func (d *doc) conversion(a, b *item) bool {
	if a.Kind != KindNumber || a.End > b.Start {
		return false
	}
	if !(isMoney(a) && isMoney(b)) {
		da := dimensions[unitOf(a)]
		if da == "" || da != dimensions[unitOf(b)] {
			return false
		}
	}
	return strings.TrimSpace(d.text[a.End:b.Start]) == "("
}

// thousandsDotted reports whether digits s group thousands with dots:
// "1.200", "12.500", "1.500.000".
func thousandsDotted(s string) bool {
	groups := strings.Split(s, ".")
	if len(groups) < 2 || len(groups[0]) == 0 || len(groups[0]) > 3 || groups[0][0] == '0' {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return false
		}
	}
	return true
}

// speedOf gives the speed a unit of length makes per hour.
var speedOf = map[string]string{"km": "kmh", "mi": "mph"}

// perHourAfterAside reports, for a distance ending before token j, whether
// a bracketed conversion follows it and then "per hour" ("120 kilometres
// (75 miles) per hour"), returning the token after "hour", or 0.
func (d *doc) perHourAfterAside(j int) int {
	toks := d.toks
	if j >= len(toks) || toks[j].text != "(" {
		return 0
	}
	k := j + 1
	for k < len(toks) && k <= j+5 && toks[k].text != ")" {
		k++
	}
	if k+2 >= len(toks) || toks[k].text != ")" || toks[k+1].lower != "per" || toks[k+2].lower != "hour" {
		return 0
	}
	return k + 3
}

// dimensions give what a unit measures, for its canonical name and for
// the word it is glued to a number by ("a 600-kilogram probe").
var dimensions = map[string]string{
	"km": "length", "mi": "length", "m": "length", "ft": "length", "in": "length", "cm": "length", "mm": "length",
	"kilometer": "length", "kilometre": "length", "mile": "length", "meter": "length", "metre": "length",
	"foot": "length", "inch": "length", "yard": "length",
	"kg": "mass", "lb": "mass", "t": "mass", "kilogram": "mass", "pound": "mass", "ton": "mass", "tonne": "mass",
	"km2": "area", "mi2": "area", "ha": "area", "acre": "area",
	"mph": "speed", "kmh": "speed",
	// a rate moved in points: "300 basis points" is "three percentage
	// points"
	"pp": "rate point", "bp": "rate point",
	"GW": "power", "MW": "power", "kW": "power",
	"gigawatt": "power", "megawatt": "power", "kilowatt": "power", // "a 1.3-gigawatt plant"
}

// unitSize gives each unit of dimensions in the base unit of what it
// measures (metre, kilogram, square metre, metre per second), to tell one
// quantity told in two units.
var unitSize = map[string]float64{
	"km": 1000, "mi": 1609.344, "m": 1, "ft": 0.3048, "in": 0.0254, "cm": 0.01, "mm": 0.001,
	"kilometer": 1000, "kilometre": 1000, "mile": 1609.344, "meter": 1, "metre": 1,
	"foot": 0.3048, "inch": 0.0254, "yard": 0.9144,
	"kg": 1, "lb": 0.45359237, "t": 1000, "kilogram": 1, "pound": 0.45359237, "ton": 1000, "tonne": 1000,
	"km2": 1e6, "mi2": 2589988.11, "ha": 1e4, "acre": 4046.8564,
	"mph": 0.44704, "kmh": 1 / 3.6,
	"pp": 100, "bp": 1,
	"GW": 1e9, "MW": 1e6, "kW": 1e3,
	"gigawatt": 1e9, "megawatt": 1e6, "kilowatt": 1e3,
}

// convertedQuantity reports whether two measures in different units of one
// dimension are one quantity, the one converted into the other's unit
// and rounded as news writes conversions: "roughly 120 kilometers" and
// "roughly 75 miles", "about 5 km" and "about three miles". House styles
// put the metric or the imperial figure first, with the other in
// parentheses (dropped as a conversion), so a restyle swaps them. The
// converted value must come within 2% of the stated one, or within half
// its last digit and 12% ("3 miles" for 5 km, "6 km" for 4 miles); an
// approximation ("about", "roughly") is no other bound, but "at least"
// and "up to" are.
func convertedQuantity(a, b *item) bool {
	an, au, _ := strings.Cut(a.key, " ")
	if dimensions[au] == "" {
		return false // most figures: counts, money, percentages
	}
	bn, bu, _ := strings.Cut(b.key, " ")
	if au == bu || dimensions[au] != dimensions[bu] || bound(a) != bound(b) {
		return false
	}
	x, err1 := strconv.ParseFloat(an, 64)
	y, err2 := strconv.ParseFloat(bn, 64)
	if err1 != nil || err2 != nil || x <= 0 || y <= 0 {
		return false
	}
	xb, yb := x*unitSize[au], y*unitSize[bu]
	return roundedTo(xb/unitSize[bu], y, bn) || roundedTo(yb/unitSize[au], x, an)
}

// roundedTo reports whether the converted value c reads as the stated value
// v (written s) when rounded as a conversion is.
func roundedTo(c, v float64, s string) bool {
	diff := math.Abs(c - v)
	if diff <= 0.02*v {
		return true
	}
	step := 1.0
	if _, dec, ok := strings.Cut(s, "."); ok {
		step = math.Pow(10, -float64(len(dec)))
	}
	return diff <= step/2 && diff <= 0.12*v
}

// boundsApart reports whether one number is a floor ("more than two
// hours", "at least 40") and the other a ceiling ("up to two hours",
// "fewer than 40") of the same figure: they say opposite things of it,
// so the one is not the other told again.
func boundsApart(a, b *item) bool {
	fa, fb := floorOrCeiling(bound(a)), floorOrCeiling(bound(b))
	return fa != 0 && fb != 0 && fa != fb
}

// floorOrCeiling is 1 for a floor prefix (">", ">="), -1 for a ceiling
// ("<", "<="), 0 for none.
func floorOrCeiling(p string) int {
	switch {
	case strings.HasPrefix(p, ">"):
		return 1
	case strings.HasPrefix(p, "<"):
		return -1
	}
	return 0
}

// bound is a number's approximation prefix, an "about" read as none: "at
// least", "more than", "up to" bound the figure, "about" rounds it.
func bound(it *item) string {
	// a byte loop: sameFigure asks it of every pair of figures a long
	// rewrite removes and adds
	v := it.Value
	i := 0
	for i < len(v) && v[i] == '~' {
		i++
	}
	j := i
	for j < len(v) && (v[j] == '<' || v[j] == '>' || v[j] == '=') {
		j++
	}
	return v[i:j]
}

// isMoney reports whether a number is an amount of money: its unit is a
// currency code.
func isMoney(it *item) bool {
	u, _, _ := strings.Cut(it.slot, "|")
	return len(u) == 3 && strings.ToUpper(u) == u
}

// mayStartNumber is false where number(i) must fail, so that most tokens
// skip the call. It mirrors the first tests of number and numberCore:
// a number starts with a currency symbol, "US" (for "US$"), digits, a
// vague amount, "a"/"an", a number word, or a hyphenated word.
func (d *doc) mayStartNumber(i int) bool {
	t := &d.toks[i]
	return t.kind == tokNum || t.is(clsVague|clsUnit) ||
		(t.text != "" && d.lx.curFirst[t.text[0]] && d.lx.curSymbol[t.text] != "") || t.text == "US" ||
		(t.kind == tokWord && (t.lower == "a" || t.lower == "an" || strings.IndexByte(t.lower, '-') >= 0))
}

// number tries to read a number phrase starting at token i.
func (d *doc) number(i int) (item, int, bool) { return d.numberAt(i, false) }

// numberAt is number; high says the number is the high end of a range,
// glued to the hyphen before it ("1-2 feet").
func (d *doc) numberAt(i int, high bool) (item, int, bool) {
	// a day of a date (the 8 of "Aug. 8-15") starts no figure, nor a
	// score with the day after it
	if d.toks[i].kind == tokNum && (d.rank(i) || d.ordinalCompound(i) || d.phone(i) || d.agoStamp(i) || d.paragraphRef(i) || d.inDate(d.toks[i].start, d.toks[i].end)) {
		return item{}, 0, false
	}
	if it, next, ok := d.pairedNumber(i); ok {
		return it, next, true
	}
	if it, next, ok := d.odds(i); ok {
		return it, next, true
	}
	if it, next, ok := d.ratio(i); ok {
		return it, next, true
	}
	lx, toks := d.lx, d.toks
	t := toks[i]
	first := i
	cur := ""
	// currency symbol: "$", "US$", "€"
	c, ok := "", false
	if t.text != "" && lx.curFirst[t.text[0]] {
		c, ok = lx.curSymbol[t.text]
		// a currency code ("CHF", "EUR") is money only before digits:
		// "CHF 15 million", not "EUR" standing for the currency
		if ok && t.kind == tokWord && (i+1 >= len(toks) || toks[i+1].kind != tokNum) {
			ok = false
		}
	}
	if ok {
		cur, i = c, i+1
	} else if t.text == "US" && i+1 < len(toks) && !toks[i+1].space && toks[i+1].text == "$" {
		cur, i = "USD", i+2
	}
	if i >= len(toks) {
		return item{}, 0, false
	}
	v, vague, suffix, j, explicit, ok := d.numberCore(i)
	if !ok {
		return item{}, 0, false
	}
	if f, at := fractionBefore(toks, i); at >= 0 && cur == "" && first == i && (lx.scales[toks[i+1].lower] != 0 || toks[i+1].lower == "dozen") {
		// "half a million", "a quarter of a million miles", "half a
		// dozen": a share of the scale, not the scale
		v, first = v*f, at
	}
	numTok := toks[i]
	// a minus sign: "(-42,000 jobs)", "fell to -3%"
	if numTok.kind == tokNum && cur == "" && first == i && !high && d.minusBefore(i) {
		first, v = i-1, -v
	} else if cur == "" && first == i && !high && d.minusWord(i) {
		// "fell to minus 31" is "fell to -31"
		first, v = i-1, -v
	} else if numTok.kind == tokNum && cur == "" && i > 0 && !numTok.space && !high &&
		(toks[i-1].kind == tokWord && !d.gluedByScraper(i-1) || toks[i-1].text == "-") {
		// digits glued to a word ("G7", "F-16") are names, not amounts
		return item{}, 0, false
	}
	// scale words: "billion", "bn", "m" (glued only)
	scaled := false
	if j+1 < len(toks) && vague == "" && toks[j].text == "-" && !toks[j].space && !toks[j+1].space && len(toks[j+1].lower) > 2 && lx.scales[toks[j+1].lower] != 0 {
		j++ // "a $93-million shortfall"
	}
	for j < len(toks) && vague == "" {
		s, ok := lx.scales[toks[j].lower]
		if !ok || (len(toks[j].lower) <= 2 && toks[j].lower != "bn" && toks[j].space) {
			break
		}
		if toks[j].lower == "m" && toks[j].space {
			break
		}
		v = roundSig(v * s) // 8.3 × 1e9 is 8300000000, not 8300000000.000001
		scaled = true
		j++
	}
	if scaled && numTok.kind == tokWord {
		v, j = d.wordsGoOn(v, j)
	}
	unit := ""
	last := j - 1
	switch {
	case cur != "":
		unit = cur
	case j < len(toks) && toks[j].text == "%":
		unit, last, j = "percent", j, j+1
	default:
		if u, n := d.phrase(j, lx.percent); n > 0 {
			unit, last, j = u, j+n-1, j+n
		} else if u, n := d.phrase(j, lx.measure); n > 0 {
			unit, last, j = u, j+n-1, j+n
		} else if j < len(toks) && lx.curWord[toks[j].lower] != "" {
			unit, last, j = lx.curWord[toks[j].lower], j, j+1
		} else if u, n := d.tempGlued(toks, j); n > 0 {
			unit, last, j = u, j+n-1, j+n
		} else if j < len(toks) && !scaled && tonneScales[toks[j].lower] != 0 {
			// "1.2Mt" is 1.2 million tonnes
			v, unit, last, j = roundSig(v*tonneScales[toks[j].lower]), "t", j, j+1
		}
	}
	// "120 kilometres (75 miles) per hour": a speed whose conversion
	// stands between the distance and "per hour"
	if speed := speedOf[unit]; speed != "" {
		if k := d.perHourAfterAside(j); k > 0 {
			unit, last, j = speed, k-1, k // the conversion is the speed's
		}
	}
	// "a mile and a half", "5 miles and a half": the half is the unit's
	if lx.isMeasure(unit) && andAHalf(toks, j) {
		v += 0.5
		last, j = j+2, j+3
	}
	// "US dollars", "Swiss francs"
	if unit == "" && j+1 < len(toks) && toks[j].kind == tokWord && toks[j].isCap() && lx.curWord[toks[j+1].lower] != "" {
		unit, last, j = lx.curWord[toks[j+1].lower], j+1, j+2
	}
	if cur != "" && vague == "" && suffix == "" {
		if hi, next, ok := d.moneyRangeTail(first, j, cur); ok {
			return d.rangeItem(first, i, v, hi), next, true
		}
	}
	if cur == "" && vague == "" && (unit == "" || unit == "percent") && suffix == "" {
		if hi, next, k := d.rangeTail(first, j, unit); k == rangeDate {
			return item{}, 0, false
		} else if k == rangeFigure {
			return d.rangeItem(first, i, v, hi), next, true
		}
	}
	if numTok.kind == tokNum && cur == "" && !scaled && unit == "" && d.looksLikeDate(i) {
		return item{}, 0, false
	}
	if numTok.kind == tokNum && cur == "" && !scaled && unit == "" && d.namesSomething(i) {
		return item{}, 0, false
	}
	// a number inside a date is part of it ("June 5"); a rate's "per
	// hour" after the unit ("80 miles per hour") is not
	if d.inDate(toks[first].start, numTok.end) {
		return item{}, 0, false
	}
	head := ""
	if shapeWords[suffix] {
		// "a three-way meeting", "a two-sided deal": a kind of thing, not
		// a count of it
		return item{}, 0, false
	}
	rating := first > 0 && toks[first-1].lower == "category" && cur == "" && unit == "" && vague == ""
	if rating {
		// "a Category 4 storm": the storm's rating, told with its scale
		head, unit, first = "category", "category", first-1
	} else if suffix != "" {
		head, unit = suffix, suffix
	} else if unit == "" || vague != "" {
		var at int
		head, at = d.countNoun(j)
		if at >= 0 && d.inDate(toks[at].start, toks[at].end) {
			// "wounded 23 early Monday": the word after the count
			// begins a date, it is not what is counted
			head, at = "", -1
		}
		if head == "others" {
			if h := d.othersOf(first); h != "" {
				head = h
			}
		}
		unit = head
		if at >= 0 {
			last, j = at, at+1 // the text names what is counted: "four people"
		}
	} else {
		head = d.headAfter(j)
	}
	if vague != "" && cur == "" && d.bareCrowd(first, i) {
		return item{}, 0, false
	}
	// "1.200 soldiers": a count of people or things is whole, so a dot
	// before three digits there groups thousands, as Central European
	// outlets write them ("1,200 soldiers")
	if head != "" && unit == head && head != "points" && head != "point" && numTok.kind == tokNum && !scaled && thousandsDotted(numTok.text) {
		if w, err := strconv.ParseFloat(strings.ReplaceAll(numTok.text, ".", ""), 64); err == nil {
			v = w
		}
	}
	if d.namesCalibre(unit, j) {
		return item{}, 0, false
	}
	// "Three Rivers resident", "Seven Oaks": a capitalised number word
	// inside a sentence, before a capitalised word, begins a name
	if numTok.kind == tokWord && numTok.isCap() && !d.sentenceStart(first) && i+1 < len(toks) &&
		toks[i+1].kind == tokWord && toks[i+1].isCap() && numTok.text != strings.ToUpper(numTok.text) {
		return item{}, 0, false
	}
	// a bare "two" says nothing, but "injured nine" is a toll, and so is
	// a bare count the words around it give to the dead or the hurt:
	// "Three were killed", "six were injured", "the toll has risen to
	// six", as "risen to 6" is
	if numTok.kind == tokWord && !explicit && unit == "" && cur == "" && !(first > 0 && casualtyVerbs[toks[first-1].lower]) &&
		!d.followedBy(last, tollAfter) && !d.countsTheHurt(last) && !d.tollNamedBefore(first) {
		return item{}, 0, false
	}
	// "dominated by two arms", "the charge carries three special
	// circumstances": a few parts that make up a thing describe it
	if numTok.kind == tokWord && vague == "" && v < 10 && cur == "" && unit != "percent" && d.partsOf(first) &&
		!d.countsTheDead(first, last) && !d.countsTheHurt(last) {
		return item{}, 0, false
	}
	// "the two leaders", "those three envoys": a reference, not a count
	if numTok.kind == tokWord && suffix == "" && cur == "" && first > 0 && referential[toks[first-1].lower] {
		return item{}, 0, false
	}
	if cur == "" && d.sourcing(first, last, unit) {
		return item{}, 0, false
	}
	// "one of the victims": picks one of a known group, counts nothing
	if v == 1 && numTok.kind == tokWord && i+2 < len(toks) && toks[i+1].lower == "of" && referential[toks[i+2].lower] {
		return item{}, 0, false
	}
	// "their top 10": a rank, not an amount; after a modal "top" is the
	// verb ("the rate could top 4%")
	if first > 0 && toks[first-1].lower == "top" && cur == "" && !scaled && !(first > 1 && modalBefore[toks[first-2].lower]) {
		return item{}, 0, false
	}
	// approximation before the number: "about", "at least", "more than"
	prefix := ""
	if p, n := d.phraseBefore(first, lx.approx); n > 0 {
		prefix = p
		first -= n
	}
	text, s, e := d.span(d.gluedStart(first), last)
	num := vague
	if num == "" {
		num = strconv.FormatFloat(v, 'f', -1, 64)
	}
	value := prefix + num
	if unit != "" {
		value += " " + unit
	}
	it := item{Fact: Fact{Kind: KindNumber, Text: text, Start: s, End: e, Value: value, Subject: head},
		inQ: d.inQ[i] >= 0}
	it.key = numberKey(prefix, num, unit)
	it.slot = singular(unit) + "|" + singular(head)
	if cur == "" && vague == "" && d.statesAge(first, i, j, unit) {
		// "Smith, 42,", "the 42-year-old", "42 years old", "aged 42":
		// one age however written. Its key is the bare number's, since
		// a bare number next to a name is an age too.
		it.key = numberKey(prefix, num, "")
		it.slot = "age|"
		it.Subject = "age"
	}
	// the word read as what is counted may be the death or the hurt
	// itself: "44 dead", "with 200 injured", "at least 14 wounded"
	counted := last > i && cur == "" && unit != "percent"
	// "was killed and six were wounded": a word of the hurt right after
	// the count, in its own conjunct, says what it counts, whatever toll
	// the clause named before it ("killed 12 people and injured 30": the
	// hurt word is the next conjunct's)
	hurtOwn := d.inConjunct(last, hurtAfter) || d.inConjunct(last, missingAfter)
	if cur == "" && unit != "percent" && d.countsTheDead(first, last) && !hurtOwn || counted && tollAfter[toks[last].lower] {
		// "At least 40 people were killed" and "the death toll rose to
		// 44" count the same thing, however the sentence is written.
		it.slot = "toll"
	} else if (unit == "" || unit == "more") && cur == "" && first > 0 && casualtyVerbs[toks[first-1].lower] {
		// "injured nine", "wounded dozens more": the people hurt, however
		// many
		it.slot, it.Subject = "injured", "injured"
	} else if cur == "" && unit != "percent" && (d.countsTheHurt(last) || d.hurtNamedBefore(first)) || counted && hurtAfter[toks[last].lower] {
		// "40 people had been injured" counts what "wounded 23" does
		it.slot = "injured"
	} else if cur == "" && unit != "percent" && (d.followedBy(last, missingAfter) || d.followedBy(d.ofGroupEnd(last), missingAfter)) || counted && missingAfter[toks[last].lower] {
		// "30 were missing" counts what "19 people still missing" does
		it.slot = "missing"
	}
	return it, j, true
}

// partsVerbs say what a thing is made of, in the present: "carries three
// counts", "comprises two chambers"; partsBy do so with "by": "is dominated
// by two arms", "was defined by three things". "has" and "have" are not
// among them: what someone holds is news ("Hamas still has two hostages",
// "police have four suspects").
var (
	partsVerbs = map[string]bool{"carries": true, "carry": true, "comprises": true, "comprise": true}
	partsBy    = map[string]bool{"dominated": true, "defined": true}
)

// partsOf reports whether the count starting at token first follows a verb
// that gives the parts of a thing (partsVerbs, partsBy): a small count
// there describes a thing, the galaxy's two arms or a charge's three
// special circumstances, and is no figure of the story's news. Past
// "had" and "carried" are left out: "the flight carried six people".
func (d *doc) partsOf(first int) bool {
	if first < 1 {
		return false
	}
	w := d.toks[first-1].lower
	if partsVerbs[w] {
		return true
	}
	return w == "by" && first >= 2 && partsBy[d.toks[first-2].lower]
}

// hurtAfter are the words that, right after a count, make it a count of
// people hurt: "40 people were injured", "12 had been wounded", "nine were
// hospitalized".
var hurtAfter = map[string]bool{"injured": true, "wounded": true, "hurt": true, "hospitalized": true, "hospitalised": true}

// missingAfter are the words that, right after a count, make it a count of
// the missing: "30 were missing", "19 people still unaccounted for".
var missingAfter = map[string]bool{"missing": true, "unaccounted": true}

// countsTheHurt reports whether the count ending at token last is of
// people hurt: a hurt word right after it, or "treated for injuries" ("43
// people were being treated for injuries", "12 were treated for minor
// wounds").
func (d *doc) countsTheHurt(last int) bool {
	return d.followedBy(last, hurtAfter) || d.within(last, d.treatedForInjuries)
}

// ofGroupEnd returns the last token of "of the group" right after token
// last ("three other members of the group were still unaccounted for"),
// or last.
func (d *doc) ofGroupEnd(last int) int {
	toks := d.toks
	k := last + 1
	if k+1 >= len(toks) || toks[k].lower != "of" {
		return last
	}
	k++
	if isDeterminer(toks[k].lower) && k+1 < len(toks) {
		k++
	}
	if toks[k].kind != tokWord || d.lx.function[toks[k].lower] {
		return last
	}
	return k
}

// inConjunct reports whether one of words (of the hurt, hurtAfter, or of
// the missing, missingAfter) follows token last within four tokens,
// before any death word, punctuation or "and"/"or" ("six were wounded",
// "two others were still missing"; not "12 people and injured 30").
func (d *doc) inConjunct(last int, words map[string]bool) bool {
	for k := last + 1; k < len(d.toks) && k <= last+4; k++ {
		switch w := d.toks[k].lower; {
		case d.toks[k].kind == tokPunct || w == "and" || w == "or" || tollAfter[w]:
			return false
		case words[w]:
			return true
		}
	}
	return false
}

// treatedForInjuries reports whether "treated for" opens at token k and
// names injuries or wounds within a few words, in the same clause.
func (d *doc) treatedForInjuries(k int) bool {
	toks := d.toks
	if toks[k].lower != "treated" || k+1 >= len(toks) || toks[k+1].lower != "for" {
		return false
	}
	for m := k + 2; m < len(toks) && m <= k+4 && toks[m].kind != tokPunct; m++ {
		if w := toks[m].lower; w == "injuries" || w == "injury" || w == "wounds" {
			return true
		}
	}
	return false
}

// followedBy reports whether one of words stands within four tokens after
// token last, in the same clause.
func (d *doc) followedBy(last int, words map[string]bool) bool {
	return d.within(last, func(k int) bool { return words[d.toks[k].lower] })
}

// within reports whether at holds for one of the four tokens after token
// last, in the same clause. An aside of what the figure includes is
// passed over: "at least two people, including an infant, were killed".
func (d *doc) within(last int, at func(k int) bool) bool {
	for k := last + 1; k < len(d.toks) && k <= last+4; k++ {
		if d.toks[k].kind == tokPunct {
			if end := d.includingAside(k); end > 0 {
				k, last = end, end
				continue
			}
			return false
		}
		if at(k) {
			return true
		}
	}
	return false
}

// includingAside returns the comma that closes an aside opened by the
// comma at token k with "including" (at most eight tokens on), or 0.
func (d *doc) includingAside(k int) int {
	toks := d.toks
	if toks[k].text != "," || k+1 >= len(toks) || toks[k+1].lower != "including" {
		return 0
	}
	for j := k + 2; j < len(toks) && j <= k+9; j++ {
		if toks[j].kind == tokPunct {
			if toks[j].text == "," {
				return j
			}
			return 0
		}
	}
	return 0
}

// agoStamp reports whether the digits at token i are a page's time stamp
// in a unit's letter or short form, "3h ago", "36m ago", "2 mins ago",
// "5d ago" (story cards and live entries: how old the page is when
// served, drawn anew with every fetch), which prose writes out ("three
// hours ago", a date). It is no figure, and the "m" no million.
func (d *doc) agoStamp(i int) bool {
	toks := d.toks
	k := i + 1
	if k >= len(toks) || !stampUnits[toks[k].lower] {
		return false
	}
	return k+1 < len(toks) && toks[k+1].lower == "ago"
}

// paragraphRef reports whether the digits at token i number a paragraph of
// the story, as a wire's update line does ("Updates death toll in
// paragraph 1, adds Kremlin comment in paragraphs 5-6", "adds quote in
// para 4"): a place in the text, no figure.
func (d *doc) paragraphRef(i int) bool {
	if i == 0 {
		return false
	}
	switch d.toks[i-1].lower {
	case "paragraph", "paragraphs", "para", "paras", "graf", "grafs", "par", "pars":
		return true
	}
	return false
}

// stampUnits are the short units of a page's "N ago" time stamps.
var stampUnits = map[string]bool{"s": true, "m": true, "h": true, "d": true, "w": true, "min": true, "mins": true,
	"hr": true, "hrs": true, "sec": true, "secs": true, "wk": true, "wks": true}

// rank reports whether the digits at token i follow "No.", a place in an
// order ("the No. 2 man", "priority No. 1", "the No. 1 seed", glued by
// the scraper "theNo. 1-ranked"): an ordinal, not an amount.
func (d *doc) rank(i int) bool {
	toks := d.toks
	if i < 2 || toks[i-1].text != "." || toks[i-1].space {
		return false
	}
	w, ok := strings.CutSuffix(toks[i-2].text, "No")
	if !ok {
		return false
	}
	for k := 0; k < len(w); k++ {
		if w[k] < 'a' || w[k] > 'z' {
			return false
		}
	}
	return true
}

// ordinalCompound reports whether the digits at token i are an ordinal
// glued to the noun it ranks: "20th-century art", "a 5th-grade class",
// "the 3rd-largest": a rank, no figure.
func (d *doc) ordinalCompound(i int) bool {
	if i+1 >= len(d.toks) || d.toks[i+1].space || d.toks[i+1].kind != tokWord {
		return false
	}
	w := d.toks[i+1].lower
	for _, suf := range [...]string{"th-", "st-", "nd-", "rd-"} {
		if strings.HasPrefix(w, suf) && len(w) > len(suf) {
			return true
		}
	}
	return false
}

// phone reports whether the digits at token i begin a phone number: three
// or more groups of digits joined by hyphens ("800-273-8255",
// "1-888-407-4747"), or a country code ("+1 202-501-4444"). A number to
// call is no figure of the story.
func (d *doc) phone(i int) bool {
	toks := d.toks
	if i > 0 && toks[i-1].text == "+" && !toks[i].space {
		return true
	}
	for k := i + 1; k <= i+3; k += 2 {
		if k+1 >= len(toks) || toks[k].text != "-" || toks[k].space || toks[k+1].space || toks[k+1].kind != tokNum {
			return false
		}
	}
	return true
}

// sameCount reports whether two numbers, in one sentence rewritten or in
// neighbouring ones, count the same number of things told with another
// noun or none: "killed seven" and "seven people were killed", "four
// staff" and "four staffers", "150 passengers" and "150 people", "at
// least 10 people" and "at least 10". The count is the figure; the noun
// that names what is counted is wording.
func sameCount(a, b *item) bool {
	if a.Kind != KindNumber || b.Kind != KindNumber || !isCount(a) || !isCount(b) {
		return false
	}
	an, bn := countOf(a.key), countOf(b.key)
	return an == bn && an != ""
}

// vagueWords are the plural number words a vague count is made of.
var vagueWords = map[string]bool{"dozens": true, "tens": true, "scores": true, "hundreds": true,
	"thousands": true, "millions": true, "billions": true, "of": true}

// countOf is the count of a number's key without the noun: "40" of "40
// person", "tens of thousands" of "tens of thousands staffer".
func countOf(key string) string {
	f := strings.Fields(key)
	if len(f) == 0 {
		return ""
	}
	n := 1
	if vagueWords[f[0]] {
		for n < len(f) && vagueWords[f[n]] {
			n++
		}
	}
	return strings.Join(f[:n], " ")
}

// odds reads a chance written "1-in-3": read apart, "1" is a bare number
// and "3" a name's digits.
func (d *doc) odds(i int) (item, int, bool) {
	toks := d.toks
	if i+4 >= len(toks) || toks[i].kind != tokNum || toks[i+4].kind != tokNum || toks[i+2].lower != "in" ||
		toks[i+1].text != "-" || toks[i+3].text != "-" ||
		toks[i+1].space || toks[i+2].space || toks[i+3].space || toks[i+4].space {
		return item{}, 0, false
	}
	text, s, e := d.span(i, i+4)
	value := toks[i].text + " in " + toks[i+4].text
	it := item{Fact: Fact{Kind: KindNumber, Text: text, Start: s, End: e, Value: value, Subject: "odds"}, inQ: d.inQ[i] >= 0}
	it.key = value
	it.slot = "odds|"
	return it, i + 5, true
}

// ratio reads a share written out, "1 in 3 people", "one out of every
// five flights", "nine of every ten hryvnias", "two in 10 voters": one
// figure. Read apart, the first
// number is a bare one that says nothing and the second counts the wrong
// thing ("3 people").
func (d *doc) ratio(i int) (item, int, bool) {
	toks := d.toks
	a, ok := d.ratioTerm(i)
	if !ok || i+2 >= len(toks) {
		return item{}, 0, false
	}
	k := i + 1
	switch {
	case toks[k].lower == "in":
		k++
	case toks[k].lower == "out" && toks[k+1].lower == "of":
		k += 2
	case toks[k].lower == "of" && (toks[k+1].lower == "every" || toks[k+1].lower == "each"):
		k++ // "nine of every ten", as "nine out of every ten"
	default:
		return item{}, 0, false
	}
	if k < len(toks) && (toks[k].lower == "every" || toks[k].lower == "each") {
		k++
	}
	if k >= len(toks) {
		return item{}, 0, false
	}
	last := k
	b, ok := d.ratioTerm(k)
	if !ok && k+1 < len(toks) && (toks[k].lower == "a" || toks[k].lower == "an") {
		// "one in a million"
		b, ok = d.lx.scales[toks[k+1].lower], len(toks[k+1].lower) > 2
		last = k + 1
	}
	if !ok || b <= a || toks[k].kind == tokNum && d.looksLikeDate(k) {
		return item{}, 0, false
	}
	next := last + 1
	head, at := d.countNoun(next)
	if at >= 0 {
		last, next = at, at+1
	}
	first := i
	prefix := ""
	if p, n := d.phraseBefore(i, d.lx.approx); n > 0 {
		prefix, first = p, i-n
	}
	text, s, e := d.span(first, last)
	num := strconv.FormatFloat(a, 'f', -1, 64) + " in " + strconv.FormatFloat(b, 'f', -1, 64)
	value := prefix + num
	if head != "" {
		value += " " + head
	}
	it := item{Fact: Fact{Kind: KindNumber, Text: text, Start: s, End: e, Value: value, Subject: head}, inQ: d.inQ[i] >= 0}
	it.key = strings.TrimSpace(num + " " + singular(head))
	it.slot = "share|" + singular(head)
	return it, next, true
}

// timeTaken reads a time taken written as hours, minutes and seconds with
// colons, "won in 2:04:51", "a 1:32:10 flight": one figure, which the date
// tagger leaves alone (it is no time of day). "2:04:51" → "2:03:40" is a
// change of the figure; the minutes and seconds are not figures of their
// own.
func (d *doc) timeTaken(i int) (item, int, bool) {
	toks := d.toks
	if toks[i].kind != tokNum || len(toks[i].text) > 2 || i+4 >= len(toks) || i > 0 && !toks[i].space {
		return item{}, 0, false
	}
	secs := 0
	for k := i; k <= i+4; k += 2 {
		t := &toks[k]
		if t.kind != tokNum || k > i && (t.space || toks[k-1].space || toks[k-1].text != ":" || len(t.text) != 2) {
			return item{}, 0, false
		}
		v, err := strconv.Atoi(t.text)
		if err != nil || k > i && v > 59 {
			return item{}, 0, false
		}
		secs = secs*60 + v
	}
	if next := i + 5; next < len(toks) && !toks[next].space && (toks[next].kind != tokPunct || toks[next].text == ":") {
		return item{}, 0, false
	}
	if d.inDate(toks[i].start, toks[i+4].end) {
		return item{}, 0, false // "10:15:30 a.m.", a time of day
	}
	text, s, e := d.span(i, i+4)
	it := item{Fact: Fact{Kind: KindNumber, Text: text, Start: s, End: e, Value: text}, inQ: d.inQ[i] >= 0}
	it.key = strconv.Itoa(secs) + " s"
	it.slot = "time taken"
	return it, i + 5, true
}

// denominators are the words of a fraction's parts, singular and plural:
// "a fifth", "two-thirds", "three quarters".
var denominators = map[string]float64{"half": 2, "halves": 2, "third": 3, "thirds": 3,
	"quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}

// numerators are the words that count a fraction's parts.
var numerators = map[string]float64{"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}

// fraction reads a share of a whole written as a fraction at token i:
// "almost a fifth of Ukraine's territory", "two-thirds of voters", "more
// than half of the budget". It is the percentage a story may write
// instead ("nearly 20% of ..."), rounded to a whole percent, so that the
// same share restated is no change. A fraction is kept quiet: it is never
// news added or removed on its own (the labels never count one), only the
// other side of a percentage told the same. Only a fraction "of"
// something is read: "a third term", "the first quarter" are ranks and
// periods, and "a quarter of a million" is an amount (number reads it).
func (d *doc) fraction(i int) (item, int, bool) {
	toks := d.toks
	t := &toks[i]
	// "of" stands one or two tokens on ("half of", "two-thirds of", "two
	// thirds of"): checked first, as this runs on every word of a text
	if t.kind != tokWord || !(i+1 < len(toks) && toks[i+1].lower == "of" || i+2 < len(toks) && toks[i+2].lower == "of") {
		return item{}, 0, false
	}
	var num, den float64
	last := i
	if a, b, ok := strings.Cut(t.lower, "-"); ok {
		num, den = numerators[a], denominators[b]
	} else if t.lower == "half" {
		num, den = 1, 2
		// "the first half of", "a mile and a half": a period, a measure
		if i > 0 {
			switch toks[i-1].lower {
			case "the", "first", "second", "other", "latter", "and", "a", "an":
				return item{}, 0, false
			}
		}
	} else if n := numerators[t.lower]; n > 0 && i+1 < len(toks) {
		num, den, last = n, denominators[toks[i+1].lower], i+1
	}
	if num == 0 || den == 0 || num >= den || last+1 >= len(toks) || toks[last+1].lower != "of" {
		return item{}, 0, false
	}
	if k := last + 2; k+1 < len(toks) && (toks[k].lower == "a" || toks[k].lower == "an") && d.lx.scales[toks[k+1].lower] != 0 {
		return item{}, 0, false
	}
	if d.inDate(toks[i].start, toks[last].end) {
		return item{}, 0, false
	}
	first := i
	prefix := ""
	if p, n := d.phraseBefore(first, d.lx.approx); n > 0 {
		prefix, first = p, first-n
	}
	pct := strconv.FormatFloat(math.Round(100*num/den), 'f', -1, 64)
	head := d.headAfter(last + 1)
	text, s, e := d.span(first, last)
	it := item{Fact: Fact{Kind: KindNumber, Text: text, Start: s, End: e, Value: prefix + pct + " percent", Subject: head},
		inQ: d.inQ[i] >= 0, quiet: true}
	it.key = numberKey(prefix, pct, "percent")
	it.slot = "percent|" + singular(head)
	return it, last + 1, true
}

// pointMove reads a rate's move told in parts of a point at token i: "a
// quarter point", "a quarter-point", "half a point", "half a percentage
// point", "a quarter of a percentage point", "three-quarters of a point".
// It is the figure "0.25 percentage point" gives: a central bank's move
// from "a quarter point" to "half a point" is a change of the figure.
func (d *doc) pointMove(i int) (item, int, bool) {
	toks := d.toks
	t := &toks[i]
	if t.kind != tokWord || t.lower == "" || !strings.ContainsRune("aohtq", rune(t.lower[0])) {
		return item{}, 0, false // most words: checked first, as this runs on every token
	}
	w := t.lower
	if w != "a" && w != "one" && w != "half" && w != "three-quarters" && w != "quarter-point" && w != "half-point" {
		return item{}, 0, false
	}
	word := func(k int) string {
		if k < len(toks) && toks[k].kind == tokWord {
			return toks[k].lower
		}
		return ""
	}
	v, j := 0.0, i
	switch {
	case w == "half" || w == "half-point":
		v, j = 0.5, i+1
	case w == "three-quarters":
		v, j = 0.75, i+1
	case w == "quarter-point":
		v, j = 0.25, i+1
	case word(i+1) == "quarter" || word(i+1) == "quarter-point":
		v, j = 0.25, i+2
	case word(i+1) == "half-point":
		v, j = 0.5, i+2
	default:
		return item{}, 0, false
	}
	if strings.HasSuffix(word(j-1), "-point") {
		j-- // the point is in the word: "a quarter-point cut"
	} else {
		if word(j) == "of" {
			j++
		}
		if word(j) == "a" || word(j) == "an" {
			j++
		}
		if word(j) == "percentage" {
			j++
		}
		if p := word(j); p != "point" && p != "points" {
			return item{}, 0, false
		}
	}
	num := strconv.FormatFloat(v, 'f', -1, 64)
	text, s, e := d.span(i, j)
	it := item{Fact: Fact{Kind: KindNumber, Text: text, Start: s, End: e, Value: num + " pp"}, inQ: d.inQ[i] >= 0}
	it.key = numberKey("", num, "pp")
	it.slot = "pp|"
	return it, j + 1, true
}

// andAHalf reports whether "and a half" stands at token k.
func andAHalf(toks []token, k int) bool {
	return k+2 < len(toks) && toks[k].lower == "and" && toks[k+1].lower == "a" && toks[k+2].lower == "half"
}

// fractionBefore returns the share told right before "a" or "an" at
// token i ("half a million", "a quarter of a million") and the token
// where it starts, or -1.
func fractionBefore(toks []token, i int) (float64, int) {
	if i < 1 || toks[i].lower != "a" && toks[i].lower != "an" || i+1 >= len(toks) {
		return 0, -1
	}
	if toks[i-1].lower == "half" {
		return 0.5, i - 1
	}
	if i < 3 || toks[i-1].lower != "of" {
		return 0, -1
	}
	if toks[i-2].lower == "quarter" && (toks[i-3].lower == "a" || toks[i-3].lower == "one") {
		return 0.25, i - 3
	}
	return 0, -1
}

// ratioTerm reads one side of a share at token i: digits without a
// separator or a decimal point, or a number word, standing alone.
func (d *doc) ratioTerm(i int) (float64, bool) {
	t := &d.toks[i]
	if t.kind == tokNum {
		if strings.ContainsAny(t.text, "./") || i+1 < len(d.toks) && !d.toks[i+1].space && d.toks[i+1].kind != tokPunct {
			return 0, false
		}
		return parseDigits(t.text)
	}
	if t.kind != tokWord || !t.is(clsUnit) || strings.IndexByte(t.lower, '-') >= 0 {
		return 0, false
	}
	v, n := wordsValue(d.lx, []string{t.lower})
	return v, n == 1 && v >= 1
}

// What follows a number: no range, a range of a figure, a range of clock
// times.
const (
	rangeNone = iota
	rangeFigure
	rangeDate
)

// rangeTail reads the high end of a range whose low end (token first on,
// with unit unit, "" or "percent") ends before token j: "4 to 8 inches",
// "1-2 feet", "between 1 and 3 feet", "20% to 30%". The high end must
// carry the unit the low end leaves out: "4 to 8" alone says nothing of
// what is counted. "from 4 to 8" is a change over time ("rose from 4 to
// 8 inches"), not a range, unless it is "anywhere from". A range of clock
// times ("between 8 and 9 p.m.") is a date.
func (d *doc) rangeTail(first, j int, unit string) (item, int, int) {
	toks := d.toks
	if !d.rangeJoin(first, j) {
		return item{}, 0, rangeNone
	}
	k := j + 1
	if toks[k].kind != tokNum && !toks[k].is(clsUnit) {
		return item{}, 0, rangeNone
	}
	if toks[k].kind == tokNum && d.looksLikeDate(k) {
		if unit == "" && !d.looksLikeDate(first) && first > 0 && toks[first-1].lower == "between" {
			return item{}, 0, rangeDate
		}
		return item{}, 0, rangeNone
	}
	hi, next, ok := d.numberAt(k, true)
	if !ok {
		return item{}, 0, rangeNone
	}
	hu := unitOf(&hi)
	if hu == "" || hi.slot == "age|" || unit != "" && hu != unit {
		return item{}, 0, rangeNone
	}
	return hi, next, rangeFigure
}

// wordsGoOn reads the rest of a number spelled out after its scale word,
// which ends at token j with value v: "one hundred and twenty", "two
// thousand five hundred", "three hundred and fifty thousand" (the British
// "and" or none). Each part is less than the scale before it; "and"
// followed by no number word is a list ("one hundred and wounded twenty").
func (d *doc) wordsGoOn(v float64, j int) (float64, int) {
	toks, lx := d.toks, d.lx
	top := lx.scales[toks[j-1].lower]
	scale := top
	for j < len(toks) {
		k := j
		if toks[k].lower == "and" {
			k++
		}
		if k >= len(toks) {
			break
		}
		u, ok := lx.units[toks[k].lower]
		if !ok || u < 1 || u != math.Trunc(u) || toks[k].lower == "dozen" {
			break
		}
		k++
		next := 1.0
		if k < len(toks) && lx.scales[toks[k].lower] != 0 {
			switch sc := lx.scales[toks[k].lower]; {
			case sc < scale:
				next = sc
				k++
			case sc <= top:
				return v, j // "five hundred and three hundred": another number
			}
			// a larger scale scales the whole, below
		}
		if u*next >= scale {
			break
		}
		v, j = v+u*next, k
		if next > 1 {
			scale = next
		}
	}
	// the whole times a larger scale: "three hundred and fifty thousand"
	if j < len(toks) && lx.scales[toks[j].lower] > top && len(toks[j].lower) > 2 {
		v, j = roundSig(v*lx.scales[toks[j].lower]), j+1
	}
	return v, j
}

// tonneScales are the abbreviations of a tonnage with its scale: the
// trade press's "1.2Mt" for "1.2 million tonnes" (not "kt": a speed in
// knots, as pilots and forecasters write it).
var tonneScales = map[string]float64{"mt": 1e6, "gt": 1e9}

// tempGlued reads a temperature's scale glued to its figure, "46.1C",
// "104F", "40°C", "40 °C": the unit and how many tokens it takes, or 0.
// A content word after it makes it a name ("the 5C plan").
func (d *doc) tempGlued(toks []token, j int) (string, int) {
	n := 0
	if j < len(toks) && toks[j].text == "°" {
		n = 1
	} else if j < len(toks) && toks[j].space {
		return "", 0 // "5 C" is no temperature: the letter stands apart
	}
	k := j + n
	if k >= len(toks) || n == 1 && toks[k].space || k+1 < len(toks) && !toks[k+1].space && toks[k+1].kind == tokWord {
		return "", 0
	}
	if k+1 < len(toks) && toks[k+1].kind == tokWord && !d.lx.function[toks[k+1].lower] {
		return "", 0
	}
	switch toks[k].text {
	case "C":
		return "°C", n + 1
	case "F":
		return "°F", n + 1
	}
	return "", 0
}

// fractionGlyphs are the vulgar fractions a figure may end with ("3½").
var fractionGlyphs = map[string]float64{"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1.0 / 3, "⅔": 2.0 / 3}

// roundSig rounds v to twelve significant digits: a figure times its scale
// in binary floating point is off in the last place, and "$8.3 billion"
// must read as "8,300 million" does.
func roundSig(v float64) float64 {
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return v
	}
	p := math.Pow(10, 12-math.Ceil(math.Log10(math.Abs(v))))
	return math.Round(v*p) / p
}

// moneyRangeTail reads the high end of a range of money whose low end, in
// currency cur, ends before token j: "$8.1 billion to $8.3 billion",
// "between €2m and €3m". The range is one figure: a forecast raised moves
// both ends at once.
func (d *doc) moneyRangeTail(first, j int, cur string) (item, int, bool) {
	toks := d.toks
	if !d.rangeJoin(first, j) {
		return item{}, 0, false // "rose from $5 to $10": a change, not a range
	}
	hi, next, ok := d.numberAt(j+1, true)
	if !ok || hi.Start != toks[j+1].start || !isMoney(&hi) || unitOf(&hi) != cur {
		return item{}, 0, false
	}
	return hi, next, true
}

// rangeJoin reports whether token j joins the low end of a range, begun
// at token first, to its high end: "to", a dash between the two with no
// space, "and" after "between"; not "from … to", a change over time,
// unless it is "anywhere from".
func (d *doc) rangeJoin(first, j int) bool {
	toks := d.toks
	if j+1 >= len(toks) || first > 1 && toks[first-1].lower == "from" && toks[first-2].lower != "anywhere" {
		return false
	}
	switch c := toks[j]; c.lower {
	case "to":
		return true
	case "-", "–":
		return !c.space && !toks[j+1].space
	case "and":
		return first > 0 && toks[first-1].lower == "between"
	}
	return false
}

// rangeItem is the range from the low end at token i (its phrase starting
// at token first, value v) to the high end hi, read by rangeTail.
func (d *doc) rangeItem(first, i int, v float64, hi item) item {
	prefix := ""
	if p, n := d.phraseBefore(first, d.lx.approx); n > 0 {
		prefix = p
		first -= n
	} else if first > 0 && d.toks[first-1].lower == "between" {
		first-- // "between 1 and 3 feet" reads as one
	}
	s := d.toks[first].start
	num := strconv.FormatFloat(v, 'f', -1, 64)
	hv := strings.TrimLeft(hi.Value, "~<>=")
	it := item{Fact: Fact{Kind: KindNumber, Text: d.text[s:hi.End], Start: s, End: hi.End,
		Value: prefix + num + "-" + hv, Subject: hi.Subject}, inQ: d.inQ[i] >= 0}
	it.key = num + "-" + hi.key
	it.slot = hi.slot
	return it
}

// scoreNouns may follow a score: "a 3-1 win", "an 81-30 vote".
var scoreNouns = map[string]bool{"win": true, "victory": true, "loss": true, "defeat": true, "lead": true,
	"vote": true, "draw": true, "tie": true, "decision": true, "ruling": true, "majority": true, "record": true, "margin": true}

// pairedNumber reads two numbers written as one: a score or a vote tally
// ("went down 0-2", "voted 81-30") and a height in feet and inches
// ("5’9”"). Read apart, their halves would be bare numbers that say
// nothing.
func (d *doc) pairedNumber(i int) (item, int, bool) {
	toks := d.toks
	if d.tallyTo(i) {
		return d.tally(i)
	}
	if i+2 >= len(toks) || toks[i].kind != tokNum || toks[i+2].kind != tokNum || toks[i+1].space || toks[i+2].space {
		return item{}, 0, false
	}
	if i > 0 && !toks[i].space && (toks[i-1].kind == tokWord || toks[i-1].text == "-") {
		return item{}, 0, false // "COVID-19-19" and the like: a name
	}
	mark := toks[i+1].text
	end, kind := i+2, ""
	switch mark {
	case "-", "–":
		if len(toks[i].text) > 3 || len(toks[i+2].text) > 3 || strings.ContainsAny(toks[i].text+toks[i+2].text, ".,") {
			return item{}, 0, false
		}
		// "1-2 feet" is a range of an amount, read as one below; "a 3-1
		// win" is a score, and so is a tally after its verb, whatever
		// follows ("voted 6-3 late Tuesday")
		tallied := i > 0 && tallyWords[toks[i-1].lower]
		if n := end + 1; !tallied && n < len(toks) && toks[n].kind == tokWord && !toks[n].isCap() &&
			!d.lx.function[toks[n].lower] && !scoreNouns[toks[n].lower] {
			return item{}, 0, false
		}
		if n := end + 1; n < len(toks) && !toks[n].space && toks[n].text == "-" {
			return item{}, 0, false // "3-1-year" …
		}
		kind = "score"
	case "’", "'", "′":
		kind = "height"
		if n := end + 1; n < len(toks) && !toks[n].space && (toks[n].text == "”" || toks[n].text == "\"" || toks[n].text == "″") {
			end = n
		}
	default:
		return item{}, 0, false
	}
	text, s, e := d.span(i, end)
	value := toks[i].text + "-" + toks[i+2].text + " " + kind
	if kind == "height" {
		value = toks[i].text + " ft " + toks[i+2].text + " in"
	}
	first := i
	if p, n := d.phraseBefore(i, d.lx.approx); n > 0 {
		first -= n
		text, s, _ = d.span(first, end)
		value = p + value
	}
	it := item{Fact: Fact{Kind: KindNumber, Text: text, Start: s, End: e, Value: value, Subject: kind}, inQ: d.inQ[i] >= 0}
	it.key = strings.TrimLeft(value, "~<>=")
	if kind == "score" {
		it.key = scoreKey(toks[i].text, toks[i+2].text)
	}
	it.slot = kind + "|"
	// "5’9” or 5’10”": a height given as two guesses is one figure
	if kind == "height" && end+2 < len(toks) && toks[end+1].lower == "or" {
		if alt, next, ok := d.pairedNumber(end + 2); ok && alt.Subject == "height" {
			it.Text, it.End = d.text[it.Start:alt.End], alt.End
			it.Value += " or " + alt.Value
			it.key += " or " + alt.key
			return it, next, true
		}
	}
	return it, end + 1, true
}

// tallyWords before "52 to 48" make it a vote's tally or a score, as
// "52-48" is: "the Senate voted 52 to 48", "the vote was 5 to 4".
var tallyWords = map[string]bool{"vote": true, "voted": true, "votes": true, "tally": true, "passed": true,
	"approved": true, "rejected": true, "ruled": true, "won": true, "beat": true, "defeated": true, "lost": true,
	"score": true, "margin": true, "ruling": true, "decision": true}

// tallyTo reports whether tokens i, i+1, i+2 are a tally written with
// "to" ("voted 52 to 48"): two whole numbers of up to three digits, "to"
// between, a tally word a few words before and no "from" or "between"
// right before (a range), no unit after.
func (d *doc) tallyTo(i int) bool {
	toks := d.toks
	if i+2 >= len(toks) || toks[i].kind != tokNum || toks[i+1].lower != "to" || toks[i+2].kind != tokNum ||
		len(toks[i].text) > 3 || len(toks[i+2].text) > 3 || strings.ContainsAny(toks[i].text+toks[i+2].text, ".,") {
		return false
	}
	if i > 0 && (toks[i-1].lower == "from" || toks[i-1].lower == "between") {
		return false
	}
	if n := i + 3; n < len(toks) && toks[n].kind == tokWord && !toks[n].isCap() && !d.lx.function[toks[n].lower] && !scoreNouns[toks[n].lower] {
		return false // "52 to 48 seats": an amount's range
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if d.endsClause(k) {
			return false
		}
		if tallyWords[toks[k].lower] {
			return true
		}
	}
	return false
}

// tally reads the tally at token i (see tallyTo) as pairedNumber reads
// "52-48": one score, either side first.
func (d *doc) tally(i int) (item, int, bool) {
	toks := d.toks
	text, s, e := d.span(i, i+2)
	it := item{Fact: Fact{Kind: KindNumber, Text: text, Start: s, End: e, Value: toks[i].text + "-" + toks[i+2].text + " score", Subject: "score"},
		inQ: d.inQ[i] >= 0}
	it.key = scoreKey(toks[i].text, toks[i+2].text)
	it.slot = "score|"
	return it, i + 3, true
}

// ageVerbs before a bare number make it an age: "aged 42", "turned 1".
var ageVerbs = map[string]bool{"aged": true, "age": true, "turned": true, "turns": true, "turn": true, "turning": true}

// statesAge reports whether the number at token n (its phrase starting at
// token first, ending before token j, with unit unit) states someone's
// age: "a 42-year-old", "42 years old", "aged 42", "turned 1", or a bare
// number set off by commas after a name ("Smith, 42, of Ohio"), the way
// news writes ages.
func (d *doc) statesAge(first, n, j int, unit string) bool {
	toks := d.toks
	switch unit {
	case "year-old", "years-old":
		return true
	case "years", "year":
		return j < len(toks) && toks[j].lower == "old"
	case "":
	default:
		return false
	}
	if toks[n].kind != tokNum || first != n || n < 2 || strings.ContainsAny(toks[n].text, ".,/") || len(toks[n].text) > 3 {
		return false
	}
	if ageVerbs[toks[n-1].lower] || toks[n-1].lower == "of" && toks[n-2].lower == "age" {
		return true
	}
	// "Smith, 42," "Smith, 42;" "Smith, 42)": the age of the one named,
	// or of the one a person noun names ("The minister, 54, resigned")
	if toks[n-1].text != "," || toks[n-2].kind != tokWord || !toks[n-2].isCap() && !personNouns[toks[n-2].lower] {
		return false
	}
	if n+1 >= len(toks) {
		return true
	}
	switch toks[n+1].text {
	case ",", ";", ")", ".":
		return true
	}
	return false
}

// personNouns name a person whose age may follow between commas.
var personNouns = map[string]bool{"man": true, "woman": true, "boy": true, "girl": true, "suspect": true, "victim": true,
	"driver": true, "officer": true, "minister": true, "president": true, "senator": true, "mother": true, "father": true,
	"son": true, "daughter": true, "wife": true, "husband": true, "teacher": true, "student": true, "worker": true,
	"soldier": true, "resident": true, "pilot": true, "owner": true, "leader": true, "mayor": true, "governor": true,
	"lawmaker": true, "candidate": true, "player": true, "coach": true, "actor": true, "singer": true, "defendant": true,
	"gunman": true, "shooter": true, "survivor": true, "nurse": true, "doctor": true, "journalist": true, "reporter": true}

// scoreKey is the comparison form of the score a-b: "a 0-2 defeat" and "a
// 2-0 defeat" are one result, told from either side.
func scoreKey(a, b string) string {
	x, err1 := strconv.Atoi(a)
	y, err2 := strconv.Atoi(b)
	if err1 == nil && err2 == nil && x < y {
		a, b = b, a
	}
	return a + "-" + b + " score"
}

// tollWords after a count say it counts the dead; tollBefore words before it.
var (
	tollAfter  = map[string]bool{"killed": true, "dead": true, "died": true, "deaths": true, "perished": true, "fatalities": true, "dies": true}
	tollBefore = map[string]bool{"toll": true, "killing": true, "killed": true, "deaths": true, "fatalities": true}
)

// countsTheDead reports whether the number in tokens [first, last] counts
// people killed: a death word within a few tokens after it in the same
// clause ("40 people were killed", "44 dead"), or the toll named before
// it ("the death toll rose to 44", "killing at least 12").
func (d *doc) countsTheDead(first, last int) bool {
	toks := d.toks
	if d.followedBy(last, tollAfter) {
		return true
	}
	for k := first - 1; k >= 0 && k >= first-24; k-- {
		if d.endsClause(k) {
			break
		}
		// "the death toll from the overnight attack on Kyiv rose to 15",
		// "the death toll from a missile strike on the city of Zaporizhzhia
		// on Saturday night has risen to 19": the toll may stand a
		// clause's length away (the clause ends at punctuation); the verbs
		// only near
		if toks[k].lower == "toll" || k >= first-4 && tollBefore[toks[k].lower] || d.numberOfDead(k) {
			return true
		}
	}
	return false
}

// tollNamedBefore reports whether the clause before token first names the
// toll the count at first gives ("the death toll has risen to six",
// "killed in the war to seven"), with no "and" between: in "was killed
// and six Americans were among the wounded" the count begins another
// part of the sentence. An "and" inside the toll's own subject, before
// the verb that gives the count, is none of those: "the death toll from
// a drone and missile attack on Kharkiv rose to seven".
func (d *doc) tollNamedBefore(first int) bool {
	toks := d.toks
	risen := false // a verb of the toll's rise stands between here and first
	for k := first - 1; k >= 0 && k >= first-24; k-- {
		risen = risen || tollRise[toks[k].lower]
		if d.endsClause(k) || toks[k].lower == "and" && !risen {
			return false
		}
		if toks[k].lower == "toll" || k >= first-4 && tollBefore[toks[k].lower] || d.numberOfDead(k) {
			return true
		}
	}
	return false
}

// tollRise holds the verbs that give a toll its figure ("rose to seven").
var tollRise = map[string]bool{"rose": true, "risen": true, "rises": true, "climbed": true, "climbs": true,
	"reached": true, "reaches": true, "jumped": true, "increased": true, "stood": true, "stands": true}

// numberOfDead reports whether token k opens "number of (people|those)"
// and a death word (tollAfter): the toll named as a number, as wire copy
// writes it ("the number of people killed in the attack has climbed to
// 11", "the number of those killed has reached 400").
func (d *doc) numberOfDead(k int) bool { return d.numberOf(k, tollAfter) }

// numberOf reports whether token k opens "number of (people|those)" and a
// word of words.
func (d *doc) numberOf(k int, words map[string]bool) bool {
	toks := d.toks
	if toks[k].lower != "number" || k+2 >= len(toks) || toks[k+1].lower != "of" {
		return false
	}
	w := toks[k+2].lower
	if (w == "people" || w == "those") && k+3 < len(toks) {
		w = toks[k+3].lower
	}
	return words[w]
}

// hurtNamedBefore reports whether the clause before token first names the
// count of the hurt the count at first gives, as a number: "the number of
// injured has risen to at least 19" counts what "14 people were injured"
// did.
func (d *doc) hurtNamedBefore(first int) bool {
	for k := first - 1; k >= 0 && k >= first-12; k-- {
		if d.endsClause(k) {
			return false
		}
		if d.numberOf(k, hurtAfter) {
			return true
		}
	}
	return false
}

// isMeasure reports whether u is the canonical name of a unit of measure
// ("mph", "in", "km").
func (lx *lexicon) isMeasure(u string) bool {
	if u == "" {
		return false
	}
	for _, v := range lx.measure {
		if v == u {
			return true
		}
	}
	return false
}

// numberKey is the comparison form of a number: its value and unit. "About
// 40", "at least 40" and "40" are the same figure told with more or less
// caution, which no reader takes for news; plurals do not matter.
func numberKey(_, num, unit string) string {
	if strings.IndexByte(unit, '-') >= 0 {
		// "a 43-day government-wide shutdown" and "governmentwide":
		// a spelling, not another thing counted
		unit = strings.ReplaceAll(unit, "-", "")
	}
	return num + " " + singular(unit)
}

// sourceNouns name the people a reporter cites.
var sourceNouns = map[string]bool{"source": true, "official": true, "person": true, "diplomat": true,
	"aide": true, "insider": true, "officer": true}

// sourceCues right after them make them the source of the story: "two
// officials told CNN", "two people familiar with the talks".
var sourceCues = map[string]bool{"told": true, "said": true, "say": true, "says": true, "familiar": true,
	"briefed": true, "with": true, "close": true, "who": true, "speaking": true}

// sourcing reports whether a count (tokens first to last, counting unit)
// says how many anonymous sources the story cites ("two officials told
// CNN", "according to three sources"): how the reporter knows, not a
// figure of the story.
func (d *doc) sourcing(first, last int, unit string) bool {
	if !sourceNouns[singular(unit)] {
		return false
	}
	toks := d.toks
	if first >= 2 && toks[first-2].lower == "according" && toks[first-1].lower == "to" {
		return true
	}
	if last+1 >= len(toks) || !sourceCues[toks[last+1].lower] {
		return false
	}
	switch toks[last+1].lower {
	case "with": // "with knowledge of"
		return last+2 < len(toks) && toks[last+2].lower == "knowledge"
	case "close": // "close to the talks"
		return last+2 < len(toks) && toks[last+2].lower == "to"
	case "who": // "who spoke on condition of anonymity"
		return last+2 < len(toks) && (toks[last+2].lower == "spoke" || toks[last+2].lower == "requested" || toks[last+2].lower == "asked")
	}
	return true
}

// weapons follow a calibre: "a 9 mm handgun", "9mm ammunition".
var weapons = map[string]bool{"handgun": true, "pistol": true, "rifle": true, "gun": true, "ammunition": true,
	"ammo": true, "round": true, "rounds": true, "bullet": true, "bullets": true, "cartridge": true,
	"cartridges": true, "shell": true, "shells": true, "revolver": true, "semiautomatic": true, "semi-automatic": true}

// namesCalibre reports whether a number with unit unit, followed by token
// j, names a calibre or a gauge ("a 9 mm handgun", "a .38-caliber
// revolver", "a 12-gauge shotgun"): the name of a kind of weapon, not an
// amount.
func (d *doc) namesCalibre(unit string, j int) bool {
	switch unit {
	case "caliber", "calibre", "gauge":
		return true
	case "mm":
		return j < len(d.toks) && weapons[d.toks[j].lower]
	}
	return false
}

// sentenceStart reports whether token i begins a sentence (or a line).
func (d *doc) sentenceStart(i int) bool {
	if i == 0 {
		return true
	}
	if p := d.toks[i-1]; p.kind == tokPunct && strings.Contains(".!?“\":", p.text) {
		return true
	}
	// after a dateline's dash: "NIAMEY (AFP) - Five European tourists",
	// "KYIV — Three"
	if p := d.toks[i-1]; i >= 2 && p.kind == tokPunct && (p.text == "-" || p.text == "—" || p.text == "–") {
		if q := d.toks[i-2]; q.text == ")" || q.kind == tokWord && q.text == strings.ToUpper(q.text) && len(q.text) > 1 {
			return true
		}
	}
	return strings.IndexByte(d.text[d.toks[i-1].end:d.toks[i].start], '\n') >= 0
}

// counters are lower-case words that number things in a sequence: "day
// 21" of a war, "game 7", "round 3" are labels, not amounts.
var counters = map[string]bool{"day": true, "week": true, "game": true, "round": true, "stage": true, "phase": true,
	"season": true, "episode": true, "page": true, "chapter": true, "level": true}

// namesSomething reports whether the bare number at token i is part of a
// name or a label rather than an amount: after a capitalised word inside a
// sentence ("Chapter 11", "Interstate 80", "Artemis 2", "S&P 500", "Level
// 4"), or next to a slash ("24/7", "9/11").
func (d *doc) namesSomething(i int) bool {
	toks := d.toks
	if i+1 < len(toks) && !toks[i+1].space && toks[i+1].text == "/" {
		return true
	}
	if i == 0 {
		return false
	}
	p := toks[i-1]
	if p.text == "/" && !toks[i].space {
		return true
	}
	if counters[p.text] {
		return true // "on day 21"
	}
	if p.lower == "category" {
		return false // a storm's rating: "a Category 4 storm"
	}
	// "Level 3 of 5": the scale of a label is part of it
	if p.lower == "of" && i >= 2 && toks[i-2].kind == tokNum && d.namesSomething(i-2) {
		return true
	}
	if p.kind != tokWord && p.text != "&" && !strings.HasSuffix(p.text, "&P") {
		return false
	}
	// a function word apart from the number names nothing: "SEATTLE — A
	// 5-mile stretch", the first word after a dateline, is capitalised as
	// a sentence's first (glued, "A320" is a name)
	if !p.isCap() || months[p.lower] || d.lx.function[p.lower] && toks[i].space {
		return false
	}
	// the first word of a sentence is capitalised anyway: "Nearly 40 …"
	if i >= 2 {
		// (not after a quotation closed by a comma: "…needs," District 837
		// business representative Tom Boelling said)
		if b := toks[i-2]; b.kind == tokPunct && strings.Contains(".!?“\"", b.text) && !(b.text == "\"" && i >= 3 && toks[i-3].text == ",") {
			return false
		}
		if strings.IndexByte(d.text[toks[i-2].end:p.start], '\n') >= 0 {
			return false
		}
	} else {
		return false
	}
	_, approx := d.lx.approx[p.lower]
	return !approx
}

// othersOf returns what "others" counts in "one person was killed and 12
// others were hurt", "killing 12 people and wounding 30 others": the noun
// of the count before it in the sentence, so that "30 others" and
// "Another 30 people" are one figure. It returns "" when no count stands
// before it ("killing the pilot and injuring two others").
func (d *doc) othersOf(first int) string {
	toks := d.toks
	for k := first - 1; k >= 0 && k >= first-40; k-- {
		switch toks[k].text {
		case ".", "!", "?":
			return ""
		}
		if !d.mayStartNumber(k) {
			continue
		}
		if _, _, _, next, _, ok := d.numberCore(k); ok {
			if h, _ := d.countNoun(next); h != "" && h != "others" {
				return h
			}
		}
	}
	return ""
}

// Singular strips an English plural ending ("countries" → "country"), the
// way number slots are keyed; package timeline keys its threads the same way.
func Singular(w string) string { return singular(w) }

// singular strips an English plural ending.
func singular(w string) string {
	switch {
	case w == "people":
		return "person"
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ss"):
		return w
	case strings.HasSuffix(w, "s") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// numberCore reads digits or number words at token i. It returns the value,
// a vague word ("dozens") instead of a value, the next token, whether the
// number was written so that it must be a number, and ok.
func (d *doc) numberCore(i int) (v float64, vague, suffix string, next int, explicit, ok bool) {
	lx, toks := d.lx, d.toks
	t := toks[i]
	if t.kind == tokNum {
		f, ok := parseDigits(t.text)
		if !ok || isSlashLabel(t.text) {
			return 0, "", "", 0, false, false
		}
		// "29th", "1st": ordinals are not amounts; "the 90s", "the
		// ’60s", "in their 20s": a decade of years or of a life, a
		// time or an age bracket, is no count of anything
		if i+1 < len(toks) && !toks[i+1].space {
			switch toks[i+1].lower {
			case "st", "nd", "rd", "th", "s":
				return 0, "", "", 0, false, false
			}
		}
		// "3½": a fraction glyph glued to the digits is part of the figure
		if i+1 < len(toks) && !toks[i+1].space {
			if frac, ok := fractionGlyphs[toks[i+1].text]; ok {
				return f + frac, "", "", i + 2, true, true
			}
		}
		return f, "", "", i + 1, true, true
	}
	if t.kind != tokWord {
		return 0, "", "", 0, false, false
	}
	if t.is(clsVague) {
		w := lx.vague[t.lower]
		j := i + 1
		// "tens of thousands", "hundreds of thousands"
		if j+1 < len(toks) && toks[j].lower == "of" && lx.vague[toks[j+1].lower] != "" {
			w += " of " + toks[j+1].lower
			j += 2
		} else if j < len(toks) && strings.HasPrefix(toks[j].lower, "of") && lx.vague[toks[j].lower[2:]] != "" {
			// glued by the scraper: "tens ofthousands"
			w += " of " + toks[j].lower[2:]
			j++
		}
		return 0, w, "", j, true, true
	}
	// "a dozen", "a half", "a million"
	if (t.lower == "a" || t.lower == "an") && i+1 < len(toks) {
		n := toks[i+1].lower
		if n == "half" && i > 0 && toks[i-1].lower == "and" {
			// "a mile and a half", "a week and a half": the half of
			// what stands before, no figure of its own
			return 0, "", "", 0, false, false
		}
		if n == "dozen" || n == "half" {
			return lx.units[n], "", "", i + 2, true, true
		}
		if s, ok := lx.scales[n]; ok && len(n) > 2 {
			return s, "", "", i + 2, true, true
		}
		// "more than a foot of snow", "about a mile away", "a mile and
		// a half from the home": one unit, hedged or with its half, is
		// a measure; a bare "a foot" is no figure
		if _, m := d.phrase(i+1, lx.measure); m > 0 {
			if _, approx := d.phraseBefore(i, lx.approx); approx > 0 || andAHalf(toks, i+1+m) {
				return 1, "", "", i + 1, true, true
			}
		}
		return 0, "", "", 0, false, false
	}
	if !t.is(clsUnit) && strings.IndexByte(t.lower, '-') < 0 {
		return 0, "", "", 0, false, false // the common case: not a number word
	}
	parts := strings.Split(t.lower, "-") // "twenty-five", "three-and-a-half-year-old"
	total, used := wordsValue(lx, parts)
	if used == 0 {
		return 0, "", "", 0, false, false
	}
	if used < len(parts) && total != 1 {
		// the rest of the word is the unit: "-year-old"
		return total, "", strings.Join(parts[used:], "-"), i + 1, true, true
	}
	j := i + 1
	if len(parts) == 1 && total >= 20 && j < len(toks) {
		if u, ok := lx.units[toks[j].lower]; ok && u < 10 {
			total += u
			j++
		}
	}
	explicit = false
	// "two dozen", "three dozen": a multiple of twelve
	if len(parts) == 1 && total > 1 && total < 20 && j < len(toks) && toks[j].lower == "dozen" {
		total *= 12
		j++
	}
	// "three and a half"
	if j+2 < len(toks) && toks[j].lower == "and" && toks[j+1].lower == "a" && toks[j+2].lower == "half" {
		total += 0.5
		j += 3
		explicit = true
	}
	// "one" is usually a pronoun or an article ("one side"): keep it only
	// with a scale or a fraction, for a casualty ("one person was
	// killed"), or hedged before a unit ("more than one kilometer"). "At
	// least one home", "at least one reported tornado" say that there was
	// one, not how many; "about one fundamental principle" is about it.
	if total == 1 && !explicit {
		_, approx := d.phraseBefore(i, lx.approx)
		scaled := j < len(toks) && lx.scales[toks[j].lower] != 0
		if !scaled && !(j < len(toks) && (casualtyNouns[toks[j].lower] || d.oneCasualty(j))) && (approx == 0 || !d.unitAt(j)) && !d.listedCount(i) {
			return 0, "", "", 0, false, false
		}
		explicit = true
	}
	if j < len(toks) && lx.scales[toks[j].lower] != 0 && len(toks[j].lower) > 2 {
		explicit = true
	}
	return total, "", "", j, explicit, true
}

// oneCasualty reports whether the noun at token j, after "one", is a
// casualty the clause goes on to count: "One skier was killed", "one
// firefighter was injured". The death or the hurt must follow the noun
// and its verb closely; "one side was hurt" is rare enough.
func (d *doc) oneCasualty(j int) bool {
	toks := d.toks
	if toks[j].kind != tokWord || d.lx.function[toks[j].lower] || j+1 >= len(toks) {
		return false
	}
	switch toks[j+1].lower {
	case "was", "is", "has", "had", "died", "dies":
	default:
		return false
	}
	return d.followedBy(j, tollAfter) || d.followedBy(j, hurtAfter)
}

// listedCount reports whether "one" at token i, before a noun, is an item
// of a list of counts: another count stands right before the comma or
// "and" that precedes it ("three Colombians, one Russian", "two full
// paychecks and one partial paycheck", "two breakfasts, one lunch").
func (d *doc) listedCount(i int) bool {
	toks := d.toks
	if i < 3 || i+1 >= len(toks) || toks[i+1].kind != tokWord || d.lx.function[toks[i+1].lower] ||
		strings.HasSuffix(toks[i+1].lower, "ing") {
		return false // "four investigations, one involving a child": one of them
	}
	if i+2 < len(toks) && toks[i+2].lower == "of" {
		return false // "59 votes, one short of the 60 needed": a margin
	}
	k := i - 1
	if toks[k].text != "," && toks[k].lower != "and" {
		return false
	}
	for m := k - 1; m >= 0 && m >= k-4; m-- {
		t := &toks[m]
		if t.kind == tokPunct {
			return false
		}
		if m < k-1 && (t.kind == tokNum && !d.looksLikeDate(m) || t.kind == tokWord && t.is(clsUnit) && d.lx.units[t.lower] >= 1) {
			return true
		}
	}
	return false
}

// unitAt reports whether a unit of measure, a percentage or a currency
// word stands at token j.
func (d *doc) unitAt(j int) bool {
	if j >= len(d.toks) {
		return false
	}
	if _, n := d.phrase(j, d.lx.measure); n > 0 {
		return true
	}
	if _, n := d.phrase(j, d.lx.percent); n > 0 {
		return true
	}
	return d.lx.curWord[d.toks[j].lower] != ""
}

// isSlashLabel reports whether digits around a slash are a label, not a
// fraction: "24/7", "9/11". A fraction is less than one ("1/2", "3/4")
// unless a whole number comes first ("3-1/2").
func isSlashLabel(s string) bool {
	a, b, ok := strings.Cut(s, "/")
	if !ok || strings.ContainsAny(s, "-.,") {
		return false
	}
	n, err1 := strconv.Atoi(a)
	m, err2 := strconv.Atoi(b)
	return err1 == nil && err2 == nil && n >= m
}

// parseDigits parses "90", "1,000", "3.5", "1/2" and "3-1/2".
func parseDigits(s string) (float64, bool) {
	s = strings.ReplaceAll(s, ",", "")
	if strings.ContainsAny(s, "'’") {
		s = strings.NewReplacer("'", "", "’", "").Replace(s) // "1'500'000", the Swiss grouping
	}
	whole := 0.0
	if a, b, ok := strings.Cut(s, "-"); ok {
		w, err := strconv.ParseFloat(a, 64)
		if err != nil {
			return 0, false
		}
		whole, s = w, b
	}
	if a, b, ok := strings.Cut(s, "/"); ok {
		n, err1 := strconv.ParseFloat(a, 64)
		m, err2 := strconv.ParseFloat(b, 64)
		if err1 != nil || err2 != nil || m == 0 {
			return 0, false
		}
		return whole + n/m, true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	return whole + f, true
}

// looksLikeDate reports whether the digits at token i are a year, a day
// next to a month or a clock time.
func (d *doc) looksLikeDate(i int) bool {
	toks := d.toks
	t := toks[i]
	if len(t.text) == 4 && t.text >= "1800" && t.text <= "2199" {
		return true
	}
	if i > 0 {
		p := i - 1
		if toks[p].text == "." && p > 0 {
			p--
		}
		if (months[toks[p].lower] && toks[p].isCap()) || toks[p].text == ":" || gluedMonth(toks[p].text) {
			return true
		}
	}
	if i+1 < len(toks) {
		n := toks[i+1]
		if months[n.lower] && n.isCap() || (n.text == ":" && !n.space) {
			return true
		}
		switch n.lower {
		case "a.m.", "p.m.", "am", "pm", "gmt", "utc", "a.m", "p.m":
			return true
		}
	}
	return false
}

// gluedMonth reports whether a word ends in a capitalised month glued to
// it by the scraper ("singerApril" of "the singer April 16").
func gluedMonth(w string) bool {
	for k := len(w) - 3; k > 0; k-- {
		if c := w[k]; c >= 'A' && c <= 'Z' {
			return months[strings.ToLower(w[k:])] && w[k-1] >= 'a' && w[k-1] <= 'z'
		}
	}
	return false
}

// phrase matches the longest phrase of m starting at token i and returns
// its value and length in tokens.
func (d *doc) phrase(i int, m map[string]string) (string, int) {
	best, bn := "", 0
	for n := 1; n <= 3 && i+n-1 < len(d.toks); n++ {
		if v, ok := d.lookupWords(m, i, i+n-1); ok {
			best, bn = v, n
		}
	}
	return best, bn
}

// phraseBefore matches the longest phrase of m ending just before token i.
func (d *doc) phraseBefore(i int, m map[string]string) (string, int) {
	best, bn := "", 0
	for n := 1; n <= d.lx.approxMax && i-n >= 0; n++ {
		if v, ok := d.lookupWords(m, i-n, i-1); ok {
			best, bn = v, n
		}
	}
	return best, bn
}

// lookupWords looks up in m the lower-case words of tokens s to e joined
// by single spaces, the form phrases are keyed by, without building a
// string: where the tokens stand one space apart in the text the key is
// a slice of d.lower, and otherwise ("5%", "km/h") it is put together in
// a stack buffer, which a map index by string(bytes) does not copy.
func (d *doc) lookupWords(m map[string]string, s, e int) (string, bool) {
	toks := d.toks
	for k := s; k < e; k++ {
		if d.text[toks[k].end:toks[k+1].start] != " " {
			var buf [64]byte
			b := buf[:0]
			for k := s; k <= e; k++ {
				if k > s {
					b = append(b, ' ')
				}
				b = append(b, toks[k].lower...)
			}
			if v, ok := m[string(b)]; ok {
				return v, ok
			}
			// a phrase written glued, as the lexicon holds it: "km/h"
			b = b[:0]
			for k := s; k <= e; k++ {
				if k > s && toks[k].start > toks[k-1].end {
					b = append(b, ' ')
				}
				b = append(b, toks[k].lower...)
			}
			v, ok := m[string(b)]
			return v, ok
		}
	}
	v, ok := m[d.lower[toks[s].start:toks[e].end]]
	return v, ok
}

// countNoun returns the noun counted by a number ending before token j and
// its index (-1 when none): "four people", "dozens of civilians", "three
// Ukrainian soldiers".
func (d *doc) countNoun(j int) (string, int) {
	toks := d.toks
	if j < len(toks) && toks[j].lower == "of" {
		j++
		if j < len(toks) && d.lx.function[toks[j].lower] {
			j++
		}
	}
	// glued hyphen: "3-1/2-year-old"
	hyphen := false
	if j+1 < len(toks) && toks[j].text == "-" && !toks[j].space {
		j, hyphen = j+1, true
	}
	for k := 0; k < 3 && j < len(toks); k, j = k+1, j+1 {
		t := toks[j]
		if t.kind != tokWord {
			return "", -1
		}
		if t.isCap() && (plural(t.lower) && !d.nounFollows(j+1) || k == 0 && d.toks[j-1].lower == "one" && d.phraseEnds(j+1)) {
			// a people named by a capitalised word that ends the
			// phrase: "six Americans were among them", "two Brazilians
			// and one Canadian", "two other Americans held"
			return t.lower, j
		}
		if t.isCap() || t.lower == "other" {
			continue // "Ukrainian soldiers", "a dozen other plants"
		}
		if d.lx.function[t.lower] || d.lx.units[t.lower] != 0 {
			return "", -1
		}
		// "three different locations", "99.8 million tax returns", "four
		// misdemeanor counts": a word before a plural noun qualifies it
		// ("the 12-year-old boys" stays an age: the hyphen made the unit),
		// and so do two or three ("two senior government officials",
		// "two law enforcement officials", "two top Iranian religious
		// leaders", "more than 46,000 uniformed TSA workers")
		if !hyphen && !plural(t.lower) && !casualtyNouns[t.lower] && !irregularPlurals[t.lower] {
			if n, ok := d.pluralAhead(j + 1); ok {
				return toks[n].lower, n
			}
		}
		if timeAdverbs[t.lower] {
			// "injured 17 overnight", "wounded 23 yesterday": when it
			// happened, the thing counted left out
			return "", -1
		}
		return t.lower, j
	}
	return "", -1
}

// shapeWords after a number and a hyphen make an adjective of kind ("a
// three-way meeting", "two-sided", "a three-pronged attack"), no count.
var shapeWords = map[string]bool{"way": true, "sided": true, "pronged": true, "party": true, "tier": true, "tiered": true}

// timeAdverbs say when, never what is counted: a count before one names
// no thing ("injured 17 overnight"), unless a plural noun follows it
// ("three overnight shifts").
var timeAdverbs = map[string]bool{"overnight": true, "yesterday": true, "today": true, "tonight": true,
	"tomorrow": true, "earlier": true, "later": true}

// nounFollows reports whether token n goes on the phrase of the
// capitalised word before it: another capitalised word ("Texas Rangers")
// or a plural noun ("Kansas City residents" ends in one).
func (d *doc) nounFollows(n int) bool {
	if n >= len(d.toks) || d.toks[n].kind != tokWord || !d.toks[n].space {
		return false
	}
	t := &d.toks[n]
	return t.isCap() || d.pluralNoun(n) || irregularPlurals[t.lower]
}

// phraseEnds reports whether a noun phrase ends before token n: the text
// ends, or punctuation or a function word stands there ("one Canadian,",
// "one Russian and", not "one Dutch national").
func (d *doc) phraseEnds(n int) bool {
	if n >= len(d.toks) {
		return true
	}
	t := &d.toks[n]
	return t.kind != tokWord || d.lx.function[t.lower]
}

// irregularPlurals are plural nouns without the ending "s".
var irregularPlurals = map[string]bool{"children": true, "people": true, "men": true, "women": true}

// pluralAhead returns the plural noun at token n or after one or two
// more qualifying words: words of their own (a space before each), no
// function words, no verb forms in -ed or -ing ("police arrested
// suspects" is no noun phrase).
func (d *doc) pluralAhead(n int) (int, bool) {
	for k := n; k < len(d.toks) && k <= n+2; k++ {
		if d.pluralNoun(k) {
			return k, true
		}
		t := &d.toks[k]
		if t.kind != tokWord || !t.space || d.lx.function[t.lower] || irregularPlurals[t.lower] || t.is(clsUnit) ||
			strings.HasSuffix(t.lower, "ed") || strings.HasSuffix(t.lower, "ing") || t.is(clsSpeech) {
			return 0, false
		}
	}
	return 0, false
}

// plural reports whether a lower-case word looks like a plural noun.
func plural(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us")
}

// pluralNoun reports whether token n is a plural noun that a word before
// it may qualify: a lower-case word after a space, plural in form, and no
// verb of speech ("one official says").
func (d *doc) pluralNoun(n int) bool {
	t := &d.toks[n]
	return t.kind == tokWord && t.space && !t.isCap() && plural(t.lower) && !d.lx.function[t.lower] && !t.is(clsSpeech)
}

// headAfter returns the first content word after an amount: "$90 billion
// worth of US weapons" -> "weapons".
func (d *doc) headAfter(j int) string {
	for k := 0; k < 5 && j < len(d.toks); k, j = k+1, j+1 {
		t := d.toks[j]
		if t.kind != tokWord {
			if t.text == "," || t.text == "." || t.text == ";" {
				return ""
			}
			continue
		}
		if t.isCap() || d.lx.function[t.lower] || t.lower == "worth" {
			continue
		}
		return t.lower
	}
	return ""
}

// wordsValue reads number words from the start of parts ("twenty", "five";
// "three", "and", "a", "half") and returns the value and how many parts it
// used.
func wordsValue(lx *lexicon, parts []string) (float64, int) {
	total, n := 0.0, 0
	for n < len(parts) {
		p := parts[n]
		u, ok := lx.units[p]
		if !ok || p == "half" || p == "dozen" || (n > 0 && (total < 20 || u >= 10)) {
			break
		}
		total += u
		n++
	}
	if n > 0 && n+2 < len(parts) && parts[n] == "and" && parts[n+1] == "a" && parts[n+2] == "half" {
		total += 0.5
		n += 3
	}
	return total, n
}

// toldAgain reports whether the other version's text states the figure
// it in the very same words, what is counted included ("two cosmic
// bands"), though its extraction there read no figure ("the two cosmic
// bands" names a known group): the reader saw those words before. A bare
// number says too little to tell. A small figure in digits there and in
// words here, or the other way round, is the same words in another house
// style ("about 1 cent", "about one cent"): AP and most papers spell out
// one to nine, wires and British papers often do not.
func toldAgain(text string, it *item) bool {
	if strings.IndexByte(it.Text, ' ') <= 0 {
		return false
	}
	if containsWord(text, it.Text) {
		return true
	}
	restyled, changed := smallFiguresSwapped(it.Text)
	return changed && containsWord(text, restyled)
}

// fractionWords are the common fractions a story writes for a rounded
// percentage: "weakened by about a third" is "weakened by about 33%".
// Half is told only as a cut by half: "half" alone stands in too many
// sentences ("the first half", "half an hour").
var fractionWords = map[int][]string{
	10: {"a tenth", "one tenth", "one-tenth"},
	20: {"a fifth", "one fifth", "one-fifth"},
	25: {"a quarter", "one quarter", "one-quarter"},
	33: {"a third", "one third", "one-third"},
	50: {"by half", "halved"},
	66: {"two-thirds", "two thirds"},
	67: {"two-thirds", "two thirds"},
	75: {"three quarters", "three-quarters"},
}

// isPercent reports whether a figure is a percentage.
func isPercent(it *item) bool {
	_, unit, _ := strings.Cut(it.key, " ")
	return unit == "percent"
}

// fractionSaid reports whether percentage it, a whole or rounded one, is
// a common fraction that lower, a text lower-cased, says in words
// (fractionWords): the same share in another style, which fraction does
// not read unless a share "of" something. it is a percentage (isPercent).
func fractionSaid(lower string, it *item) bool {
	num, _, _ := strings.Cut(it.key, " ")
	v, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return false
	}
	words := fractionWords[int(math.Round(v))]
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if containsWord(lower, w) {
			return true
		}
	}
	return false
}

// spelledIn reports whether a bare whole number from 11 to 99 ("who was
// 45") stands in text in words ("who was forty-five", "Forty five"), read
// as wordsValue reads number words: the same value in another house style,
// which extraction reads no figure from, as a bare figure in words says
// too little to tell. Only a removed or added bare figure asks, rarely.
func (lx *lexicon) spelledIn(text string, it *item) bool {
	if strings.IndexByte(it.Text, ' ') >= 0 {
		return false
	}
	n, err := strconv.Atoi(strings.TrimSpace(it.key))
	if err != nil || n < 11 || n > 99 {
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) })
	for i := range words {
		// a number's own start: not the "five" of "forty five"
		if v, k := wordsValue(lx, words[i:]); k > 0 && v == float64(n) && (i == 0 || lx.units[words[i-1]] == 0) {
			return true
		}
	}
	return false
}

// smallFiguresSwapped returns s with each figure from 1 to 10 written in
// words and each such word written in digits ("about 1 cent" -> "about
// one cent"), and whether any changed.
func smallFiguresSwapped(s string) (string, bool) {
	ws := strings.Split(s, " ")
	changed := false
	for i, w := range ws {
		if f, ok := figureWords[w]; ok {
			ws[i], changed = f, true
		} else if d, ok := figureDigits[w]; ok {
			ws[i], changed = d, true
		}
	}
	return strings.Join(ws, " "), changed
}

// figureDigits writes the small figures of figureWords back in digits.
var figureDigits = func() map[string]string {
	m := make(map[string]string, len(figureWords))
	for d, w := range figureWords {
		m[w] = d
	}
	return m
}()

// bareCrowd reports whether the vague amount at token i (its phrase
// starting at token first) counts no named thing: "millions went to
// work", "thousands poured in to attend", "for millions in the Midwest".
// A vague amount names what it counts after "of" ("thousands of
// protesters"); bare, it sizes a crowd or a population, not a figure of
// the story, unless it counts the people a disaster struck ("killing
// dozens", "dozens more were injured", "thousands were evacuated").
func (d *doc) bareCrowd(first, i int) bool {
	toks := d.toks
	if i+1 >= len(toks) {
		return false
	}
	switch w := toks[i+1].lower; {
	case strings.HasPrefix(w, "of"):
		// "thousands of protesters", "hundreds of thousands" (a
		// figure's size told whole), glued "thousands ofprotesters"
		return false
	case w == "more" || w == "others" || w == "other":
		return false // "dozens more across the region"
	}
	// the object of a verb ("spent millions", "cost billions", "drew
	// thousands") may be the figure itself; a crowd stands as a subject
	// or after a preposition ("as millions went", "for millions in")
	if first > 0 && toks[first-1].kind == tokWord && !toks[first-1].is(clsFunction) {
		return false
	}
	// "thousands were evacuated", "hundreds fled", "dozens missing": the
	// people a disaster struck, however few words name them
	for k := i + 1; k < len(toks) && k <= i+4 && toks[k].kind != tokPunct; k++ {
		if w := toks[k].lower; tollWord(w) || w == "fled" || w == "rescued" || w == "stranded" {
			return false
		}
	}
	return !d.countsTheDead(first, i) && !d.countsTheHurt(i)
}

// modalBefore are the words that make the next word a verb: "could top",
// "to top", "will not top".
var modalBefore = map[string]bool{
	"could": true, "would": true, "will": true, "may": true, "might": true, "can": true,
	"should": true, "must": true, "to": true, "not": true, "never": true, "likely": true,
}
