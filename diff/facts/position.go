package facts

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/storywatch/storywatch/diff/facts/timex"
)

// nounMarkers before a stance word make it a noun ("Trump's offer", "the
// support of"), not a verb.
var nounMarkers = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "his": true, "her": true,
	"its": true, "their": true, "our": true, "my": true, "your": true, "of": true, "for": true,
	"with": true, "by": true, "in": true, "on": true, "any": true, "no": true, "new": true,
	"public": true, "such": true, "whose": true, "military": true, "financial": true,
}

// objectStops end the object of a stance verb.
var objectStops = map[string]bool{
	"after": true, "before": true, "while": true, "but": true, "because": true, "as": true,
	"if": true, "instead": true, "which": true, "who": true, "when": true, "within": true,
	"during": true, "until": true, "and": true, "or": true, "since": true, "though": true,
	"although": true, "unless": true, "saying": true, "adding": true, "so": true,
}

// matchStance returns the longest stance phrase at token k: its class,
// the index of its last token and whether it counts only negated.
func (d *doc) matchStance(k, hi int) (string, int, bool, bool) {
	cls, end, ok, negOnly := "", 0, false, false
	if !d.toks[k].is(clsStance) {
		return cls, end, ok, negOnly // most words start no stance phrase
	}
	for _, e := range d.lx.stance[d.toks[k].lower] {
		j := k + 1
		matched := true
		for _, w := range e.words[1:] {
			if w == "*" {
				if j < hi && j+1 < hi && d.toks[j].kind == tokWord {
					j++ // one optional word; the next word must still match
				}
				continue
			}
			if j >= hi || d.toks[j].lower != w {
				matched = false
				break
			}
			j++
		}
		if matched && (!ok || j-1 > end) {
			cls, end, ok, negOnly = e.class, j-1, true, e.negOnly
		}
	}
	return cls, end, ok, negOnly
}

// namedNounBefore reports whether up to three capitalised words stand
// right before token k, an article before them: "a Reuters", "an AP",
// "the White House". Not a plural name ("the Democrats oppose") nor one
// joined to another ("the EU and the US agree"): their verbs agree.
func namedNounBefore(toks []token, k, from int) bool {
	j := k - 1
	for j >= from && j >= k-3 && toks[j].kind == tokWord && toks[j].isCap() {
		j--
	}
	if j == k-1 || j < from || j-1 >= from && (toks[j-1].lower == "and" || toks[j-1].lower == "or") {
		return false
	}
	switch toks[j].lower {
	case "a", "an":
		return true
	case "the":
		return !strings.HasSuffix(toks[k-1].lower, "s")
	}
	return false
}

// position reads a stance verb at token k: actor, verb phrase, object.
func (d *doc) position(k int, s sent, actors []string) (item, bool) {
	toks := d.toks
	class, vend, ok, negOnly := d.matchStance(k, s.to)
	if !ok {
		return item{}, false
	}
	if k > s.from {
		p := toks[k-1]
		if (nounMarkers[p.lower] && holdBack(toks, k-1, s.from) == 0) || (p.kind == tokWord && hasPoss(p.text)) {
			return item{}, false
		}
		// a capitalised stance word inside a sentence is part of a name:
		// "White House Press Secretary", "the Associated Press" (not in a
		// text set all in capitals)
		if toks[k].isCap() && p.kind == tokWord && hasLower(toks[k].text) {
			return item{}, false
		}
		// "the GOP offer", "a redistricting plan to proceed": the bare form
		// after a singular noun is a noun itself, as a verb it would agree
		// ("the GOP offers")
		if d.singularNoun(k-1, s) && isBareStance(d.lx, toks[k].lower) {
			return item{}, false
		}
		// "insisted that Trump lift his blockade", "should Trump order
		// an attack", "Local support from …": the bare form after one
		// name is no verb the name agrees with (it would be "Trump
		// lifts"), but a demand's content, a condition or a noun
		if isBareStance(d.lx, toks[k].lower) && d.singleName(k, s) {
			return item{}, false
		}
		// "a Reuters request for comment", "the White House offer": the
		// bare form after a name that an article opens is a noun the name
		// qualifies (in a text set all in capitals every word looks like
		// a name)
		if isBareStance(d.lx, toks[k].lower) && hasLower(toks[k].text) && namedNounBefore(toks, k, s.from) {
			return item{}, false
		}
	}
	// bare "back" is too often an adverb ("came back"): require an object
	if toks[k].lower == "back" && vend == k {
		if k+1 >= s.to || !(toks[k+1].isCap() || nounMarkers[toks[k+1].lower]) {
			return item{}, false
		}
	}
	// "the EPA press secretary", "a Pentagon press briefing": "press"
	// before a noun it names is the news media, no verb
	if toks[k].lower == "press" && vend == k && k+1 < s.to && pressNouns[toks[k+1].lower] {
		return item{}, false
	}
	// "pressed on with efforts", "pressed ahead with plans": kept going,
	// no demand of anyone
	if strings.HasPrefix(toks[k].lower, "press") && vend == k && k+1 < s.to && (toks[k+1].lower == "ahead" ||
		toks[k+1].lower == "on" && (k+2 >= s.to || toks[k+2].lower == "with" || toks[k+2].kind == tokPunct)) {
		return item{}, false
	}
	// "considers China to be its rival", "considered to be unsinkable":
	// a view held, no matter weighed. Not "considering", which weighs, nor
	// a passive after "to be": "a proposal to be put to shareholders" is
	// the matter weighed.
	if strings.HasPrefix(toks[k].lower, "consider") && toks[k].lower != "considering" && d.toBeFollows(vend+1, s) {
		return item{}, false
	}
	// "refused to accept": the inner verb, negated, carries the stance
	if isRefusal(toks[k].lower) && vend+2 < s.to && toks[vend+1].lower == "to" {
		inner := vend + 2
		if strings.HasSuffix(toks[inner].lower, "ly") && inner+1 < s.to {
			inner++ // "declined to specifically discuss"
		}
		if _, _, ok, _ := d.matchStance(inner, s.to); ok {
			return item{}, false
		}
	}
	// the words between subject and verb: negation, hedges, auxiliaries
	g := k - 1
	neg, hedge, passive := false, false, false
	past := false // "had promised", "had been urging", "previously pledged"
	first := k
scan:
	for g >= s.from && toks[g].kind == tokWord && !toks[g].isCap() &&
		(skippable[toks[g].lower] || isNeg(toks[g].lower) || d.isAdverb(toks[g].lower)) {
		l := toks[g].lower
		switch {
		case isNeg(l):
			neg = !neg
			first = g
			if g-1 >= s.from && skippable[toks[g-1].lower] && !hedges[toks[g-1].lower] && !(copulas[toks[g-1].lower] && d.adjectival(k)) {
				first = g - 1 // "did not", "has not"; "not aware", not "were not aware"
			}
		case hedges[l]:
			// "would not say", "could not agree": a refusal, no hedge
			hedge = hedge || !(neg && (l == "would" || l == "could"))
			first = g
		case l == "was" || l == "were" || l == "been" || l == "is" || l == "are" || l == "be":
			passive = strings.HasSuffix(toks[k].lower, "ed")
		case l == "had" && (strings.HasSuffix(toks[k].lower, "ed") || strings.HasSuffix(toks[k].lower, "ing")):
			past = true // not "had no plans to": "had" is its main verb
		case anterior[l]:
			past = true // "has previously pledged", "initially suggested"
		}
		g--
	}
	// "only then would Putin be ready to meet": a modal put before the
	// subject by inversion hedges the stance as it does after it
	if h := g; !hedge {
		for h >= s.from && toks[h].kind == tokWord && toks[h].isCap() {
			h--
		}
		hedge = h >= s.from && h < g && hedges[toks[h].lower]
	}
	if g-1 >= s.from && toks[g].lower == "to" && isRefusal(toks[g-1].lower) {
		neg, first = !neg, g-1
		g -= 2
		goto scan
	}
	// "has yet to decide", "is yet to endorse": not done so far, as "has
	// not yet decided" is; a stance still pending, not one taken
	if g-2 >= s.from && toks[g].lower == "to" && toks[g-1].lower == "yet" && yetAux[toks[g-2].lower] {
		neg, first = !neg, g-2
		g -= 3
		goto scan
	}
	// "remained open to", "remains willing to": a stance held on, as "is
	// open to" is (the subject was read as "Putin remains", or not found)
	if g >= s.from && heldOn[toks[g].lower] && d.adjectival(k) {
		first = g
		g--
		goto scan
	}
	// "stopped short of endorsing", "refrained from backing": the gerund's
	// stance, not taken
	if n := holdBack(toks, g, s.from); n > 0 && strings.HasSuffix(toks[k].lower, "ing") {
		neg, first = !neg, g-n+1
		g -= n
		goto scan
	}
	// "would not say", "declined to disclose": only a refusal is a stance
	if negOnly && !neg {
		return item{}, false
	}
	// "Trump had promised to come to their aid", "Supporters had been
	// urging": a stance told as the story's history, not its news. A
	// refusal or no reply stays one ("had not responded by Friday",
	// "hadn’t yet decided whether"), and so does reported speech, whose
	// past perfect is only the tense shifted back ("Merz said Putin had
	// agreed"). Such a stance is kept quiet: no news on its own, but the
	// same stance when an edit retells it as news ("had promised" ->
	// "promised").
	history := past && !neg && class != "respond" && class != "comment" && class != "outreach" && !d.reported(k, s)
	if !history && !neg && class != "respond" && class != "comment" && class != "outreach" {
		if p, ok := d.npBefore(g+1, s.from); ok && p.from-1 >= s.from && subordinators[toks[p.from-1].lower] || d.withAbsolute(k, s) {
			history = true
		} else if g >= s.from && toks[g].lower == "and" && d.timeClauseBefore(g, s) {
			history = true
		}
	}
	// "targeted and threatened by all parties", "a law approved by
	// parliament": a participle before "by" is passive without its "was"
	if !passive && strings.HasSuffix(toks[vend].lower, "ed") && vend+1 < s.to && toks[vend+1].lower == "by" {
		passive = true
	}
	byAgent := passive && vend+1 < s.to && toks[vend+1].lower == "by"
	if class == "accept" && strings.HasPrefix(toks[k].lower, "pass") && !d.legislationAfter(vend, s) {
		// "passed a $7.1 billion budget" approves it; "passed the ball",
		// "passed away", "passed through Kyiv" are no stance
		return item{}, false
	}
	if class == "act" && !d.officialAct(k, vend, g, passive, s) {
		// "Richmond Public Schools will be closed Monday", "I-80 is
		// closed": the decision told by the state of what was closed
		return d.closure(k, g, s)
	}
	// "officials issued an evacuation order", "an evacuation order was
	// issued": only a directive is issued as a stance, not a statement,
	// a report or a storm warning
	dFrom, dTo := -1, -1
	if strings.HasPrefix(toks[k].lower, "issu") {
		if passive && !byAgent {
			dFrom, dTo = d.directiveBefore(g, s)
		} else if !passive {
			dFrom, dTo = d.directiveAfter(vend+1, s)
		}
		if dTo < 0 {
			return item{}, false
		}
	}
	// "will be considered targets", "has not been confirmed", "had been
	// threatened": without its agent a passive states no one's stance,
	// unless it reports a decision ("was granted", "were ordered")
	if passive && !byAgent && !passiveDecision(class, toks[k].lower) {
		return item{}, false
	}
	if dTo >= 0 && passive {
		return d.directive(k, vend, dFrom, dTo, neg, s)
	}
	// "plans to ask for more", "agreed to accept": the stance of the verb
	// before "to" holds this one; object control ("urged Trump to
	// insist") has an object between, and a refusal its own rule
	if g == k-1 && g-1 >= s.from && toks[g].lower == "to" && d.stanceEndsAt(g, s) {
		return item{}, false
	}
	// "pressure for Congress to reach a deal", "called for Russia to
	// withdraw": what someone wants another to do, no stance the other took
	if g-1 >= s.from && toks[g].lower == "to" && (g-2 >= s.from && toks[g-2].lower == "for" || g-3 >= s.from && toks[g-3].lower == "for" && isDeterminer(toks[g-2].lower)) {
		return item{}, false
	}
	// "was hard to accept": an adjective's infinitive has no actor
	if g-1 >= s.from && toks[g].lower == "to" && toughAdjectives[toks[g-1].lower] {
		return item{}, false
	}
	// "unable to agree", "would need more to support the plan", "has to
	// ask for", "did not know who to support": what one cannot or must
	// do, or a choice still open, is no stance taken
	if g-1 >= s.from && toks[g].lower == "to" && d.untaken(g-1, s) {
		return item{}, false
	}
	// "seemed to suggest", "appeared to back", "went so far as to
	// dismiss": a stance the writer reads into the actor, not one stated;
	// "is expected to approve", "is set to welcome": a forecast, hedged
	if g-1 >= s.from && toks[g].lower == "to" {
		switch {
		case apparent[toks[g-1].lower]:
			return item{}, false
		case failed[toks[g-1].lower]:
			// "failed to reach an agreement": the stance not taken
			neg, first = !neg, g-1
		case forecast[toks[g-1].lower]:
			hedge = true
			// "is not expected to endorse", "is unlikely to back": the
			// forecast's own negation is the stance's, as "has not
			// endorsed" is ("is expected to endorse" is the opposite)
			if toks[g-1].lower == "unlikely" {
				neg, first = !neg, g-1
			}
			for h := g - 2; h >= s.from && h >= g-4 && toks[h].kind == tokWord && !toks[h].isCap(); h-- {
				if l := toks[h].lower; isNeg(l) {
					neg, first = !neg, h
					if h-1 >= s.from && copulas[toks[h-1].lower] {
						first = h - 1 // "is not expected to"
					}
					break
				} else if !skippable[l] && !d.isAdverb(l) {
					break
				}
			}
		}
	}
	if d.hypothetical(g, s) || d.backgroundOf(s, vend) {
		return item{}, false
	}
	// "lawmakers who have opposed the rule": the stance says whom the
	// sentence is about, told before, so it is no news when it comes or
	// goes; but the same people's stance turned ("who have supported the
	// rule") is a fact changed, so it is kept quiet rather than dropped
	if d.restrictive(g, s) {
		history = true
	}
	actor := ""
	switch {
	case byAgent:
		if p, ok := d.npAfter(vend+2, s.to); ok {
			actor = d.resolve(p)
		}
	case g >= s.from && toks[g].lower == "to":
		// "urged the government to offer refuge", "wants Iran to accept":
		// what one actor asks of another, who has taken no stance yet
		if p, ok := d.npBefore(g, s.from); ok && p.from-1 >= s.from {
			c := p.from - 1
			if isDeterminer(toks[c].lower) && c-1 >= s.from {
				c-- // "urging the Australian government to"
			}
			if objectControl[toks[c].lower] {
				return item{}, false
			}
		}
		actor = d.infinitiveSubject(g, s, actors)
	default:
		actor = d.subjectBefore(g+1, s, actors)
		// "EU governments on Thursday approved": the day is no actor,
		// the subject stands before its preposition
		// "Iran last week denied": so is a date of other words before
		// a finite verb (a participle, "a letter in January offering",
		// has no subject there)
		if h := g; (d.isTimeName(actor) || actor == "" && h >= s.from && d.inDate(toks[h].start, toks[h].end) && !strings.HasSuffix(toks[k].lower, "ing")) && h-1 >= s.from {
			for h >= s.from && (d.isTimeName(toks[h].text) || toks[h].kind == tokNum || timePreps[toks[h].lower] || d.inDate(toks[h].start, toks[h].end)) {
				h-- // "on Thursday", "on March 3": not "Trump" before it
			}
			actor = d.subjectBefore(h+1, s, actors)
		}
	}
	if actor == "" || isDemonym(actor) || d.isTimeName(actor) || d.commonOpener(actor, s) {
		return item{}, false // "Russian demands": a noun after an adjective
	}
	// "the prime minister had no plans to resign" after "Prime Minister
	// Keir Starmer …": the one named with the title before holds the
	// stance, whichever way a version names him
	named := byAgent
	sayer := ""
	if p, ok := d.npBefore(g+1, s.from); ok && !pronouns[toks[p.from].lower] && d.npText(p) == actor {
		named = true
		if !byAgent {
			sayer = d.sayerOf(p.from, s)
			if sayer == "" {
				sayer = d.sayerAfter(k, s)
			}
		}
	}
	// (named still: the title names the holder, no actor was guessed)
	if h := d.titleHolder(actor, s); h != "" {
		actor = h
	}
	// object: up to 8 tokens, to the first clause boundary
	j := vend + 1
	if j < s.to && (toks[j].lower == "to" || toks[j].lower == "for" || toks[j].lower == "on") && class != "propose" {
		j++
	}
	oFrom, oTo := j, j-1
	for ; j < s.to && j-oFrom < 8; j++ {
		t := toks[j]
		if d.inQ[j] >= 0 || t.kind == tokPunct && t.text != "-" && t.text != "$" && t.text != "%" ||
			objectStops[t.lower] || (t.lower == "to" && j > oFrom) {
			break
		}
		oTo = j
	}
	object := ""
	var owords []string
	if oTo >= oFrom {
		object, _, _ = d.span(oFrom, oTo)
		owords = d.objectWords(oFrom, oTo+1)
	}
	// "responded to the attacks", "responded with humor": an act, not a
	// reply to the story; a reply answers a request ("did not respond to
	// a request for comment", "responded to CNN's questions")
	if class == "respond" && !neg && !d.asksForReply(oFrom, oTo) {
		return item{}, false
	}
	// "insisted that the party is unified": a claim; "insist that Putin
	// agree", "insist on a ceasefire": a demand
	if strings.HasPrefix(toks[k].lower, "insist") && d.claimFollows(vend+1, s) {
		return item{}, false
	}
	// "officials confirmed four staff had been injured", "acknowledged
	// that …": a fact stated, never news on its own; it is still the
	// other side of a change of the speaker's stance ("declined to
	// comment" → "confirmed that preparations were under way").
	// "confirmed the deaths" stays a stance
	// "…, the agency confirmed." (see tagEnds): a tag that confirms the
	// statement it ends is a fact stated, kept quiet like one; a tag that
	// denies it ("…, the ministry denied.") is a stance
	tag := !neg && d.tagEnds(vend, oFrom, oTo, s) && d.taggedSubject(g, s)
	if p, ok := d.npBefore(g+1, s.from); tag && ok {
		// a tag is about the statement it ends: its words are the
		// matter, so a tag turned ("confirmed" -> "denied") pairs
		owords = d.objectWords(s.from, p.from)
	}
	// praise is kept quiet (see the lexicon): never news on its own
	stated := class == "praise" || class == "confirm" && !neg && (tag || vend+1 < s.to && toks[vend+1].lower == "that" || d.claimFollows(vend+1, s) || d.subjectFollows(vend+1, s))
	// "suggested that a photo may have been faked", "suggested they
	// hadn’t had a plan": what was the case, a claim; "suggested troops
	// could be deployed", "suggested he’d like him to return" propose
	if strings.HasPrefix(toks[k].lower, "suggest") && !neg && d.factClause(vend+1, s) {
		return item{}, false
	}
	// "an official, who asked not to be named, said": a source's terms
	// for speaking, no stance on a matter
	if strings.HasPrefix(toks[k].lower, "ask") && d.anonymity(vend+1, s) {
		return item{}, false
	}
	// "asked the neighbors to submit footage", "asked for privacy": a
	// request; "asked about the deal", "asked if": a question
	// "warned its citizens to avoid travel" is a demand too; "warned
	// that", "warned of" a claim
	if (strings.HasPrefix(toks[k].lower, "ask") || strings.HasPrefix(toks[k].lower, "warn")) && vend == k && !d.requestFollows(k+1, s) {
		return item{}, false
	}
	// "warned it would respond to any attack": a threat, read with the
	// speaker's plans (see intention), not a request
	if strings.HasPrefix(toks[k].lower, "warn") && vend+2 < s.to && pronouns[toks[vend+1].lower] &&
		(toks[vend+2].lower == "would" || toks[vend+2].lower == "will" || toks[vend+2].lower == "could") {
		return item{}, false
	}
	// "doesn’t want it", "does not want the deal": a view of a matter;
	// "didn’t want to get into it" tells how one spoke, and "doesn’t want
	// Iran to …" asks something of another
	if strings.HasPrefix(toks[k].lower, "want") && (vend+1 >= s.to || toks[vend+1].lower == "to" || g >= s.from && toks[g].lower == "to" || d.requestFollows(vend+1, s)) {
		return item{}, false
	}
	// "requested anonymity": how a source spoke, not a request of news
	if class == "demand" && oTo >= oFrom && toks[oTo].lower == "anonymity" {
		return item{}, false
	}
	// "offered condolences", "offered little detail": words given, not a
	// proposal
	if class == "propose" && strings.HasPrefix(toks[k].lower, "offer") {
		for j := oFrom; j <= oTo && j < oFrom+3; j++ {
			if expressive[toks[j].lower] {
				return item{}, false
			}
		}
	}
	// "set to welcome millions of visitors", "colleagues welcomed her
	// back": people received, a host's or a greeting, not a matter backed
	// ("welcomed the release", "welcomed the decision")
	if strings.HasPrefix(toks[k].lower, "welcom") {
		for j := oFrom; j <= oTo; j++ {
			// "back" makes people received only right after them, one
			// word ("welcomed her back", "welcomed Smith back"), not after
			// a matter ("welcomed Moscow's step back from its demands")
			if guestWords[toks[j].lower] && (toks[j].lower != "back" || j == oFrom+1) {
				return item{}, false
			}
		}
	}
	// "The concern, Pistole suggested, is …", "…, Starmer confirmed.": a
	// stance verb used as the tag of a statement
	if tag && class != "confirm" && class != "reject" {
		return item{}, false
	}
	// "…, suggesting broader objectives": what a fact suggests, not a
	// proposal of anyone's
	if class == "propose" && strings.HasPrefix(toks[k].lower, "suggest") && strings.HasSuffix(toks[k].lower, "ing") && k-1 >= s.from && toks[k-1].text == "," {
		return item{}, false
	}
	if class == "outreach" {
		return d.outreach(k, vend, oFrom, oTo, actor, neg, s)
	}
	stance := class
	if neg {
		switch class {
		case "accept", "support":
			stance = "reject"
		case "reject":
			stance, hedge = "accept", true // "did not rule out"
		default:
			stance = "not " + class
		}
	}
	if hedge || class == "consider" {
		stance += "?"
	}
	tend := vend
	if toks[tend].lower == "that" && tend > k {
		tend-- // "ruled", as a reader quotes it
	}
	// "Trumprefuses to say": a word glued on by the scraper (see deglue)
	// is quoted whole, as the reader sees it
	if first > s.from && !toks[first].space && toks[first-1].kind == tokWord {
		first--
	}
	if tend+1 < s.to && !toks[tend+1].space && toks[tend+1].kind == tokWord && toks[tend].kind == tokWord {
		tend++ // "consideringa plan": the glued word too
	}
	if dTo > tend {
		tend = dTo // "issued an evacuation advisory", as a reader quotes it
	}
	if class == "charge" && neg {
		// "have not charged him with any offense": no charge brought, and
		// none a later version can be said to change
		return item{}, false
	}
	charged := class == "charge" && oTo >= oFrom
	if charged {
		// the charge, up to when or where it was brought: "with murder
		// on Monday" is the charge of murder
		for c := oFrom + 1; c <= oTo; c++ {
			if chargeEnds[toks[c].lower] {
				oTo = c - 1
				break
			}
		}
		tend = max(tend, oTo) // "charged him with manslaughter": the charge is the news
	}
	text, st, en := d.span(first, tend)
	value := stance
	if object != "" {
		value += ": " + object
	}
	key := stanceGroup(stance)
	if c := closureKey(toks[k].lower); class == "act" && c != "" && naturalCause(actor) {
		// "Heavy snow closed all schools", "Storm Amy shut the bridge":
		// what the weather did, no one's decision
		return item{}, false
	}
	if c := closureKey(toks[k].lower); class == "act" && c != "" {
		// "closed the highway" → "reopened the highway": a closure
		// undone is a decision changed, not the same act
		key = c
		owords = append(owords, d.facilityWords(oFrom, oTo)...)
	}
	if dTo >= 0 {
		// what was issued is the decision: an evacuation advisory
		// turned into a warning is another
		key += ": " + d.lower[toks[dFrom].start:toks[dTo].end]
	}
	if charged {
		// a charge changed is another decision: murder → manslaughter
		key += ": " + d.lower[toks[oFrom].start:toks[oTo].end]
	}
	return item{
		Fact:  Fact{Kind: KindPosition, Text: text, Start: st, End: en, Value: value, Subject: actor},
		key:   key,
		slot:  actorKey(actor),
		sayer: actorKey(sayer),
		words: owords,
		loose: !named,
		quiet: history || stated,
	}, true
}

