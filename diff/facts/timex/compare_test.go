package timex

import (
	"testing"
	"time"
)

func TestCompare(t *testing.T) {
	d := func(v string) Expr { return Expr{Type: TypeDate, Value: v} }
	next2w := Expr{Type: TypeDuration, Value: "P2W", Begin: "2025-08-19", Until: "2025-09-02"}
	tests := []struct {
		name string
		a, b Expr
		want Relation
	}{
		{"same value", d("2025-08-29"), d("2025-08-29"), Equal},
		{"duration to day", next2w, d("2025-08-29"), Refinement},
		{"day to duration", d("2025-08-29"), next2w, Coarsening},
		{"day out of window", next2w, d("2025-09-10"), Shift},
		{"year to month", d("2025"), d("2025-06"), Refinement},
		{"month to day", d("2025-08"), d("2025-08-29"), Refinement},
		{"week to day", d("2025-W35"), d("2025-08-29"), Refinement},
		{"week to other day", d("2025-W35"), d("2025-09-01"), Shift},
		{"quarter to month", d("2025-Q3"), d("2025-09"), Refinement},
		{"decade to year", d("202"), d("2025"), Refinement},
		{"season", d("2025-SU"), d("2025-07"), Refinement},
		{"time to its day", d("2025-08-29"), Expr{Type: TypeTime, Value: "2025-08-29T14:30"}, Equal},
		{"day moved", d("2025-08-29"), d("2025-08-30"), Shift},
		{"refs", d("PAST_REF"), d("2025-08-29"), Shift},
		{"plain durations", Expr{Type: TypeDuration, Value: "P2W"}, Expr{Type: TypeDuration, Value: "P3W"}, Shift},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Compare(tt.a, tt.b); got != tt.want {
				t.Errorf("Compare(%v, %v) = %v, want %v", tt.a.Value, tt.b.Value, got, tt.want)
			}
		})
	}
}

func TestIntervalWeekend(t *testing.T) {
	s, e, ok := Interval(Expr{Type: TypeDate, Value: "2025-W34-WE"})
	if !ok || !s.Equal(time.Date(2025, 8, 23, 0, 0, 0, 0, time.UTC)) || !e.Equal(time.Date(2025, 8, 25, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("Interval(2025-W34-WE) = %v..%v %v", s, e, ok)
	}
}

func TestSameAndString(t *testing.T) {
	a := Expr{Type: TypeDate, Value: "2025-08-18", Text: "Monday"}
	b := Expr{Type: TypeDate, Value: "2025-08-18", Text: "Aug. 18"}
	if !Same(a, b) {
		t.Error("Same: equal values differ")
	}
	if Same(a, Expr{Type: TypeDate, Value: "2025-08-19"}) {
		t.Error("Same: different values equal")
	}
	for r, s := range map[Relation]string{Equal: "same", Refinement: "refinement", Coarsening: "coarsening", Shift: "shift"} {
		if r.String() != s {
			t.Errorf("%d.String() = %q, want %q", r, r.String(), s)
		}
	}
}
