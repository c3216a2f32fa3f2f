package facts

import (
	"bufio"
	"embed"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/storywatch/storywatch/diff/internal/wordfilter"
)

// lexiconFS holds the word lists, one directory per language, so German,
// French, Russian and Ukrainian can follow by adding files, not code.
//
//go:embed lexicon/en/*.txt
var lexiconFS embed.FS

// stanceEntry is one stance phrase: its words (lower case; "*" is one
// optional word) and its class.
type stanceEntry struct {
	words []string
	class string
	// negOnly: the phrase states a stance only when negated or refused
	// ("would not say", "declined to disclose"), written "!say"
	negOnly bool
}

// place is one gazetteer entry.
type place struct {
	name   string   // canonical name
	typ    string   // country, city, venue, ...
	parent string   // canonical name of the containing place, or ""
	names  []string // the name and its aliases
}

// lexicon is the parsed word lists of one language. It is built once and
// only read afterwards, so it is safe to share between goroutines.
type lexicon struct {
	stance map[string][]stanceEntry // first word form -> entries
	// pastForms are the irregular past forms of stance verbs ("found",
	// "withdrew", "pled"), never a bare form (see isBareStance)
	pastForms   map[string]bool
	speech      map[string]bool
	function    map[string]bool
	titles      map[string]bool // lower-case words allowed inside a name
	actorNouns  map[string]bool // common nouns that head an actor: "the ministry"
	spelling    map[string]string
	units       map[string]float64 // number words
	scales      map[string]float64
	vague       map[string]string
	approx      map[string]string // phrase -> value prefix
	approxMax   int               // longest approx phrase, in words
	curSymbol   map[string]string
	curWord     map[string]string
	percent     map[string]string // phrase -> unit
	measure     map[string]string // unit of measure phrase -> canonical unit: "kilometres" -> "km"
	places      map[string]place  // canonical name -> entry
	placeByName map[string]string // name or alias -> canonical name
	placeMax    int               // longest place name, in words
	// placeIndex answers matchPlace's three questions about a string in
	// one lookup: a name (placeByName's), a first word of one, a name cut
	// before one of its spaces ("New", "New York" of "New York City").
	placeIndex map[string]placeKey
	locPrep    map[string]bool // single-word locative prepositions
	locPhrase  [][]string      // multi-word locative phrases
	motion     map[string]bool
	// parties maps a folded name (see foldParty) to the party it speaks
	// for: "kremlin", "moscow" and "putin's spokesman" are all "Russia".
	parties map[string]string
	// class answers, in one lookup per token, which of the word lists
	// above hold a lower-case form (see wordClass): the extractors ask
	// several lists about every token, and most tokens are in none.
	class map[string]wordClass
	// classFilter holds the keys of class, to skip most lookups of words
	// that are in no list.
	classFilter wordfilter.Filter
	// curFirst marks the first bytes of the currency symbols, so most
	// tokens are turned away without a lookup of their text.
	curFirst [256]bool
}

// wordClass is a set of word lists a lower-case form belongs to.
type wordClass uint8

// The word lists a wordClass can name.
const (
	clsStance   wordClass = 1 << iota // first word of a stance phrase
	clsSpeech                         // speech verb
	clsFunction                       // function word
	clsVague                          // vague amount ("dozens")
	clsUnit                           // number word ("three")
	clsSpelling                       // British spelling ("favour")
)

// buildClasses fills lx.class and lx.curFirst from the finished lists.
func (lx *lexicon) buildClasses() {
	lx.class = map[string]wordClass{}
	for w := range lx.stance {
		lx.class[w] |= clsStance
	}
	for _, l := range []struct {
		m map[string]bool
		c wordClass
	}{{lx.speech, clsSpeech}, {lx.function, clsFunction}} {
		for w := range l.m {
			lx.class[w] |= l.c
		}
	}
	for w := range lx.vague {
		lx.class[w] |= clsVague
	}
	for w := range lx.units {
		lx.class[w] |= clsUnit
	}
	for w := range lx.spelling {
		lx.class[w] |= clsSpelling
	}
	for w := range lx.class {
		lx.classFilter.Add(w)
	}
	for s := range lx.curSymbol {
		if s != "" {
			lx.curFirst[s[0]] = true
		}
	}
}

// english returns the English lexicon, parsing it on first use.
var english = sync.OnceValue(func() *lexicon {
	lx, err := loadLexicon("en")
	if err != nil {
		// The files are embedded and covered by tests: a parse error is a
		// programming error, not a run-time condition.
		panic(err)
	}
	return lx
})

