package notify

import "testing"

func BenchmarkSubject(b *testing.B) {
	a := sampleAlerts["facts"]
	for b.Loop() {
		_ = Subject(a)
	}
}

func BenchmarkPlainText(b *testing.B) {
	a := sampleAlerts["facts"]
	for b.Loop() {
		_ = PlainText(a)
	}
}

func BenchmarkHTML(b *testing.B) {
	a := sampleAlerts["facts"]
	for b.Loop() {
		_ = HTML(a)
	}
}
