package config

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// TestParseDuration checks Go duration syntax plus days.
func TestParseDuration(t *testing.T) {
	tests := []struct {
		in      string
		want    time.Duration
		wantErr bool
	}{
		{"20s", 20 * time.Second, false},
		{"5m", 5 * time.Minute, false},
		{"1h30m", 90 * time.Minute, false},
		{"72h", 72 * time.Hour, false},
		{"3d", 72 * time.Hour, false},
		{"2d12h", 60 * time.Hour, false},
		{"1d30m", 24*time.Hour + 30*time.Minute, false},
		{"-1d", -24 * time.Hour, false},
		{"0", 0, false},
		{"0s", 0, false},
		{" 10s ", 10 * time.Second, false},
		{"", 0, true},
		{"20", 0, true},
		{"d", 0, true},
		{"1.5d", 0, true},
		{"3d-1h", 0, true},
		{"1w", 0, true},
		{"soon", 0, true},
		{"99999999999d", 0, true},
		{"106751d23h47m16.854775808s", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDuration(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("ParseDuration(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

// TestDurationRoundTrip checks that Duration marshals to short text that
// parses back to the same value.
func TestDurationRoundTrip(t *testing.T) {
	tests := []struct {
		d    time.Duration
		text string
	}{
		{0, "0s"},
		{30 * time.Second, "30s"},
		{time.Minute, "1m"},
		{time.Hour, "1h"},
		{90 * time.Minute, "1h30m"},
		{72 * time.Hour, "72h"},
		{time.Hour + 5*time.Second, "1h0m5s"},
		{1500 * time.Millisecond, "1.5s"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			out, err := yaml.Marshal(struct{ D Duration }{Duration(tt.d)})
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(string(out)); got != "d: "+tt.text {
				t.Errorf("yaml = %q, want %q", got, "d: "+tt.text)
			}
			var back struct{ D Duration }
			if err := yaml.Unmarshal(out, &back); err != nil || back.D.Std() != tt.d {
				t.Errorf("round trip = %v, %v", back.D, err)
			}
			j, _ := json.Marshal(Duration(tt.d))
			if string(j) != `"`+tt.text+`"` {
				t.Errorf("json = %s", j)
			}
		})
	}
}

// TestDurationNotScalar checks the error for a list where a duration belongs.
func TestDurationNotScalar(t *testing.T) {
	p := onlyProblem(t, feed+"fetch:\n  timeout: [1s]\n")
	if p.Path != "fetch.timeout" || p.Line != 4 || !strings.Contains(p.Msg, "got a list") {
		t.Errorf("got %v", p)
	}
}

// TestParseDurationMessages checks that each mistake gets a message that
// says what to write instead.
func TestParseDurationMessages(t *testing.T) {
	tests := []struct{ in, want string }{
		{"90 days", "without spaces, e.g. 90d"},
		{"1 h", "without spaces"},
		{"1.5d", "days must be a whole number (1d12h, not 1.5d)"},
		{"abcd", "want e.g. 30s, 10m, 1h30m or 3d"},
		{"soon", "want e.g. 30s, 10m, 1h30m or 3d"},
	}
	for _, tt := range tests {
		_, err := ParseDuration(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseDuration(%q) error %v, want one saying %q", tt.in, err, tt.want)
		}
	}
}
