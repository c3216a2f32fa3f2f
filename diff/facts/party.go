package facts

import (
	"fmt"
	"strings"
)

// loadParties parses lexicon/LANG/parties.txt: "Name | alias, alias" per
// line. The name is an alias of itself; a name that stands for two parties
// is an error.
func loadParties(lang string, lx *lexicon) error {
	const file = "parties.txt"
	lines, err := readLines(lang, file)
	if err != nil {
		return err
	}
	for _, l := range lines {
		party, aliases, ok := strings.Cut(l, "|")
		party = strings.TrimSpace(party)
		if !ok || party == "" {
			return fmt.Errorf("%s/%s: want \"Name | alias, alias\", got %q: %w", lang, file, l, ErrLexicon)
		}
		for _, a := range append(strings.Split(aliases, ","), party) {
			k := foldParty(a)
			if k == "" {
				continue
			}
			if prev, dup := lx.parties[k]; dup && prev != party {
				return fmt.Errorf("%s/%s: %q names both %s and %s: %w", lang, file, strings.TrimSpace(a), prev, party, ErrLexicon)
			}
			lx.parties[k] = party
		}
	}
	return nil
}

// foldParty is the form party names are looked up in: lower case,
// typographic apostrophes straightened, single spaces, no leading "the".
func foldParty(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(s, "’", "'")), " "))
	return strings.TrimPrefix(s, "the ")
}

// PartyOf returns the party a name speaks for, as the lexicon names it:
// "the Kremlin", "Moscow" and "Putin's spokesman" are all "Russia". The
// name is looked up whole, case, a leading "the" and the kind of
// apostrophe ignored; a leader keeps his own name ("Putin" is no party).
func PartyOf(name string) (string, bool) {
	p, ok := english().parties[foldParty(name)]
	return p, ok
}

// partyOfSubject returns the party a stance's subject speaks for: the
// subject whole, else the name after leading titles, possessives and
// party names ("Kremlin spokesman Dmitry Peskov", "Putin's spokesman" are
// Russia; "Kremlin aide Yuri Ushakov" is no party but his own).
func partyOfSubject(subject string) (string, bool) {
	if subject == "" {
		return "", false
	}
	lx := english()
	words := strings.Fields(foldParty(subject))
	for i := range words {
		if i > 0 {
			w := words[i-1]
			if _, party := lx.parties[w]; !party && !lx.titles[w] && !strings.HasSuffix(w, "'s") {
				break
			}
		}
		if p, ok := lx.parties[strings.Join(words[i:], " ")]; ok {
			return p, true
		}
	}
	return "", false
}
