package monitor

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClipTitle(t *testing.T) {
	words := strings.Repeat("summit talks ", 100) // 1,300 runes, spaces every few
	tests := []struct {
		name, in string
		want     string // "" : checked by the rules below only
	}{
		{"short", "Putin and Zelensky set for summit", "Putin and Zelensky set for summit"},
		{"exactly the cap", strings.Repeat("a", maxTitleRunes), strings.Repeat("a", maxTitleRunes)},
		{"cap in bytes, not runes", strings.Repeat("é", maxTitleRunes), strings.Repeat("é", maxTitleRunes)},
		{"one over, no space", strings.Repeat("a", maxTitleRunes+1), strings.Repeat("a", maxTitleRunes-1) + "…"},
		{"words cut at a space", words, ""},
		{"CJK", strings.Repeat("首脑会晤", 200), strings.Repeat("首脑会晤", 200)[:3*(maxTitleRunes-1)] + "…"},
		{"emoji", strings.Repeat("🕊", 600), strings.Repeat("🕊", maxTitleRunes-1) + "…"},
		{"440 KB", strings.Repeat("x", 440<<10), strings.Repeat("x", maxTitleRunes-1) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := clipTitle(tt.in)
			if tt.want != "" && got != tt.want {
				t.Errorf("clipTitle = %q (%d runes), want %q", got, utf8.RuneCountInString(got), tt.want)
			}
			if n := utf8.RuneCountInString(got); n > maxTitleRunes || !utf8.ValidString(got) {
				t.Errorf("clipTitle gave %d runes, valid UTF-8 %v", n, utf8.ValidString(got))
			}
			if base := strings.TrimSuffix(got, "…"); !strings.HasPrefix(tt.in, base) {
				t.Errorf("clipTitle = %q, not a prefix of the title", got)
			}
		})
	}
	if got := clipTitle(words); !strings.HasSuffix(got, "talks…") && !strings.HasSuffix(got, "summit…") {
		t.Errorf("clipTitle cut a word: ...%q", got[len(got)-20:])
	}
}
