package main

import (
	"slices"
	"testing"
)

func TestParseScales(t *testing.T) {
	tests := []struct {
		in      string
		want    []int
		wantErr bool
	}{
		{"1000,10000,100000", []int{1000, 10000, 100000}, false},
		{"1k, 10k,100K", []int{1000, 10000, 100000}, false},
		{"100_000", []int{100000}, false},
		{"500", []int{500}, false},
		{"", nil, true},
		{"0", nil, true},
		{"ten", nil, true},
		{"1000,-5", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseScales(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("parseScales(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("parseScales(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}