// sayerOf returns who reports the clause whose subject begins at token
// from: the subject of a verb of saying right before it, maybe with its
// hearer and "that" between ("Lavrov said Moscow was open to talks",
// "Peskov told reporters that the Kremlin had not agreed"), or "". Wire
// copy has an official tell his state's or his office's stance this way,
// and tell it as his own in another version ("Lavrov ruled out talks").
func (d *doc) sayerOf(from int, s sent) string {
	toks := d.toks
	k := from - 1
	if k >= s.from && toks[k].lower == "that" {
		k--
	}
	for k >= s.from && toks[k].kind == tokWord && !toks[k].isCap() && (d.isAdverb(toks[k].lower) || laterAdverbs[toks[k].lower]) {
		k-- // "told reporters afterwards that"
	}
	if k-1 >= s.from && (toks[k].isCap() || toks[k].lower == "reporters") && tellVerbs[toks[k-1].lower] {
		k--
	}
	if k < s.from || !saying(toks[k]) {
		return ""
	}
	g := d.beforeVerb(k-1, s)
	if q, ok := d.npBefore(g+1, s.from); ok && !pronouns[toks[q.from].lower] {
		return d.resolve(q)
	}
	return ""
}

// sayerAfter returns who reports the clause of the verb at token k when
// the sentence ends with its attribution: "Poland will not send soldiers
// to western Ukraine, Prime Minister Donald Tusk said on Thursday", ",
// said Tusk". Wire copy tells a state's stance this way as often as with
// "Tusk said Poland would not".
func (d *doc) sayerAfter(k int, s sent) string {
	toks := d.toks
	for c := s.to - 1; c > k; c-- {
		if toks[c].text != "," || d.inQ[c] >= 0 {
			continue
		}
		m := c + 1
		if m < s.to && saying(toks[m]) {
			// ", said Tusk"
			if q, ok := d.npAfter(m+1, s.to); ok && !pronouns[toks[q.from].lower] {
				return d.resolve(q)
			}
			return ""
		}
		for v := m + 1; v < s.to && v <= m+8; v++ {
			if saying(toks[v]) {
				if q, ok := d.npBefore(v, m); ok && q.from == m && !pronouns[toks[q.from].lower] {
					return d.resolve(q)
				}
				return ""
			}
		}
		return ""
	}
	return ""
}

// beforeVerb steps back from token g, right before a verb of saying, over
// what may stand between the verb and its subject: auxiliaries and
// adverbs (skippable), and the time it was said ("The Kremlin on Tuesday
// said it was considering", "Peskov late Monday said"). It returns the
// token the subject ends at.
func (d *doc) beforeVerb(g int, s sent) int {
	toks := d.toks
	for g >= s.from {
		switch {
		case skippable[toks[g].lower]:
			g--
		case d.inDate(toks[g].start, toks[g].end):
			g--
			for g >= s.from && d.inDate(toks[g].start, toks[g].end) {
				g--
			}
			if g >= s.from && timePreps[toks[g].lower] {
				g--
			}
		default:
			return g
		}
	}
	return g
}

