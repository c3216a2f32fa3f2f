package align

// The word lists below are read-only lookup tables.

// neverFinal are abbreviations that never end a sentence: titles before a
// name, months before a day.
var neverFinal = set(
	"Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm",
	"Sgt", "Cpl", "Pvt", "Sen", "Rep", "Gov", "Pres", "Supt", "Det", "Insp", "Rev",
	"Hon", "Amb", "Fr", "St", "Mt", "Ft", "Sens", "Reps", "Gens", "Messrs",
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
	"vs", "v", "e.g", "i.e", "cf", "approx", "ca", "Vol", "vol", "pp", "Fig", "fig",
)

// maybeFinal are abbreviations that may end a sentence; they do when a
// typical sentence opener follows.
var maybeFinal = set(
	"Inc", "Corp", "Co", "Ltd", "Jr", "Sr", "etc", "Bros", "LLC", "Plc", "al",
)

// starters are words that typically open a sentence; after an ambiguous
// abbreviation ("U.S.", "a.m.", "Inc.") they mark a sentence boundary.
var starters = set(
	"The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "Or", "So",
	"In", "On", "At", "By", "For", "From", "To", "With", "Without", "This", "That", "These",
	"Those", "There", "Here", "His", "Her", "Their", "Its", "Our", "My", "If", "When", "While",
	"As", "After", "Before", "Since", "Meanwhile", "However", "Still", "Yet", "Then", "Now",
	"Asked", "According", "Officials", "Some", "Many", "Most", "Both", "Neither", "No",
	"Not", "One", "Two", "Three", "What", "Who", "Why", "How", "Where", "Earlier", "Later",
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
