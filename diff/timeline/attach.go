package timeline

// How far from a date or place its event noun may stand: "a meeting
// between Vladimir Putin and Volodymyr Zelensky could take place within two
// weeks" has ten words between them.
const (
	maxLeftWords  = 12
	maxRightWords = 3
	// appositiveWords is how far past a comma the event noun may stand.
	appositiveWords = 2
)

// eventFor returns the canonical event the fact at [start, end) of text is
// about, or "" when no event noun is close enough. toks is the fact's
// sentence.
func eventFor(text string, toks []token, start, end int, buf []byte) string {
	first, last := -1, -1
	for i, t := range toks {
		if t.end > start && t.start < end {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return ""
	}
	// Left: the nearest event noun in the same clause. A pronoun subject
	// lets the search cross clause marks to its antecedent.
	words, cross, comma, limit := 0, false, false, maxLeftWords
	for i := first - 1; i >= 0; i-- {
		t := toks[i]
		if t.punct {
			if t.clause && !cross {
				// An appositive: "the meeting, expected in early
				// September, ..." reaches back past one comma to the noun
				// right before it, and no further.
				if text[t.start] != ',' || comma {
					break
				}
				comma, limit = true, min(limit, words+appositiveWords)
			}
			continue
		}
		words++
		if !cross && words > limit {
			break
		}
		if ev := eventAt(text, toks, i, buf); ev != "" {
			return ev
		}
		buf = lowerWord(buf, text[t.start:t.end])
		if pronouns[string(buf)] {
			cross = true
		}
	}
	// Right: "Monday's talks", "August 29 summit".
	words = 0
	for i := last + 1; i < len(toks) && words < maxRightWords; i++ {
		t := toks[i]
		if t.punct {
			if t.clause {
				break
			}
			continue
		}
		words++
		if ev := eventAt(text, toks, i, buf); ev != "" {
			return ev
		}
	}
	return ""
}

// eventAt returns the canonical event named by token i, qualified "last"
// when a past mark precedes it, or "".
func eventAt(text string, toks []token, i int, buf []byte) string {
	t := toks[i]
	buf = lowerWord(buf, text[t.start:t.end])
	// Possessives name the owner's event: "Monday's talks" ends in "talks".
	ev, ok := events[string(buf)]
	if !ok {
		return ""
	}
	if gerunds[string(buf)] && i > 0 && !toks[i-1].punct {
		p := toks[i-1]
		if verbPreps[string(lowerWord(buf, text[p.start:p.end]))] {
			return ""
		}
	}
	for j, n := i-1, 0; j >= 0 && n < 3; j-- {
		p := toks[j]
		if p.punct {
			break
		}
		n++
		if pastMarks[string(lowerWord(buf, text[p.start:p.end]))] {
			return "last " + ev
		}
	}
	return ev
}
