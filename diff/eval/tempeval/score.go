package tempeval

// Score counts the outcome of matching system against gold expressions.
type Score struct {
	Gold, System              int // expressions in gold and system output
	StrictMatch, RelaxedMatch int // pairs with identical / overlapping spans
	ValueCorrect, TypeCorrect int // relaxed pairs with equal value / type
}

// Add adds the counts of o to s.
func (s *Score) Add(o Score) {
	s.Gold += o.Gold
	s.System += o.System
	s.StrictMatch += o.StrictMatch
	s.RelaxedMatch += o.RelaxedMatch
	s.ValueCorrect += o.ValueCorrect
	s.TypeCorrect += o.TypeCorrect
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// StrictP is the strict precision.
func (s Score) StrictP() float64 { return ratio(s.StrictMatch, s.System) }

// StrictR is the strict recall.
func (s Score) StrictR() float64 { return ratio(s.StrictMatch, s.Gold) }

// StrictF1 is the strict F1.
func (s Score) StrictF1() float64 { return f1(s.StrictP(), s.StrictR()) }

// RelaxedP is the relaxed (overlap) precision.
func (s Score) RelaxedP() float64 { return ratio(s.RelaxedMatch, s.System) }

// RelaxedR is the relaxed (overlap) recall.
func (s Score) RelaxedR() float64 { return ratio(s.RelaxedMatch, s.Gold) }

// RelaxedF1 is the relaxed F1.
func (s Score) RelaxedF1() float64 { return f1(s.RelaxedP(), s.RelaxedR()) }

// ValueF1 is the TempEval-3 value F1 (see the package comment).
func (s Score) ValueF1() float64 {
	return f1(ratio(s.ValueCorrect, s.System), ratio(s.ValueCorrect, s.Gold))
}

// TypeF1 is the TempEval-3 type F1.
func (s Score) TypeF1() float64 {
	return f1(ratio(s.TypeCorrect, s.System), ratio(s.TypeCorrect, s.Gold))
}

// ValueAccuracy is the share of relaxed matches with the gold value.
func (s Score) ValueAccuracy() float64 { return ratio(s.ValueCorrect, s.RelaxedMatch) }

// TypeAccuracy is the share of relaxed matches with the gold type.
func (s Score) TypeAccuracy() float64 { return ratio(s.TypeCorrect, s.RelaxedMatch) }
