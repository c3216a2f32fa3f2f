package monitor

import "testing"

func TestSameSite(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"https://www.example.com/a", "http://www.example.com/b", true},
		{"https://www.example.co.uk/a", "https://amp.example.co.uk/a", true},
		{"https://example.com/a", "https://news.example.com/a", true},
		{"https://wire.example.com/story/1", "https://outlet.example.org/story/1", false},
		{"https://example.co.uk/a", "https://other.co.uk/a", false},
		{"http://127.0.0.1:8080/a", "http://127.0.0.1:9090/b", true},
		{"http://127.0.0.1/a", "https://wire.example.com/a", false},
		{"::bad", "https://example.com/", false},
	}
	for _, tt := range tests {
		if got := sameSite(tt.a, tt.b); got != tt.want {
			t.Errorf("sameSite(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
