package monitor

import (
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func TestPageUTF8(t *testing.T) {
	cyr, err := charmap.Windows1251.NewEncoder().String("<p>Переговоры в Будапеште</p>")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, body, contentType, want string
	}{
		{"header names windows-1251", cyr, "text/html; charset=windows-1251", "<p>Переговоры в Будапеште</p>"},
		{"valid UTF-8 untouched", "<p>Zelensky’s</p>", "text/html; charset=iso-8859-1", "<p>Zelensky’s</p>"},
		{"no charset: left to the extractor", cyr, "text/html", cyr},
		{"unknown charset: left alone", cyr, "text/html; charset=x-nonsense", cyr},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(pageUTF8([]byte(tt.body), tt.contentType)); got != tt.want {
				t.Errorf("pageUTF8 = %q, want %q", got, tt.want)
			}
		})
	}
}