// timeClauseBefore reports whether the "and" at token g joins a verb to
// a clause opened by "when", "once" or "because" with no comma between:
// "last met in Istanbul on July 23, when their delegations talked for an
// hour and agreed to a swap". The second verb shares the clause's subject
// and its time, an earlier event told as background, as the first
// subject after a subordinator is. "After", "before" and "since" are as
// often prepositions ("walked out after talks and rejected"), so they are
// left out.
func (d *doc) timeClauseBefore(g int, s sent) bool {
	toks := d.toks
	for j := g - 1; j >= s.from && j >= g-15; j-- {
		t := toks[j]
		if t.kind == tokPunct || d.inQ[j] >= 0 {
			return false
		}
		switch t.lower {
		case "when", "once", "because":
			return true
		}
	}
	return false
}

// laterAdverbs tell when something was said without -ly: "told reporters
// afterwards that".
var laterAdverbs = map[string]bool{"afterwards": true, "afterward": true, "later": true, "again": true}

// pressNouns follow "press" as the news media in a compound noun: "press
// secretary", "press briefing".
var pressNouns = map[string]bool{
	"secretary": true, "secretaries": true, "briefing": true, "briefings": true, "conference": true,
	"conferences": true, "release": true, "releases": true, "office": true, "officer": true,
	"officers": true, "aide": true, "aides": true, "freedom": true, "corps": true, "pool": true,
	"gallery": true, "room": true, "availability": true, "call": true, "statement": true,
	"statements": true, "event": true, "credentials": true, "access": true, "team": true,
	// "the Kremlin press service", "the ministry's press department": a
	// state body's media office, as Russian, Ukrainian and Chinese outlets
	// name it
	"service": true, "services": true, "department": true, "centre": true, "center": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "desk": true,
}

// directiveNouns are what an authority issues as a decision: "an
// evacuation order", "a curfew", "a decree". A warning counts when it is
// no forecast product ("a new warning", "evacuation warnings", not "a
// tornado warning").
var directiveNouns = map[string]bool{
	"order": true, "orders": true, "decree": true, "decrees": true, "directive": true, "directives": true,
	"advisory": true, "advisories": true, "curfew": true, "curfews": true, "mandate": true, "ban": true,
	"ultimatum": true, "closure": true, "closures": true, "warning": true, "warnings": true,
}

// directiveMods may stand before "warning" in a directive: a determiner
// or one of these.
var directiveMods = map[string]bool{"evacuation": true, "travel": true, "new": true, "similar": true, "stern": true, "fresh": true, "final": true}

// directiveAt reports whether token i heads a directive.
func (d *doc) directiveAt(i int, s sent) bool {
	t := d.toks[i]
	if t.kind != tokWord || !directiveNouns[t.lower] {
		return false
	}
	if strings.HasPrefix(t.lower, "warning") {
		return i-1 >= s.from && (directiveMods[d.toks[i-1].lower] || isDeterminer(d.toks[i-1].lower))
	}
	return true
}

// directiveAfter returns the directive that "issued" takes as its object
// from token j on: a determiner and up to three modifiers, then the head
// ("an evacuation advisory", "a full closure"); the span from the first
// modifier to the head, or -1, -1.
func (d *doc) directiveAfter(j int, s sent) (int, int) {
	from := j
	if from < s.to && isDeterminer(d.toks[from].lower) {
		from++
	}
	for m := from; m < s.to && m <= from+3; m++ {
		if d.toks[m].kind != tokWord || d.inQ[m] >= 0 {
			break
		}
		if d.directiveAt(m, s) {
			return from, m
		}
	}
	return -1, -1
}

// directiveBefore returns the directive that ends at token g as the
// subject of "was issued" ("an evacuation order was issued"): its
// modifiers and head, or -1, -1.
func (d *doc) directiveBefore(g int, s sent) (int, int) {
	if g < s.from || !d.directiveAt(g, s) {
		return -1, -1
	}
	from := g
	for from-1 >= s.from && d.toks[from-1].kind == tokWord && !isDeterminer(d.toks[from-1].lower) &&
		!d.toks[from-1].is(clsFunction) && from > g-3 {
		from--
	}
	return from, g
}

// directive reads a directive issued in the passive, "an evacuation order
// was issued for the North Shore": the issuer goes unnamed, so the
// directive itself is the slot.
func (d *doc) directive(k, vend, dFrom, dTo int, neg bool, s sent) (item, bool) {
	if neg {
		return item{}, false // "no order has been issued"
	}
	toks := d.toks
	name := d.lower[toks[dFrom].start:toks[dTo].end]
	oFrom, oTo := vend+1, vend
	for j := oFrom; j < s.to && j < oFrom+8; j++ {
		t := toks[j]
		if d.inQ[j] >= 0 || t.kind == tokPunct && t.text != "-" || objectStops[t.lower] {
			break
		}
		oTo = j
	}
	value := "order"
	if oTo >= oFrom {
		o, _, _ := d.span(oFrom, oTo)
		value += ": " + o
	}
	text, st, en := d.span(dFrom, vend)
	return item{
		Fact:  Fact{Kind: KindPosition, Text: text, Start: st, End: en, Value: value, Subject: d.text[toks[dFrom].start:toks[dTo].end]},
		key:   "order: " + name,
		slot:  name,
		words: d.objectWords(oFrom, oTo+1),
		loose: true,
	}, true
}

// objectWords returns the words of tokens [from, to) of a stance's object
// that are no function words: what the stance is about, compared between
// versions.
func (d *doc) objectWords(from, to int) []string {
	// filtered in place: normToks made the slice for this call alone
	words := d.normToks(from, to)
	out := words[:0]
	for _, w := range words {
		if !d.lx.function[w] {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return nil // as before: no object words is a nil slice
	}
	return out
}

// singularNoun reports whether token i looks like a singular noun that
// the bare form of a verb cannot agree with: a lower-case word that is no
// pronoun, function word, auxiliary, negation, adverb or plural ("a
// redistricting plan"), or a name after a determiner ("the GOP offer"; not
// "that Putin agree", a subjunctive).
func (d *doc) singularNoun(i int, s sent) bool {
	t := d.toks[i]
	l := t.lower
	if t.kind != tokWord || d.lx.function[l] || skippable[l] || pronouns[l] || isNeg(l) || hedges[l] || heldOn[l] ||
		strings.HasSuffix(l, "s") || strings.HasSuffix(l, "ly") || collectives[l] {
		return false
	}
	if t.isCap() {
		return i-1 >= s.from && nounMarkers[d.toks[i-1].lower] && d.toks[i-1].lower != "that"
	}
	return true
}

// singleName reports whether the words before token k are one name that
// a present-tense verb would agree with in its -s form: capitalised, no
// pronoun ("I agree"), no plural in -s ("Republicans", "the Prince and
// Princess of Wales") and no names joined by "and" ("Merz and Macron").
func (d *doc) singleName(k int, s sent) bool {
	p, ok := d.npBefore(k, s.from)
	if !ok {
		return false
	}
	// "his platform Xto offer to pay": a "to" the scraper glued on
	// makes the verb an infinitive
	last := d.toks[p.to]
	if !last.isCap() || pronouns[last.lower] || strings.HasSuffix(last.lower, "s") || strings.HasSuffix(last.lower, "to") ||
		collectives[last.lower] || quantifiers[last.lower] {
		return false
	}
	for i := p.from; i <= p.to; i++ {
		if d.toks[i].lower == "and" || d.toks[i].text == "&" {
			return false
		}
	}
	return true
}

// quantifiers stand for a plural subject at the start of a sentence, with
// the verb's bare form: "Most oppose the plan", "Both reject the offer".
var quantifiers = map[string]bool{"most": true, "many": true, "both": true, "few": true, "some": true,
	"all": true, "several": true, "more": true, "fewer": true}

// collectives are singular in form but take a plural verb.
var collectives = map[string]bool{
	"police": true, "people": true, "staff": true, "personnel": true, "military": true,
	"children": true, "men": true, "women": true,
}

// hasLower reports whether s holds a lower-case ASCII letter: "Press", not
// "PRESS" of a text set all in capitals.
func hasLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'a' && s[i] <= 'z' {
			return true
		}
	}
	return false
}

// newsDesks ask for comment: "CNN has reached out to the ministry".
var newsDesks = map[string]bool{"cnn": true, "reuters": true, "press": true, "bbc": true, "we": true}

// outreachValue is the value of an outreach fact: a reply asked for.
const outreachValue = "not respond?: asked for comment"

// outreach reads "CNN has reached out to the ministry (for comment)": a
// reply of the ministry's still pending, held by the ministry.
func (d *doc) outreach(k, vend, oFrom, oTo int, actor string, neg bool, s sent) (item, bool) {
	toks := d.toks
	if neg || oTo < oFrom {
		return item{}, false
	}
	forComment := false
	for j := oFrom; j <= oTo+3 && j < s.to; j++ {
		if toks[j].lower == "comment" {
			forComment = true
		}
	}
	if !newsDesks[actorKey(actor)] && !forComment {
		return item{}, false
	}
	// the one asked: the first name of the object ("the White House",
	// "representatives for Scalise", "Redzepi and Noma")
	party := ""
	for j := oFrom; j <= oTo; j++ {
		if p, ok := d.npAfter(j, s.to); ok && !pronouns[toks[p.from].lower] {
			if p.to+2 < s.to && toks[p.to+1].lower == "and" {
				if q, ok := d.npAfter(p.to+2, s.to); ok {
					p.to = q.to
				}
			}
			party = d.npText(p)
			break
		}
	}
	if party == "" {
		return item{}, false
	}
	end := vend
	if toks[end].lower == "to" && end > k {
		end-- // "reached out", as a reader quotes it
	}
	text, st, en := d.span(k, end)
	// the object runs through a list ("the American, Colombian and
	// Russian embassies") up to "for comment" or the sentence's end
	oEnd := oFrom
	for j := oFrom; j < s.to && j < oFrom+12; j++ {
		if t := toks[j]; t.lower == "for" || t.lower == "about" || t.lower == "on" || t.kind == tokPunct && t.text != "," {
			break
		}
		oEnd = j
	}
	words := d.objectWords(oFrom, oEnd+1)
	return item{
		Fact:  Fact{Kind: KindPosition, Text: text, Start: st, End: en, Value: outreachValue, Subject: party},
		key:   "not respond?",
		slot:  actorKey(party),
		words: words,
		// the one asked is read from the object: a list reworded
		// ("the American, Colombian and Russian embassies") is the same
		// request
		loose: true,
	}, true
}

// replyCues in a statement's sentence make it a reply to the press.
var replyCues = map[string]bool{"statement": true, "response": true}

// appendReply appends, for a speech verb at token k whose speaker is name,
// a quiet reply fact when the sentence marks it as an answer to the press:
// "told CNN", "said in a statement", "in response to", or a spokesperson
// speaking. It changes nothing on its own; it answers a pending "CNN has
// reached out to X" or "X did not respond" of the other version.
func (d *doc) appendReply(out []item, k int, s sent, name string) []item {
	toks := d.toks
	from, to := k, k
	cue := tellVerbs[toks[k].lower] && k+1 < s.to && toks[k+1].lower == "cnn"
	if cue {
		to = k + 1
	}
	for j := s.from; j < s.to && !cue; j++ {
		// "in" just before is tested ahead of the replyCues lookup, which
		// it rules out for almost every word of the sentence
		if d.inQ[j] >= 0 || j-2 < s.from || toks[j-2].lower != "in" && toks[j-1].lower != "in" || !replyCues[toks[j].lower] {
			continue
		}
		cue = true
		// "said in a statement to CNN", "In a statement sent to CNN"
		in := j - 1
		if toks[in].lower != "in" {
			in = j - 2
		}
		e := j
		for m := j + 1; m < s.to && m <= j+4; m++ {
			if toks[m].lower == "cnn" {
				e = m
				break
			}
		}
		switch {
		case in == k+1:
			to = e
		case e < k && in > s.from-1:
			from, to = in, e
		}
	}
	if !cue {
		for _, w := range []string{"pokes", "POKES", "epresentative", "EPRESENTATIVE"} {
			cue = cue || strings.Contains(name, w)
		}
	}
	if !cue {
		return out
	}
	// the reply is who said what: "a spokesperson said the contract will
	// be extended", up to the clause's end, as a reader would quote it
	if from == k {
		// and who said it: "a spokesperson for DHS told CNN"
		for from > s.from && from > k-7 && d.inQ[from-1] < 0 && toks[from-1].kind == tokWord {
			from--
		}
	}
	if to >= k {
		m := to + 1
		for m < s.to && m <= to+10 && d.inQ[m] < 0 && (toks[m].kind != tokPunct || toks[m].text == "-") {
			m++
		}
		to = m - 1
	}
	text, st, en := d.span(from, to)
	return append(out, item{
		Fact:  Fact{Kind: KindPosition, Text: text, Start: st, End: en, Value: "respond: a statement to the press", Subject: name},
		key:   "respond",
		slot:  actorKey(name),
		quiet: true,
	})
}

