package notify

import (
	"cmp"
	"fmt"
	htmltemplate "html/template"
	"slices"
	"strings"
	texttemplate "text/template"
	"time"
)

// The digest templates, parsed once like the alert ones.
var (
	digestText = texttemplate.Must(texttemplate.New("digest.txt.tmpl").ParseFS(templateFS, "templates/digest.txt.tmpl"))
	digestHTML = htmltemplate.Must(htmltemplate.New("digest.html.tmpl").ParseFS(templateFS, "templates/digest.html.tmpl"))
)

// digestData is what the digest templates see: the alerts grouped by
// article, articles in the order their first change was detected, each
// article's versions in order.
type digestData struct {
	Subject  string
	Articles []digestArticle
}

type digestArticle struct {
	Title, Outlet, Article string
	Versions               []bodyData
	first                  time.Time
}

func newDigestData(alerts []Alert) digestData {
	byArticle := map[string]*digestArticle{}
	var order []*digestArticle
	for _, a := range alerts {
		da := byArticle[a.Article]
		if da == nil {
			da = &digestArticle{Article: a.Article, first: a.DetectedAt}
			byArticle[a.Article] = da
			order = append(order, da)
		}
		da.first = minTime(da.first, a.DetectedAt)
		da.Versions = append(da.Versions, newBodyData(a))
	}
	d := digestData{Subject: DigestSubject(alerts)}
	slices.SortStableFunc(order, func(x, y *digestArticle) int { return x.first.Compare(y.first) })
	for _, da := range order {
		slices.SortStableFunc(da.Versions, func(x, y bodyData) int { return cmp.Compare(x.Version, y.Version) })
		// The latest version names the article (titles change too), and
		// the latest that knows the outlet names it.
		da.Title = da.Versions[len(da.Versions)-1].Title
		for _, v := range slices.Backward(da.Versions) {
			if v.Outlet != "" {
				da.Outlet = v.Outlet
				break
			}
		}
		d.Articles = append(d.Articles, *da)
	}
	return d
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// DigestSubject sums a digest up in one line:
//
//	Digest: 5 changes in 2 articles, 14:05–14:52 UTC
//	Digest: 2 changes in "<title>", 14:05–14:20 UTC
//
// A change is a stored version; the time range is when they were detected.
func DigestSubject(alerts []Alert) string {
	if len(alerts) == 0 {
		return "Digest: no changes"
	}
	articles := map[string]bool{}
	first, last := alerts[0].DetectedAt, alerts[0].DetectedAt
	for _, a := range alerts {
		articles[a.Article] = true
		first = minTime(first, a.DetectedAt)
		if a.DetectedAt.After(last) {
			last = a.DetectedAt
		}
	}
	changes := "1 change"
	if len(alerts) > 1 {
		changes = fmt.Sprintf("%d changes", len(alerts))
	}
	where := fmt.Sprintf("%d articles", len(articles))
	if len(articles) == 1 {
		where = quoted(title(alerts[0]), maxSubjectTitle)
	}
	return fmt.Sprintf("Digest: %s in %s, %s", changes, where, timeRange(first.UTC(), last.UTC()))
}

// timeRange renders "14:05–14:52 UTC", with dates when the range is not
// within one day.
func timeRange(first, last time.Time) string {
	if first.Equal(last) {
		return first.Format("2006-01-02 15:04 UTC")
	}
	if first.YearDay() == last.YearDay() && first.Year() == last.Year() {
		return first.Format("2006-01-02 15:04") + "–" + last.Format("15:04 UTC")
	}
	return first.Format("2006-01-02 15:04") + " – " + last.Format("2006-01-02 15:04 UTC")
}

// DigestText renders alerts as the plain-text body of one digest mail:
// every change, grouped by article.
func DigestText(alerts []Alert) string {
	var b strings.Builder
	_ = digestText.Execute(&b, newDigestData(alerts))
	return b.String()
}

// DigestHTML renders the same digest as HTML, every value escaped by
// html/template.
func DigestHTML(alerts []Alert) string {
	var b strings.Builder
	_ = digestHTML.Execute(&b, newDigestData(alerts))
	return b.String()
}
