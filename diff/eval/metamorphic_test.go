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
}

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

// TestCopyEditsOnRealText writes to $COPYEDIT_ERRORS the fact changes
// reported between real article texts and their copy-edited selves; each
// one is a false alarm. It needs the corpus (../shared/real-revisions).
func TestCopyEditsOnRealText(t *testing.T) {
	out := os.Getenv("COPYEDIT_ERRORS")
	if out == "" {
		t.Skip("COPYEDIT_ERRORS not set")
	}
	corpus := "../../../shared/real-revisions/cnn"
	labels, err := filepath.Glob("testdata/real/dev/*.yaml")
	if err != nil || len(labels) == 0 {
		t.Fatalf("dev labels: %v", err)
	}
	seen := map[string]bool{}
	var report strings.Builder
	counts := map[string]int{}
	texts := 0
	for _, l := range labels {
		base := strings.TrimSuffix(filepath.Base(l), ".yaml")
		// <article>-vN-vM: the older version's text
		pair := base[:strings.LastIndex(base, "-v")]
		i := strings.LastIndex(pair, "-v")
		art, ver := pair[:i], pair[i+1:]
		if seen[art+ver] {
			continue
		}
		seen[art+ver] = true
		b, err := os.ReadFile(filepath.Join(corpus, art, ver+".txt"))
		if err != nil {
			t.Skipf("corpus: %v", err)
		}
		text := string(b)
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

// figure is a count or amount written in digits, not part of a name
// ("COVID-19", "Boeing 737") or a year, a clock time or a date.
var figure = regexp.MustCompile(`(?:^|[ (])(\$?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?( ?%| percent| people| million| billion| [a-z]+s\b)`)

// TestValueEditsOnRealText writes to $VALUE_ERRORS what is reported when
// one figure of a real article text changes (to a value 7 higher), one
// figure at a time: exactly one number change, from the old figure to the
// new one, is right; anything else is a false alarm or a miss.
func TestValueEditsOnRealText(t *testing.T) {
	out := os.Getenv("VALUE_ERRORS")
	if out == "" {
		t.Skip("VALUE_ERRORS not set")
	}
	corpus := "../../../shared/real-revisions/cnn"
	labels, err := filepath.Glob("testdata/real/dev/*.yaml")
	if err != nil || len(labels) == 0 {
		t.Fatalf("dev labels: %v", err)
	}
	seen := map[string]bool{}
	var report strings.Builder
	edits, right := 0, 0
	counts := map[string]int{}
	for _, l := range labels {
		base := strings.TrimSuffix(filepath.Base(l), ".yaml")
		pair := base[:strings.LastIndex(base, "-v")]
		i := strings.LastIndex(pair, "-v")
		art, ver := pair[:i], pair[i+1:]
		if seen[art] {
			continue
		}
		seen[art] = true
		b, err := os.ReadFile(filepath.Join(corpus, art, ver+".txt"))
		if err != nil {
			t.Skipf("corpus: %v", err)
		}
		text := string(b)
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
