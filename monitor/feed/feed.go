package feed

import "time"

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
