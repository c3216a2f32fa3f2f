package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/storywatch/storywatch/diff/eval/devset"
	"github.com/storywatch/storywatch/diff/facts"
)

// copyEdits change how a text is written, never what it says: a desk's
// copy-editing between two versions. Compared with the text it came from,
// a copy-edited text must show no fact change. Applied to real articles
// (the dev set's, read from the corpus), they find false alarms without
// labels: the texts are the outlet's, the edits are rules of style.
var (
	onWeekday   = regexp.MustCompile(`\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`)
	bareUS      = regexp.MustCompile(`\bUS\b`)
	percent     = regexp.MustCompile(`(\d) percent\b`)
	thousands   = regexp.MustCompile(`\b(\d{1,3}),(\d{3})\b`)
	oxford      = regexp.MustCompile(`, (and|or) `)
	fullName    = regexp.MustCompile(`\bPresident Donald Trump\b`)
	percentWord = regexp.MustCompile(`\bpercent\b`)
	firstSent   = regexp.MustCompile(`^(.{40,}?[a-z]\.) ([A-Z])`)
)

// contractions writes negations and auxiliaries short, as a less formal
// house style does.
var contractions = strings.NewReplacer("did not ", "didn’t ", "does not ", "doesn’t ", "is not ", "isn’t ",
	"are not ", "aren’t ", "was not ", "wasn’t ", "will not ", "won’t ", "cannot ", "can’t ", "has not ", "hasn’t ",
	"have not ", "haven’t ", "would not ", "wouldn’t ")

// splitFirst splits every paragraph without quotation marks after its
// first sentence (a quote running over paragraphs leaves its first one
// open, which a split inside it would not).
func splitFirst(s string) string {
	paras := strings.Split(s, "\n")
	for i, p := range paras {
		if !strings.ContainsAny(p, "“\"") {
			paras[i] = firstSent.ReplaceAllString(p, "$1\n$2")
		}
	}
	return strings.Join(paras, "\n")
}

var copyEdits = []struct {
	name string
	edit func(string) string
}{
	{"straight quotes", strings.NewReplacer("“", `"`, "”", `"`, "’", "'", "‘", "'").Replace},
	{"on before a weekday dropped", func(s string) string { return onWeekday.ReplaceAllString(s, "$1") }},
	{"U.S. for US", func(s string) string { return bareUS.ReplaceAllLiteralString(s, "U.S.") }},
	{"percent sign", func(s string) string { return percent.ReplaceAllString(s, "$1%") }},
	{"thousands without comma", func(s string) string { return thousands.ReplaceAllString(s, "$1$2") }},
	{"months abbreviated", strings.NewReplacer("January ", "Jan. ", "February ", "Feb. ", "August ", "Aug. ",
		"September ", "Sept. ", "October ", "Oct. ", "November ", "Nov. ", "December ", "Dec. ").Replace},
	{"paragraphs merged in pairs", mergePairs},
	{"spaced dashes", strings.NewReplacer(" — ", "—", " – ", "–").Replace},
	{"typos in long words", typos},
	{"contractions", contractions.Replace},
	{"serial comma dropped", func(s string) string { return oxford.ReplaceAllString(s, " $1 ") }},
	{"President Donald Trump shortened", func(s string) string { return fullName.ReplaceAllLiteralString(s, "President Trump") }},
	{"paragraphs split after the first sentence", splitFirst},
	{"two paragraphs swapped", swapMiddle},
	{"per cent", func(s string) string { return percentWord.ReplaceAllString(s, "per cent") }},
	{"am and pm", strings.NewReplacer(" a.m.", "am", " p.m.", "pm").Replace},
	{"attribution inverted", func(s string) string { return saidName.ReplaceAllString(s, ", said $1.") }},
	{"small figures in words", func(s string) string {
		return smallFigure.ReplaceAllStringFunc(s, func(m string) string {
			i := strings.IndexAny(m, "23456789")
			return m[:i] + smallWords[m[i:i+1]] + m[i+1:]
		})
	}},
	{"British spelling", strings.NewReplacer("defense", "defence", "Defense", "Defence", "favor", "favour",
		"center", "centre", "organization", "organisation", "criticized", "criticised").Replace},
	{"leaders' first names dropped", strings.NewReplacer("President Vladimir Putin", "President Putin",
		"President Volodymyr Zelensky", "President Zelensky").Replace},
}