// intention reads what a speech verb at token k ("said", "says") reports
// its speaker, name, will do: "police said they would seek another
// charge", "Acme said it will not raise prices", "Lee said she’ll close
// the store". Said of the speaker itself, the future is a stated plan,
// the commonest stance of news; a stance verb there ("said it would
// reject") is read by position, and a state ("said he would be happy",
// "would like") or a past ("said she’d been told") is no plan.
func (d *doc) intention(k int, s sent, name string) (item, bool) {
	toks := d.toks
	warn := strings.HasPrefix(toks[k].lower, "warn")
	tell := tellVerbs[toks[k].lower]
	// "said", "says", "saying"; "announced she will not seek a second term"
	if d.inQ[k] >= 0 || !strings.HasPrefix(toks[k].lower, "sa") && !strings.HasPrefix(toks[k].lower, "announc") && !warn && !tell || d.background(s) {
		return item{}, false
	}
	if !warn {
		if it, ok := d.frontedRefusal(k, s, name); ok {
			return it, true
		}
	}
	j := k + 1
	// "said Monday she will", "announced on Friday that he would": the day
	// the speaker spoke
	if j+1 < s.to && toks[j].lower == "on" && weekdayName(toks[j+1].lower) {
		j += 2
	} else if j < s.to && (weekdayName(toks[j].lower) || toks[j].lower == "today" || toks[j].lower == "yesterday") {
		j++
	}
	if tell {
		// "has told partners that it will not stand in the way", "told
		// CNN that he would resign": the hearer, then "that"
		j = d.thatAfterHearer(j, s)
		if j < 0 {
			return item{}, false
		}
	} else if j < s.to && toks[j].lower == "that" {
		j++
	}
	if j+2 >= s.to || d.inQ[j] >= 0 {
		return item{}, false
	}
	first := j
	subj, modal := toks[j].lower, ""
	if b, m, ok := strings.Cut(strings.ReplaceAll(subj, "'", "’"), "’"); ok {
		subj, modal = b, m // "they’ll", "she’d"
	}
	actor := name
	switch subj {
	case "he", "she", "they", "it", "we":
		j++
	default:
		// "said the United States would not send troops" and "said
		// Washington would not …" name one actor two ways: only the
		// speaker's own plan is read
		return item{}, false
	}
	if modal == "" {
		modal = toks[j].lower
		j++
	}
	neg := false
	switch modal {
	case "will", "would", "ll", "d":
	case "could", "might", "may":
		if !warn {
			return item{}, false
		}
	case "won’t", "wouldn’t", "won't", "wouldn't":
		neg = true
	default:
		return item{}, false
	}
	for j < s.to && (isNeg(toks[j].lower) || toks[j].lower == "no" || toks[j].lower == "longer" || d.isAdverb(toks[j].lower)) {
		if isNeg(toks[j].lower) || toks[j].lower == "no" {
			neg = true
		}
		j++
	}
	if j >= s.to || toks[j].kind != tokWord || toks[j].isCap() || d.inQ[j] >= 0 || toks[j].is(clsFunction) ||
		statives[toks[j].lower] || strings.HasSuffix(toks[j].lower, "ed") || strings.HasSuffix(toks[j].lower, "ing") {
		return item{}, false
	}
	// "she’d been", "they’d gone": a "’d" before a participle is "had"
	if l := toks[j].lower; modal == "d" && (l == "been" || strings.HasSuffix(l, "en") || strings.HasSuffix(l, "ne") || strings.HasSuffix(l, "wn")) {
		return item{}, false
	}
	// a verb that is a stance only when refused ("attend", "join") is a
	// plan when not: "said he would attend the meeting"
	if cls, _, ok, negOnly := d.matchStance(j, s.to); ok && cls != "act" && (!negOnly || neg) {
		return item{}, false
	}
	v := j
	oTo := d.planObjectEnd(v, s.to)
	object, _, _ := d.span(v, oTo)
	stance := "plan"
	if neg {
		stance = "not plan"
	}
	// the plan is quoted with what it is about: "they would seek another
	// charge"; a warning of what the speaker will do is a threat, quoted
	// with its verb ("warned it could target ports")
	if warn {
		if neg {
			return item{}, false // "warned it would not …": no threat
		}
		stance, first = "warn", k
	}
	text, st, en := d.span(first, oTo)
	return item{
		Fact:  Fact{Kind: KindPosition, Text: text, Start: st, End: en, Value: stance + ": " + object, Subject: actor},
		key:   stance,
		slot:  actorKey(actor),
		words: d.objectWords(v, oTo+1),
	}, true
}

// ellipticDenial reads a denial told by a negated auxiliary whose verb
// is left out, after a verb of saying at token k: "Police said Lee was
// homeless, but his family said he wasn’t", "asked whether it had paid,
// the firm said it hadn’t". The verb left out is a claim made before,
// which the speaker, name, disputes (GUIDE: denies / disputes); the
// clause must end with the auxiliary, or the verb after it is the news
// ("said he wasn’t told" is read elsewhere, or not at all).
func (d *doc) ellipticDenial(k int, s sent, name string) (item, bool) {
	toks := d.toks
	if d.inQ[k] >= 0 || !strings.HasPrefix(toks[k].lower, "sa") || d.background(s) { // "said", "says"
		return item{}, false
	}
	j := k + 1
	if j < s.to && toks[j].lower == "that" {
		j++
	}
	if j+1 >= s.to || !subjectPronouns[toks[j].lower] && toks[j].lower != "i" {
		return item{}, false
	}
	end := j + 1
	aux := toks[end].lower
	if a, ok := strings.CutSuffix(strings.ReplaceAll(aux, "'", "’"), "n’t"); ok {
		aux = a
	} else if end+1 < s.to && toks[end+1].lower == "not" {
		end++
	} else {
		return item{}, false
	}
	if !finiteAux[aux] && !contractedAux[aux] {
		return item{}, false
	}
	if n := end + 1; n < s.to && !(toks[n].kind == tokPunct && (toks[n].text == "," || toks[n].text == "." || toks[n].text == ";")) {
		return item{}, false
	}
	text, st, en := d.span(k, end)
	return item{
		Fact: Fact{Kind: KindPosition, Text: text, Start: st, End: en, Value: "reject", Subject: name},
		key:  stanceGroup("reject"),
		slot: actorKey(name),
	}, true
}

// frontedRefusal reads what a speech verb at token k that closes its
// sentence's reported clause ("…, White House press secretary Ann Lee
// said") reports a named actor will not do, stated first: "President Tom
// Roe will not travel to Geneva for the talks, …". Wire and broadsheet
// copy tells a decision so, the attribution after it; the decision is the
// actor's, not the speaker's. Only a refusal is read: "Roe will travel to
// Geneva on Monday" is as often a schedule as a stance. The speaker, name,
// tells the actor's stance (sayer): "Poland will not send soldiers, Prime
// Minister Donald Tusk said" is the stance "Tusk has not ruled out" was.
func (d *doc) frontedRefusal(k int, s sent, name string) (item, bool) {
	toks := d.toks
	// the comma that ends the reported clause, before the speaker
	c := k - 1
	for c > s.from && toks[c].kind == tokWord && c >= k-6 {
		c--
	}
	if c <= s.from+3 || toks[c].text != "," || d.inQ[s.from] >= 0 {
		return item{}, false
	}
	p, ok := d.npAfter(s.from, c)
	if !ok || pronouns[toks[p.from].lower] || p.to+3 >= c {
		return item{}, false
	}
	j := p.to + 1
	neg := false
	switch toks[j].lower {
	case "will", "would":
		j++
		if !isNeg(toks[j].lower) {
			return item{}, false
		}
		neg = true
		j++
	case "won’t", "wouldn’t", "won't", "wouldn't":
		neg = true
		j++
	}
	for j < c && d.isAdverb(toks[j].lower) {
		j++
	}
	if !neg || j >= c || toks[j].kind != tokWord || toks[j].isCap() || d.inQ[j] >= 0 || toks[j].is(clsFunction) ||
		statives[toks[j].lower] || strings.HasSuffix(toks[j].lower, "ed") || strings.HasSuffix(toks[j].lower, "ing") {
		return item{}, false
	}
	if cls, _, ok, _ := d.matchStance(j, c); ok && cls != "act" {
		return item{}, false // "Roe will not accept the offer": read by position
	}
	actor := d.named(p, s)
	if actor == "" || isDemonym(actor) || d.isTimeName(actor) || d.commonOpener(actor, s) {
		return item{}, false
	}
	oTo := d.planObjectEnd(j, c)
	object, _, _ := d.span(j, oTo)
	text, st, en := d.span(p.to+1, oTo)
	return item{
		Fact:  Fact{Kind: KindPosition, Text: text, Start: st, End: en, Value: "not plan: " + object, Subject: actor},
		key:   "not plan",
		slot:  actorKey(actor),
		sayer: actorKey(name),
		words: d.objectWords(j, oTo+1),
	}, true
}

// thatAfterHearer returns the token after the "that" that follows the
// hearer of a verb of telling, read from token j on: one to three words
// ("CNN", "reporters", "EU partners", "the committee"), no punctuation,
// then "that" or, without it, the clause's pronoun subject; or -1.
func (d *doc) thatAfterHearer(j int, s sent) int {
	toks := d.toks
	for m := j; m < s.to && m <= j+3; m++ {
		if toks[m].kind != tokWord || d.inQ[m] >= 0 {
			return -1
		}
		if toks[m].lower == "that" {
			if m == j {
				return -1
			}
			return m + 1
		}
		// "told the FCC it would install": no "that" before a pronoun
		if m > j && subjectPronouns[toks[m].lower] {
			return m
		}
	}
	return -1
}

// subjectPronouns open a clause as its subject.
var subjectPronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true}

// callFor reads what a speech verb at token k reports its speaker, name,
// wants someone to do: "the State Department said people in the area
// should seek shelter", "a lawmaker said Lammy, the deputy leader, should
// quit". A "should" in reported speech is a call, a demand of the
// speaker's; "should be" and "should have" tell a judgement, no call. A
// need is one too: "saying Cuba needs new leadership", "told reporters
// that he needs to see precise details" (a condition of the speaker's).
func (d *doc) callFor(k int, s sent, name string) (item, bool) {
	toks := d.toks
	if d.inQ[k] >= 0 || !strings.HasPrefix(toks[k].lower, "sa") && !tellVerbs[toks[k].lower] || d.background(s) {
		return item{}, false
	}
	j := k + 1
	if tellVerbs[toks[k].lower] {
		// "told reporters that he needs": the hearer, then "that"
		if j+1 >= s.to || !(toks[j].isCap() || toks[j].lower == "reporters") || toks[j+1].lower != "that" {
			return item{}, false
		}
		j++
	}
	if j < s.to && toks[j].lower == "that" {
		j++
	}
	// the subject: up to 20 words without a verb of its own, a comma
	// only around an apposition, whose relative clause may have one
	// ("Lammy, the deputy leader who had served as foreign secretary,")
	sh, rel, need, at := -1, false, false, -1
	for m := j; m < s.to && m <= j+20; m++ {
		t := toks[m]
		if d.inQ[m] >= 0 || t.kind == tokPunct && t.text != "," && t.text != "-" && t.text != "’" {
			break
		}
		l := t.lower
		switch {
		case l == "should" || l == "shouldn’t" || l == "shouldn't":
			sh = m
		case !rel && (l == "needs" || l == "need") && m+1 < s.to && toks[m+1].lower == "to" && m > j:
			sh, need, at = m+1, true, m // "needs to see details"
		case !rel && l == "needs" && m+1 < s.to && toks[m+1].kind == tokWord && m > j:
			sh, need = m, true // "Cuba needs new leadership"
		case l == "who" || l == "which" || l == "what":
			// "what" too: "fell short of what members need to keep up
			// with living costs" is the offer's measure, not a call
			rel = true
		case t.text == ",":
			rel = false
		case !rel && (finiteAux[l] || contracted(l) || d.lx.speech[l]):
			m = s.to // a clause of its own: no call
		}
		if sh >= 0 {
			break
		}
	}
	if sh < 0 || sh+1 >= s.to {
		return item{}, false
	}
	neg := isNeg(toks[sh].lower) // "shouldn’t"
	v := sh + 1
	for v < s.to && (isNeg(toks[v].lower) || d.isAdverb(toks[v].lower)) {
		neg = neg || isNeg(toks[v].lower)
		v++
	}
	if v >= s.to || toks[v].kind != tokWord || toks[v].isCap() && !need || d.inQ[v] >= 0 || toks[v].is(clsFunction) && !need ||
		!need && statives[toks[v].lower] && toks[v].lower != "stay" && toks[v].lower != "remain" && toks[v].lower != "take" && toks[v].lower != "go" {
		return item{}, false
	}
	if !need && toks[v].lower == "take" && v+1 < s.to && toks[v+1].lower == "place" {
		return item{}, false // "should take place" is "should happen"
	}
	oTo := d.planObjectEnd(v, s.to)
	who, _, _ := d.span(j, sh-1)
	what, _, _ := d.span(v, oTo)
	stance := "demand"
	if neg {
		stance = "not demand"
	}
	if at < 0 {
		at = sh
	}
	text, st, en := d.span(at, oTo)
	return item{
		Fact:  Fact{Kind: KindPosition, Text: text, Start: st, End: en, Value: stance + ": " + who + " " + what, Subject: name},
		key:   stance,
		slot:  actorKey(name),
		words: d.objectWords(v, oTo+1),
	}, true
}

// statives after "would" tell a state or a wish, not a plan: "would be",
// "would like", "would feel safe".
var statives = map[string]bool{
	"be": true, "have": true, "like": true, "love": true, "want": true, "need": true, "feel": true,
	"know": true, "think": true, "believe": true, "hope": true, "expect": true, "seem": true,
	"prefer": true, "rather": true, "get": true, "continue": true, "remain": true, "stay": true,
	"happen": true, "come": true, "go": true, "see": true, "look": true, "make": true, "take": true,
	"do": true, "never": true, "soon": true, "also": true, "still": true, "only": true, "just": true,
}

// isBareStance reports whether w is the bare form of a stance verb (not
// "offers", "offered", "offering"), which is also the noun.
func isBareStance(lx *lexicon, w string) bool {
	// every phrase under lx.stance[w] starts with w itself
	return len(lx.stance[w]) > 0 && !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ing") && !lx.pastForms[w]
}

// isAdverb reports whether a word in -ly is an adverb, not a noun such
// as "family" or "ally" that may head the subject.
func (d *doc) isAdverb(w string) bool {
	return strings.HasSuffix(w, "ly") && !d.lx.actorNouns[w] && w != "ally" && w != "assembly"
}

// stanceEndsAt reports whether a stance phrase other than a refusal ends
// at token i or just before it ("plan to", "agreed" before "to").
func (d *doc) stanceEndsAt(i int, s sent) bool {
	for m := max(s.from, i-3); m < i; m++ {
		if !d.toks[m].is(clsStance) || isRefusal(d.toks[m].lower) {
			continue
		}
		if _, end, ok, _ := d.matchStance(m, s.to); ok && (end == i || end == i-1) {
			return true
		}
	}
	return false
}

