package facts

import (
	"sort"
	"strings"
	"unicode"
)

// speaker is a speech verb of a sentence and whom it attributes words to.
type speaker struct {
	tok  int
	name string
	via  int // offset of the antecedent when the subject is a pronoun, else -1
}

// quoteAndPositionItems appends quotes and positions to out. It walks the
// sentences in order, so a pronoun ("he said") can resolve to the last
// person named before it.
func (d *doc) quoteAndPositionItems(out []item) []item {
	lastQuote, lastQuotePara, lastVia := "", -1, ""
	qi := 0
	// One sentence's speakers and actors at a time, only read by what
	// this loop calls: the slices are reused, not made for each sentence.
	var spk []speaker
	var actors []string
	for _, s := range d.sents {
		spk, actors = spk[:0], actors[:0]
		before := d.lastPerson
		for k := s.from; k < s.to; k++ {
			if d.inQ[k] >= 0 || d.toks[k].kind != tokWord {
				continue
			}
			// position starts with a stance phrase at k: test that first.
			if d.toks[k].is(clsStance) {
				if it, ok := d.position(k, s, actors); ok {
					actors = append(actors, it.Subject)
					out = append(out, it)
				}
			}
			if d.toks[k].is(clsSpeech) && !d.speechInName(k, s) || (d.toks[k].lower == "according" && k+1 < s.to && d.toks[k+1].lower == "to") {
				if name, via := d.speakerOf(k, s); name != "" {
					spk = append(spk, speaker{k, name, via})
					out = d.appendReply(out, k, s, name)
					it, ok := d.intention(k, s, name)
					if !ok {
						it, ok = d.callFor(k, s, name)
					}
					if !ok {
						it, ok = d.ellipticDenial(k, s, name)
					}
					if ok {
						it.quiet = it.quiet || d.withAbsolute(k, s)
						out = append(out, it)
					}
					// the speaker is the latest subject: "X said, calling for"
					actors = append(actors, name)
				}
			}
		}
		// a sentence without speech or stance verbs still names its
		// subject, the antecedent of a "he" that follows
		if len(spk) == 0 && len(actors) == 0 && d.lastPerson == before {
			if p, ok := d.sentenceSubject(s); ok && !pronouns[d.toks[p.from].lower] {
				if _, place := d.lx.placeByName[stripPoss(d.npText(p))]; !place {
					d.lastPerson, d.lastPersonAt = d.npText(p), d.toks[p.from].start
				}
			}
		}
		// quotes opening in this sentence
		for ; qi < len(d.quotes) && d.quotes[qi].open < d.toks[s.to-1].end; qi++ {
			q := d.quotes[qi]
			if q.open < d.toks[s.from].start {
				continue
			}
			name, at := nearest(spk, d.tokAt(q.open))
			via := d.sentenceText(at)
			goesOn := false
			if name == "" && lastQuotePara == s.para {
				name, via = lastQuote, lastVia // the speaker goes on talking
				goesOn = true
			}
			words := d.normToks(d.tokAt(q.cs), d.tokAt(q.ce))
			if len(words) == 0 || d.titleLike(q) || d.mentioned(q) {
				continue
			}
			key := strings.Join(words, " ")
			lead := 0
			if qi > 0 && (d.interrupted(d.quotes[qi-1], q, s) || goesOn && d.continues(d.quotes[qi-1], q, s)) {
				lead = q.cs - d.quotes[qi-1].cs
			}
			out = append(out, item{
				Fact:  Fact{Kind: KindQuote, Text: d.text[q.cs:q.ce], Start: q.cs, End: q.ce, Value: key, Subject: name},
				key:   key,
				slot:  actorKey(name),
				words: words,
				via:   via,
				lead:  lead,
			})
			if name != "" {
				lastQuote, lastQuotePara, lastVia = name, s.para, via
			}
		}
	}
	return out
}

