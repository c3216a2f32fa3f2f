package timeline

import (
	"strings"
	"testing"
)

func TestEventFor(t *testing.T) {
	tests := []struct {
		sentence, words, want string
	}{
		{merzTwoWeeks, "the next two weeks", "summit"},
		{courierTwo, "two weeks", "summit"},
		{courierTwo, "Monday", ""},
		{courierTwo, "White House", ""},
		{merzBudapest, "Budapest", "summit"}, // "it" reaches back past the comma
		{"Officials said the meeting, expected in early September, would be held in Geneva.", "early September", "summit"},
		{"Hungary has offered to host a meeting between Russian President Vladimir Putin and Ukrainian President Volodymyr Zelensky, officials in Budapest said on Tuesday.", "Budapest", ""},
		{"Trump reversed course after meeting with Putin on Friday.", "Friday", ""},
		{"The last direct talks between Russia and Ukraine took place in Turkey in June.", "June", "last talks"},
		{"The last direct talks between Russia and Ukraine took place in Turkey in June.", "Turkey", "last talks"},
		{"Diplomats said a date for the summit could be announced later this week.", "later this week", "announcement"},
		{"Putin looked set for a peace summit after fast-moving talks Monday between Trump and European leaders.", "Monday", "talks"},
		{"Monday's talks ended without a deal.", "Monday", "talks"},
		{"Putin agreed to a ceasefire starting on September 1.", "September 1", "ceasefire"},
		{"The guarantees would be formalized on paper within the next week to 10 days.", "the next week to 10 days", "security guarantees"},
		{"Moscow’s invasion nearly three and a half years ago changed Europe.", "nearly three and a half years ago", "invasion"},
		{"In Geneva, officials prepared.", "Geneva", ""},
		{"The bilateral meeting, first planned for August 29, will now take place in early September.", "early September", "summit"},
		{"Officials said the meeting, expected in early September, would be held in Geneva.", "Geneva", "summit"},
		{"The meeting was announced on Monday and will be held in early September.", "Monday", "announcement"},
	}
	for _, tt := range tests {
		t.Run(tt.words+" in "+tt.sentence[:min(40, len(tt.sentence))], func(t *testing.T) {
			start := strings.Index(tt.sentence, tt.words)
			if start < 0 {
				t.Fatalf("%q not in sentence", tt.words)
			}
			s, e := sentenceBounds(tt.sentence, start, start+len(tt.words))
			toks := tokenize(tt.sentence, s, e, nil)
			if got := eventFor(tt.sentence, toks, start, start+len(tt.words), nil); got != tt.want {
				t.Errorf("event = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSentenceBounds(t *testing.T) {
	text := "First one. Second: the summit on August 29! Third?\n\nFourth line"
	tests := []struct{ words, want string }{
		{"First", "First one."},
		{"August 29", "Second: the summit on August 29!"},
		{"Third", "Third?"},
		{"Fourth", "Fourth line"},
	}
	for _, tt := range tests {
		t.Run(tt.words, func(t *testing.T) {
			i := strings.Index(text, tt.words)
			s, e := sentenceBounds(text, i, i+len(tt.words))
			if got := text[s:e]; got != tt.want {
				t.Errorf("sentence = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestActors(t *testing.T) {
	tests := []struct{ subject, want string }{
		{"Russia’s Foreign Ministry", "russia's foreign ministry"},
		{"Moscow", "russia"},
		{"the Kremlin", "russia"},
		{"The Kremlin", "russia"},
		{"Kremlin", "russia"},
		{"Russia", "russia"},
		{"the Russian government", "russia"},
		{"Russian government", "russia"},
		{"Putin’s spokesman", "russia"},
		{"Putin's spokesman Dmitry Peskov", "russia"},
		{"Kremlin spokesman Dmitry Peskov", "russia"},
		{"Kremlin aide Yuri Ushakov", "ushakov"},
		{"Putin", "putin"},
		{"Italian Prime Minister Giorgia Meloni", "meloni"},
		{"Merz and French President Emmanuel Macron", "merz|macron"},
		{"Kyiv", "ukraine"},
		{"Kiev", "ukraine"},
		{"the Ukrainian government", "ukraine"},
		{"Ukraine", "ukraine"},
		{"the White House", "united states"},
		{"Washington", "united states"},
		{"the US administration", "united states"},
		{"the Trump administration", "united states"},
		{"the United States", "united states"},
		{"Moscow and Kyiv", "russia|ukraine"},
		{"European leaders", "european leaders"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.subject, func(t *testing.T) {
			var got []string
			for _, a := range actorsOf(tt.subject) {
				got = append(got, a.key)
			}
			if strings.Join(got, "|") != tt.want {
				t.Errorf("actors = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTopicOf(t *testing.T) {
	tests := []struct{ object, want string }{
		{"the deployment of troops from NATO countries to help secure a peace deal", "NATO troops"},
		{"a ceasefire in the 3-1/2-year-old war before any talks can advance", "a ceasefire"},
		{"security guarantees for Kyiv", "security guarantees"},
		{"the bilateral meeting on August 29", "the summit"},
		{"to buy about $90 billion worth of", "purchases"},
		{"Zelensky’s public invitation", "the invitation"},
		{"Trump", "trump"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.object, func(t *testing.T) {
			if got := topicOf(tt.object, nil); got != tt.want {
				t.Errorf("topic = %q, want %q", got, tt.want)
			}
		})
	}
}
