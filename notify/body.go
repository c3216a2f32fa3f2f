package notify

import (
	"embed"
	htmltemplate "html/template"
	"strings"
	texttemplate "text/template"
	"time"
)

//go:embed templates/*.tmpl
var templateFS embed.FS

// The body templates are parsed once; they are read-only afterwards.
var (
	textBody = texttemplate.Must(texttemplate.New("alert.txt.tmpl").
			Funcs(texttemplate.FuncMap{"inc": func(i int) int { return i + 1 }}).
			ParseFS(templateFS, "templates/alert.txt.tmpl"))
	htmlBody = htmltemplate.Must(htmltemplate.New("alert.html.tmpl").
			ParseFS(templateFS, "templates/alert.html.tmpl"))
)

// bodyData is what the body templates see.
type bodyData struct {
	Subject, Title, Outlet, Article, Detected, Summary string
	Version                                            int
	Changes                                            []changeView
}

// changeView is one fact change in words, with the sentences around it.
type changeView struct {
	Line, Before, After string
}

// newBodyData prepares a for the templates.
func newBodyData(a Alert) bodyData {
	d := bodyData{
		Subject:  Subject(a),
		Title:    title(a),
		Outlet:   oneLine(a.Outlet),
		Article:  a.Article,
		Detected: a.DetectedAt.UTC().Format(time.RFC1123),
		Summary:  oneLine(a.Summary),
		Version:  a.Version,
	}
	for _, c := range a.Facts {
		d.Changes = append(d.Changes, changeView{
			Line:   Describe(c),
			Before: oneLine(c.BeforeSentence),
			After:  oneLine(c.AfterSentence),
		})
	}
	return d
}

// PlainText renders a as the plain-text body of an email: the subject line,
// the article, then each fact change in words with the sentence before and
// after.
func PlainText(a Alert) string {
	var b strings.Builder
	// The template is fixed and the data are plain strings, so execution
	// cannot fail once the template parsed.
	_ = textBody.Execute(&b, newBodyData(a))
	return b.String()
}

// HTML renders a as the HTML body of an email, with the same content as
// [PlainText]. html/template escapes every value by context, so titles and
// quotes from the web cannot inject markup, and a javascript: article URL is
// neutralised.
func HTML(a Alert) string {
	var b strings.Builder
	_ = htmlBody.Execute(&b, newBodyData(a))
	return b.String()
}