// titleLike reports whether quote q is a title or a name in quotation
// marks, not words someone said: two or more words, the first and each
// other but short function words capitalised, and no sentence punctuation
// ("CNN’s “The Situation Room”", "the book “Thunder Cake”", "a defendant
// named “Ann Lee”", with the sentence's own period or comma inside the
// closing mark as American style puts it), or one capitalised word inside
// a sentence ("the “Today” show"). An acronym counts as a capitalised word
// when at least as many words in title case stand with it ("“CNN News
// Central”", the "“SAVE America Act”"). Speech in title case is rare in
// news.
func (d *doc) titleLike(q qspan) bool {
	caps, acronyms, first := 0, 0, d.tokAt(q.cs)
	if first >= len(d.toks) || !titleCase(d.toks[first].text) && !acronym(d.toks[first].text) {
		return false
	}
	for k := first; k < len(d.toks) && d.toks[k].start < q.ce; k++ {
		t := d.toks[k]
		switch {
		case t.kind != tokWord:
			// American style puts the sentence's own period or comma
			// inside the closing mark: told NBC's “Meet the Press.”
			last := (t.text == "." || t.text == ",") && (k+1 >= len(d.toks) || d.toks[k+1].start >= q.ce)
			if strings.ContainsAny(t.text, ".!?,;:") && !last {
				return false
			}
		case titleCase(t.text):
			caps++
		case acronym(t.text):
			// "“CNN News Central”", "the “SAVE America Act”": an
			// acronym is a capitalised word of a name
			caps++
			acronyms++
		case !t.is(clsFunction) || len(t.text) > 4:
			return false
		}
	}
	if 2*acronyms > caps {
		// more words in capitals than in title case: words shouted
		// ("“DEPART NOW”", "“Wanted for ASSAULT ON A POLICE
		// OFFICER”") or one acronym said ("a “RINO”"), not a name
		return false
	}
	if p := d.tokAt(q.open) - 1; caps == 1 && p >= 0 {
		// one capitalised word inside a sentence, after a word that is
		// no speech verb: a name ("the “Today” show", "the “Dune”
		// franchise"), not a word said ("she said “No”")
		prev := d.toks[p]
		if prev.text == "," && p > 0 {
			// set off by a comma after a noun: the thing's name in
			// apposition ("their yacht, “Soulmate,”", "her debut
			// album, “Withered.”"), not an answer ("he said, “No.”")
			return d.apposed(p)
		}
		return prev.kind == tokWord && !prev.is(clsSpeech)
	}
	return caps >= 2
}

// apposed reports whether the comma at token p sets a name in apposition
// to the lower-case noun before it ("their yacht, “Soulmate,”"), not an
// answer: no verb of saying stands before it in its sentence, right
// before the comma ("he said, “No.”") or further back, where the noun is
// whom or where it was said ("he told reporters, “Never.”", "she wrote on
// social media, “Disgraceful.”").
func (d *doc) apposed(p int) bool {
	prev := d.toks[p-1]
	if prev.kind != tokWord || prev.isCap() || prev.is(clsSpeech|clsFunction) {
		return false
	}
	for k := p - 1; k >= 0; k-- {
		if d.toks[k].is(clsSpeech) {
			return false
		}
		if d.sentenceStart(k) {
			break
		}
	}
	return true
}

// acronym reports whether w is two or more capital letters and nothing
// else ("CNN", "SAVE").
func acronym(w string) bool {
	if len(w) < 2 {
		return false
	}
	for _, c := range w {
		if !unicode.IsUpper(c) {
			return false
		}
	}
	return true
}

// interrupted reports whether quote q of sentence s goes on quote p, cut
// by its attribution: p opens the sentence and ends in a comma, and only a
// few words with a speech verb, or three words at most, stand between ("“We are ready,” she said,
// “and we will win.”"). The two halves are one quoted sentence.
func (d *doc) interrupted(p, q qspan, s sent) bool {
	if d.tokAt(p.open) != s.from || !strings.Contains(d.text[p.ce:p.close], ",") {
		return false
	}
	between := strings.TrimSpace(d.text[p.end:q.open])
	if !strings.HasSuffix(between, ",") || strings.ContainsAny(between, "“”\"") {
		return false
	}
	a, b := d.tokAt(p.end), d.tokAt(q.open)
	if b-a > 10 {
		return false
	}
	words := 0
	for k := a; k < b; k++ {
		if d.toks[k].is(clsSpeech) {
			return true
		}
		if d.toks[k].kind == tokWord {
			words++
		}
	}
	return words <= 3 // "Dorgan continued,", "she went on,"
}

