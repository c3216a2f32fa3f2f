package report

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storywatch/storywatch/diff/facts"
)

// DescribeChange returns one line in words for a fact change, for example
//
//	Date changed: "within the next two weeks" → "on August 29"
//	Quote added: “They are a first line of defense” (Trump)
//	Position changed (Russia's Foreign Ministry): ruled out → could accept
func DescribeChange(c facts.Change) string {
	return describe(c, false)
}

// describe renders c; with color the old words are red and the new green.
// Plain text needs no markers: the arrow tells old from new.
func describe(c facts.Change, color bool) string {
	p := painter{color: color}
	var b strings.Builder
	switch c.Kind {
	case facts.KindCorrection:
		// its Subject says which kind of notice it is
		b.WriteString(facts.NoticeName(c.Subject))
		c.Subject = ""
	case facts.KindStatus:
		// "Page removed (404 Not Found)", "Page redirects to …"
		return "Page " + p.tint(oneLine(c.After), ansiRed)
	default:
		b.WriteString(kindLabel(c.Kind))
	}
	b.WriteByte(' ')
	switch {
	case c.Before == "" && c.After != "":
		b.WriteString("added")
	case c.After == "" && c.Before != "":
		b.WriteString("removed")
	default:
		b.WriteString("changed")
	}
	var notes []string
	if c.Subject != "" {
		if c.Kind == facts.KindQuote {
			notes = append(notes, c.Subject) // a quote reads best with its speaker after it
		} else {
			b.WriteString(" (" + c.Subject + ")")
		}
	}
	if c.Detail != "" {
		notes = append(notes, c.Detail)
	}
	b.WriteString(": ")

	before, after := quoteFact(c.Kind, oneLine(c.Before)), quoteFact(c.Kind, oneLine(c.After))
	switch {
	case c.Before == "":
		b.WriteString(p.tint(after, ansiGreen))
	case c.After == "":
		b.WriteString(p.tint(before, ansiRed))
	case c.Before == c.After && c.BeforeValue != c.AfterValue:
		// Same words, new meaning: "Monday" now resolves to another day.
		b.WriteString(before + " (" + p.tint(c.BeforeValue, ansiRed) + " → " + p.tint(c.AfterValue, ansiGreen) + ")")
	default:
		b.WriteString(p.tint(before, ansiRed) + " → " + p.tint(after, ansiGreen))
	}
	if len(notes) > 0 {
		b.WriteString(" (" + strings.Join(notes, "; ") + ")")
	}
	return b.String()
}

// kindLabel capitalises the kind: "date" → "Date".
func kindLabel(k facts.Kind) string {
	if k == "" {
		return "Fact"
	}
	r, sz := utf8.DecodeRuneInString(string(k))
	return string(unicode.ToUpper(r)) + string(k)[sz:]
}

// quoteFact puts the words of a fact in quotation marks: curly ones around
// a quotation (replacing its own marks), straight ones around dates,
// numbers, places and titles; position words stay bare, they read as a verb
// phrase.
func quoteFact(k facts.Kind, s string) string {
	if s == "" {
		return ""
	}
	switch k {
	case facts.KindPosition:
		return s
	case facts.KindQuote:
		return "“" + strings.Trim(s, "\"“”'‘’ ") + "”"
	}
	return `"` + s + `"`
}
