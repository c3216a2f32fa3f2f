package timeline

import (
	"time"

	"github.com/storywatch/storywatch/diff/facts"
)

// Observation is one stored version of one article with the facts found in
// it.
type Observation struct {
	Article   string    // the article's canonical URL
	ArticleID string    // the store's article id
	Outlet    string    // the outlet (feed name) that published it
	Title     string    // headline of this version
	Version   int       // 1-based version number within the article
	Seen      time.Time // when this version was reported (modified or fetched)
	// Published is the reference time relative dates were resolved
	// against (facts.Extract's published); zero means unknown.
	Published time.Time
	Text      string       // the text the facts' offsets point into
	Facts     []facts.Fact // facts.Extract(Text, Published)
}

// Value is one value of a thread as one article reported it, with the
// first and last version that did.
type Value struct {
	Value       string    // normalised value: TIMEX3 for dates, the stance for positions
	Text        string    // the words as first reported
	Sentence    string    // the sentence they were first reported in
	Article     string    // canonical URL of the article
	ArticleID   string    // store id of the article
	Outlet      string    // outlet of the article
	Title       string    // headline of the version that first reported it
	Version     int       // first version reporting it
	LastVersion int       // last version reporting it
	First, Last time.Time // when those versions were seen
	// Current is true when the article's latest version still reports it.
	Current bool
}

// Thread is one tracked fact of the story and the values reported for it.
type Thread struct {
	Key   string     // stable slot key, e.g. "date/summit", "position/the kremlin/a ceasefire"
	Kind  facts.Kind // the kind of fact
	Topic string     // human label: "date of the summit", "Putin on a ceasefire"
	// Values in order of first report; one per article and normalised value.
	Values []Value
	// Articles is the number of articles that reported the fact.
	Articles int
	// Changes is the number of distinct normalised values minus one.
	Changes int
	// Converged is true when two or more articles report the fact now and
	// their current values agree (dates agree when one contains the
	// other: "August 29" and "the end of August").
	Converged bool
	// Contradicted is true when articles currently report values that do
	// not agree.
	Contradicted bool
}

// Build groups the facts of obs into threads; see Builder.
func Build(obs []Observation) []Thread {
	b := NewBuilder()
	for i := range obs {
		b.Add(&obs[i])
	}
	return b.Threads()
}
