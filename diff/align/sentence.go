package align

// Sentence is one sentence of a document. Start and End are byte offsets into
// the document text (text[Start:End] == Text); Para is the paragraph index,
// counting non-blank lines from 0.
type Sentence struct {
	Text       string
	Start, End int
	Para       int
}

// Op is what happened to a sentence between two versions.
type Op int

// The alignment operations.
const (
	Equal  Op = iota // same sentence (after normalisation), same relative place
	Change           // reworded sentence (Old and New both set)
	Insert           // only New is set
	Delete           // only Old is set
	Move             // same (or reworded) sentence at another place
)

// String returns the lower-case name of the operation ("equal", "change", ...).
func (o Op) String() string {
	switch o {
	case Equal:
		return "equal"
	case Change:
		return "change"
	case Insert:
		return "insert"
	case Delete:
		return "delete"
	case Move:
		return "move"
	}
	return "unknown"
}

// Link ties an old sentence to a new one. Old or New is -1 when absent.
type Link struct {
	Op    Op
	Old   int
	New   int
	Score float64 // similarity in [0,1]; 1 for Equal and for an unchanged Move
}
