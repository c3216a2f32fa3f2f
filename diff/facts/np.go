package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// pronouns that stand for a person or an organisation named before.
var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true, "i": true}

// skippable are words that may stand between a subject and its verb.
var skippable = map[string]bool{
	"has": true, "have": true, "had": true, "did": true, "does": true, "do": true, "is": true,
	"are": true, "was": true, "were": true, "will": true, "would": true, "could": true, "may": true,
	"might": true, "can": true, "should": true, "must": true, "not": true, "never": true, "also": true,
	"both": true, "all": true, "still": true, "previously": true, "now": true, "again": true,
	"already": true, "then": true, "later": true, "no": true, "longer": true,
	"reportedly": true, "apparently": true, "initially": true, "firmly": true, "flatly": true,
	"publicly": true, "repeatedly": true, "once": true, "swiftly": true, "quickly": true, "be": true,
	"been": true, "even": true, "ultimately": true, "just": true, "immediately": true, "yet": true, "instead": true,
}

// hedges are words that make a stance tentative; "will likely insist",
// "would probably back" are a forecast, as "is likely to insist" is (see
// forecast).
var hedges = map[string]bool{"could": true, "may": true, "might": true, "would": true, "possibly": true, "perhaps": true,
	"likely": true, "probably": true}

// negations flip a stance.
var negations = map[string]bool{"not": true, "never": true, "no": true}

// isNeg reports whether a word token negates ("not", "didn't", "won’t").
func isNeg(lower string) bool {
	return negations[lower] || strings.HasSuffix(lower, "n't") || strings.HasSuffix(lower, "n’t")
}

// objectControl verbs take an object that is the subject of the next
// infinitive: "urged Trump to insist" -> Trump insists.
var objectControl = map[string]bool{
	"urge": true, "urged": true, "urges": true, "urging": true, "ask": true, "asked": true,
	"asks": true, "told": true, "tell": true, "tells": true, "pressed": true, "press": true,
	"invited": true, "want": true, "wants": true, "wanted": true, "persuaded": true,
	"pushed": true, "encouraged": true, "called": true,
}

// np is a noun phrase: tokens [from, to].
type np struct{ from, to int }

// npBefore returns the noun phrase ending just before token i, within
// tokens lo..i-1: a run of capitalised words, maybe with a lower-case head
// ("European leaders") or title ("Kremlin aide Yuri Ushakov"), or a
// pronoun. ok is false when there is none.
func (d *doc) npBefore(i, lo int) (np, bool) {
	toks := d.toks
	k := i - 1
	to := k
	// a number that ends a name: "Teamsters Local 727", "Apollo 11" (not
	// a date's: "a letter from ICE on January 8 asking her")
	if k-1 >= lo && toks[k].kind == tokNum && toks[k].space && toks[k-1].kind == tokWord && toks[k-1].isCap() && !toks[k-1].is(clsFunction) &&
		!d.inDate(toks[k].start, toks[k].end) {
		k--
	}
	if k < lo || toks[k].kind != tokWord {
		return np{}, false
	}
	if pronouns[toks[k].lower] && k == to {
		return np{k, k}, true
	}
	head := k // the name's last word
	caps := 0
	for ; k >= lo && toks[k].kind == tokWord; k-- {
		t := toks[k]
		if t.isCap() {
			if t.is(clsFunction) && t.lower != "us" {
				break // "The", "But" at sentence start
			}
			if hasPoss(t.text) && k != head && caps == 0 {
				break
			}
			caps++
			continue
		}
		if t.is(clsFunction | clsSpeech) {
			break
		}
		// a media office as the head: "the Kremlin press service", "the
		// White House press office"
		if k == head && k-2 >= lo && pressNouns[t.lower] && toks[k-1].lower == "press" && toks[k-2].isCap() && !toks[k-2].is(clsFunction) {
			k--
			continue
		}
		// lower-case head ("European leaders") or title ("Kremlin aide
		// Yuri Ushakov"): only right after a capitalised word
		if k-1 >= lo && toks[k-1].isCap() && (!toks[k-1].is(clsFunction) || toks[k-1].lower == "us") && (k == head || d.lx.titles[t.lower]) {
			continue
		}
		break
	}
	if caps == 0 {
		return d.institutionBefore(i, lo)
	}
	from := k + 1
	// coordination: "Merz and French President Emmanuel Macron"
	if from-2 >= lo && toks[from-1].lower == "and" && toks[from-2].isCap() {
		if p, ok := d.npBefore(from-1, lo); ok {
			from = p.from
		}
	}
	return np{from, to}, true
}

// institutionBefore returns a lower-case actor ending just before token i:
// an actor noun ("ministry", "lawmakers") with at most one modifier and a
// determiner before it: "the school", "the state ministry", "its board",
// "lawmakers".
func (d *doc) institutionBefore(i, lo int) (np, bool) {
	toks := d.toks
	k := i - 1
	if k < lo || toks[k].kind != tokWord || !d.lx.actorNouns[toks[k].lower] {
		return np{}, false
	}
	from := k
	for m := k - 1; m >= lo && m >= k-2 && toks[m].kind == tokWord; m-- {
		switch l := toks[m].lower; {
		case l == "the" || l == "its" || l == "their" || l == "his" || l == "her" || l == "a" || l == "an":
			return np{m, k}, true
		case toks[m].isCap() && hasPoss(toks[m].text):
			return np{m, k}, true // "Dunn’s office", "Trump’s campaign"
		case toks[m].is(clsFunction | clsSpeech):
			return np{from, k}, true
		default:
			from = m // a modifier: "state", "federal", "Pentagon"
		}
	}
	if from != k {
		return np{}, false // modifiers without a determiner: "the new" …
	}
	return np{k, k}, true // a bare plural: "lawmakers", "officials"
}