// continues reports whether quote q, opening sentence s with no
// attribution of its own, goes on quote p of the same paragraph after p's
// attribution: "“We did our part,” she said. “The next move is theirs.”"
// News writing splits one statement so around its speaker's name; the
// pieces are one quote, told once when the paragraph comes or goes. p
// closes in the sentence right before s: the writer's own sentence
// between ("“We did our part,” she said. Talks stalled. “The next move is
// theirs.”") parts the statement in two.
func (d *doc) continues(p, q qspan, s sent) bool {
	if d.tokAt(q.open) != s.from || p.end > q.open || strings.ContainsRune(d.text[p.end:q.open], '\n') {
		return false
	}
	i := sort.Search(len(d.sents), func(i int) bool { return d.sents[i].from >= s.from })
	return i > 0 && d.toks[d.sents[i-1].from].start < p.end
}

// mentionNouns name words as words: a quote right after one mentions the
// words, it does not quote anyone saying them.
var mentionNouns = map[string]bool{"word": true, "words": true, "term": true, "terms": true,
	"keyword": true, "keywords": true, "hashtag": true, "hashtags": true, "acronym": true}

// mentioned reports whether quote q names words rather than quotes
// someone: it follows a noun for words ("left out the word “unverified”",
// "keywords like “war”", "terms such as “ceasefire”").
func (d *doc) mentioned(q qspan) bool {
	k := d.tokAt(q.open) - 1
	for n := 0; k >= 0 && n < 3 && d.toks[k].kind == tokWord; k, n = k-1, n+1 {
		switch w := d.toks[k].lower; {
		case mentionNouns[w]:
			return true
		case w != "like" && w != "such" && w != "as":
			return false
		}
	}
	return false
}

// nearest returns the speaker whose verb is closest to token t.
func nearest(spk []speaker, t int) (string, int) {
	best, bd, via := "", 1<<30, -1
	for _, s := range spk {
		dd := s.tok - t
		if dd < 0 {
			dd = -dd
		}
		if dd < bd {
			best, bd, via = s.name, dd, s.via
		}
	}
	return best, via
}

// sentenceText returns the internal sentence holding byte offset off, or
// "" for a negative offset.
func (d *doc) sentenceText(off int) string {
	if off < 0 {
		return ""
	}
	t := d.tokAt(off)
	for _, s := range d.sents {
		if t >= s.from && t < s.to {
			return d.text[d.toks[s.from].start:d.toks[s.to-1].end]
		}
	}
	return ""
}

