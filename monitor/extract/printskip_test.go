package extract

import (
	"strings"
	"testing"
)

// TestPrintSkipsTexts: a fingerprint taken with a Layout's PrintSkips
// leaves out the blocks whose text the site learned as boilerplate, wherever
// they land and in whatever element kind (here a <div> of another class on
// every fetch, as class names drawn per request give), while every edit of
// article text still changes it: a word, and a digit of a lede that
// boilerplate elsewhere quotes (digit runs are folded in the learned
// texts, so only its place in the page's main kind of element keeps it in).
// A text that is boilerplate in the main kind of element on other pages
// too (a "Last updated" line shaped like the paragraphs) is left out there.
func TestPrintSkipsTexts(t *testing.T) {
	const (
		lede    = "The 3 leaders met in Bern on Monday for the first time in years."
		para    = "Officials said the talks would resume next week in Geneva, after a pause."
		insert  = "Subscribe now: 4 weeks for 1 dollar."
		updated = "Last updated 10:42 UTC"
	)
	page := func(cls, lede, insertAt, updatedAt string) []byte {
		var b strings.Builder
		b.WriteString(`<html><head><title>T</title></head><body><article>`)
		if insertAt == "top" {
			b.WriteString(`<div class="` + cls + `"><p>` + insert + `</p></div>`)
		}
		b.WriteString(`<p>` + lede + `</p>`)
		if insertAt == "middle" {
			b.WriteString(`<div class="` + cls + `"><p>` + insert + `</p></div>`)
		}
		b.WriteString(`<p>` + para + `</p><p>` + updatedAt + `</p></article></body></html>`)
		return []byte(b.String())
	}
	l := NewLayout(LayoutState{Boiler: []uint64{TextHash(insert), TextHash(lede), TextHash(updated)},
		Main: []uint64{TextHash(updated)}})
	ps := l.PrintSkips()
	base := Scan(page("css-1x2y3z", lede, "top", "Last updated 10:42 UTC")).Fingerprint(ps)
	for _, tt := range []struct {
		name string
		page []byte
		same bool
	}{
		{"insert moved, another class, clock moved on", page("css-qwerty", lede, "middle", "Last updated 11:07 UTC"), true},
		{"insert gone", page("css-1x2y3z", lede, "", "Last updated 10:42 UTC"), true},
		{"a word of the lede edited", page("css-1x2y3z", strings.Replace(lede, "Bern", "Basel", 1), "top", "Last updated 10:42 UTC"), false},
		{"a digit of the lede edited", page("css-1x2y3z", strings.Replace(lede, "3", "4", 1), "top", "Last updated 10:42 UTC"), false},
		{"lede gone", page("css-1x2y3z", "", "top", "Last updated 10:42 UTC"), false},
	} {
		if got := Scan(tt.page).Fingerprint(ps) == base; got != tt.same {
			t.Errorf("%s: same fingerprint %v, want %v", tt.name, got, tt.same)
		}
	}
	// Without the learned texts (a SkipSet) every one of those changes it.
	plain := Scan(page("css-1x2y3z", lede, "top", "Last updated 10:42 UTC")).Fingerprint(l.Skips())
	if Scan(page("css-qwerty", lede, "middle", "Last updated 11:07 UTC")).Fingerprint(l.Skips()) == plain {
		t.Error("SkipSet: a moved insert left the fingerprint unchanged")
	}
	// A Print taken before the texts were learned gives the same as the page.
	pr := Scan(page("css-qwerty", lede, "middle", "Last updated 11:07 UTC")).Print()
	if got := pr.Fingerprint(ps); got != base {
		t.Errorf("Print.Fingerprint = %s, want %s", got, base)
	}
}
