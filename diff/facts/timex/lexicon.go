package timex

import (
	_ "embed"
	"sort"
	"strings"
	"sync"

	"github.com/storywatch/storywatch/diff/internal/wordfilter"
)

//go:embed lexicon/en.txt
var enLexicon string

// Kinds of lexicon entries; kindNames gives their names in lexicon files.
const (
	kindMonth = iota
	kindWeekday
	kindUnit
	kindSeason
	kindPartofday
	kindNumber
	kindVague
	kindOrdinal
	kindDecade
	kindRef
	kindDeictic
	kindRel
	kindSet
	kindMod
	kindPos
	kindHoliday
	kindFuture
	numKinds
)

var kindNames = [numKinds]string{
	"month", "weekday", "unit", "season", "partofday", "number", "vague", "ordinal", "decade",
	"ref", "deictic", "rel", "set", "mod", "pos", "holiday", "future",
}

// phrase is one lexicon entry: its words (as tokens) and its key.
type phrase struct {
	words []string
	key   string
}

// entry holds, for one word, the phrases of each kind that start with it,
// longest first.
type entry struct {
	byKind [numKinds][]phrase
	core   coreInfo // summary of the core kinds, see shortcut.go
}

// lexicon holds the phrases of one language indexed by first word, so the
// matcher needs one map lookup per token. It is built once and never
// modified afterwards.
type lexicon struct {
	words map[string]*entry
	// filter holds the keys of words, to turn most other words away
	// before the map lookup.
	filter wordfilter.Filter
}

// entry returns the entry of word w, nil if none.
func (lx *lexicon) entry(w string) *entry {
	if !lx.filter.MayHave(w) {
		return nil
	}
	return lx.words[w]
}

// english returns the English lexicon, parsed on first use.
var english = sync.OnceValue(func() *lexicon { return parseLexicon(enLexicon, startWords) })

// startWords can begin an expression without starting a lexicon phrase.
var startWords = []string{
	"the", "a", "an", "fiscal", "noon", "midnight", "midday", "tonight", "each", "every", "per",
	"q", "year", "mid", "fy", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays",
	"saturdays", "sundays", "'", "half", "its", "their", "this", "nineteen", "that",
	// Words that open durations ("the past three years", "recent weeks").
	"past", "last", "previous", "preceding", "prior", "recent", "next", "coming", "following",
	"remaining", "upcoming", "first", "final", "initial", "latest", "entire", "full", "whole",
	"additional", "further", "same", "other",
}

// parseLexicon reads the "KIND KEY | phrase | phrase" format of
// lexicon/*.txt; lines of unknown kinds are ignored. extra words get an
// empty entry so that they count as possible starts.
func parseLexicon(src string, extra []string) *lexicon {
	lx := &lexicon{words: map[string]*entry{}}
	get := func(w string) *entry {
		e := lx.words[w]
		if e == nil {
			e = &entry{}
			lx.words[w] = e
		}
		return e
	}
	for _, w := range extra {
		get(w)
	}
	for line := range strings.SplitSeq(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		parts := strings.Split(line, "|")
		head := strings.Fields(parts[0])
		if len(head) == 0 {
			continue
		}
		kind := -1
		for k, name := range kindNames {
			if name == head[0] {
				kind = k
			}
		}
		if kind < 0 {
			continue
		}
		key := ""
		if len(head) > 1 {
			key = head[1]
		}
		for _, p := range parts[1:] {
			toks := tokenize(strings.TrimSpace(p), nil)
			if len(toks) == 0 {
				continue
			}
			words := make([]string, len(toks))
			for i, t := range toks {
				words[i] = t.w
			}
			e := get(words[0])
			e.byKind[kind] = append(e.byKind[kind], phrase{words: words, key: key})
		}
	}
	for _, e := range lx.words {
		for _, ps := range e.byKind {
			sort.SliceStable(ps, func(a, b int) bool { return len(ps[a].words) > len(ps[b].words) })
		}
	}
	for w := range lx.words {
		lx.filter.Add(w)
	}
	// After the filter: weekdayPlural looks words up through it.
	for w, e := range lx.words {
		e.core = coreInfoOf(lx, w, e)
	}
	return lx
}

// phrases returns the phrases of kind that start with word w.
func (lx *lexicon) phrases(kind int, w string) []phrase {
	if e := lx.entry(w); e != nil {
		return e.byKind[kind]
	}
	return nil
}

// has reports whether w is a one-word phrase of kind.
func (lx *lexicon) has(kind int, w string) bool {
	for _, p := range lx.phrases(kind, w) {
		if len(p.words) == 1 {
			return true
		}
	}
	return false
}

// match finds the longest phrase of kind starting at token i and returns
// its key and the index after it.
func (p *parser) match(kind, i int) (key string, j int, ok bool) {
	if i < 0 || i >= len(p.t) || p.t[i].info == nil {
		return "", i, false
	}
	for _, ph := range p.t[i].info.byKind[kind] {
		if i+len(ph.words) > len(p.t) {
			continue
		}
		good := true
		for k, w := range ph.words[1:] {
			if p.t[i+1+k].w != w {
				good = false
				break
			}
		}
		if good {
			return ph.key, i + len(ph.words), true
		}
	}
	return "", i, false
}