// readLines returns the non-empty, non-comment lines of one lexicon file.
func readLines(lang, name string) ([]string, error) {
	data, err := lexiconFS.ReadFile("lexicon/" + lang + "/" + name)
	if err != nil {
		return nil, fmt.Errorf("read lexicon %s/%s: %w", lang, name, err)
	}
	var out []string
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return out, nil
}

// sections splits lines into "[name]" sections.
func sections(lines []string) map[string][]string {
	out := map[string][]string{}
	cur := ""
	for _, l := range lines {
		if strings.HasPrefix(l, "[") && strings.HasSuffix(l, "]") {
			cur = l[1 : len(l)-1]
			continue
		}
		out[cur] = append(out[cur], l)
	}
	return out
}

// splitLast splits "some words value" into ("some words", "value").
func splitLast(l string) (string, string, error) {
	i := strings.LastIndexByte(l, ' ')
	if i < 0 {
		return "", "", fmt.Errorf("parse lexicon line %q: %w", l, ErrLexicon)
	}
	return strings.TrimSpace(l[:i]), l[i+1:], nil
}

func loadLexicon(lang string) (*lexicon, error) {
	lx := &lexicon{
		stance: map[string][]stanceEntry{}, speech: map[string]bool{}, function: map[string]bool{}, titles: map[string]bool{}, actorNouns: map[string]bool{},
		spelling: map[string]string{}, units: map[string]float64{}, scales: map[string]float64{},
		vague: map[string]string{}, approx: map[string]string{}, curSymbol: map[string]string{},
		curWord: map[string]string{}, percent: map[string]string{}, measure: map[string]string{}, places: map[string]place{},
		placeByName: map[string]string{}, placeIndex: map[string]placeKey{}, locPrep: map[string]bool{}, motion: map[string]bool{},
		parties: map[string]string{},
	}
	steps := []func(string, *lexicon) error{loadStance, loadWords, loadNumbers, loadPlaces, loadLocative, loadParties}
	for _, f := range steps {
		if err := f(lang, lx); err != nil {
			return nil, err
		}
	}
	lx.buildClasses()
	return lx, nil
}

func loadWords(lang string, lx *lexicon) error {
	for _, f := range []struct {
		name string
		m    map[string]bool
	}{{"speech.txt", lx.speech}, {"function.txt", lx.function}, {"titles.txt", lx.titles}, {"actors.txt", lx.actorNouns}} {
		lines, err := readLines(lang, f.name)
		if err != nil {
			return err
		}
		for _, l := range lines {
			for _, w := range strings.Fields(l) {
				f.m[w] = true
			}
		}
	}
	lines, err := readLines(lang, "spelling.txt")
	if err != nil {
		return err
	}
	for _, l := range lines {
		k, v, err := splitLast(l)
		if err != nil {
			return err
		}
		lx.spelling[k] = v
	}
	return nil
}

func loadNumbers(lang string, lx *lexicon) error {
	lines, err := readLines(lang, "numbers.txt")
	if err != nil {
		return err
	}
	for sec, ls := range sections(lines) {
		for _, l := range ls {
			k, v, err := splitLast(l)
			if err != nil {
				return err
			}
			switch sec {
			case "units", "scales":
				f, err := strconv.ParseFloat(v, 64)
				if err != nil {
					return fmt.Errorf("parse number %q: %w", l, err)
				}
				if sec == "units" {
					lx.units[k] = f
					if f >= 2 && f == math.Trunc(f) {
						// compared as its figure: a quote retyped with
						// "30 years" for "thirty years" is the same words
						// ("one" stays a word: "no one", "the one who")
						lx.spelling[k] = strconv.Itoa(int(f))
					}
				} else {
					lx.scales[k] = f
				}
			case "vague":
				lx.vague[k] = v
			case "approx":
				lx.approx[k] = v
				lx.approxMax = max(lx.approxMax, len(strings.Fields(k)))
			case "currency-symbol":
				lx.curSymbol[k] = v
			case "currency-word":
				lx.curWord[k] = v
			case "percent":
				lx.percent[k] = v
			case "measure":
				lx.measure[k] = v
			default:
				return fmt.Errorf("parse numbers.txt section %q: %w", sec, ErrLexicon)
			}
		}
	}
	return nil
}

// placeKey is what the gazetteer knows of one string (see placeIndex).
type placeKey struct {
	canon string // the canonical place it names, when name
	name  bool   // a place name or alias
	first bool   // the first word of a place name
	stem  bool   // a place name cut before one of its spaces
}

