package feed

import (
	"html"
	"slices"
	"strings"
	"time"
)

// Item is one entry of a feed.
type Item struct {
	// GUID is the feed's guid/id for the item, else the resolved link.
	// Empty only when the item has neither. With Link it identifies the
	// item within its feed document: some feeds give every item one GUID.
	GUID string
	// Link is the absolute http(s) URL of the article, "" when the item has
	// none (callers skip such items).
	Link string
	// Title and Summary are plain text with whitespace collapsed.
	Title, Summary string
	// content is the full content as given by the feed, HTML kept, unless
	// Parse set it aside in deferred.
	content  string
	deferred *deferredContent
	// Authors are the author names (or e-mail addresses when no name is
	// given).
	Authors []string
	// Published and Updated are zero when the feed gives no parsable date.
	Published, Updated time.Time
}

// Feed is a parsed feed.
type Feed struct {
	// Title is plain text; Link is the site's absolute URL, if any.
	Title, Link string
	// Items are in feed order, repeats (same GUID and link) removed.
	Items []Item
	// Damage is set when an RSS, RDF or Atom body did not read as one
	// document, or read fewer items than it starts: Items are the items
	// read one by one; or when a JSON Feed broke: Items are the complete
	// items before the break (see Damage). Nil for a sound feed.
	Damage *Damage
	// found is how many items gofeed read, duplicates included.
	found int
}

// Content returns the full content as given by the feed, HTML kept. Parse
// leaves large content undecoded until it is asked for.
func (it Item) Content() string {
	if it.deferred != nil {
		return it.deferred.decode()
	}
	return it.content
}

// Merge returns one item standing for items, entries of one page that a
// feed lists one by one (a live page's updates, each linked to the page
// or to an anchor in it): the first's GUID, link and title, and as its
// content every entry's title and text in feed order, as the page shows
// them; the earliest publication and the latest update. Entries repeated
// with the same title and text count once, and a single entry is
// returned as it is; no entries give the zero Item (no link: skipped).
func Merge(items []Item) Item {
	switch len(items) {
	case 0:
		return Item{}
	case 1:
		return items[0]
	}
	seen := make(map[[3]string]bool, len(items))
	items = slices.DeleteFunc(slices.Clone(items), func(it Item) bool {
		k := [3]string{it.Title, it.Summary, it.Content()}
		if seen[k] {
			return true
		}
		seen[k] = true
		return false
	})
	if len(items) == 1 {
		return items[0]
	}
	out := Item{GUID: items[0].GUID, Link: items[0].Link, Title: items[0].Title, Summary: items[0].Summary}
	var b strings.Builder
	for _, it := range items {
		if it.Title != "" {
			b.WriteString("<p>" + html.EscapeString(it.Title) + "</p>\n")
		}
		if c := it.Content(); strings.TrimSpace(c) != "" {
			b.WriteString("<div>" + c + "</div>\n")
		} else if it.Summary != "" {
			b.WriteString("<p>" + html.EscapeString(it.Summary) + "</p>\n")
		}
		for _, a := range it.Authors {
			if !slices.Contains(out.Authors, a) {
				out.Authors = append(out.Authors, a)
			}
		}
		if !it.Published.IsZero() && (out.Published.IsZero() || it.Published.Before(out.Published)) {
			out.Published = it.Published
		}
		if it.Updated.After(out.Updated) {
			out.Updated = it.Updated
		}
	}
	out.content = b.String()
	return out
}
