package align

import (
	"strings"
	"testing"

	"github.com/storywatch/storywatch/diff/internal/benchtext"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // sentence texts; paragraphs separated by "|" entries
	}{
		{"empty", "", nil},
		{"blank lines only", "\n \n\t\n", nil},
		{"two sentences", "Talks began. They ended.", []string{"Talks began.", "They ended."}},
		{"title abbreviations", "Mr. Smith met Gen. Jones. Dr. Who left.", []string{"Mr. Smith met Gen. Jones.", "Dr. Who left."}},
		{"U.S. before a name", "U.S. President Donald Trump spoke. He left.", []string{"U.S. President Donald Trump spoke.", "He left."}},
		{"U.S. at sentence end", "He flew to the U.S. The talks followed.", []string{"He flew to the U.S.", "The talks followed."}},
		{"U.S. before a quotation", "He flew to the U.S. “We will help,” he said.", []string{"He flew to the U.S.", "“We will help,” he said."}},
		{"month abbreviation", "It starts Jan. 5 in Geneva. Delegates arrive Feb. 2.", []string{"It starts Jan. 5 in Geneva.", "Delegates arrive Feb. 2."}},
		{"a.m. before a weekday", "They met at 10 a.m. Monday. It went well.", []string{"They met at 10 a.m. Monday.", "It went well."}},
		{"a.m. at sentence end", "They met at 10 a.m. The talks lasted an hour.", []string{"They met at 10 a.m.", "The talks lasted an hour."}},
		{"initials", "John F. Kennedy and J. R. R. Tolkien met. Nobody saw.", []string{"John F. Kennedy and J. R. R. Tolkien met.", "Nobody saw."}},
		{"decimals", "Ukraine offered $1.5 billion. That is 3.5% more.", []string{"Ukraine offered $1.5 billion.", "That is 3.5% more."}},
		{"ellipsis mid sentence", "the Russian sides … participating in talks. Next one.", []string{"the Russian sides … participating in talks.", "Next one."}},
		{"ellipsis end", "He paused... Then he spoke.", []string{"He paused...", "Then he spoke."}},
		{"straight quote after period", `He said "we agree." Then he left.`, []string{`He said "we agree."`, "Then he left."}},
		{"curly quote after period", "He called it “very good.” Trump left.", []string{"He called it “very good.”", "Trump left."}},
		{"question in quote then said", "“Why now?” he asked. Nobody knew.", []string{"“Why now?” he asked.", "Nobody knew."}},
		{"exclamation", "Stop! Go now.", []string{"Stop!", "Go now."}},
		{"quote opens next sentence", "He left. “We will return,” he said.", []string{"He left.", "“We will return,” he said."}},
		{"No. before digit", "He lives at No. 10 Downing Street. Really.", []string{"He lives at No. 10 Downing Street.", "Really."}},
		{"Inc. mid sentence", "Acme Inc. Chief Jane Doe spoke. Acme sells it.", []string{"Acme Inc. Chief Jane Doe spoke.", "Acme sells it."}},
		{"lowercase after period", "approx. three weeks. Then more.", []string{"approx. three weeks.", "Then more."}},
		{"no terminator", "A headline without a full stop", []string{"A headline without a full stop"}},
		{"paragraphs", "One. Two.\n\nThree.\nFour", []string{"One.", "Two.", "|", "Three.", "|", "Four"}},
		{"crlf and spaces", "  One.  Two. \r\n\r\n Three. ", []string{"One.", "Two.", "|", "Three."}},
		{"nbsp between sentences", "One.\u00a0Two.", []string{"One.", "Two."}},
		{"digit starts sentence", "It ended in 2024. 2025 began well.", []string{"It ended in 2024.", "2025 began well."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(tt.text)
			checkOffsets(t, tt.text, got)
			var texts []string
			for k, s := range got {
				if k > 0 && s.Para != got[k-1].Para {
					texts = append(texts, "|")
				}
				texts = append(texts, s.Text)
			}
			if strings.Join(texts, "\x00") != strings.Join(tt.want, "\x00") {
				t.Errorf("Split(%q)\n got %q\nwant %q", tt.text, texts, tt.want)
			}
		})
	}
}

func TestSplitParagraphIndexes(t *testing.T) {
	got := Split("One. Two.\n\n\nThree.\nFour.")
	want := []int{0, 0, 1, 2}
	if len(got) != len(want) {
		t.Fatalf("got %d sentences, want %d", len(got), len(want))
	}
	for k, s := range got {
		if s.Para != want[k] {
			t.Errorf("sentence %d %q: Para %d, want %d", k, s.Text, s.Para, want[k])
		}
	}
}

func TestSplitSeed(t *testing.T) {
	text := benchtext.Seed
	got := Split(text)
	checkOffsets(t, text, got)
	// The seed has 19 paragraphs; three of them hold two sentences.
	if n := got[len(got)-1].Para + 1; n != 19 {
		t.Errorf("paragraphs = %d, want 19", n)
	}
	if len(got) != 23 {
		for _, s := range got {
			t.Logf("%d: %s", s.Para, s.Text)
		}
		t.Errorf("sentences = %d, want 23", len(got))
	}
}

// checkOffsets asserts that every sentence is an exact, trimmed, in-order
// slice of text.
func checkOffsets(t testing.TB, text string, got []Sentence) {
	t.Helper()
	prev := 0
	for k, s := range got {
		if s.Start < prev || s.End < s.Start || s.End > len(text) {
			t.Fatalf("sentence %d: bad offsets [%d,%d) after %d in %d bytes", k, s.Start, s.End, prev, len(text))
		}
		if text[s.Start:s.End] != s.Text {
			t.Fatalf("sentence %d: text[%d:%d] = %q, Text = %q", k, s.Start, s.End, text[s.Start:s.End], s.Text)
		}
		if s.Text == "" || strings.TrimSpace(s.Text) != s.Text {
			t.Fatalf("sentence %d: %q is empty or untrimmed", k, s.Text)
		}
		prev = s.End
	}
}