// speakerOf finds who a speech verb at token k attributes words to:
// "Trump said", "said Trump", "according to Trump", "he said".
func (d *doc) speakerOf(k int, s sent) (string, int) {
	toks := d.toks
	if toks[k].lower == "according" {
		if p, ok := d.npAfter(k+2, s.to); ok {
			return d.resolveSpeaker(p)
		}
		return "", -1
	}
	// inverted order after a quote: "..., said Kremlin aide Yuri Ushakov"
	// After a bare comma the name must also end the clause ("…, said Merz."),
	// or "X, who attended, said Europe was ready" would make Europe the speaker.
	// "Smith, who moved here, told CNN:": the name after a verb of
	// telling is the hearer, never the speaker
	if k > s.from && (toks[k-1].text == "," || isCloseMark(toks[k-1].text)) && !tellVerbs[toks[k].lower] {
		// "…, a union leader in Atlanta, said Monday.": a day is when
		// the words were said, never who said them
		if p, ok := d.npAfter(k+1, s.to); ok && (isCloseMark(toks[k-1].text) || endsClause(toks, p.to+1, s.to)) &&
			!d.inDate(toks[p.from].start, toks[p.to].end) {
			return d.resolveSpeaker(p)
		}
		// "…,” said police spokesman Pieter Van Damme.": a role in lower
		// case, then the name, ending the clause
		for c := k + 1; c < s.to && c <= k+4 && toks[c].kind == tokWord && !d.lx.function[toks[c].lower]; c++ {
			if !toks[c].isCap() {
				continue
			}
			if p, ok := d.npAfter(c, s.to); ok && c > k+1 && !pronouns[toks[p.from].lower] && endsClause(toks, p.to+1, s.to) {
				return d.resolveSpeaker(p)
			}
			break
		}
		// "…,” said the study's lead author, Dr Giulia Fabbri.": a role,
		// then the name set off after it, ending the clause
		if k+1 < s.to && isDeterminer(toks[k+1].lower) {
			for c := k + 2; c < s.to && c <= k+8; c++ {
				if toks[c].text == "," {
					if p, ok := d.npAfter(c+1, s.to); ok && !pronouns[toks[p.from].lower] && endsClause(toks, p.to+1, s.to) {
						return d.resolveSpeaker(p)
					}
					break
				}
				if toks[c].kind != tokWord {
					break
				}
			}
		}
	}
	g := k - 1
	for g >= s.from && toks[g].kind == tokWord && skippable[toks[g].lower] {
		g--
	}
	p, ok := d.npBefore(g+1, s.from)
	if !ok {
		// "Zelensky, who had challenged Putin, called it ..."
		if g >= s.from && (toks[g].text == "," || toks[g].text == "—" || toks[g].text == ")") {
			if name := d.subjectBefore(g+1, s, nil); name != "" {
				d.lastSpeaker, d.lastSpeakerAt = name, d.lastPersonAt
				return name, -1
			}
		}
		return "", -1
	}
	// "Dmitriev, in an X post, called it": skip the prepositional phrase
	j := p.from - 1
	for j >= s.from && toks[j].kind == tokWord && (toks[j].lower == "a" || toks[j].lower == "an" || toks[j].lower == "the") {
		j--
	}
	if j > s.from && j < p.from-1 && isPrep(toks[j].lower) && toks[j-1].text == "," {
		if q, ok := d.npBefore(j-1, s.from); ok {
			p = q
		}
	}
	return d.resolveSpeaker(d.qualifiedHead(p, s.from))
}

func isPrep(w string) bool {
	switch w {
	case "in", "on", "at", "via", "during", "through":
		return true
	}
	return false
}

func isCloseMark(s string) bool {
	return s == "”" || s == "\"" || s == "»" || s == "“" || s == "’"
}

// endsClause reports whether token i ends a clause: the sentence's end or
// clause punctuation.
func endsClause(toks []token, i, hi int) bool {
	if i >= hi {
		return true
	}
	switch toks[i].text {
	case ".", ",", ";", ":", "!", "?", "—":
		return true
	}
	return isCloseMark(toks[i].text)
}

// resolveSpeaker is resolve for the subject of a speech verb. For a
// pronoun it also returns the offset of the name it stands for, else -1.
func (d *doc) resolveSpeaker(p np) (string, int) {
	if p.from == p.to && pronouns[d.toks[p.from].lower] {
		if d.lastSpeaker != "" {
			return d.lastSpeaker, d.lastSpeakerAt
		}
		return d.lastPerson, d.lastPersonAt
	}
	name := d.resolve(p)
	d.lastSpeaker, d.lastSpeakerAt = name, d.toks[p.from].start
	return name, -1
}

// speechInName reports whether the capitalised word at token k, inside its
// sentence and after a capitalised word, is part of a name: "the United
// States", "The Washington Post" (not in a text set all in capitals).
func (d *doc) speechInName(k int, s sent) bool {
	t := &d.toks[k]
	if k == s.from || !t.isCap() || !hasLower(t.text) {
		return false
	}
	p := &d.toks[k-1]
	return p.kind == tokWord && p.isCap() && !p.is(clsFunction)
}
