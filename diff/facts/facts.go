package facts

// Kind names a kind of fact. The values are part of the public JSON interface.
type Kind string

// The kinds of fact storywatch reports.
const (
	KindDate     Kind = "date"
	KindNumber   Kind = "number"
	KindQuote    Kind = "quote"
	KindPosition Kind = "position"
	KindLocation Kind = "location"
	KindTitle    Kind = "title"
	// KindCorrection is a correction notice or editor's note ("Correction:
	// an earlier version of this story misstated …", "This story has been
	// updated with additional information."): added, removed or changed.
	KindCorrection Kind = "correction"
	// KindStatus is a change of the article page itself: it was removed
	// (404, 410) or now redirects to another story. The monitor reports it;
	// no text comparison finds it.
	KindStatus Kind = "status"
)

// Fact is one fact found in a text. Start and End are byte offsets into the
// text that was passed to Extract.
type Fact struct {
	Kind    Kind   `json:"kind"`
	Text    string `json:"text"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Value   string `json:"value"`
	Type    string `json:"type,omitempty"`    // for dates: DATE, TIME, DURATION or SET
	Subject string `json:"subject,omitempty"` // speaker, actor or what the fact is about
}

// Change is one fact that was added, removed or changed between two versions.
// Before is "" when the fact was added, After is "" when it was removed.
type Change struct {
	Kind           Kind   `json:"kind"`
	Before         string `json:"before"`
	After          string `json:"after"`
	BeforeValue    string `json:"before_value"`
	AfterValue     string `json:"after_value"`
	Subject        string `json:"subject"`
	BeforeSentence string `json:"before_sentence"`
	AfterSentence  string `json:"after_sentence"`
	// Detail qualifies the change where it can be told apart, e.g.
	// "refinement", "shift", "reworded", "reattributed". Empty when plain.
	Detail string `json:"detail,omitempty"`
}