// npAfter returns the capitalised noun phrase starting at token i
// ("said Kremlin aide Yuri Ushakov").
func (d *doc) npAfter(i, hi int) (np, bool) {
	toks := d.toks
	if i >= hi || !toks[i].isCap() || toks[i].is(clsFunction) {
		if i < hi && pronouns[toks[i].lower] {
			return np{i, i}, true
		}
		return np{}, false
	}
	k := i
	for k+1 < hi && toks[k+1].kind == tokWord && (toks[k+1].isCap() ||
		(k+2 < hi && toks[k+2].isCap() && d.lx.titles[toks[k+1].lower])) {
		k++
	}
	return np{i, k}, true
}

// npText returns the words of a noun phrase as written.
func (d *doc) npText(p np) string { return d.text[d.toks[p.from].start:d.toks[p.to].end] }

// actorKey is the comparison form of an actor or speaker: its last
// capitalised word without possessive ("Kremlin aide Yuri Ushakov" ->
// "ushakov", "Russia's Foreign Ministry" -> "ministry").
func actorKey(name string) string {
	// The words of name are read from the end, as strings.Fields would
	// split them, without making the slice of them: actorKey is asked of
	// most sentences.
	last, seen := "", false
	for end := len(name); end > 0; {
		r, w := utf8.DecodeLastRuneInString(name[:end])
		if unicode.IsSpace(r) {
			end -= w
			continue
		}
		start := end - w
		for start > 0 {
			r, w := utf8.DecodeLastRuneInString(name[:start])
			if unicode.IsSpace(r) {
				break
			}
			start -= w
		}
		f := name[start:end]
		if !seen {
			last, seen = f, true
		}
		w2 := undot(stripPoss(strings.Trim(f, keyTrim)))
		if w2 != "" && w2[0] >= 'A' && w2[0] <= 'Z' && !isDeterminer(w2) {
			return strings.ToLower(stripPoss(w2))
		}
		end = start
	}
	// no name: the head noun ("the ministry", "The two sides")
	if seen {
		return strings.ToLower(stripPoss(strings.Trim(last, keyTrim)))
	}
	return strings.ToLower(name)
}

// keyTrim are the characters trimmed off a word of a name before it keys
// an actor: punctuation, and the zero-width spaces, joiners and marks a
// page may carry before a name ("Keir \u200bStarmer"), which the
// tokenizer skips but the name's text keeps.
const keyTrim = ",.;:\u200b\u200c\u200d\u2060\ufeff"

// isDeterminer reports whether w is an article or possessive determiner
// ("The", "Its"), which starts an actor's name but does not key it.
func isDeterminer(w string) bool {
	for _, d := range [...]string{"the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those"} {
		if strings.EqualFold(w, d) {
			return true
		}
	}
	return false
}

// resolve turns a pronoun subject into the last named person.
func (d *doc) resolve(p np) string {
	if p.from == p.to && pronouns[d.toks[p.from].lower] {
		return d.lastPerson
	}
	name := d.npText(p)
	if !d.toks[p.to].isCap() {
		// "the ministry" acts but is no person a later "he" could mean
		return name
	}
	d.lastPerson, d.lastPersonAt = name, d.toks[p.from].start
	return name
}

// orgOf returns the organisation an actor speaks for, lower-cased, when
// the name says so: "Kremlin spokesman Dmitry Peskov" → "kremlin", "the
// State Department's spokesperson" → "department". "" otherwise.
func orgOf(name string) string {
	f := strings.Fields(name)
	for i := 1; i < len(f); i++ {
		if !english().titles[strings.ToLower(f[i])] {
			continue
		}
		w := stripPoss(strings.Trim(f[i-1], ",.;:"))
		if w != "" && w[0] >= 'A' && w[0] <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return ""
}

// undot drops the points of a dotted abbreviation ("U.S" as trimmed, "U.K"),
// which house styles write with or without them: the actor is the same.
func undot(w string) string {
	if strings.IndexByte(w, '.') < 0 {
		return w
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c != '.' && (c < 'A' || c > 'Z') {
			return w
		}
	}
	return strings.ReplaceAll(w, ".", "")
}

// qualifiedHead returns the noun phrase a day or a place qualifies when p
// is that day or place after a preposition: "Anthropic on Thursday said",
// "the Chinese embassy in Washington said", "Taliban authorities in
// Afghanistan have issued": the speaker or actor is the phrase before the
// preposition, the day or the place is when or where. Else p.
func (d *doc) qualifiedHead(p np, lo int) np {
	toks := d.toks
	j := p.from - 1
	if j-1 < lo || !isPrep(toks[j].lower) || toks[j-1].kind != tokWord || !d.dayOrPlace(p) {
		return p
	}
	if q, ok := d.npBefore(j, lo); ok && !pronouns[toks[q.from].lower] {
		return q
	}
	return p
}

// dayOrPlace reports whether a noun phrase is a weekday, a month or a
// place of the gazetteer.
func (d *doc) dayOrPlace(p np) bool {
	if p.from == p.to {
		w := d.toks[p.from].lower
		if monthNames[w] || weekdayName(w) {
			return true
		}
	}
	_, ok := d.lx.placeByName[d.text[d.toks[p.from].start:d.toks[p.to].end]]
	return ok
}
