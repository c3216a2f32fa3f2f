package diff

import (
	"time"

	"github.com/storywatch/storywatch/diff/align"
	"github.com/storywatch/storywatch/diff/facts"
)

// Document is one version of an article.
type Document struct {
	Title     string
	Text      string
	Published time.Time // relative dates in the text resolve against it; zero: unresolved
	// Facts are every fact of Text as facts.Extract found them, when the
	// caller has them already (the store keeps them with each version);
	// nil: Compare extracts what it needs.
	Facts []facts.Fact
}

// The Edit operations.
const (
	EditEqual  = "equal"
	EditChange = "change"
	EditInsert = "insert"
	EditDelete = "delete"
	EditMove   = "move"
)

// Edit is what happened to one sentence.
type Edit struct {
	Op       string   `json:"op"` // EditEqual, EditChange, EditInsert, EditDelete or EditMove
	Old      string   `json:"old,omitempty"`
	New      string   `json:"new,omitempty"`
	OldIndex int      `json:"old_index"`       // sentence index in the old text, -1 when absent
	NewIndex int      `json:"new_index"`       // sentence index in the new text, -1 when absent
	Words    []WordOp `json:"words,omitempty"` // for a change, and for a move that was also reworded
}

// Summary counts the edits by operation.
type Summary struct {
	Inserted int `json:"inserted"`
	Deleted  int `json:"deleted"`
	Changed  int `json:"changed"`
	Moved    int `json:"moved"`
	Equal    int `json:"equal"`
}

// Result is the outcome of Compare.
type Result struct {
	Edits        []Edit         `json:"edits"`   // one per sentence, in new-document order, deletions where they stood
	Facts        []facts.Change `json:"facts"`   // the fact changes, the most salient first (facts.Salience)
	Summary      Summary        `json:"summary"` // edit counts
	TitleChanged bool           `json:"title_changed"`
}

// Changed reports whether anything but equal sentences came out: any
// non-equal edit or a title change.
func (r Result) Changed() bool {
	s := r.Summary
	return r.TitleChanged || s.Inserted+s.Deleted+s.Changed+s.Moved > 0
}

// Compare compares two versions of an article: it aligns the sentences
// once, diffs the words of every changed sentence, and reports fact
// changes (new.Published resolves relative dates).
func Compare(old, new Document, opts Options) Result {
	oldSents, newSents := align.Split(old.Text), align.Split(new.Text)
	links := align.Align(oldSents, newSents)
	r := edits(oldSents, newSents, links, opts)

	changes := facts.CompareAlignedWith(old.Text, new.Text, oldSents, newSents, links, new.Published, old.Facts, new.Facts)
	if align.Canonical(old.Title) != align.Canonical(new.Title) {
		r.TitleChanged = true
		// A headline edit that only fixes case, punctuation or spelling is an
		// edit, not a fact change.
		if title, ok := facts.CompareTitle(old.Title, new.Title); ok {
			changes = append([]facts.Change{title}, changes...)
		}
	}
	// Most important first: readers, alerts and subjects start at the top.
	facts.SortBySalience(changes)
	r.Facts = changes
	return r
}

// edits turns the links into Edits with word diffs and counts them.
func edits(oldSents, newSents []align.Sentence, links []align.Link, opts Options) Result {
	r := Result{Edits: make([]Edit, 0, len(links))}
	for _, l := range links {
		e := Edit{Op: l.Op.String(), OldIndex: l.Old, NewIndex: l.New}
		if l.Old >= 0 {
			e.Old = oldSents[l.Old].Text
		}
		if l.New >= 0 {
			e.New = newSents[l.New].Text
		}
		switch l.Op {
		case align.Equal:
			r.Summary.Equal++
		case align.Change:
			r.Summary.Changed++
			e.Words = Words(e.Old, e.New, opts)
		case align.Move:
			r.Summary.Moved++
			if e.Old != e.New {
				e.Words = Words(e.Old, e.New, opts)
			}
		case align.Insert:
			r.Summary.Inserted++
		case align.Delete:
			r.Summary.Deleted++
		}
		r.Edits = append(r.Edits, e)
	}
	return r
}