// toBeFollows reports whether "to be" follows from token j on within a
// few words, before any punctuation: "considers China to be its rival".
func (d *doc) toBeFollows(j int, s sent) bool {
	for m := j; m+1 < s.to && m < j+6; m++ {
		if d.toks[m].kind == tokPunct || d.inQ[m] >= 0 {
			return false
		}
		if d.toks[m].lower == "to" && d.toks[m+1].lower == "be" {
			return m+2 >= s.to || !participle(d.toks[m+2].lower)
		}
	}
	return false
}

// irregularParticiples are past participles not ending in "-ed" that
// follow "to be" in a passive: "to be put to a vote", "to be held".
var irregularParticiples = map[string]bool{"put": true, "made": true, "held": true, "given": true, "taken": true,
	"sent": true, "set": true, "paid": true, "brought": true, "sold": true, "kept": true, "built": true, "shown": true,
	"done": true, "seen": true, "cut": true, "won": true, "met": true, "sought": true, "struck": true}

// participle reports whether w reads as a past participle: "imposed",
// "put".
func participle(w string) bool {
	return strings.HasSuffix(w, "ed") && len(w) > 4 || irregularParticiples[w]
}

// requestFollows reports whether "asked" at token j-1 asks someone to do
// something: a "to" follows within a few words ("asked residents to stay
// home", "asked to postpone"), before any question word or punctuation.
func (d *doc) requestFollows(j int, s sent) bool {
	for m := j; m < s.to && m < j+6; m++ {
		t := d.toks[m]
		if t.kind == tokPunct && t.text != "’" && t.text != "'" {
			return false
		}
		switch t.lower {
		case "to":
			return true
		case "about", "if", "whether", "why", "how", "what", "when", "who", "where", "which", "that", "of":
			return false
		}
	}
	return false
}

// claimFollows reports whether the clause from token j on states a claim:
// a finite verb ("is", "would", "they’d") follows within a few words. A
// demand has "on" or a bare verb: "insist that Putin agree".
func (d *doc) claimFollows(j int, s sent) bool {
	if j < s.to && d.toks[j].lower == "on" {
		return false
	}
	for m := j; m < s.to && m < j+7; m++ {
		t := d.toks[m]
		if t.kind == tokPunct {
			break
		}
		if finiteAux[t.lower] || contracted(t.lower) {
			return true
		}
	}
	return false
}

// subjectFollows reports whether a clause with a pronoun for its subject
// starts at token j, after an optional "that": "confirming he took a
// call". A pronoun that is also an object ("it", "you") tells nothing.
func (d *doc) subjectFollows(j int, s sent) bool {
	if j < s.to && d.toks[j].lower == "that" {
		j++
	}
	if j+1 >= s.to || d.toks[j+1].kind != tokWord {
		return false
	}
	switch d.toks[j].lower {
	case "he", "she", "they", "we", "i":
		return true
	}
	return false
}

// factClause reports whether the clause from token j on, opened by "that"
// or a pronoun, tells what is or was the case: its first finite verb is
// no modal ("that the vote was close", "they hadn’t had a plan"), a
// modal's perfect ("may have been faked") or, after a pronoun, a past
// form ("she claimed"). A modal with a bare verb ("troops could be
// deployed", "he’d like") proposes.
func (d *doc) factClause(j int, s sent) bool {
	toks := d.toks
	// a noun right after the verb may be its object ("suggested a deal
	// that was …"): only "that" or a pronoun opens the clause for sure
	switch {
	case j < s.to && toks[j].lower == "that":
		j++
	case j < s.to && pronouns[toks[j].lower] && toks[j].lower != "it":
	default:
		return false
	}
	for m := j; m < s.to && m < j+14; m++ {
		t := toks[m]
		if t.kind == tokPunct || d.inQ[m] >= 0 {
			return false
		}
		l := t.lower
		if contracted(l) {
			return false // "he’d like", "they’ll", not told as fact
		}
		if base, ok := strings.CutSuffix(strings.ReplaceAll(l, "'", "’"), "n’t"); ok {
			l = base // "hadn’t", "wasn’t"
		}
		switch l {
		case "would", "could", "will", "can", "should", "might", "may", "must", "wo", "ca":
			return m+1 < s.to && toks[m+1].lower == "have"
		case "is", "was", "are", "were", "had", "has", "have", "did", "does", "do":
			return true
		}
		if m == j+1 && pronouns[toks[j].lower] && strings.HasSuffix(l, "ed") {
			return true // "she claimed", "they wanted"
		}
	}
	return false
}