// saidName is an attribution closing a sentence with the speaker first
// (", Peskov said."), which a house style may invert (", said Peskov.").
var saidName = regexp.MustCompile(`, ([A-Z][a-z]+(?: [A-Z][a-z]+)?) said\.`)

// smallFigure is a figure below ten before a plural noun, which a house
// style writes as a word ("3 rounds", "three rounds").
var smallFigure = regexp.MustCompile(`(?:^|[ (])[2-9] [a-z]+s\b`)

// smallWords are the words of the figures smallFigure finds.
var smallWords = map[string]string{"2": "two", "3": "three", "4": "four", "5": "five", "6": "six",
	"7": "seven", "8": "eight", "9": "nine"}

// pronounStart marks a paragraph that leans on the one before it.
var pronounStart = regexp.MustCompile(`^(“|")?(He|She|It|They|His|Her|Its|Their|This|That|These|Those|The)\b`)

// swapMiddle swaps the two paragraphs at the middle of the text when
// neither leans on the one before it: a move, as editors make.
func swapMiddle(s string) string {
	paras := strings.Split(s, "\n")
	var idx []int
	for i, p := range paras {
		if strings.TrimSpace(p) != "" {
			idx = append(idx, i)
		}
	}
	if len(idx) < 4 {
		return s
	}
	a, b := idx[len(idx)/2-1], idx[len(idx)/2]
	if pronounStart.MatchString(paras[a]) || pronounStart.MatchString(paras[b]) || strings.Count(paras[a]+paras[b], "“") != strings.Count(paras[a]+paras[b], "”") {
		return s
	}
	paras[a], paras[b] = paras[b], paras[a]
	return strings.Join(paras, "\n")
}

// mergePairs joins every second paragraph to the one before it, as
// another scrape of the same page might.
func mergePairs(s string) string {
	paras := strings.Split(s, "\n")
	var b strings.Builder
	for i, p := range paras {
		switch {
		case i == 0:
		case i%2 == 1 && strings.TrimSpace(p) != "" && strings.TrimSpace(paras[i-1]) != "":
			b.WriteByte(' ')
		default:
			b.WriteByte('\n')
		}
		b.WriteString(p)
	}
	return b.String()
}

// typos swaps two inner letters of every 17th lower-case word of eight
// letters or more.
func typos(s string) string {
	n := 0
	return regexp.MustCompile(`\b[a-z]{8,}\b`).ReplaceAllStringFunc(s, func(w string) string {
		n++
		if n%17 != 0 {
			return w
		}
		b := []byte(w)
		b[3], b[4] = b[4], b[3]
		return string(b)
	})
}

// outFile returns the file named by environment variable name, where a
// check on real text writes what it found; the check is skipped without it
// (it reads the corpus, which a fresh clone does not have).
func outFile(t *testing.T, name string) string {
	t.Helper()
	out := os.Getenv(name)
	if out == "" {
		t.Skip(name + " not set")
	}
	return out
}

