package timeline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storywatch/storywatch/diff/facts"
)

// actor is one party a position or quote belongs to.
type actor struct {
	key   string // folded, lower case
	label string // for people the surname, else the name as written
}

// actorsOf splits and normalises a fact's subject: "Merz and French
// President Emmanuel Macron" are two actors, "Merz" and "Macron".
func actorsOf(subject string) []actor {
	subject = strings.TrimSpace(strings.ReplaceAll(subject, "’", "'"))
	if subject == "" {
		return nil
	}
	var out []actor
	for _, part := range splitActors(subject) {
		if a, ok := normActor(part); ok {
			out = append(out, a)
		}
	}
	return out
}

func splitActors(s string) []string {
	var parts []string
	for _, p := range strings.Split(s, ", ") {
		parts = append(parts, strings.Split(p, " and ")...)
	}
	return parts
}

func normActor(s string) (actor, bool) {
	s = strings.TrimSpace(s)
	low := strings.ToLower(s)
	if strings.HasPrefix(low, "the ") {
		s, low = s[4:], low[4:]
	}
	if s == "" {
		return actor{}, false
	}
	if a, ok := aliasOf(s); ok {
		return a, true
	}
	words := strings.Fields(s)
	for _, w := range strings.Fields(low) {
		if orgWords[w] {
			return actor{key: low, label: s}, true
		}
	}
	// People: drop titles and nationality, keep the surname.
	for len(words) > 1 && titleWords[strings.ToLower(words[0])] {
		words = words[1:]
	}
	name := words[len(words)-1]
	r, _ := utf8.DecodeRuneInString(name)
	if len(words) > 4 || !unicode.IsUpper(r) {
		return actor{key: low, label: s}, true
	}
	return actor{key: strings.ToLower(name), label: name}, true
}

// aliasOf looks a name up in the parties of the fact lexicon (see
// facts.PartyOf): the whole name, else the name after leading titles and
// possessives ("Kremlin spokesman Dmitry Peskov", "Putin's spokesman Dmitry
// Peskov" are Peskov, who speaks for Russia).
func aliasOf(s string) (actor, bool) {
	words := strings.Fields(strings.ToLower(strings.ReplaceAll(s, "’", "'")))
	for i := range words {
		if i > 0 && !titleWords[words[i-1]] && !strings.HasSuffix(words[i-1], "'s") {
			break
		}
		if a, ok := facts.PartyOf(strings.Join(words[i:], " ")); ok {
			return actor{key: strings.ToLower(a), label: a}, true
		}
	}
	return actor{}, false
}

// splitStance splits a position value "reject: the deployment of troops"
// into its stance and object.
func splitStance(v string) (stance, object string) {
	if i := strings.Index(v, ": "); i >= 0 {
		return v[:i], v[i+2:]
	}
	return v, ""
}

// foldStance folds stances a reader would not tell apart, as the fact
// comparison does.
func foldStance(s string) string { return facts.StanceGroup(s) }

// topicOf names what a position's object is about: a topic of the lexicon
// ("the deployment of troops from NATO countries" is "NATO troops"), else
// the object's first content word.
func topicOf(object string, buf []byte) string {
	var toks []token
	toks = tokenize(object, 0, len(object), toks)
	fallback := ""
	for _, t := range toks {
		if t.punct {
			continue
		}
		buf = lowerWord(buf, object[t.start:t.end])
		if tp, ok := topics[string(buf)]; ok {
			if tp == "troops" {
				return troopsOf(object, toks, buf)
			}
			return tp
		}
		if fallback == "" && !function[string(buf)] {
			fallback = strings.TrimSuffix(string(buf), "'s")
		}
	}
	return fallback
}

func troopsOf(object string, toks []token, buf []byte) string {
	for _, t := range toks {
		if t.punct {
			continue
		}
		buf = lowerWord(buf, object[t.start:t.end])
		if q, ok := troopQualifiers[string(buf)]; ok {
			return q
		}
	}
	return "troops"
}