// contracted reports whether w ends in a contracted auxiliary: "they’d",
// "they’re", "we’ve", "it’ll".
func contracted(w string) bool {
	for _, suf := range [...]string{"’d", "'d", "’re", "'re", "’ve", "'ve", "’ll", "'ll"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// finiteAux are finite verbs that mark a clause as a statement of fact.
var finiteAux = map[string]bool{
	"is": true, "was": true, "are": true, "were": true, "would": true, "will": true, "had": true,
	"has": true, "have": true, "could": true, "can": true, "did": true, "does": true, "do": true,
}

// passiveDecision reports whether a passive stance verb without its agent
// still reports a decision: "was approved", "were ordered", "was denied".
func passiveDecision(class, w string) bool {
	switch class {
	case "accept", "order", "demand", "reverse":
		return true
	case "reject":
		for _, p := range []string{"reject", "denied", "refus", "veto", "block", "dismiss", "turned", "ruled", "overturn"} {
			if strings.HasPrefix(w, p) {
				return true
			}
		}
	}
	return false
}

// yetAux stand before "yet to" in a stance not taken so far: "has yet
// to decide", "is yet to endorse".
var yetAux = map[string]bool{"has": true, "have": true, "had": true, "is": true, "are": true, "was": true, "were": true}

// anterior adverbs before a stance verb tell it as earlier than the
// story's news: "has previously pledged", "initially suggested".
var anterior = map[string]bool{"previously": true, "formerly": true, "initially": true, "originally": true}

// toughAdjectives take an infinitive whose doer is no one in particular:
// "hard to accept".
var toughAdjectives = map[string]bool{
	"hard": true, "difficult": true, "easy": true, "impossible": true, "tough": true, "painful": true,
}

// untakenGovernors before "to" make the stance after it one that the
// actor cannot or must take, or one still to be chosen: "unable to
// agree", "has to ask for", "who to support". Not "had to back down" nor
// "was able to block", which tell it taken.
var untakenGovernors = map[string]bool{
	"unable": true, "need": true, "needs": true, "needed": true, "have": true, "has": true,
	"who": true, "whom": true, "what": true, "how": true, "which": true, "whether": true, "where": true,
}

// untaken reports whether the word at token i, before the "to" of a
// stance's infinitive, governs a stance not taken (see untakenGovernors);
// a quantity may stand between ("need more to support").
func (d *doc) untaken(i int, s sent) bool {
	if l := d.toks[i].lower; (l == "more" || l == "enough") && i-1 >= s.from {
		i--
	}
	return untakenGovernors[d.toks[i].lower]
}

// apparent words before "to" make the stance after it the writer's
// reading of the actor.
var apparent = map[string]bool{
	"seem": true, "seems": true, "seemed": true, "appear": true, "appears": true, "appeared": true,
	"supposed": true, "as": true, // "went so far as to"
}

// chargeEnds end the charge a "charged … with" names.
var chargeEnds = map[string]bool{"on": true, "in": true, "at": true, "after": true, "before": true,
	"over": true, "last": true, "this": true, "early": true, "late": true, "following": true}

// failed words before "to" negate the stance after it.
var failed = map[string]bool{"failed": true, "fails": true, "fail": true, "failing": true}

// forecast words before "to" make the stance after it one foreseen.
var forecast = map[string]bool{
	"expected": true, "likely": true, "unlikely": true, "set": true, "poised": true, "due": true, "bound": true,
}

// guestWords in the object of "welcome" make it people received, not a
// stance: "welcomed a record 47 million visitors", "welcomed her back".
var guestWords = map[string]bool{
	"visitors": true, "tourists": true, "guests": true, "fans": true, "travelers": true,
	"travellers": true, "passengers": true, "spectators": true, "crowds": true, "pilgrims": true,
	"him": true, "them": true, "back": true, // not "her" ("welcomed her release") nor "us" (the US)
}

// expressive nouns after "offer" name words or feelings given, not a
// proposal.
var expressive = map[string]bool{
	"condolences": true, "assessment": true, "detail": true, "details": true, "explanation": true,
	"insight": true, "thoughts": true, "prayers": true, "praise": true, "words": true, "glimpse": true,
	"view": true, "views": true, "clues": true, "evidence": true, "hint": true, "hints": true,
	"comment": true, "comments": true, "reassurance": true, "sympathy": true, "tribute": true,
	"apology": true, "apologies": true, "analysis": true, "advice": true, "update": true, "updates": true,
}

// objectClauseOpeners open, after a stance verb's object, a clause of its
// own: "blamed the previous administration for allowing him to become a
// citizen in 2022", "denied reports that it had paid in 2019". A year
// there dates what the stance is about, not the stance.
var objectClauseOpeners = map[string]bool{"for": true, "to": true, "that": true, "which": true, "who": true,
	"whom": true, "when": true, "after": true, "before": true, "because": true, "while": true, "over": true, "about": true}

// backgroundOf reports whether sentence s dates the stance whose verb
// ends at token vend to a year at least two before the story's (see
// background), leaving out years in a clause after the verb's object.
func (d *doc) backgroundOf(s sent, vend int) bool {
	to := s.to
	for m := vend + 1; m < s.to; m++ {
		t := d.toks[m]
		if t.kind == tokPunct && t.text != "’" && t.text != "'" && t.text != "-" {
			break
		}
		if objectClauseOpeners[t.lower] && m > vend+1 {
			to = m
			break
		}
	}
	return d.background(sent{from: s.from, to: to, para: s.para})
}

// background reports whether sentence s is dated to a year at least two
// before the story's ("In 2019, he agreed to an interview", "She sued him
// in 2021"): a stance told as background, not the story's news.
func (d *doc) background(s sent) bool {
	if d.year == 0 {
		return false
	}
	from, to := d.toks[s.from].start, d.toks[s.to-1].end
	// The dates are in text order: start at the sentence's first.
	first, _ := slices.BinarySearchFunc(d.dates, from, func(e timex.Expr, at int) int { return cmp.Compare(e.Start, at) })
	for _, e := range d.dates[first:] {
		if e.Start >= to {
			break
		}
		if e.End > to || len(e.Value) < 4 || !strings.Contains(e.Text, e.Value[:4]) {
			continue // a year written out, not "May" resolved to one
		}
		// "since 2022", "a photo from 2001": a period or a thing, not
		// when the stance was taken
		if i := d.tokAt(e.Start); i > s.from && (spanPreps[d.toks[i-1].lower] || d.sinceClause(i, s)) {
			continue
		}
		if y, err := strconv.Atoi(e.Value[:4]); err == nil && y <= d.year-2 && y > 1000 {
			return true
		}
	}
	return false
}

// sinceClause reports whether the year at token i closes a "since"
// phrase or clause of a few words ("since Russia's full-scale invasion in
// 2022", "since Trump first took office in 2017"): the start of a
// period the sentence measures from, not when its stance was taken.
func (d *doc) sinceClause(i int, s sent) bool {
	for j := i - 1; j >= s.from && j >= i-8; j-- {
		t := &d.toks[j]
		if t.kind == tokPunct && t.text != "’" && t.text != "'" {
			return false
		}
		if t.lower == "since" {
			return true
		}
	}
	return false
}

// subordinators open a clause that sets the scene for the main one.
var subordinators = map[string]bool{"after": true, "when": true, "before": true, "because": true, "once": true, "until": true, "since": true}

// withAbsolute reports whether the stance or speech verb at token k is the
// participle of an absolute clause opened by "with" a few words before:
// "talks ended on Thursday, with Iran agreeing to curb enrichment",
// "Democrats met, with several senators making clear they backed him",
// "the war goes on, with Israel saying it will not strike again". The
// clause tells what went with the main event, in passing, as a "when"
// clause does: the stance is background to other news, kept quiet. Such a
// clause is set off by a comma or a dash, or opens the sentence; a "with"
// right after a noun is a preposition ("talks with the two sides
// planning on exchanging drafts"), its stance read as any other.
func (d *doc) withAbsolute(k int, s sent) bool {
	if !strings.HasSuffix(d.toks[k].lower, "ing") {
		return false
	}
	for j := k - 1; j >= s.from && j >= k-6; j-- {
		t := &d.toks[j]
		if t.kind != tokWord || t.is(clsStance|clsSpeech) {
			return false
		}
		if t.lower == "with" {
			if j == k-1 {
				return false // "with" and its subject
			}
			if j == s.from {
				return true
			}
			p := d.toks[j-1].text
			return p == "," || p == "—" || p == "–"
		}
	}
	return false
}

// spanPreps before a year make it a period's bound or a thing's date.
var spanPreps = map[string]bool{"since": true, "from": true, "until": true, "through": true, "of": true, "before": true}

// restrictive reports whether the subject at token g is the relative
// pronoun of a clause that defines a noun with no comma before it:
// "lawmakers who have opposed the rule", "the judge who ordered the
// release", "warrants that authorize detention". The stance picks out whom
// the sentence is about, as told before; it is no stance the sentence
// reports. Set off by a comma ("Acme, which rejected the terms") it adds
// news of a named actor.
func (d *doc) restrictive(g int, s sent) bool {
	if g-1 < s.from {
		return false
	}
	switch d.toks[g].lower {
	case "who", "that", "which":
	default:
		return false
	}
	p := d.toks[g-1]
	return p.kind == tokWord && !d.lx.speech[p.lower] && !p.is(clsStance) && !d.existential(g, s)
}

// existential reports whether "there" and a form of "be" open the clause
// of the noun before token g: in "There are 10 senators who oppose the
// bill" the relative clause is what the sentence tells, not whom it is
// about.
func (d *doc) existential(g int, s sent) bool {
	for k := g - 2; k >= s.from && k >= g-10; k-- {
		t := d.toks[k]
		if t.kind == tokPunct {
			return false
		}
		switch t.lower {
		case "there’s", "there's":
			return true
		case "there":
			switch d.toks[k+1].lower {
			case "is", "are", "was", "were", "have", "has":
				return true
			}
		}
	}
	return false
}

// hypothetical reports whether the subject ending at token g stands in an
// "if" or "whether" clause: "asked if he supported", "if 20% of members
// support". Such a stance is asked about or supposed, not taken.
func (d *doc) hypothetical(g int, s sent) bool {
	for j := g; j >= s.from && j > g-9; j-- {
		t := d.toks[j]
		if t.kind == tokPunct && t.text != "%" && t.text != "$" && t.text != "-" {
			return false
		}
		if t.lower == "if" || t.lower == "whether" || t.lower == "unless" {
			return true
		}
	}
	return false
}

// tagEnds reports whether a stance verb ending at vend ends its clause, as
// a statement's tag does: nothing follows but punctuation, or the hearer
// ("confirmed to CNN.").
func (d *doc) tagEnds(vend, oFrom, oTo int, s sent) bool {
	toks := d.toks
	if oTo >= oFrom {
		if oTo != oFrom || toks[oFrom].lower != "cnn" && toks[oFrom].lower != "reporters" {
			return false
		}
		vend = oTo
	}
	return vend+1 >= s.to || toks[vend+1].text == "," || toks[vend+1].text == "."
}

// taggedSubject reports whether the subject ending at token g is a short
// name set off before it by a comma, dash or closing quote: the tag of a
// statement ("…, Pistole suggested,", "…,” an Air Force spokesperson
// confirmed to CNN.").
func (d *doc) taggedSubject(g int, s sent) bool {
	p, ok := d.npBefore(g+1, s.from)
	if !ok || p.from-1 < s.from {
		return false
	}
	if l := d.toks[p.from-1].lower; (l == "a" || l == "an" || l == "the") && p.from-2 >= s.from {
		p.from--
	}
	switch d.toks[p.from-1].text {
	case ",", "—", "–", "”", "\"":
		return true
	}
	return false
}

// replyWords in the object of "respond" make it a reply to the press.
var replyWords = map[string]bool{
	"request": true, "requests": true, "comment": true, "comments": true, "inquiry": true,
	"inquiries": true, "query": true, "queries": true, "questions": true, "email": true,
	"emails": true, "message": true, "messages": true, "calls": true, "cnn": true, "cnn’s": true, "cnn's": true,
}

// asksForReply reports whether the object tokens [from, to] name a request
// for comment.
func (d *doc) asksForReply(from, to int) bool {
	for j := from; j <= to; j++ {
		if replyWords[d.toks[j].lower] {
			return true
		}
	}
	return false
}

// anonymity reports whether the words from token i ask for a source's
// name to be kept out: "not to be named", "not to be identified", "for
// anonymity".
func (d *doc) anonymity(i int, s sent) bool {
	toks := d.toks
	if i+3 < s.to && toks[i].lower == "not" && toks[i+1].lower == "to" && toks[i+2].lower == "be" {
		switch toks[i+3].lower {
		case "named", "identified", "quoted":
			return true
		}
	}
	return i+1 < s.to && toks[i].lower == "for" && toks[i+1].lower == "anonymity"
}

// holdBack returns how many words before a gerund, ending at toks[g], say
// its act was held back ("stopped short of", "refrained from"), or 0.
func holdBack(toks []token, g, from int) int {
	if g < from || g-1 < from {
		return 0
	}
	switch l := toks[g].lower; {
	case l == "from" && strings.HasPrefix(toks[g-1].lower, "refrain"):
		return 2
	case l == "of" && toks[g-1].lower == "short" && g-2 >= from && strings.HasPrefix(toks[g-2].lower, "stop"):
		return 3
	}
	return 0
}

// isRefusal reports whether w is a form of "refuse" or "decline", which
// negate the verb they govern.
func isRefusal(w string) bool {
	return strings.HasPrefix(w, "refus") || strings.HasPrefix(w, "declin")
}

// StanceGroup folds stances that a reader would not tell apart: accepting
// and supporting are both "for", rejecting is "against"; a trailing "?"
// (a hedge) is kept.
func StanceGroup(s string) string { return stanceGroup(s) }

// stanceGroup folds stances that a reader would not tell apart: accepting
// and supporting are both "for".
func stanceGroup(s string) string {
	h := ""
	if b, ok := strings.CutSuffix(s, "?"); ok {
		s, h = b, "?"
	}
	switch s {
	case "accept", "support", "praise":
		s = "for"
	case "reject":
		s = "against"
	}
	return s + h
}

// subjectBefore finds the actor of a verb whose subject ends before token i.
func (d *doc) subjectBefore(i int, s sent, actors []string) string {
	toks := d.toks
	j := i - 1
	// participle clause: "Fico blocked the package, demanding guarantees",
	// "Lee said the plan “is dead,” blaming the board"
	if j >= s.from && (toks[j].text == "," || toks[j].text == "”" && j-1 >= s.from && toks[j-1].text == ",") && strings.HasSuffix(toks[i].lower, "ing") {
		if a := lastOr(actors, ""); a != "" {
			return a
		}
		if p, ok := d.sentenceSubject(s); ok {
			return d.resolve(p)
		}
		return ""
	}
	// parenthetical: "European leaders — who rushed to Washington — urged"
	if j >= s.from && (toks[j].text == "—" || toks[j].text == "–" || toks[j].text == ")" || toks[j].text == ",") {
		open := map[string]string{"—": "—", "–": "–", ")": "(", ",": ","}[toks[j].text]
		for m := j - 1; m > s.from; m-- {
			if toks[m].text == open {
				if p, ok := d.npBefore(m, s.from); ok {
					if a := d.named(d.qualifiedHead(p, s.from), s); a != "" {
						return a
					}
				}
				// "The party’s top spending leader, Sen. Jane Roe,
				// declined", "The largest shareholder, the activist
				// fund Gallatin Partners, declined": when the phrase
				// before the commas names no actor, the name set off
				// between them is the subject (a title abbreviation or
				// a role may open it)
				if p, ok := d.npBefore(j, s.from); ok && p.from > m && p.from <= m+4 && toks[p.to].isCap() {
					return d.named(p, s)
				}
				break
			}
		}
		return lastOr(actors, "")
	}
	// "Bondi, who last week refused": a date between the relative and
	// its verb
	if j > s.from && d.inDate(toks[j].start, toks[j].end) {
		jj := j
		for jj > s.from && jj > j-5 && d.inDate(toks[jj].start, toks[jj].end) {
			jj--
		}
		if toks[jj].lower == "who" || toks[jj].lower == "which" {
			j = jj
		}
	}
	// "Tom Lee, who …", "DHS, which blamed …": the relative's antecedent
	if j >= s.from && (toks[j].lower == "who" || toks[j].lower == "which" && j-1 >= s.from && toks[j-1].text == ",") {
		k := j - 1
		for k >= s.from && (toks[k].text == "," || toks[k].text == "—" || toks[k].text == "–") {
			k--
		}
		if p, ok := d.npBefore(k+1, s.from); ok {
			return d.named(d.qualifiedHead(p, s.from), s)
		}
	}
	p, ok := d.npBefore(i, s.from)
	if ok {
		p = d.qualifiedHead(p, s.from)
	} else {
		p, ok = d.peopleBefore(i, s.from)
	}
	if !ok {
		if a := d.actorBeforePhrase(i, s); a != "" {
			return a
		}
		if j >= s.from && (toks[j].lower == "but" || toks[j].lower == "and") {
			if a := lastOr(actors, ""); a != "" {
				return a
			}
			// "His son was due home in May but was considering a
			// longer tour": with an auxiliary, a verb phrase whose
			// subject is the first clause's
			if i < s.to && finiteAux[toks[i].lower] {
				if p, ok := d.clauseSubject(j, s); ok {
					return d.resolve(p)
				}
			}
			if p, ok := d.sentenceSubject(s); ok {
				return d.resolve(p)
			}
		}
		return ""
	}
	if a := d.named(p, s); a != "" {
		return a
	}
	return d.actorBeforePhrase(i, s)
}

// actorBeforePhrase finds the actor of the verb at token i across a short
// phrase of a preposition that names none: "Leaders in the alliance
// refused", "Magyar in essence refused". A participle ("a letter from
// the ministry in May offering") has no subject there.
func (d *doc) actorBeforePhrase(i int, s sent) string {
	toks := d.toks
	if i >= s.to || strings.HasSuffix(toks[i].lower, "ing") {
		return ""
	}
	for m := i - 1; m > s.from && m >= i-4 && toks[m].kind == tokWord; m-- {
		// a verb joined by "and" has its subject before that; a date
		// ("in May") is read apart (see position)
		if w := toks[m].lower; w == "and" || w == "or" || w == "but" || d.inDate(toks[m].start, toks[m].end) {
			return ""
		}
		if !isPrep(toks[m].lower) {
			continue
		}
		if q, ok := d.npBefore(m, s.from); ok && q.to == m-1 && !pronouns[toks[q.from].lower] {
			return d.named(q, s)
		}
		return ""
	}
	return ""
}

// reported reports whether a speech verb ("said", "told", "according")
// stands before token k in its sentence: what follows is reported speech.
func (d *doc) reported(k int, s sent) bool {
	for j := s.from; j < k; j++ {
		if d.toks[j].is(clsSpeech) || d.toks[j].lower == "according" {
			return true
		}
	}
	return false
}

// tellVerbs take the hearer as object before what was said.
var tellVerbs = map[string]bool{"told": true, "telling": true, "tell": true, "tells": true}

// named resolves a noun phrase; a pronoun right after a speech verb ("the
// ministry said it could accept") stands for that verb's subject.
func (d *doc) named(p np, s sent) string {
	toks := d.toks
	if p.from == p.to && pronouns[toks[p.from].lower] {
		k := p.from - 1
		if k >= s.from && toks[k].lower == "that" {
			k--
		}
		// "told CNN he", "telling reporters it": skip the hearer
		if k-1 >= s.from && (toks[k].isCap() || toks[k].lower == "reporters") && tellVerbs[toks[k-1].lower] {
			k--
		}
		if k >= s.from && d.lx.speech[toks[k].lower] {
			g := d.beforeVerb(k-1, s)
			if q, ok := d.npBefore(g+1, s.from); ok {
				return d.resolve(q)
			}
			// "…, telling CNN he will": the participle's subject is the
			// sentence's
			if g >= s.from && strings.HasSuffix(toks[k].lower, "ing") && (toks[g].text == "," || toks[g].text == "—" || toks[g].text == "–") {
				if q, ok := d.sentenceSubject(s); ok && q.to < g {
					return d.resolve(q)
				}
			}
		}
		// "once Starmer was informed, he instructed": a clause set
		// before the pronoun names whom it means
		if q, ok := d.frontedSubject(p.from, s); ok {
			return d.resolve(q)
		}
	}
	return d.resolve(p)
}

// frontedSubject returns the subject of a subordinate clause that ends
// with a comma just before a "he" or "she" at token i: "When Acme’s chief
// Ann Roe saw the plan, she …", "said that once Roe was told, she …". A
// name there is what the pronoun stands for.
func (d *doc) frontedSubject(i int, s sent) (np, bool) {
	toks := d.toks
	if l := toks[i].lower; l != "he" && l != "she" || i-1 <= s.from || toks[i-1].text != "," {
		return np{}, false
	}
	for m := i - 2; m >= s.from && m > i-20; m-- {
		t := toks[m]
		if d.inQ[m] >= 0 || t.kind == tokPunct && t.text != "-" {
			return np{}, false
		}
		if !subordinators[t.lower] && t.lower != "while" && t.lower != "if" && t.lower != "although" && t.lower != "though" {
			continue
		}
		// the clause's subject, not a possessive ("After Trump’s
		// remarks, she …")
		if q, ok := d.npAfter(m+1, i-1); ok && !pronouns[toks[q.from].lower] && !hasPoss(toks[q.to].text) {
			return q, true
		}
		return np{}, false
	}
	return np{}, false
}

// infinitiveSubject finds who does the verb after "to" at token g: "who
// rushed to Washington to back up Zelensky" -> the subject of "who" (an
// object's infinitive, "urged Trump to insist", is no stance: see position).
func (d *doc) infinitiveSubject(g int, s sent, actors []string) string {
	toks := d.toks
	for m := g - 1; m > s.from; m-- {
		if toks[m].lower == "who" {
			k := m - 1
			for k >= s.from && (toks[k].text == "," || toks[k].text == "—" || toks[k].text == "–") {
				k--
			}
			if p, ok := d.npBefore(k+1, s.from); ok {
				return d.named(p, s)
			}
			break
		}
	}
	if a := lastOr(actors, ""); a != "" {
		return a
	}
	// the subject of the verb that governs the infinitive
	m := g - 1
	for m >= s.from && toks[m].kind == tokWord && !toks[m].isCap() && !pronouns[toks[m].lower] {
		m--
	}
	if p, ok := d.npBefore(m+1, s.from); ok {
		return d.named(p, s)
	}
	return ""
}

func lastOr(xs []string, def string) string {
	if len(xs) == 0 {
		return def
	}
	return xs[len(xs)-1]
}

// sentenceSubject returns the first capitalised noun phrase of a sentence
// that is followed by a lower-case word, a rough main subject for verbs
// coordinated with "and" or "but".
func (d *doc) sentenceSubject(s sent) (np, bool) {
	from := s.from
	// "Among the youngest in his class, Coady …", "Nearly a day after
	// X left, Trump …": an opening phrase names no subject; it ends at
	// its comma
	if openers[d.toks[from].lower] {
		for m := from + 1; m < s.to && m < from+16; m++ {
			if d.toks[m].text == "," {
				from = m + 1
				break
			}
		}
	}
	for k := from; k < s.to && k < from+12; k++ {
		// a day or month is no subject: "updated by Wednesday morning"
		if d.inQ[k] >= 0 || !d.toks[k].isCap() || d.lx.function[d.toks[k].lower] || openers[d.toks[k].lower] || d.isTimeName(d.toks[k].text) {
			continue
		}
		p, ok := d.npAfter(k, s.to)
		if ok && p.to+1 < s.to && d.toks[p.to+1].kind == tokWord && !d.toks[p.to+1].isCap() {
			return p, true
		}
		if ok {
			k = p.to
		}
	}
	return np{}, false
}

// openers start a sentence with a phrase that is not its subject: a
// preposition or an adverb ("Among …,", "Nearly …,", "Meanwhile,"), or a
// pronoun with a contracted verb ("It’s …", "I’m …"), no name.
var openers = map[string]bool{
	"among": true, "amid": true, "amidst": true, "despite": true, "during": true, "following": true,
	"across": true, "against": true, "around": true, "between": true, "beyond": true, "like": true,
	"unlike": true, "through": true, "throughout": true, "toward": true, "towards": true, "upon": true,
	"via": true, "including": true, "inside": true, "outside": true, "near": true, "besides": true,
	"meanwhile": true, "however": true, "instead": true, "earlier": true, "later": true, "nearly": true,
	"almost": true, "it’s": true, "it's": true, "that’s": true, "that's": true, "there’s": true,
	"there's": true, "here’s": true, "here's": true, "what’s": true, "what's": true, "let’s": true, "let's": true,
	"i’m": true, "i'm": true, "i’ve": true, "i've": true, "i’d": true, "i'd": true, "i’ll": true, "i'll": true,
	"we’re": true, "we're": true, "we’ve": true, "we've": true, "we’ll": true, "we'll": true,
	"they’re": true, "they're": true, "they’ve": true, "they've": true, "you’re": true, "you're": true,
	"he’s": true, "he's": true, "she’s": true, "she's": true,
}

// isDemonym reports whether a one-word name looks like a nationality
// adjective ("Russian", "European"), which modifies a noun and is no actor.
func isDemonym(name string) bool {
	if strings.ContainsRune(name, ' ') {
		return false
	}
	for _, suf := range []string{"ian", "ean", "ese", "ish", "can", "ench", "ern"} {
		if strings.HasSuffix(name, suf) {
			return true
		}
	}
	return false
}

// commonOpener reports whether a one-word actor is only the capitalised
// first word of its sentence, a common noun the text also writes in lower
// case ("Water levels … began to fall … and could reverse that trend"):
// no name, so no actor.
func (d *doc) commonOpener(actor string, s sent) bool {
	first := &d.toks[s.from]
	if first.text != actor || strings.ContainsRune(actor, ' ') || d.lx.actorNouns[first.lower] || personNoun(first.lower) {
		return false // "Police", "Parents", "Critics" act
	}
	return d.writesLower(first.lower)
}

// writesLower reports whether the text writes w in lower case as a whole
// word. commonOpener asks it of most sentences' actors. A long text (a
// whole article) builds the set of such words once, on first use: searched
// for each actor, it made that check a tenth of an extraction's time. A
// short one (the few sentences around an edit that a comparison reads) is
// searched, which costs less than building the set.
func (d *doc) writesLower(w string) bool {
	if len(d.toks) < lowerWordsFrom {
		for off := 0; off < len(d.lower); {
			k := strings.Index(d.lower[off:], w)
			if k < 0 {
				return false
			}
			p := off + k
			if i := d.tokAt(p); i < len(d.toks) && d.toks[i].start == p && !d.toks[i].upper && d.toks[i].lower == w {
				return true
			}
			off = p + 1
		}
		return false
	}
	if d.lowerWords == nil {
		d.lowerWords = make(map[string]struct{}, len(d.toks)/2)
		for i := range d.toks {
			if t := &d.toks[i]; t.kind == tokWord && !t.upper {
				d.lowerWords[t.lower] = struct{}{}
			}
		}
	}
	_, ok := d.lowerWords[w]
	return ok
}

// lowerWordsFrom is the length (tokens) from which writesLower builds its
// set: about where one search per sentence costs as much.
const lowerWordsFrom = 400

// personNoun reports whether a common noun names people by its ending
// ("parents", "protesters", "critics", "activists") or is one of a few
// such nouns without one.
func personNoun(w string) bool {
	for _, suf := range [...]string{"ers", "ors", "ists", "ians", "ants", "ents", "ics"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	switch w {
	case "people", "staff", "troops", "forces", "members", "allies", "victims", "experts", "residents", "families", "voters":
		return true
	}
	return false
}

// titleHolder returns, for an actor that is a title after "the" ("the
// president", "the prime minister"), the last name written with that
// title before sentence s ("US President Donald Trump", "Prime Minister
// Keir Starmer"), or "" when the actor is none or no one was so named.
func (d *doc) titleHolder(actor string, s sent) string {
	rest, ok := strings.CutPrefix(actor, "the ")
	if !ok {
		rest, ok = strings.CutPrefix(actor, "The ")
	}
	words := strings.Fields(strings.ToLower(rest))
	if !ok || len(words) == 0 || len(words) > 2 || !d.lx.titles[words[len(words)-1]] {
		return ""
	}
	toks := d.toks
	n := len(words)
	for i := s.from - n - 1; i >= 0; i-- {
		match := true
		for k, w := range words {
			if t := toks[i+k]; !t.isCap() || t.lower != w {
				match = false
				break
			}
		}
		// "Vice President JD Vance", "former President Joe Biden" hold
		// another title than "the president"
		if !match || i > 0 && otherTitle[toks[i-1].lower] {
			continue
		}
		// the name after the title: capitalised words, no function word
		j := i + n
		for j < s.from && toks[j].kind == tokWord && toks[j].isCap() && !toks[j].is(clsFunction) && !d.lx.titles[toks[j].lower] {
			j++
		}
		if j > i+n {
			return d.text[toks[i].start:toks[j-1].end]
		}
	}
	return ""
}

// otherTitle words before a title make it another one: "Vice President",
// "Deputy Prime Minister", "former President".
var otherTitle = map[string]bool{
	"vice": true, "deputy": true, "former": true, "ex": true, "acting": true, "assistant": true,
	"under": true, "lieutenant": true, "late": true, "interim": true, "outgoing": true,
}

// timePreps stand before a day or month name in a time adverbial.
var timePreps = map[string]bool{"on": true, "in": true, "last": true, "this": true, "next": true, "early": true, "late": true, "by": true}

// isTimeName reports whether an actor's name is a day or month ("Thursday").
func (d *doc) isTimeName(name string) bool {
	// Asked of most sentences' actors and of words before them, so an
	// ASCII name, the common case, is lower-cased in a stack buffer that
	// the map index by string(bytes) does not copy; no time name is
	// longer than the buffer, nor is an ASCII name lower-cased.
	var buf [9]byte
	if isASCII(name) {
		if len(name) > len(buf) {
			return false
		}
		for i := 0; i < len(name); i++ {
			c := name[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		return timeNames[string(buf[:len(name)])]
	}
	return timeNames[strings.ToLower(name)]
}

// timeNames are the day names and months, lower-case.
var timeNames = func() map[string]bool {
	m := map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true}
	for k := range months {
		m[k] = true
	}
	return m
}()

// isASCII reports whether s has no byte outside ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// clauseSubject returns the subject of a sentence's first clause, which
// ends before token j: the words from the sentence's start to its first
// finite verb, when they are a pronoun or a short noun phrase opened by a
// determiner or a name ("The former minister has denied …", "His son was
// …", "She had …").
func (d *doc) clauseSubject(j int, s sent) (np, bool) {
	toks := d.toks
	for f := s.from + 1; f < j && f <= s.from+6; f++ {
		t := toks[f]
		if d.inQ[f] >= 0 || t.kind == tokPunct && t.text != "-" {
			return np{}, false
		}
		if !finiteAux[t.lower] {
			continue
		}
		first := toks[s.from]
		switch {
		case f == s.from+1 && pronouns[first.lower]:
			return np{s.from, s.from}, true
		case isDeterminer(first.lower) && first.lower != "that" && first.lower != "this" || first.isCap() && !first.is(clsFunction):
			return np{s.from, f - 1}, true
		}
		return np{}, false
	}
	return np{}, false
}

// peopleBefore returns a lower-case plural noun of people ending just
// before token i, with up to two modifiers and a determiner or a name
// before it: "US citizens", "some critics", "the protesters", "local
// residents". Such a group takes a stance as an institution does.
func (d *doc) peopleBefore(i, lo int) (np, bool) {
	toks := d.toks
	k := i - 1
	if k < lo || toks[k].kind != tokWord || toks[k].isCap() || !peopleNoun(toks[k].lower) {
		return np{}, false
	}
	from := k
	for m := k - 1; m >= lo && m >= k-3 && toks[m].kind == tokWord; m-- {
		l := toks[m].lower
		switch {
		case isDeterminer(l) || l == "some" || l == "many" || l == "most" || l == "several" || l == "other":
			return np{m, k}, true
		case (toks[m].is(clsFunction|clsSpeech) || isNeg(l) || skippable[l]) && !(l == "us" && toks[m].isCap()):
			return np{from, k}, true
		default:
			from = m // "US", "local", "Democratic"
		}
	}
	return np{from, k}, true
}

// peopleNoun reports whether a plural common noun names people: by an
// ending of agents ("protesters", "investors", "activists", "Iranians")
// or as one of a few such nouns without one.
func peopleNoun(w string) bool {
	for _, suf := range [...]string{"ers", "ors", "ists", "ians"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	switch w {
	case "people", "residents", "citizens", "critics", "opponents", "parents", "students", "migrants",
		"immigrants", "voters", "victims", "families", "experts", "allies", "troops", "staff", "staffers":
		return true
	}
	return false
}

// planObjectEnd returns the last token of what a plan or demand whose verb
// is token v is about: up to eight words after it, to the first quote,
// punctuation (but a hyphen, "$" or "%") or word that ends an object, and
// not past to.
func (d *doc) planObjectEnd(v, to int) int {
	toks := d.toks
	end := v
	for m := v + 1; m < to && m <= v+8; m++ {
		t := toks[m]
		if d.inQ[m] >= 0 || t.kind == tokPunct && t.text != "-" && t.text != "$" && t.text != "%" || objectStops[t.lower] {
			break
		}
		end = m
	}
	return end
}

// measureNouns are what an authority extends, lifts, imposes or cuts as a
// decision: "extended a two-week ceasefire", "cut fuel taxes".
var measureNouns = map[string]bool{
	"ceasefire": true, "truce": true, "curfew": true, "curfews": true, "deadline": true, "ban": true,
	"sanctions": true, "tariffs": true, "tariff": true, "taxes": true, "tax": true, "mandate": true,
	"moratorium": true, "pause": true, "emergency": true, "restrictions": true, "blockade": true,
	"lockdown": true, "rates": true, "duties": true, "order": true, "orders": true, "advisory": true,
	"embargo": true, "quarantine": true,
}

// legislationNouns are what a legislature passes: a stance on them, as
// approving them is.
var legislationNouns = map[string]bool{
	"bill": true, "bills": true, "budget": true, "budgets": true, "law": true, "laws": true,
	"measure": true, "measures": true, "resolution": true, "resolutions": true, "ordinance": true,
	"ordinances": true, "motion": true, "amendment": true, "amendments": true, "legislation": true,
	"package": true, "act": true,
}

// legislationAfter reports whether the object of the verb ending at token
// vend names a bill, a budget or a law within a few words.
func (d *doc) legislationAfter(vend int, s sent) bool {
	toks := d.toks
	for m := vend + 1; m < s.to && m <= vend+7; m++ {
		if toks[m].kind == tokPunct && toks[m].text != "$" && toks[m].text != "-" {
			return false
		}
		if legislationNouns[toks[m].lower] {
			return true
		}
	}
	return false
}

// licenceNouns are what an authority suspends or revokes as a decision:
// a licence, a permit, an approval.
var licenceNouns = map[string]bool{
	"licence": true, "license": true, "licences": true, "licenses": true, "permit": true, "permits": true,
	"accreditation": true, "registration": true, "approval": true, "authorization": true, "authorisation": true,
}

// officialAct reports whether an act verb at token k (through vend) is an
// actor's decision, told with its actor and its object: "authorities
// reopened the highway", "Australia has cut fuel taxes", "prosecutors
// announced charges". The
// same verbs without an object or in the passive tell what happened, no
// one's decision ("the road closed", "the highway was closed"), and after
// "to" an aim ("calls to reopen the strait").
func (d *doc) officialAct(k, vend, g int, passive bool, s sent) bool {
	toks := d.toks
	if passive || g >= s.from && (toks[g].lower == "to" || contracted(toks[g].lower)) {
		return false
	}
	// "will close the store": a plan, read with its speaker (see
	// intention), not a deed
	for m := g + 1; m < k; m++ {
		if modals[toks[m].lower] {
			return false
		}
	}
	w := toks[k].lower
	if vend > k {
		return true // "announced charges", "shut down the port"
	}
	j := vend + 1
	if j >= s.to || toks[j].kind != tokWord || d.inQ[j] >= 0 {
		return false
	}
	switch {
	case strings.HasPrefix(w, "clos") || strings.HasPrefix(w, "reopen"):
		return isDeterminer(toks[j].lower) || toks[j].lower == "all"
	case strings.HasPrefix(w, "suspend") || strings.HasPrefix(w, "revok"):
		// "suspended the exchange's licence", "revoked its permit": a
		// licence, not a player ("suspended him") nor an airline's
		// flights, which are no authority's stance
		for m := j; m < s.to && m <= j+4 && toks[m].kind == tokWord; m++ {
			if licenceNouns[toks[m].lower] || measureNouns[toks[m].lower] {
				return true
			}
		}
		return false
	}
	// extend, lift, impose, cut: a measure within the object; announce:
	// a measure or a decision taken ("announced an ambitious plan to
	// restore funding", "announced early dismissals"), not news told
	// ("announced the death of", "announced the results")
	announce := strings.HasPrefix(w, "announc")
	for m := j; m < s.to && m <= j+5; m++ {
		if toks[m].kind != tokWord || announce && toks[m].lower == "of" {
			break // "announced the results of its investigation": no decision
		}
		if measureNouns[toks[m].lower] || measureNouns[unglue(toks[m].lower)] || announce && decisionNouns[toks[m].lower] {
			return true
		}
	}
	return false
}

// decisionNouns are what an authority announces as its decision, beside
// the measures it imposes or lifts (measureNouns).
var decisionNouns = map[string]bool{
	"plan": true, "plans": true, "measures": true, "dismissals": true, "closure": true, "closures": true,
	"investigation": true, "probe": true, "evacuation": true, "evacuations": true, "cancellation": true,
	"cancellations": true, "layoffs": true, "resignation": true, "withdrawal": true, "suspension": true,
}

// unglue drops a preposition the scraper glued to the end of a word when
// it dropped the space before a link ("taxesin half"), or returns "".
func unglue(w string) string {
	for _, p := range [...]string{"in", "on", "for", "of", "to", "at"} {
		if b, ok := strings.CutSuffix(w, p); ok && len(b) >= 3 {
			return b
		}
	}
	return ""
}

// modals before an act verb make it a plan or a possibility.
var modals = map[string]bool{
	"will": true, "would": true, "could": true, "may": true, "might": true, "can": true, "should": true, "must": true,
}

// contractedAux are the auxiliaries of ellipticDenial as they stand
// before "n’t" ("wasn’t", "didn’t").
var contractedAux = map[string]bool{"wasn": true, "weren": true, "isn": true, "aren": true, "didn": true,
	"doesn": true, "don": true, "hadn": true, "hasn": true, "haven": true}

// heldOn are the verbs that keep a subject in a state: before a stance
// told as an adjective ("remained open to") they stand for a copula.
var heldOn = map[string]bool{"remain": true, "remains": true, "remained": true, "stay": true, "stays": true, "stayed": true}

// copulas join a subject to an adjective.
var copulas = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true}

// adjectival reports whether the stance word at token k is an adjective,
// no verb form: "aware", "willing", "ready" have no inflected forms in
// the lexicon.
func (d *doc) adjectival(k int) bool {
	w := d.toks[k].lower
	return len(d.lx.stance[w+"s"]) == 0 && len(d.lx.stance[w+"es"]) == 0 &&
		!strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "s")
}

// closureKey returns "close" or "open" for a verb that closes or reopens
// a place ("closed", "shut", "reopening"), else "".
func closureKey(w string) string {
	switch {
	case strings.HasPrefix(w, "clos"), w == "shut", w == "shuts", w == "shutting":
		return "close"
	case strings.HasPrefix(w, "reopen"):
		return "open"
	}
	return ""
}

// facilities are the places an authority closes and reopens, each with
// the kind of place it is: "I-80" and "the highway" are one road, so a
// road closed and the highway reopened are one decision changed.
var facilities = map[string]string{
	"school": "school", "schools": "school", "campus": "school", "campuses": "school",
	"classes": "school", "university": "school", "universities": "school", "college": "school",
	"office": "office", "offices": "office", "department": "office", "departments": "office",
	"courthouse": "office", "courthouses": "office", "zoo": "office", "museum": "office",
	"museums": "office", "library": "office", "libraries": "office", "park": "office", "parks": "office",
	"road": "road", "roads": "road", "highway": "road", "highways": "road", "interstate": "road",
	"freeway": "road", "bridge": "road", "bridges": "road", "tunnel": "road", "tunnels": "road",
	"route": "road", "routes": "road", "lanes": "road", "airport": "airport", "airports": "airport",
	"airspace": "airport", "terminal": "airport", "terminals": "airport", "border": "border",
	"borders": "border", "crossing": "border", "crossings": "border", "port": "port", "ports": "port",
	"strait": "port", "embassy": "embassy", "embassies": "embassy", "consulate": "embassy",
	"consulates": "embassy", "beach": "park", "beaches": "park", "synagogue": "office",
	"church": "office", "mosque": "office", "station": "road", "stations": "road",
}

// roadNames open the name of a numbered road: "I-80", "Interstate 80",
// "Route 66".
var roadNames = map[string]bool{"i": true, "interstate": true, "route": true, "highway": true, "us": true, "sr": true}

// facilityAt returns the kind of place token i names (see facilities),
// the number of a numbered road ("I-80") included, or "".
func (d *doc) facilityAt(i, lo int) string {
	t := d.toks[i]
	if t.kind == tokNum {
		j := i - 1
		if j >= lo && d.toks[j].text == "-" {
			j--
		}
		if j >= lo && roadNames[d.toks[j].lower] && d.toks[j].isCap() {
			return "road"
		}
		return ""
	}
	if t.kind != tokWord {
		return ""
	}
	if i > lo && d.toks[i-1].lower == "polling" {
		return "" // "polling stations will close at 8": the vote's hours, as "polls close"
	}
	return facilities[strings.ToLower(stripPoss(t.text))]
}

// facilityWords returns the kinds of place named in tokens from..to, as
// words a closure's object is matched by.
func (d *doc) facilityWords(from, to int) []string {
	var out []string
	for i := from; i <= to && i < len(d.toks); i++ {
		if f := d.facilityAt(i, from); f != "" && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// closure reads an authority's decision told as the state of a place it
// closed or reopened, the verb at token k with its auxiliaries after
// token g: "Richmond Public Schools will be closed Monday", "campuses
// will close two hours early", "I-80 is closed in both directions", "the
// bridge will remain closed". The subject is the place, the one who
// announced it (the sentence's speaker) the actor. Not a place that
// could, may or should close (a possibility), after "to" (an aim:
// "working to reopen the strait"), a state denied ("is not closed"), nor
// what closes without an auxiliary ("the road closed because of snow":
// what happened), nor a thing that is no place ("the deal is closed",
// "polls close at 7"). A decision not to close is one too ("schools will
// not be closed"), the other side of a closure called off.
func (d *doc) closure(k, g int, s sent) (item, bool) {
	toks := d.toks
	key := closureKey(toks[k].lower)
	if key == "" || toks[k].lower == "closing" || toks[k].lower == "closes" || k+1 < s.to && toks[k+1].text == "-" {
		return item{}, false // "closed-door talks"
	}
	participle := strings.HasSuffix(toks[k].lower, "ed") || toks[k].lower == "shut"
	state := false
	if g >= s.from && heldOn[toks[g].lower] {
		if !participle {
			return item{}, false
		}
		state = true
		g--
		for g >= s.from && toks[g].kind == tokWord && !toks[g].isCap() && (skippable[toks[g].lower] || d.isAdverb(toks[g].lower)) {
			g--
		}
	}
	if g < s.from || toks[g].lower == "to" || toks[g].lower == "and" {
		return item{}, false
	}
	future, neg := false, false
	first := k
	for m := g + 1; m < k; m++ {
		l := toks[m].lower
		switch {
		case isNeg(l):
			// "will not be closed", "won’t reopen": the decision not to
			neg = true
			future = future || strings.HasPrefix(l, "won") || strings.HasPrefix(l, "wouldn")
		case l == "will" || l == "would":
			future = true
		case modals[l]:
			return item{}, false // "could close", "may be closed"
		case copulas[l]:
			state = state || participle
		default:
			continue
		}
		if first == k {
			first = m
		}
	}
	if !state && !(future && !participle) || neg && !future {
		return item{}, false // "is not closed": a state denied, no decision told
	}
	// the place: the subject's head, or a place noun earlier in the
	// subject ("All state government departments not working on storm
	// response will be closed", "the Mackinac Bridge to the upper
	// peninsula was closed")
	head, kind := -1, ""
	for m := g; m >= s.from && m > g-12; m-- {
		t := toks[m]
		if d.inQ[m] >= 0 || t.kind == tokPunct && t.text != "-" || t.is(clsSpeech) || t.is(clsStance) || t.lower == "that" {
			break
		}
		if kind = d.facilityAt(m, s.from); kind != "" {
			head = m
			break
		}
	}
	if head < 0 {
		return item{}, false
	}
	from := head
	for from-1 >= s.from && toks[from-1].kind != tokPunct && !toks[from-1].is(clsSpeech) && toks[from-1].lower != "that" && d.inQ[from-1] < 0 && !isDeterminer(toks[from-1].lower) {
		from--
	}
	if from-1 >= s.from && toks[from-1].text == "-" && from-2 >= s.from {
		from -= 2 // "I-80"
	}
	if d.hypothetical(from-1, s) || d.background(s) {
		return item{}, false
	}
	// "the highway was closed by a landslide": no one's decision
	if k+2 < s.to && toks[k+1].lower == "by" {
		if p, ok := d.npAfterBy(k+2, s.to); ok && naturalCause(p) {
			return item{}, false
		}
	}
	if future && !state && k+1 < s.to && (isDeterminer(toks[k+1].lower) || toks[k+1].lower == "to") {
		return item{}, false // "will close the store": a plan, read with its speaker
	}
	place, _, _ := d.span(from, head)
	actor := d.closureSpeaker(s, from, k)
	named := actor != ""
	if !named {
		actor = place
	}
	stance := "close"
	if key == "open" {
		stance = "reopen"
	}
	if neg {
		// "will be closed" → "will not be closed": the decision reversed
		stance, key = "not "+stance, "not "+key
	}
	// "The highway remained closed on Saturday", "Many airports were
	// closed": a closure in force, told of a place the story has named
	// before (or of none in particular), is its background, no news of
	// its own; it still pairs with the same closure told otherwise, and
	// a named place's state is the other side of its reopening ("I-80 is
	// closed" → "authorities reopened the highway")
	quiet := false
	if !future {
		quiet = true
		for m := from; m <= head; m++ {
			if toks[m].isCap() && m > s.from || toks[m].kind == tokNum {
				quiet = false
			}
		}
	}
	text, st, en := d.span(first, k)
	words := append(d.objectWords(from, head+1), kind)
	return item{
		Fact:  Fact{Kind: KindPosition, Text: text, Start: st, End: en, Value: stance + ": " + place, Subject: actor},
		key:   key,
		slot:  actorKey(actor),
		words: words,
		loose: !named,
		quiet: quiet,
	}, true
}

// closureSpeaker returns who announced a closure in sentence s, the
// subject of its speech verb outside tokens from..to ("the district said",
// "Authorities in Iowa announced Sunday I-80 is closed"), or "".
func (d *doc) closureSpeaker(s sent, from, to int) string {
	toks := d.toks
	for j := s.from; j < s.to; j++ {
		if j >= from && j <= to || d.inQ[j] >= 0 || !toks[j].is(clsSpeech) || !spoken(toks[j].lower) {
			continue
		}
		g := j - 1
		// "state police on Sunday said": the day is no speaker
		for g >= s.from && (toks[g].kind == tokWord && !toks[g].isCap() && (skippable[toks[g].lower] || d.isAdverb(toks[g].lower) || timePreps[toks[g].lower]) || d.isTimeName(toks[g].text)) {
			g--
		}
		if p, ok := d.npBefore(g+1, s.from); ok && !pronouns[toks[p.from].lower] {
			return d.npText(p)
		}
		if p, ok := d.npAfter(j+1, s.to); ok && !pronouns[toks[p.from].lower] {
			return d.npText(p)
		}
	}
	return ""
}

// spoken reports whether a speech word is a finite verb of saying
// ("said", "announced", "says"), not a noun or an infinitive ("state",
// "a statement").
func spoken(w string) bool {
	switch w {
	case "said", "says", "told", "tells", "wrote", "writes":
		return true
	}
	return strings.HasSuffix(w, "ed")
}

// naturalEvents are what closes a place without deciding to: weather,
// water, fire and earth.
var naturalEvents = map[string]bool{
	"storm": true, "storms": true, "snow": true, "snowfall": true, "rain": true, "rains": true,
	"flood": true, "floods": true, "flooding": true, "floodwaters": true, "ice": true, "landslide": true,
	"landslides": true, "rockfall": true, "mudslide": true, "mudslides": true, "wildfire": true,
	"wildfires": true, "blaze": true, "hurricane": true, "tornado": true, "tornadoes": true,
	"blizzard": true, "earthquake": true, "quake": true, "winds": true, "typhoon": true, "cyclone": true,
}

// authorityHeads end the name of people or a body that decide, whatever
// weather their name holds ("the Flood Control District", "storm crews").
var authorityHeads = map[string]bool{
	"district": true, "department": true, "authority": true, "agency": true, "service": true,
	"center": true, "centre": true, "commission": true, "board": true, "office": true, "council": true,
	"agents": true, "officers": true, "officials": true, "crews": true, "police": true, "team": true,
}

// naturalCause reports whether a subject names a natural event ("Heavy
// snow", "Storm Amy", "the ice storm"), no actor that decides. An acronym
// is a body's name, not weather ("ICE", the immigration agency), and so is
// a name ending in a body's word ("the Flood Control District").
func naturalCause(subject string) bool {
	ws := strings.Fields(subject)
	if len(ws) > 0 && authorityHeads[strings.ToLower(strings.Trim(ws[len(ws)-1], ",.’'"))] {
		return false
	}
	for _, w := range ws {
		w = strings.Trim(w, ",.’'")
		if naturalEvents[strings.ToLower(w)] && (len(w) < 2 || w != strings.ToUpper(w)) {
			return true
		}
	}
	return false
}

// npAfterBy returns the words of the agent after "by", from token i to
// the first punctuation or function word past its head, at most 5
// words: "a landslide", "heavy flooding".
func (d *doc) npAfterBy(i, hi int) (string, bool) {
	j := i
	for j < hi && j < i+5 && d.toks[j].kind == tokWord && (j == i || !d.toks[j].is(clsFunction)) {
		j++
	}
	if j == i {
		return "", false
	}
	text, _, _ := d.span(i, j-1)
	return text, true
}