func loadPlaces(lang string, lx *lexicon) error {
	lines, err := readLines(lang, "places.txt")
	if err != nil {
		return err
	}
	for _, l := range lines {
		parts := strings.Split(l, "|")
		if len(parts) != 4 {
			return fmt.Errorf("parse place %q: %w", l, ErrLexicon)
		}
		p := place{name: strings.TrimSpace(parts[0]), typ: strings.TrimSpace(parts[1]), parent: strings.TrimSpace(parts[2])}
		names := []string{p.name}
		for _, a := range strings.Split(parts[3], ",") {
			if a = strings.TrimSpace(a); a != "" {
				names = append(names, a)
			}
		}
		p.names = names
		lx.places[p.name] = p
		for _, n := range names {
			lx.placeByName[n] = p.name
			k := lx.placeIndex[n]
			k.canon, k.name = p.name, true
			lx.placeIndex[n] = k
			f := lx.placeIndex[firstWord(n)]
			f.first = true
			lx.placeIndex[firstWord(n)] = f
			for c := range len(n) {
				if n[c] == ' ' {
					st := lx.placeIndex[n[:c]]
					st.stem = true
					lx.placeIndex[n[:c]] = st
				}
			}
			lx.placeMax = max(lx.placeMax, len(strings.Fields(n)))
		}
	}
	return nil
}

func loadLocative(lang string, lx *lexicon) error {
	lines, err := readLines(lang, "locative.txt")
	if err != nil {
		return err
	}
	sec := sections(lines)
	for _, l := range sec["prepositions"] {
		if f := strings.Fields(l); len(f) == 1 {
			lx.locPrep[f[0]] = true
		} else {
			lx.locPhrase = append(lx.locPhrase, f)
		}
	}
	for _, l := range sec["motion"] {
		for _, w := range strings.Fields(l) {
			lx.motion[w] = true
		}
	}
	return nil
}

func loadStance(lang string, lx *lexicon) error {
	irr := map[string][]string{}
	lines, err := readLines(lang, "irregular.txt")
	if err != nil {
		return err
	}
	lx.pastForms = map[string]bool{}
	for _, l := range lines {
		f := strings.Fields(l)
		irr[f[0]] = f
		for _, w := range f[1:] {
			if w != f[0] && !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ing") {
				lx.pastForms[w] = true
			}
		}
	}
	lines, err = readLines(lang, "stance.txt")
	if err != nil {
		return err
	}
	for _, l := range lines {
		class, rest, ok := strings.Cut(l, ":")
		if !ok {
			return fmt.Errorf("parse stance line %q: %w", l, ErrLexicon)
		}
		class = strings.TrimSpace(class)
		for _, ph := range strings.Split(rest, ";") {
			ph = strings.ToLower(strings.TrimSpace(ph))
			if ph == "" {
				continue
			}
			ph, negOnly := strings.CutPrefix(ph, "!")
			if lit, ok := strings.CutPrefix(ph, "="); ok {
				w := strings.Fields(lit)
				lx.stance[w[0]] = append(lx.stance[w[0]], stanceEntry{words: w, class: class, negOnly: negOnly})
				continue
			}
			w := strings.Fields(ph)
			forms := irr[w[0]]
			if forms == nil {
				forms = inflect(w[0])
			}
			for _, f := range forms {
				ws := append([]string{f}, w[1:]...)
				lx.stance[f] = append(lx.stance[f], stanceEntry{words: ws, class: class, negOnly: negOnly})
			}
		}
	}
	return nil
}

// inflect returns the regular forms of an English verb: base, third person,
// past and present participle.
func inflect(v string) []string {
	n := len(v)
	isVowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	var s, ed, ing string
	switch {
	case strings.HasSuffix(v, "y") && n > 1 && !isVowel(v[n-2]):
		s, ed, ing = v[:n-1]+"ies", v[:n-1]+"ied", v+"ing"
	case strings.HasSuffix(v, "ee"):
		s, ed, ing = v+"s", v+"d", v+"ing"
	case strings.HasSuffix(v, "e"):
		s, ed, ing = v+"s", v+"d", v[:n-1]+"ing"
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "x"):
		s, ed, ing = v+"es", v+"ed", v+"ing"
	case n >= 3 && n <= 4 && !isVowel(v[n-1]) && isVowel(v[n-2]) && !isVowel(v[n-3]) && strings.IndexByte("wxy", v[n-1]) < 0:
		s, ed, ing = v+"s", v+v[n-1:]+"ed", v+v[n-1:]+"ing"
	default:
		s, ed, ing = v+"s", v+"ed", v+"ing"
	}
	return []string{v, s, ed, ing}
}

// firstWord returns the first word of a place name as the tokenizer splits
// it ("St" of "St. Petersburg", "Mar-a-Lago" whole).
func firstWord(n string) string {
	if t := tokenize(n); len(t) > 0 {
		return t[0].text
	}
	return n
}
