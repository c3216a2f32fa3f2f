package notify

import (
	"fmt"
	"testing"

	"github.com/storywatch/storywatch/diff/facts"
)

func TestSelect(t *testing.T) {
	changes := []facts.Change{{Kind: facts.KindDate}, {Kind: facts.KindQuote}, {Kind: facts.KindDate}}
	tests := []struct {
		name      string
		changes   []facts.Change
		kinds     []string
		wantKinds string
		wantAlert bool
	}{
		{name: "all kinds by default", changes: changes, wantKinds: "[date quote date]", wantAlert: true},
		{name: "only dates", changes: changes, kinds: []string{"date"}, wantKinds: "[date date]", wantAlert: true},
		{name: "nothing listed changed", changes: changes, kinds: []string{"number"}, wantKinds: "[]", wantAlert: false},
		{name: "text alerts without facts", kinds: []string{"date", "text"}, wantKinds: "[]", wantAlert: true},
		{name: "no facts, no text", kinds: []string{"date"}, wantKinds: "[]", wantAlert: false},
		{name: "no facts, default kinds", wantKinds: "[]", wantAlert: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kept, alert := Select(tt.changes, tt.kinds)
			var ks []facts.Kind
			for _, c := range kept {
				ks = append(ks, c.Kind)
			}
			if got := fmt.Sprint(ks); got != tt.wantKinds || alert != tt.wantAlert {
				t.Errorf("Select = %s, %v; want %s, %v", got, alert, tt.wantKinds, tt.wantAlert)
			}
		})
	}
}

func TestKey(t *testing.T) {
	a, b := Key("art1", 4, "email"), Key("art1", 4, "webhook:abc")
	if a == b || a != Key("art1", 4, "email") || a == Key("art1", 5, "email") {
		t.Errorf("keys not unique per version and channel or not stable: %q %q", a, b)
	}
}