// TestCopyEditsOnRealText writes to $COPYEDIT_ERRORS the fact changes
// reported between real article texts and their copy-edited selves; each
// one is a false alarm. It needs the corpus (../shared/real-revisions).
func TestCopyEditsOnRealText(t *testing.T) {
	out := outFile(t, "COPYEDIT_ERRORS")
	var report strings.Builder
	counts := map[string]int{}
	texts := 0
	for _, d := range devTexts(t, true) {
		art, ver, text := d.art, d.ver, d.text
		texts++
		for _, ce := range copyEdits {
			edited := ce.edit(text)
			if edited == text {
				continue
			}
			for _, c := range facts.Compare(text, edited, time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)) {
				counts[ce.name]++
				fmt.Fprintf(&report, "%s %s: %s %q -> %q [%s | %s]\n", art, ver, ce.name, c.Before, c.After, c.BeforeSentence, c.AfterSentence)
			}
		}
	}
	var names []string
	for n := range counts {
		names = append(names, n)
	}
	sort.Strings(names)
	var head strings.Builder
	fmt.Fprintf(&head, "%d texts\n", texts)
	for _, n := range names {
		fmt.Fprintf(&head, "%-30s %d\n", n, counts[n])
	}
	if err := os.WriteFile(out, []byte(head.String()+"\n"+report.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// summitTexts reads the old version of every summit pair whose old text is
// its own (pairs written as edits of a shared base text give it once).
func summitTexts(t *testing.T) []devText {
	t.Helper()
	seen := map[string]bool{}
	var out []devText
	for _, p := range summitPairs(t) {
		if !seen[p.Old] {
			seen[p.Old] = true
			out = append(out, devText{p.Name, "old", p.Old, p.Published})
		}
	}
	return out
}

// summitPairs loads every pair of the summit sets, named "set/pair".
func summitPairs(t *testing.T) []devset.Pair {
	t.Helper()
	var out []devset.Pair
	for _, dir := range summitDirs {
		files, err := filepath.Glob(filepath.Join("testdata", dir, "*.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			p, err := devset.LoadPair(f)
			if err != nil {
				t.Fatal(err)
			}
			p.Name = dir + "/" + p.Name
			out = append(out, p)
		}
	}
	return out
}

// summitDirs are the summit sets, all seen.
var summitDirs = []string{"devset", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6"}

// TestCopyEditsOnSummitText writes to $SUMMIT_COPYEDIT_ERRORS the fact
// changes reported between the summit sets' texts (both versions of every
// pair) and their copy-edited selves; each one is a false alarm that a
// no-change case written in another house style would show.
func TestCopyEditsOnSummitText(t *testing.T) {
	out := outFile(t, "SUMMIT_COPYEDIT_ERRORS")
	var report strings.Builder
	n := 0
	for _, p := range summitPairs(t) {
		for v, text := range []string{p.Old, p.New} {
			for _, ce := range copyEdits {
				edited := ce.edit(text)
				if edited == text || v == 1 && p.New == p.Old {
					continue
				}
				for _, c := range facts.Compare(text, edited, p.Published) {
					n++
					fmt.Fprintf(&report, "%s v%d: %s: %s %q -> %q [%s | %s]\n", p.Name, v, ce.name, c.Kind, c.Before, c.After, c.BeforeSentence, c.AfterSentence)
				}
			}
		}
	}
	if err := os.WriteFile(out, []byte(fmt.Sprintf("%d false alarms\n\n%s", n, report.String())), 0o644); err != nil {
		t.Fatal(err)
	}
}

// figure is a count or amount written in digits, not part of a name
// ("COVID-19", "Boeing 737") or a year, a clock time or a date.
var figure = regexp.MustCompile(`(?:^|[ (])(\$?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?( ?%| percent| people| million| billion| [a-z]+s\b)`)

// TestValueEditsOnRealText writes to $VALUE_ERRORS what is reported when
// one figure of a real article text changes (to a value 7 higher), one
// figure at a time: exactly one number change, from the old figure to the
// new one, is right; anything else is a false alarm or a miss.
func TestValueEditsOnRealText(t *testing.T) {
	out := outFile(t, "VALUE_ERRORS")
	var report strings.Builder
	edits, right := 0, 0
	counts := map[string]int{}
	for _, d := range devTexts(t, false) {
		art, ver, text := d.art, d.ver, d.text
		for _, m := range figure.FindAllStringSubmatchIndex(text, -1) {
			digits := text[m[4]:m[5]]
			n, err := strconv.Atoi(strings.ReplaceAll(digits, ",", ""))
			if err != nil || (n >= 1900 && n <= 2100 && !strings.Contains(digits, ",")) {
				continue
			}
			repl := strconv.Itoa(n + 7)
			if strings.Contains(digits, ",") {
				repl = withCommas(n + 7)
			}
			edited := text[:m[4]] + repl + text[m[5]:]
			edits++
			cs := facts.Compare(text, edited, time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
			// A figure of time ("20 years", "48 hours") is a duration, a
			// date, or a number (an age, a wait); one inside a quotation
			// is the quote's wording too.
			want := facts.KindNumber
			if timeUnit.MatchString(text[m[6]:m[7]]) {
				want = facts.KindDate
			}
			quoted := inQuote(text, m[4])
			ok := len(cs) >= 1 && len(cs) <= 2
			for _, c := range cs {
				switch {
				case (c.Kind == want || want == facts.KindDate && c.Kind == facts.KindNumber) && strings.Contains(c.Before, digits) && strings.Contains(c.After, repl):
				case quoted && c.Kind == facts.KindQuote && strings.Contains(c.Before, digits) && strings.Contains(c.After, repl):
				default:
					ok = false
				}
			}
			if len(cs) == 2 && (!quoted || cs[0].Kind == cs[1].Kind) {
				ok = false
			}
			if ok {
				right++
				continue
			}
			what := "miss"
			if len(cs) > 0 {
				what = fmt.Sprintf("%d changes", len(cs))
				if len(cs) == 1 {
					what = "one " + string(cs[0].Kind)
				}
			}
			counts[what]++
			fmt.Fprintf(&report, "%s %s: %s -> %s in %q: %s\n", art, ver, digits, repl, text[max(0, m[0]-60):min(len(text), m[1]+20)], what)
			for _, c := range cs {
				fmt.Fprintf(&report, "    %s %q -> %q\n", c.Kind, c.Before, c.After)
			}
		}
	}
	head := fmt.Sprintf("%d figure edits, %d reported as exactly their change\n", edits, right)
	for k, v := range counts {
		head += fmt.Sprintf("%-12s %d\n", k, v)
	}
	if err := os.WriteFile(out, []byte(head+"\n"+report.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

var timeUnit = regexp.MustCompile(`^ (?:year|month|week|day|hour|minute|second|decade|centur)`)

// inQuote reports whether offset i of text's paragraph lies between an
// opening and a closing quotation mark.
func inQuote(text string, i int) bool {
	start := strings.LastIndex(text[:i], "\n") + 1
	open := false
	for _, r := range text[start:i] {
		switch r {
		case '"':
			open = !open
		case '“':
			open = true
		case '”':
			open = false
		}
	}
	return open
}

func withCommas(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// devText is the older text of one dev pair of an article, with the day
// the article was published (from its name, when it has one).
type devText struct {
	art, ver, text string
	published      time.Time
}

// devTexts reads the first labelled version of every dev article, or with
// every the older version of every dev pair (the held-out articles are
// never read). It skips the test without the corpus. With
// METAMORPHIC_TEXTS=summit it reads the old version of every summit pair
// instead, so every check here runs on the summit sets' wire style.
func devTexts(t *testing.T, every bool) []devText {
	t.Helper()
	if os.Getenv("METAMORPHIC_TEXTS") == "summit" {
		return summitTexts(t)
	}
	corpus := "../../../shared/real-revisions/cnn"
	labels, err := filepath.Glob("testdata/real/dev/*.yaml")
	if err != nil || len(labels) == 0 {
		t.Fatalf("dev labels: %v", err)
	}
	seen := map[string]bool{}
	var out []devText
	for _, l := range labels {
		base := strings.TrimSuffix(filepath.Base(l), ".yaml")
		pair := base[:strings.LastIndex(base, "-v")]
		i := strings.LastIndex(pair, "-v")
		art, ver := pair[:i], pair[i+1:]
		key := art
		if every {
			key += " " + ver
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		b, err := os.ReadFile(filepath.Join(corpus, art, ver+".txt"))
		if err != nil {
			t.Skipf("corpus: %v", err)
		}
		pub := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
		if len(art) >= 10 {
			if d, err := time.Parse("2006-01-02", art[:10]); err == nil {
				pub = d.Add(12 * time.Hour)
			}
		}
		out = append(out, devText{art, ver, string(b), pub})
	}
	return out
}

// oneEdit tallies edits whose right answer is one change of a kind.
type oneEdit struct {
	edits, right int
	counts       map[string]int
	report       strings.Builder
}

// judge checks the changes reported for one edit that replaced before by
// after at offset at of text: right is exactly one change of kind want
// from a fact holding before to one holding after; inside a quotation the
// quote's change may stand for it or come with it.
func (o *oneEdit) judge(d devText, at int, before, after string, want facts.Kind, cs []facts.Change) {
	o.edits++
	if o.counts == nil {
		o.counts = map[string]int{}
	}
	quoted := inQuote(d.text, at)
	ok := len(cs) >= 1 && len(cs) <= 2
	for _, c := range cs {
		if (c.Kind != want && !(quoted && c.Kind == facts.KindQuote)) || !strings.Contains(c.Before, before) || !strings.Contains(c.After, after) {
			ok = false
		}
	}
	if len(cs) == 2 && (!quoted || cs[0].Kind == cs[1].Kind) {
		ok = false
	}
	if ok {
		o.right++
		return
	}
	o.fail(d, at, before+" -> "+after, cs)
}

func (o *oneEdit) fail(d devText, at int, edit string, cs []facts.Change) {
	what := "miss"
	switch {
	case len(cs) == 1:
		what = "one " + string(cs[0].Kind)
		if cs[0].Before == "" || cs[0].After == "" {
			what += " added/removed"
		}
	case len(cs) > 1:
		what = fmt.Sprintf("%d changes", len(cs))
	}
	o.counts[what]++
	fmt.Fprintf(&o.report, "%s %s: %s in %q: %s\n", d.art, d.ver, edit, d.text[max(0, at-70):min(len(d.text), at+50)], what)
	for _, c := range cs {
		fmt.Fprintf(&o.report, "    %s %q -> %q\n", c.Kind, c.Before, c.After)
	}
}

func (o *oneEdit) write(t *testing.T, out, what string) {
	t.Helper()
	head := fmt.Sprintf("%d edits, %d reported exactly (%s)\n", o.edits, o.right, what)
	var ks []string
	for k := range o.counts {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	for _, k := range ks {
		head += fmt.Sprintf("%-28s %d\n", k, o.counts[k])
	}
	if err := os.WriteFile(out, []byte(head+"\n"+o.report.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

var (
	dayName = regexp.MustCompile(`\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|April|June|July|August|September|October|November|December)\b`)
	// capBefore is a capitalised word right before a name: "Super
	// Tuesday", "Black Friday" are names of their own.
	capBefore = regexp.MustCompile(`[A-Z][a-z]*\s$`)
	dayShift  = map[string]string{
		"Monday": "Wednesday", "Tuesday": "Thursday", "Wednesday": "Friday", "Thursday": "Monday",
		"Friday": "Tuesday", "Saturday": "Monday", "Sunday": "Tuesday",
		"January": "March", "February": "April", "April": "June", "June": "August", "July": "September",
		"August": "October", "September": "November", "October": "December", "November": "January", "December": "February",
	}
	sentenceOpeners = map[string]bool{"On": true, "By": true, "Since": true, "Until": true, "Last": true, "Next": true,
		"This": true, "Early": true, "Late": true, "In": true, "Through": true, "Before": true, "After": true, "Starting": true, "From": true}
)

// TestDateNameEditsOnRealText writes to $DATE_EDITS what is reported when
// one weekday or month name of a real dev text (not "May", a modal, nor
// "March", a verb, nor a name like "Black Friday") becomes another: exactly
// one date change is right.
func TestDateNameEditsOnRealText(t *testing.T) {
	out := outFile(t, "DATE_EDITS")
	var o oneEdit
	for _, d := range devTexts(t, false) {
		for _, m := range dayName.FindAllStringIndex(d.text, -1) {
			name := d.text[m[0]:m[1]]
			if pre := capBefore.FindString(d.text[max(0, m[0]-20):m[0]]); pre != "" && !sentenceOpeners[strings.TrimSpace(pre)] {
				continue
			}
			repl := dayShift[name]
			edited := d.text[:m[0]] + repl + d.text[m[1]:]
			o.judge(d, m[0], name, repl, facts.KindDate, facts.Compare(d.text, edited, d.published))
		}
	}
	o.write(t, out, "a weekday or month name replaced")
}

// placeEntries reads the extractor's gazetteer: countries, states and
// cities (no continent or region, no venue).
func placeEntries(t *testing.T) (names []string, cities []string) {
	t.Helper()
	b, err := os.ReadFile("../facts/lexicon/en/places.txt")
	if err != nil {
		t.Fatalf("gazetteer: %v", err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		f := strings.Split(l, "|")
		if strings.HasPrefix(l, "#") || len(f) < 2 {
			continue
		}
		name, typ := strings.TrimSpace(f[0]), strings.TrimSpace(f[1])
		switch typ {
		case "city":
			cities = append(cities, name)
			fallthrough
		case "country", "state":
			if len(name) >= 4 && dayShift[name] == "" && name != "March" {
				names = append(names, name)
			}
		}
	}
	return names, cities
}

// locativeBefore is a preposition of place right before a name: "in",
// "near", "outside". A place as an actor ("Iran said", "permission from
// Tehran", "ambassador to Afghanistan") is no location, so "from" and
// "to" are left out.
var locativeBefore = regexp.MustCompile(`\b(in|near|outside|across|at|throughout)\s$`)

// townState is a town named with its state or country: "in Pawtucket,
// Rhode Island".
var townState = regexp.MustCompile(`\b(?:in|near|outside) ([A-Z][a-z]+(?: [A-Z][a-z]+)?), [A-Z]`)

// TestPlaceEditsOnRealText writes to $PLACE_EDITS what is reported when
// one place of a real dev text, named after a preposition of place (a
// country, state or city of the gazetteer, or a town given with its state),
// becomes a city it does not name: exactly one location change is right.
func TestPlaceEditsOnRealText(t *testing.T) {
	out := outFile(t, "PLACE_EDITS")
	names, cities := placeEntries(t)
	var alt []string
	for _, c := range []string{"Marseille", "Osaka", "Nairobi", "Lima", "Oslo", "Lyon", "Seville", "Krakow", "Porto", "Manila"} {
		for _, k := range cities {
			if k == c {
				alt = append(alt, c)
			}
		}
	}
	if len(alt) < 2 {
		t.Fatalf("replacement cities not in the gazetteer: %v", alt)
	}
	// one pattern of every name, longest first
	sort.Slice(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	var quoted []string
	for _, n := range names {
		quoted = append(quoted, regexp.QuoteMeta(n))
	}
	placeName := regexp.MustCompile(`\b(?:` + strings.Join(quoted, "|") + `)\b`)
	var o oneEdit
	for _, d := range devTexts(t, false) {
		repl := ""
		for _, c := range alt {
			if !strings.Contains(d.text, c) {
				repl = c
				break
			}
		}
		type hit struct{ s, e int }
		var hits []hit
		taken := map[int]bool{}
		for _, m := range placeName.FindAllStringIndex(d.text, -1) {
			if taken[m[0]] || !locativeBefore.MatchString(d.text[max(0, m[0]-12):m[0]]) {
				continue
			}
			// part of a longer name ("New York Times", "Georgia Tech"),
			// or a possessive ("in Iran’s war"): an actor or a modifier
			if rest := d.text[m[1]:]; len(rest) > 1 && rest[0] == ' ' && rest[1] >= 'A' && rest[1] <= 'Z' || strings.HasPrefix(rest, "’") || strings.HasPrefix(rest, "'") {
				continue
			}
			taken[m[0]] = true
			hits = append(hits, hit{m[0], m[1]})
		}
		for _, m := range townState.FindAllStringSubmatchIndex(d.text, -1) {
			if n := d.text[m[2]:m[3]]; !taken[m[2]] && dayShift[n] == "" && n != "May" && n != "March" {
				taken[m[2]] = true
				hits = append(hits, hit{m[2], m[3]})
			}
		}
		sort.Slice(hits, func(i, j int) bool { return hits[i].s < hits[j].s })
		for _, h := range hits {
			name := d.text[h.s:h.e]
			edited := d.text[:h.s] + repl + d.text[h.e:]
			// a place still named elsewhere in the text is not dropped
			// (GUIDE): the new city may come alone, as added
			before := name
			if strings.Contains(edited, name) {
				before = ""
			}
			o.judge(d, h.s, before, repl, facts.KindLocation, facts.Compare(d.text, edited, d.published))
		}
	}
	o.write(t, out, "a place replaced by another city")
}

// stanceFlips turn a stance into its opposite, or a reply to the press
// into another.
var stanceFlips = []struct{ from, to string }{
	{"approved", "rejected"}, {"rejected", "approved"}, {"supports", "opposes"}, {"opposes", "supports"},
	{"supported", "opposed"}, {"opposed", "supported"}, {"endorsed", "rejected"}, {"denied", "confirmed"},
	{"confirmed", "denied"}, {"agreed", "refused"}, {"refused", "agreed"}, {"accepted", "rejected"},
	{"condemned", "praised"}, {"praised", "condemned"}, {"welcomed", "condemned"}, {"backed", "opposed"},
	{"declined to comment", "did not respond"}, {"did not respond", "declined to comment"},
	{"did not immediately respond", "declined to comment"},
}

// TestStanceEditsOnRealText writes to $STANCE_EDITS what is reported when
// one stance verb of a real dev text is flipped ("approved" -> "rejected",
// "declined to comment" -> "did not respond"): exactly one position change
// is right.
func TestStanceEditsOnRealText(t *testing.T) {
	out := outFile(t, "STANCE_EDITS")
	var o oneEdit
	for _, d := range devTexts(t, false) {
		for _, f := range stanceFlips {
			re := regexp.MustCompile(`\b` + regexp.QuoteMeta(f.from) + `\b`)
			for _, m := range re.FindAllStringIndex(d.text, -1) {
				// a passive ("was confirmed by the Senate", "had been
				// denied visas"), a compound ("Iran-backed"), an
				// adjective ("an approved purpose") or a phrasal verb
				// ("backed down") states no stance of the verb's own
				if passiveBefore.MatchString(d.text[max(0, m[0]-20):m[0]]) || m[0] > 0 && d.text[m[0]-1] == '-' ||
					articleBefore.MatchString(d.text[max(0, m[0]-6):m[0]]) || strings.HasPrefix(d.text[m[1]:], " down") || strings.HasPrefix(d.text[m[1]:], " by ") {
					continue
				}
				edited := d.text[:m[0]] + f.to + d.text[m[1]:]
				o.judge(d, m[0], lastWord(f.from), lastWord(f.to), facts.KindPosition, facts.Compare(d.text, edited, d.published))
			}
		}
	}
	o.write(t, out, "a stance verb flipped")
}

var (
	passiveBefore = regexp.MustCompile(`\b(is|are|was|were|be|been|being|once|them|it|he’s|she’s|it’s|he's|she's|it's)\s+(\w+ly\s+)?$`)
	articleBefore = regexp.MustCompile(`\b(a|an|the)\s$`)
)

// lastWord is the word a stance change shows for sure: "comment" of
// "declined to comment" ("declined" may show alone).
func lastWord(s string) string { return s[strings.LastIndex(s, " ")+1:] }

// quoteWords is a quotation of at least four words.
var quoteWords = regexp.MustCompile(`“[^”]*\s[^”]*\s[^”]*\s[^”]*”`)

// TestQuoteParagraphDeletedOnRealText writes to $QUOTE_EDITS what is
// reported when a paragraph holding one quotation (its marks open and
// closed in it, not the paragraph after a quotation left open) is
// deleted from a real dev text: exactly one removed quote is right (none
// when the text tells the quotation again elsewhere), with any other fact
// of that paragraph removed, nothing added or changed.
func TestQuoteParagraphDeletedOnRealText(t *testing.T) {
	out := outFile(t, "QUOTE_EDITS")
	var o oneEdit
	o.counts = map[string]int{}
	for _, d := range devTexts(t, false) {
		paras := strings.Split(d.text, "\n")
		off := 0
		open := false
		for i, p := range paras {
			start := off
			off += len(p) + 1
			wasOpen := open
			if n := strings.Count(p, "“") - strings.Count(p, "”"); n > 0 {
				open = true
			} else if strings.Contains(p, "“") || strings.Contains(p, "”") {
				open = false
			}
			if wasOpen || strings.Count(p, "“") != 1 || strings.Count(p, "”") != 1 || !quoteWords.MatchString(p) {
				continue
			}
			edited := strings.Join(append(append([]string{}, paras[:i]...), paras[i+1:]...), "\n")
			cs := facts.Compare(d.text, edited, d.published)
			o.edits++
			quotes, ok := 0, true
			for _, c := range cs {
				switch {
				case c.After != "" || c.Before == "":
					ok = false
				case c.Kind == facts.KindQuote:
					quotes++
				case !strings.Contains(p, c.BeforeSentence):
					ok = false
				}
			}
			// a quotation the text tells again elsewhere is not removed
			want := 1
			if q := p[strings.Index(p, "“")+len("“") : strings.Index(p, "”")]; strings.Contains(edited, q) {
				want = 0
			}
			if ok && quotes == want {
				o.right++
				continue
			}
			o.fail(d, start, "paragraph deleted", cs)
		}
	}
	o.write(t, out, "a quotation's paragraph deleted")
}

// TestStanceParagraphMovedOnRealText writes to $STANCE_MOVES what is
// reported when a paragraph holding a stance is moved up, to stand right
// after the text's first paragraph, as a live story's desk moves news up:
// the words are the same, so no stance change is right, though a pronoun
// subject ("He has not commented …") now stands far from the name it
// stood for. Only position changes are judged.
func TestStanceParagraphMovedOnRealText(t *testing.T) {
	o := oneEdit{counts: map[string]int{}}
	out := outFile(t, "STANCE_MOVES")
	for _, d := range devTexts(t, false) {
		paras := strings.Split(d.text, "\n")
		first := -1 // the first paragraph of the body
		for i, p := range paras {
			if strings.TrimSpace(p) != "" && !strings.HasPrefix(p, "Source:") {
				first = i
				break
			}
		}
		moved := map[int]bool{}
		for _, f := range facts.Extract(d.text, d.published) {
			i := strings.Count(d.text[:f.Start], "\n")
			if f.Kind != facts.KindPosition || i <= first+1 || moved[i] {
				continue
			}
			moved[i] = true
			edited := append(append([]string{}, paras[:first+1]...), paras[i])
			edited = append(append(edited, paras[first+1:i]...), paras[i+1:]...)
			var cs []facts.Change
			for _, c := range facts.Compare(d.text, strings.Join(edited, "\n"), d.published) {
				if c.Kind == facts.KindPosition {
					cs = append(cs, c)
				}
			}
			o.edits++
			if len(cs) == 0 {
				o.right++
				continue
			}
			o.fail(d, f.Start, "paragraph moved up", cs)
		}
	}
	o.write(t, out, "a stance's paragraph moved up")
}
