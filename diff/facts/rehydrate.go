package facts

import "strings"

// rehydrate turns facts as Extract returned them (and as the store keeps
// them) back into items that the matcher can compare by value. What only
// the extraction knew is left out: a date's TIMEX3 mod (taken as none) and
// which sentence named a quote's speaker.
func rehydrate(fs []Fact) []item {
	lx := english()
	out := make([]item, 0, len(fs))
	for _, f := range fs {
		it := item{Fact: f, key: f.Value}
		switch f.Kind {
		case KindNumber:
			num, unit, _ := strings.Cut(strings.TrimLeft(f.Value, "~<>="), " ")
			it.key = numberKey("", num, unit)
			it.slot = singular(unit) + "|" + singular(f.Subject)
			switch f.Subject {
			case "age":
				it.key, it.slot = numberKey("", num, ""), "age|"
			case "score":
				a, b, _ := strings.Cut(num, "-")
				it.key = scoreKey(a, b)
			}
		case KindQuote:
			it.words = strings.Fields(f.Value)
			it.slot = actorKey(f.Subject)
		case KindPosition:
			stance, object, _ := strings.Cut(f.Value, ": ")
			it.key = stanceGroup(stance)
			it.slot = actorKey(f.Subject)
			for _, w := range normWords(lx, object) {
				if !lx.function[w] {
					it.words = append(it.words, w)
				}
			}
		case KindCorrection:
			it.slot = f.Subject
		}
		out = append(out, it)
	}
	return out
}
