package facts

import "testing"

func TestCompareTitle(t *testing.T) {
	tests := []struct {
		old, new string
		changed  bool
	}{
		{"Putin, Zelensky set for summit", "Putin, Zelensky Set For Summit", false},
		{"Leaders ‘agree’ on defence talks", "Leaders 'agree' on defense talks.", false},
		{"Putin, Zelensky set for summit", "Putin rules out summit with Zelensky", true},
		{"", "Putin rules out summit", true},
	}
	for _, tt := range tests {
		t.Run(tt.new, func(t *testing.T) {
			c, ok := CompareTitle(tt.old, tt.new)
			if ok != tt.changed {
				t.Fatalf("changed = %v, want %v", ok, tt.changed)
			}
			if ok && (c.Kind != KindTitle || c.Before != tt.old || c.After != tt.new) {
				t.Errorf("got %+v", c)
			}
		})
	}
}
