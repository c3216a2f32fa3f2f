package monitor

import "testing"

func TestSiteLearner(t *testing.T) {
	var l siteLearner
	const host = "news.example"
	for i := 0; i < learnPages; i++ {
		if l.useFast(host) {
			t.Fatalf("fast path before %d agreeing pages", learnPages)
		}
		l.record(host, true)
	}
	fast := 0
	for l.useFast(host) {
		fast++
	}
	if fast != recheckEvery {
		t.Errorf("%d fast pages before a check, want %d", fast, recheckEvery)
	}
	l.record(host, false) // the check disagreed: back to readability
	if l.useFast(host) {
		t.Error("a site that stopped agreeing still takes the fast path")
	}
	if l.useFast("other.example") {
		t.Error("trust leaked to another site")
	}
}
