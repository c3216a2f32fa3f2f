package facts

import (
	"strings"
	"testing"

	"github.com/storywatch/storywatch/diff/align"
)

func TestExtractQuotes(t *testing.T) {
	tests := []struct {
		name, text     string
		quote, speaker string
	}{
		{"curly after", "“There's no deal until there's a deal,” Trump told reporters.", "There's no deal until there's a deal", "Trump"},
		{"straight inverted", `"We are satisfied," said Kremlin aide Yuri Ushakov.`, "We are satisfied", "Kremlin aide Yuri Ushakov"},
		{"a role in lower case, then the name", `"This was a targeted job," said police spokesman Pieter Van Damme.`, "This was a targeted job", "Pieter Van Damme"},
		{"a role, then the name", `"It is a signal we cannot ignore," said the study's lead author, Dr Giulia Fabbri.`, "It is a signal we cannot ignore", "Dr Giulia Fabbri"},
		{"before colon", `Merz said: "The next steps are difficult."`, "The next steps are difficult.", "Merz"},
		{"according to", `The summit is "on hold," according to Peskov.`, "on hold", "Peskov"},
		{"guillemets", "Macron said «this is a step».", "this is a step", "Macron"},
		{"german marks", "Merz sagte „Wir helfen“, said Merz.", "Wir helfen", "Merz"},
		{"single curly", "Putin called it ‘a very useful meeting’ in Anchorage.", "a very useful meeting", "Putin"},
		{"single straight, British", "'We will not back down,' Starmer said.", "We will not back down", "Starmer"},
		{"single straight after a colon", "Starmer said: 'We will not back down.'", "We will not back down.", "Starmer"},
		{"pronoun", "Trump spoke in the Oval Office.\n“I'd like them to stop,” he said.", "I'd like them to stop", "Trump"},
		{"appositive with PP", "Putin's envoy, Kirill Dmitriev, in an X post called it “an important day.”", "an important day.", "Kirill Dmitriev"},
		{"relative clause", `Zelensky, who had challenged Putin, called the delegation "a theatrical prop" on Friday.`, "a theatrical prop", "Zelensky"},
		{"closing mark typed as the opener", "Lee wrote that the pair came back as ”a new kind of hybrid.”", "a new kind of hybrid.", "Lee"},
		{"continuation", "“It will help,” Trump said. “We'll help them out.”", "We'll help them out.", "Trump"},
		// the day after "said" is when, not who
		{"said and a day", "“We will not give up,” Aaron Barker, a union leader in Atlanta, said Monday.", "We will not give up", "Aaron Barker"},
		{"said before a clause is not inverted", "Finnish President Alexander Stubb, who attended the talks, said Europe was ready to do its part. “This is the most serious effort yet,” he told reporters.", "This is the most serious effort yet", "Finnish President Alexander Stubb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := factsOf(t, tt.text, KindQuote)
			if len(qs) == 0 {
				t.Fatalf("no quote in %q", tt.text)
			}
			q := qs[len(qs)-1]
			if q.Text != tt.quote || q.Subject != tt.speaker {
				t.Errorf("quote %q by %q, want %q by %q", q.Text, q.Subject, tt.quote, tt.speaker)
			}
		})
	}
}

func TestNoQuoteFromApostrophes(t *testing.T) {
	for _, text := range []string{
		"Moscow’s invasion and Ukraine’s allies’ response were ‘discussed’ by NATO’s chief.",
		"The players' union said it won't agree, and the owners' offer stands.",
		"Moscow's 'special operation' and the allies' response, NATO's chief said.",
	} {
		if qs := factsOf(t, text, KindQuote); len(qs) != 0 {
			t.Errorf("apostrophes made quotes in %q: %+v", text, qs)
		}
	}
}

func TestCompareQuotes(t *testing.T) {
	old := "Zelensky hailed the promise as “a major step forward,” he said.\n“When it comes to security, there's going to be a lot of help,” Trump told reporters."
	tests := []quoteCase{
		{"unchanged", old, nil},
		{"straight marks", "Zelensky hailed the promise as \"a major step forward,\" he said.\n\"When it comes to security, there's going to be a lot of help,\" Trump told reporters.", nil},
		{"said synonym", "Zelensky hailed the promise as “a major step forward,” he said.\n“When it comes to security, there's going to be a lot of help,” Trump said.", nil},
		{"reworded", "Zelensky hailed the promise as “an important step forward,” he said.\n“When it comes to security, there's going to be a lot of help,” Trump told reporters.", []string{"reworded"}},
		{"reattributed", "Zelensky hailed the promise as “a major step forward,” he said.\n“When it comes to security, there's going to be a lot of help,” Vance told reporters.", []string{"reattributed"}},
		{"removed", "Zelensky hailed the promise, he said.\n“When it comes to security, there's going to be a lot of help,” Trump told reporters.", []string{"-"}},
		{"typo fixed", "Zelensky hailed the promise as “a major step froward,” he said.\n“When it comes to security, there's going to be a lot of help,” Trump told reporters.", nil},
	}
	testQuoteChanges(t, old, tests)
}

// TestQuoteOverSentences: a quote of two sentences whose second changed
// is reworded, though it opens in a sentence that did not change.
func TestQuoteOverSentences(t *testing.T) {
	old := "The mayor spoke on Sunday.\n“We did our part. The next move is up to the council,” Ruiz told reporters, standing beside the governor."
	testQuoteChanges(t, old, []quoteCase{
		{"unchanged", old, nil},
		{"second sentence reworded", strings.Replace(old, "The next move is up to the council", "Now the next move is up to the board", 1), []string{"reworded"}},
		{"first sentence reworded", strings.Replace(old, "We did our part", "We did all our part", 1), []string{"reworded"}},
	})
}

// quoteCase is one new version of testQuoteChanges's old text and the
// quote changes it should give ("+", "-" or a detail, in order).
type quoteCase struct {
	name, new string
	want      []string
}

func testQuoteChanges(t *testing.T, old string, tests []quoteCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := changesOf(old, tt.new, KindQuote)
			if len(got) != len(tt.want) {
				t.Fatalf("got %+v, want %v", got, tt.want)
			}
			for i, c := range got {
				d := c.Detail
				switch {
				case c.Before == "":
					d = "+"
				case c.After == "":
					d = "-"
				}
				if d != tt.want[i] {
					t.Errorf("change %d: %q (%+v), want %q", i, d, c, tt.want[i])
				}
			}
		})
	}
}

func TestQuoteEditsThatSayTheSame(t *testing.T) {
	tests := []struct{ name, old, new string }{
		{"stammer removed", "“We we will rebuild every home,” the mayor said.", "“We will rebuild every home,” the mayor said."},
		{"letters swapped", "“This is a big setp forward,” he said.", "“This is a big step forward,” he said."},
		{"slip fixed in a long quote", "“All I have to do is leave, and we will be doing that very soon, and prices will be come tumbling down,” he said.", "“All I have to do is leave, and we will be doing that very soon, and prices will come tumbling down,” he said."},
		{"marks moved over a word", "He said prices will come “tumbling down” after the war.", "He said prices will “come tumbling down” after the war."},
		{"repeated phrase removed", "“I try to try to remind myself of that,” she said.", "“I try to remind myself of that,” she said."},
		{"casing", "“We Will Rebuild every home,” the mayor said.", "“We will rebuild every home,” the mayor said."},
		{"cut with an ellipsis", "“We will rebuild every home, and we will do it this year,” the mayor said.", "“We will rebuild every home … this year,” the mayor said."},
		{"punctuation", "“We will rebuild every home,” the mayor said.", "“We will rebuild every home!” the mayor said."},
		{"attribution reworded, same speaker", "“We will rebuild every home,” the mayor said.", "“We will rebuild every home,” the mayor told reporters."},
		{"a quoted phrase made a sentence", "He said the deal was “a big step forward.”", "“It's a big step forward,” he said of the deal."},
		{"negation written short", "“We did not leave and we cannot stay,” she said.", "“We didn’t leave and we can’t stay,” she said."},
		{"time of day without points", "“It hit right before 7 p.m. and again at 11:45 a.m.,” she said.", "“It hit right before 7pm and again at 11:45am,” she said."},
		{"a number in figures", "“She kept our secrets for thirty years,” she said.", "“She kept our secrets for 30 years,” she said."},
		{"thousands without a comma", "“We counted 2,000 homes,” she said.", "“We counted 2000 homes,” she said."},
		{"month abbreviated", "“We met on February 25 and again in October,” she said.", "“We met on Feb. 25 and again in Oct.,” she said."},
		{"apostrophe put in", "“Its been a long, hard road,” he added.", "“It’s been a long, hard road,” he added."},
		{"apostrophe taken out", "“The plan is on it's way,” she said.", "“The plan is on its way,” she said."},
		{"homophone fixed", "“This is there answer to diplomacy,” he said.", "“This is their answer to diplomacy,” he said."},
		{"homophone with an apostrophe", "“Your going to see a deal,” she said.", "“You’re going to see a deal,” she said."},
		{"a name transliterated otherwise", "“No Western troops in Kiev,” Lavrov said of Zelenskiy’s plan.", "“No Western troops in Kyiv,” Lavrov said of Zelensky’s plan."},
		{"abbreviation's points", "“The US needs allies more than the UK does,” she said.", "“The U.S. needs allies more than the U.K. does,” she said."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := changesOf(tt.old, tt.new, KindQuote); len(got) != 0 {
				t.Errorf("got %+v, want no quote change", got)
			}
		})
	}
	// a word added inside the marks is a rewording
	if got := changesOf("Ushakov called the talks “useful and constructive.”", "Ushakov called the talks “very useful and constructive.”", KindQuote); len(got) != 1 {
		t.Errorf("word added inside the marks: got %+v, want one change", got)
	}
	// a figure changed is no slip, however close its digits
	if got := changesOf("“Incidents reached record levels in 2024,” the charity said.", "“Incidents reached record levels in 2023,” the charity said.", KindQuote); len(got) != 1 {
		t.Errorf("year changed inside a quote: got %+v, want one change", got)
	}
	// a negation taken out is a rewording, however short the word
	if got := changesOf("“It's a deal we will not sign,” she said.", "“It's a deal we will sign,” she said.", KindQuote); len(got) != 1 {
		t.Errorf("negation taken out: got %+v, want one change", got)
	}
	// a content word changed is a rewording
	if got := changesOf("“We will rebuild every home,” the mayor said.", "“We will rebuild every school,” the mayor said.", KindQuote); len(got) != 1 || got[0].Detail != "reworded" {
		t.Errorf("content word changed: got %+v, want one reworded quote", got)
	}
}

// TestReattributionNeedsAnEditedAttribution: a quote changes speaker only
// when the attribution the reader sees was edited, not when a pronoun
// resolves to someone else after edits elsewhere.
func TestReattributionNeedsAnEditedAttribution(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           bool
	}{
		{"other speaker named",
			"Mayor Ann Lee said the bridge had a “serious structural flaw” that needed repair.",
			"Engineer Tom Ruiz said the bridge had a “serious structural flaw” that needed repair.", true},
		{"pronoun's antecedent edited",
			"Lee also said the bridge must close.\n“We cannot take the risk,” she told reporters.",
			"Ruiz also said the bridge must close.\n“We cannot take the risk,” she told reporters.", true},
		{"pronoun spelled out",
			"Police said the search had ended.\nHe said he had “no memory of the meeting” at all.",
			"Police said nothing more.\nGrant also said he had “no memory of the meeting” at all.", false},
		{"sentence put in between",
			"“We need more time,” Lee said.\nShe said she “feels hopeful” about the deal.",
			"“We need more time,” Lee said.\nRuiz was cautious on Monday.\nHe said he “feels hopeful” about the deal.", false},
		{"name shortened",
			"The bell rang, “and nothing was the same again,” Ann Marie Lee wrote.",
			"Late that night the bell rang, “and nothing was the same again,” Ann wrote.", false},
		{"speaker told by role",
			"“We cannot take the risk,” Ann Lee said on Monday.",
			"“We cannot take the risk,” the mayor’s spokesman said on Monday.", false},
		{"name capitalised otherwise",
			"A spokesperson for the Chinese embassy said, “The claim is untrue and baseless.”",
			"A spokesperson for the Chinese Embassy said, “The claim is untrue and baseless.”", false},
		{"quote of two sentences, speaker named after the second",
			"“We cannot take the risk. The bridge stays closed,” Mayor Ann Lee said on Monday.",
			"“We cannot take the risk. The bridge stays closed,” engineer Tom Ruiz said on Monday.", true},
		{"quote of two sentences, attribution reworded",
			"“We cannot take the risk. The bridge stays closed,” Mayor Ann Lee said on Monday.",
			"“We cannot take the risk. The bridge stays closed,” Lee told reporters on Monday.", false},
		{"old speaker still named",
			"Residents said the roads near the river were “impassable” on Sunday, police said.",
			"Police on Sunday said the roads near the river were “impassable.”", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := false
			for _, c := range changesOf(tt.old, tt.new, KindQuote) {
				got = got || c.Detail == "reattributed"
			}
			if got != tt.want {
				t.Errorf("reattributed = %v, want %v: %+v", got, tt.want, changesOf(tt.old, tt.new, KindQuote))
			}
		})
	}
}

// TestTrimmedQuoteSaysTheSame: a quote cut at either end, or partly moved
// out of the quotation marks, keeps its words and is no change; words
// added inside the marks, a content clause cut at its end, or another
// quote sharing two words, still are.
func TestTrimmedQuoteSaysTheSame(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           int // quote changes
	}{
		{"tail cut",
			"“The ruling denies him the chance to appeal the verdict in court,” the council said.",
			"“The ruling denies him the chance to appeal the verdict,” the council said.", 0},
		{"part moved out of the marks",
			"“The fire is being treated as a deliberate arson attack,” police said.",
			"Police said the fire was being treated as a “deliberate arson attack,” adding that homes were evacuated.", 0},
		{"trimmed in another paragraph",
			"Officials warned the levee “may fail or overflow at any time,” the agency said.\n\nRoads were closed.",
			"Roads were closed.\n\nThe levee was at risk, the agency said.\n\nIt could “fail or overflow,” officials said.", 0},
		{"trimmed, a hyphen added",
			"“This is a hard time. Now, the city is better placed than most to recover,” he said.",
			"“The city is better-placed than most to recover,” he said.", 0},
		{"content clause cut at the end",
			"“Prices have risen sharply following the closure of the canal to shipping,” the minister said.",
			"“Prices have risen sharply,” the minister said.", 1},
		{"quote split in two",
			"“We did our part and the next move is up to the council,” Ruiz said.",
			"“We did our part,” Ruiz said.\n\n“The next move is up to the council.”", 0},
		{"quote split in two, its end cut: one change",
			"“We did our part and the next move is up to the council, whose members were elected last spring,” Ruiz said.",
			"“We did our part,” Ruiz said. “The next move is up to the council.”", 1},
		{"clause added inside the marks",
			"“We are ready to continue talks,” the minister said.",
			"“We are ready to continue talks with the other side,” the minister said.", 1},
		{"two shared words are another quote",
			"The envoy defended the strikes as a “lawful and legitimate right of defence.”\n\nTalks went on.\n\nMarkets fell.\n\nShips waited.",
			"Talks went on.\n\nMarkets fell.\n\nShips waited.\n\nThe president said revenge was the nation’s “legitimate right.”", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := changesOf(tt.old, tt.new, KindQuote); len(got) != tt.want {
				t.Errorf("got %d changes, want %d: %+v", len(got), tt.want, got)
			}
		})
	}
}

// TestTitlesAreNoQuotes: a title or a name in quotation marks is not words
// someone said.
func TestTitlesAreNoQuotes(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"The spokesperson said so on CNN’s “The Evening Desk” on Wednesday.", 0},
		{"One of her best-loved books, “Rain Over Hollow Creek,” is about storms.", 0},
		{"A filing names a defendant called “Ola Bensu” in California.", 0},
		{"He called it “a Great Victory” for the city.", 1},
		{"She spoke on the “Sunrise” show on Monday.", 0},
		{"Asked whether he would run, he said “No” and left.", 1},
		{"“Never,” she said.", 1},
		{"No meeting is planned, the minister told NBC’s “Meet the Press.”", 0},
		{"“We Will Win. They Will Lose,” he said.", 1},
		// an acronym is a capitalised word of a name, when words in
		// title case stand with it
		{"The lawyer told “KTV Morning Desk” that the case was weak.", 0},
		{"Democrats oppose the bill known as the “SAFE Homes Act” this year.", 0},
		{"Forecasters expect so-called “ENSO Neutral” conditions by summer.", 0},
		{"The embassy told citizens to “LEAVE NOW” on Tuesday.", 1},
		{"The senator called him a “RINO” on Friday.", 1},
		{"Police posted a notice “Wanted for ARSON AT A CITY SCHOOL.” on Monday.", 1},
		// one capitalised word set off by a comma after a noun names
		// the thing; after a speech verb it is an answer
		{"They sailed on their yacht, “Seabird,” when the storm hit.", 0},
		{"He toured to promote his debut album, “Driftwood.”", 0},
		{"Asked if he would run again, he said, “No.”", 1},
		{"Asked about the plan, Lee replied, “Absolutely.”", 1},
		// a verb of saying further back in the sentence makes the noun
		// before the comma whom or where it was said to
		{"He told reporters, “Never.”", 1},
		{"She wrote on social media, “Disgraceful.”", 1},
		{"The mayor said in a statement, “Heartbroken.”", 1},
	}
	for _, tt := range tests {
		if got := factsOf(t, tt.text, KindQuote); len(got) != tt.want {
			t.Errorf("%q: %d quotes %+v, want %d", tt.text, len(got), got, tt.want)
		}
	}
}

// TestQuoteRespoken: the one quote of an edited sentence replaced by
// another of the same speaker in the sentence linked to it is one reworded
// quote; another speaker's quote is a quote removed and one added.
func TestQuoteRespoken(t *testing.T) {
	old := "The fire started late on Sunday.\n“This inquiry will take some time, as we need far more evidence before we decide,” Chief Lopez told reporters on Monday.\nThe road stays closed."
	testQuoteChanges(t, old, []quoteCase{
		{"same speaker", strings.Replace(old, "“This inquiry will take some time, as we need far more evidence before we decide,” Chief Lopez told reporters on Monday.",
			"The inquiry, with lab work, could take “several months to finish,” Chief Lopez told reporters on Tuesday.", 1), []string{"reworded"}},
		{"other speaker", strings.Replace(old, "“This inquiry will take some time, as we need far more evidence before we decide,” Chief Lopez told reporters on Monday.",
			"The inquiry, with lab work, could take “several months to finish,” Mayor Ann Reyes told reporters on Tuesday.", 1), []string{"-", "+"}},
	})
}

// TestQuoteRepeatedIsOneNews: the same words quoted twice in the new
// paragraphs, or a part of the same speaker's added quote, are one quote
// added.
func TestQuoteRepeatedIsOneNews(t *testing.T) {
	old := "The storm hit the coast on Monday.\n\nRoads were closed."
	tests := []struct {
		name, new string
		want      int
	}{
		{"same words twice",
			"The storm hit the coast on Monday.\n\nGovernor Ana Ruiz said the damage was “worse than anything we have seen.”\n\nRoads were closed.\n\nRuiz, who toured the area, said the damage was “worse than anything we have seen.”", 1},
		{"part of the same speaker's quote",
			"The storm hit the coast on Monday.\n\nGovernor Ana Ruiz said rebuilding is the state’s “first duty and promise.”\n\nRoads were closed.\n\nRuiz said rebuilding is the state’s “first duty.”", 1},
		{"another speaker's words",
			"The storm hit the coast on Monday.\n\nGovernor Ana Ruiz said rebuilding is the state’s “first duty and promise.”\n\nRoads were closed.\n\nMayor Tom Lee said it was the city’s “first duty.”", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := changesOf(old, tt.new, KindQuote); len(got) != tt.want {
				t.Errorf("got %d changes, want %d: %+v", len(got), tt.want, got)
			}
		})
	}
}

// TestQuoteStillQuotedIsNotRemoved: words quoted before that the new
// version still quotes inside a longer quote are no quote removed; the
// longer quote may still be news.
func TestQuoteStillQuotedIsNotRemoved(t *testing.T) {
	old := "Police said the fire was “under control” by noon.\n\nMeanwhile, the defence team vowed in a Friday filing to “vigorously defend her innocence,” adding that the evidence was thin.\n\nThe hearing is set for May."
	testQuoteChanges(t, old, []quoteCase{
		{"inside a longer quote", "Police said the fire was “under control” by noon.\n\nThe hearing is set for May.\n\nThe court sits in Dover.\n\nThe judge is new.\n\n“She did nothing wrong, and we will vigorously defend her innocence,” lawyer Ann Cole told reporters on Tuesday.", []string{"+"}},
		{"gone", "Police said the fire was “under control” by noon.\n\nThe hearing is set for May.", []string{"-"}},
	})
}

// TestScareQuoteTakenOff: one word quoted by no one ("rated in “poor”
// condition") whose marks come off is punctuation; one word a speaker
// was quoted as saying, gone, is news even when the word stands elsewhere.
func TestScareQuoteTakenOff(t *testing.T) {
	old := "The bridge had been rated in “poor” condition in a state inspection last year, records show.\n\nThe mayor called the repairs “overdue.”\n\nCrews said the overdue work would start in May."
	testQuoteChanges(t, old, []quoteCase{
		{"marks off a scare quote", "The bridge had been rated in poor condition in a state inspection last year, records show.\n\nThe mayor called the repairs “overdue.”\n\nCrews said the overdue work would start in May.", nil},
		{"a speaker's word gone", "The bridge had been rated in “poor” condition in a state inspection last year, records show.\n\nCrews said the overdue work would start in May.", []string{"-"}},
	})
}

// TestMentionedWordsAreNoQuotes: words named as words ("the word “X”")
// are not words someone said.
func TestMentionedWordsAreNoQuotes(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"The memo left out the word “unconfirmed” in its first line.", 0},
		{"Searches for keywords like “flood” returned nothing.", 0},
		{"Terms such as “truce” were banned from broadcasts.", 0},
		{"In her words, “the city will rebuild,” the mayor said.", 1},
		{"The mayor said the city would “rebuild every home.”", 1},
	}
	for _, tt := range tests {
		if got := factsOf(t, tt.text, KindQuote); len(got) != tt.want {
			t.Errorf("%q: %d quotes %+v, want %d", tt.text, len(got), got, tt.want)
		}
	}
}

// TestQuotesMergedSayTheSame: a new quote that joins an old quote with
// words another old quote said is no change; a new sentence in it is.
func TestQuotesMergedSayTheSame(t *testing.T) {
	old := "Her lawyers said they would “vigorously defend her innocence.”\n\nThe hearing is set for May.\n\n“Let us be clear – the evidence will show she did nothing wrong,” lawyer Ann Cole said."
	testQuoteChanges(t, old, []quoteCase{
		{"merged", "The hearing is set for May.\n\n“The evidence will show she did nothing wrong. We will vigorously defend her innocence,” lawyer Ann Cole said.", nil},
		{"a new sentence", "The hearing is set for May.\n\n“The evidence will show she did nothing wrong. We will ask the court to drop every charge,” lawyer Ann Cole said.", []string{"-", "reworded"}},
	})
}

// TestInterruptedQuoteIsOne: a quoted sentence cut by its attribution
// (“A,” she said, “B.”) added is one quote added; its second half added
// to a first half that stood before is news of its own.
func TestInterruptedQuoteIsOne(t *testing.T) {
	old := "The storm hit the coast on Monday.\n\nRoads were closed."
	tests := []struct {
		name, old, new string
		want           int
	}{
		{"added with a speech verb", old, "The storm hit the coast on Monday.\n\n“We lost the barn,” Ruiz said, “but the house still stands.”\n\nRoads were closed.", 1},
		{"added, attribution without a speech verb", old, "The storm hit the coast on Monday.\n\n“We lost the barn,” Ruiz went on, “but the house still stands.”\n\nRoads were closed.", 1},
		{"second half added", "The storm hit the coast on Monday.\n\n“We lost the barn,” Ruiz said.\n\nRoads were closed.", "The storm hit the coast on Monday.\n\n“We lost the barn,” Ruiz said, “but the house still stands.”\n\nRoads were closed.", 1},
		{"two quotes of one sentence", old, "The storm hit the coast on Monday.\n\nRuiz called the storm “a monster” that left the town “in pieces.”\n\nRoads were closed.", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := changesOf(tt.old, tt.new, KindQuote); len(got) != tt.want {
				t.Errorf("got %d changes, want %d: %+v", len(got), tt.want, got)
			}
		})
	}
}

// A day or a place after a preposition qualifies the speaker named before
// it ("the ministry on Friday said", "officials in Kyiv said"): the speaker
// is the phrase before, and an edit of the day or place leaves the quote
// as it was.
func TestSpeakerQualifiedByADayOrAPlace(t *testing.T) {
	tests := []struct{ text, want string }{
		{"The ministry on Friday said the talks were “a waste of time.”", "ministry"},
		{"Mendez in March said: “We will not sell the club.”", "Mendez"},
		{"A spokesperson for the embassy in Madrid said, “The report is false.”", "embassy"},
		{"One nurse in Leeds, who joined the ward last year, told CNN: “We are exhausted.”", "nurse"},
	}
	for _, tt := range tests {
		qs := factsOf(t, tt.text, KindQuote)
		if len(qs) != 1 || !strings.Contains(qs[0].Subject, tt.want) {
			t.Errorf("%q: quotes %+v, want one said by %s", tt.text, qs, tt.want)
		}
	}
	for _, tt := range []struct{ old, new string }{
		{"Mendez in March said: “We will not sell the club.”", "Mendez in April said: “We will not sell the club.”"},
		{"A spokesperson for the embassy in Madrid said, “The report is false.”", "A spokesperson for the embassy in Lisbon said, “The report is false.”"},
	} {
		if got := changesOf(tt.old, tt.new, KindQuote); len(got) != 0 {
			t.Errorf("%q -> %q: quote changes %+v, want none", tt.old, tt.new, got)
		}
	}
}

// The name after a verb of telling is the hearer: "Smith, who moved here,
// told CNN: “…”" is Smith's quote, not CNN's.
func TestHearerIsNoSpeaker(t *testing.T) {
	for _, text := range []string{
		"Lena Ortiz, who has worked at the plant for a decade, told CNN: “We were never warned about the leak.”",
		"Ortiz, a nurse, told reporters: “We were never warned about the leak.”",
	} {
		qs := factsOf(t, text, KindQuote)
		if len(qs) != 1 || !strings.Contains(qs[0].Subject, "Ortiz") {
			t.Errorf("%q: quotes %+v, want one said by Ortiz", text, qs)
		}
	}
}

// TestFragmentOfAnEarlierQuote: a word or two the other version quoted
// inside a longer quote, quoted again on their own in a paraphrase, are
// no quote added or removed; a word the longer quote never said is, and
// so is a fragment of function words only.
func TestFragmentOfAnEarlierQuote(t *testing.T) {
	old := "The ferry sank near the harbour on Monday.\n\n“This was a massacre at sea, and the world must answer,” the foreign minister said.\n\nDivers searched the wreck."
	testQuoteChanges(t, old, []quoteCase{
		{"one word of the longer quote", old + "\n\nThe minister vowed revenge for what he called a “massacre.”", nil},
		{"two words of the longer quote", old + "\n\nThe minister said in a later post that the world “must answer.”", nil},
		{"a word the quote never said", old + "\n\nThe minister vowed revenge for what he called a “crime.”", []string{"+"}},
		{"function words only", old + "\n\nThe minister said the world was “at sea” over it.", []string{"+"}},
	})
	longer := "The ferry sank near the harbour on Monday.\n\nThe minister called the sinking a “massacre” on Tuesday.\n\nDivers searched the wreck."
	testQuoteChanges(t, longer, []quoteCase{
		{"fragment gone, still in a longer quote", "The ferry sank near the harbour on Monday.\n\nDivers searched the wreck.\n\nThe port stayed shut.\n\nFishing boats waited offshore.\n\nTeachers closed the schools.\n\n“This was a massacre at sea, and the world must answer,” the minister said.", []string{"+"}},
	})
}

// TestMarksAroundWordsToldAlready: quotation marks put around words the
// other version told outside quotes change punctuation, not the news;
// words told otherwise are still a quote.
func TestMarksAroundWordsToldAlready(t *testing.T) {
	old := "The mayor was a tireless organiser devoted to her neighbours.\n\nShe had led the city since 2019.\n\nPolice found a hunting knife in the car."
	testQuoteChanges(t, old, []quoteCase{
		{"marks put around a phrase told", "The mayor was a “tireless organiser” who was “devoted to her neighbours,” her family said.\n\nShe had led the city since 2019.\n\nPolice found a hunting knife in the car.", nil},
		{"marks put around an item listed", "The mayor was a tireless organiser devoted to her neighbours.\n\nShe had led the city since 2019.\n\nThe prosecutor said the car held a “hunting knife” and maps.", nil},
		{"words told otherwise", "The mayor was a tireless organiser devoted to her neighbours.\n\nShe had led the city since 2019.\n\nPolice found a hunting knife in the car.\n\nHer brother called her “devoted to the whole city.”", []string{"+"}},
	})
}

// TestQuoteGoingOnPastItsAttribution: the speaker's next sentence after
// the attribution ("“A,” she said. “B.”") is one quote with the first
// piece when the paragraph comes or goes: one change showing both pieces.
// Added to a quote that stayed, the next sentence is a quote added.
func TestQuoteGoingOnPastItsAttribution(t *testing.T) {
	old := "The dam held overnight.\n\nCrews cleared the road."
	tests := []struct {
		name, old, new string
		want           []string // After (or Before) of each quote change
	}{
		{"paragraph added", old,
			"The dam held overnight.\n\n“We were lucky this time,” the mayor said. “The next storm may not spare us.”\n\nCrews cleared the road.",
			[]string{"We were lucky this time … The next storm may not spare us."}},
		{"paragraph removed",
			"The dam held overnight.\n\n“We were lucky this time,” the mayor said. “The next storm may not spare us.”\n\nCrews cleared the road.", old,
			[]string{"We were lucky this time … The next storm may not spare us."}},
		{"a sentence of the writer's between the pieces",
			"The dam held overnight.\n\n“We were lucky this time,” the mayor said. Water rose all night. “The next storm may not spare us.”\n\nCrews cleared the road.", old,
			[]string{"We were lucky this time", "The next storm may not spare us."}},
		{"next sentence added to a quote that stayed",
			"The dam held overnight.\n\n“We were lucky this time,” the mayor said.\n\nCrews cleared the road.",
			"The dam held overnight.\n\n“We were lucky this time,” the mayor said. “The next storm may not spare us.”\n\nCrews cleared the road.",
			[]string{"The next storm may not spare us."}},
		// an attribution ending in a one-letter name or a bracketed
		// acronym ends its sentence too: neither is an initial
		{"attribution ends on a one-letter name", old,
			"The dam held overnight.\n\n“We were lucky this time,” the mayor wrote on X. “The next storm may not spare us.”\n\nCrews cleared the road.",
			[]string{"We were lucky this time … The next storm may not spare us."}},
		{"attribution ends on a bracketed acronym", old,
			"The dam held overnight.\n\n“We were lucky this time,” said Chief Ann Lee of the River Police (RP). “The next storm may not spare us.”\n\nCrews cleared the road.",
			[]string{"We were lucky this time … The next storm may not spare us."}},
		{"an initial before a name stays in its sentence", old,
			"The dam held overnight.\n\nJohn F. Smith, the mayor, said “we were lucky this time.”\n\nCrews cleared the road.",
			[]string{"we were lucky this time."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := changesOf(tt.old, tt.new, KindQuote)
			var texts []string
			for _, c := range got {
				texts = append(texts, c.After+c.Before)
			}
			if strings.Join(texts, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", texts, tt.want)
			}
		})
	}
}

// TestStatementReattributedOnce: a statement whose speaker's words go on
// past the attribution, given whole to another speaker, is one quote
// reattributed, not one per piece.
func TestStatementReattributedOnce(t *testing.T) {
	old := "The council met on Monday.\n“We are ready to rebuild the bridge,” Mayor Ann Lee said in a statement. “But not at any price, and not before the river falls.”\nEngineer Tom Ruiz attended the meeting."
	new := "The council met on Monday.\n“We are ready to rebuild the bridge,” engineer Tom Ruiz, who attended the meeting, told reporters. “But not at any price, and not before the river falls.”"
	got := changesOf(old, new, KindQuote)
	if len(got) != 1 || got[0].Detail != "reattributed" || !strings.Contains(got[0].After, "not at any price") {
		t.Errorf("got %+v, want one reattributed quote with both pieces", got)
	}
}

// TestEllipsisCutTakesItsFacts: a quote cut with an ellipsis is no change,
// and neither is a date or a count that went with the cut words; an
// amount of money said in it stays a figure of the story.
func TestEllipsisCutTakesItsFacts(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           int
	}{
		{"date cut", "“We will not trade our land for promises, not today and not tomorrow,” the president said at a press conference.",
			"“We will not trade our land for promises …” the president said at a press conference.", 0},
		{"count cut", "“We have rebuilt the bridge, and four schools are next,” the mayor said on Monday.",
			"“We have rebuilt the bridge …” the mayor said on Monday.", 0},
		{"money cut", "“We have rebuilt the bridge, and it cost $40 million,” the mayor said on Monday.",
			"“We have rebuilt the bridge …” the mayor said on Monday.", 1},
		{"cut without an ellipsis", "“We will not trade our land for promises, not today and not tomorrow,” the president said at a press conference.",
			"“We will not trade our land for promises,” the president said at a press conference.", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Compare(tt.old, tt.new, pub); len(got) != tt.want {
				t.Errorf("got %+v, want %d changes", got, tt.want)
			}
		})
	}
}

// TestQuoteReplacedInPlace: a sentence rewritten past linking, put in the
// place of the old one with the same attribution, says in the speaker's
// slot other words: one quote reworded. Another attribution, or another
// speaker, keeps the quotes removed and added.
func TestQuoteReplacedInPlace(t *testing.T) {
	old := "The mayor offered the stadium as a venue for the talks.\nPolice chief Ana Lopez said the city valued the mayor's “readiness to help” with any meeting.\nThe talks are due next month."
	testQuoteChanges(t, old, []quoteCase{
		{"same attribution", strings.Replace(old, "the city valued the mayor's “readiness to help” with any meeting.",
			"the question of a venue “has not been raised at all for now”.", 1), []string{"reworded"}},
		{"other attribution", strings.Replace(old, "Police chief Ana Lopez said the city valued the mayor's “readiness to help” with any meeting.",
			"Police chief Ana Lopez, asked about a venue, insisted it “has not been raised at all for now”.", 1), []string{"-", "+"}},
	})
}

// TestFoldReattributedWithoutItsFirstPiece: a later piece of a quote
// reattributed whose first piece was not reattributed (it stayed, or
// changed otherwise) is told as it is, whatever change comes first: the
// walk back to the first piece read the first change's new fact when the
// piece before was not found, a nil one when that change removed a fact.
func TestFoldReattributedWithoutItsFirstPiece(t *testing.T) {
	quote := func(start, lead int, speaker string) *item {
		return &item{Fact: Fact{Kind: KindQuote, Start: start, End: start + 10}, lead: lead, slot: speaker}
	}
	m := &matcher{out: []change{
		{old: &item{Fact: Fact{Kind: KindNumber, Start: 1, End: 3}}, oSent: 0, nSent: -1}, // a fact removed
		{old: quote(100, 0, "lee"), new: quote(100, 0, "ruiz"), detail: "reattributed"},
		{old: quote(200, 0, "lee"), new: quote(200, 0, "ruiz"), detail: "reattributed"},
		// goes on a quote at 280 that is no change of m.out
		{old: quote(300, 20, "lee"), new: quote(300, 20, "ruiz"), detail: "reattributed"},
	}}
	m.foldReattributed()
	if len(m.out) != 4 {
		t.Errorf("%d changes after folding, want the 4 as they were", len(m.out))
	}
}

// TestRequotedInTextOrder: two sentences rewritten past linking, each
// with one quote of the speaker gone, both beside the one new sentence
// with a quote of hers: the first in text order is the one reworded, on
// every run. The sentences gone were read from a map, in Go's random
// order, so one comparison of two fixed texts paired one quote or the
// other from run to run.
func TestRequotedInTextOrder(t *testing.T) {
	lx, err := loadLexicon("en")
	if err != nil {
		t.Fatal(err)
	}
	quote := func(start int) *item {
		return &item{Fact: Fact{Kind: KindQuote, Start: start, End: start + 10}, slot: "ana lopez"}
	}
	for run := range 100 {
		m := &matcher{
			lx:  lx,
			pos: []float64{2.5, 3.5}, // both old sentences gone, one either side of new sentence 3
			oldSents: []align.Sentence{
				{Text: "Police chief Ana Lopez said the city valued the “readiness to help”."},
				{Text: "Police chief Ana Lopez said the talks were “going well”."},
			},
			newSents: []align.Sentence{{Text: "A."}, {Text: "B."}, {Text: "C."},
				{Text: "Police chief Ana Lopez said the question of a venue “has not been raised”."}},
			out: []change{
				{old: quote(10), oSent: 0, nSent: -1},
				{old: quote(90), oSent: 1, nSent: -1},
				{new: quote(300), oSent: -1, nSent: 3, pos: 3},
			},
		}
		extra := m.requoted(make([]bool, len(m.out)), nil)
		if len(extra) != 1 || extra[0].old.Start != 10 {
			t.Fatalf("run %d: pairs %+v, want the first sentence's quote reworded", run, extra)
		}
	}
}

// TestQuoteChangedOnce: each edit is one quote changed, before → after,
// not one removed and another added, nor a change and its copy too.
//   - grown past its sentence: a quote introduced by a colon grows by a
//     sentence; its first sentence's edit (the closing mark moved on)
//     looks like a slip, but the quote says more now;
//   - replaced under the same attribution: a sentence that opens with a
//     quote and closes with the same attribution, rewritten past linking;
//   - replaced in the first sentence: the quote that opens a text, another
//     quote following in the same sentence; the aligner replaces the
//     sentence in place;
//   - replaced twice: the paragraph is printed twice, once alone (a pull
//     quote) and once before the paragraph's next sentence.
func TestQuoteChangedOnce(t *testing.T) {
	const (
		fireLead  = "The fire was 40% contained, the fire service said.\n"
		fireTail  = "\nSome 300 firefighters were deployed.\n"
		bernTail  = " Keller-Sutter told reporters that European countries would be involved, calling them “a first line of defense because they’re there.”\nAid groups warned that the winter would be hard.\n"
		pullLead  = "But a peace deal still appeared far from imminent.\n\n"
		pullNext  = " Stubb said Europe would keep up the pressure with a new package of sanctions if the talks stalled.\n\nOfficials said 14 civilians had been killed in overnight strikes.\n"
		door      = "“The door to diplomacy is open, but it will not stay open forever,” Stubb told reporters after the meeting."
		ceasefire = "“We need a ceasefire before we can talk about anything else,” Stubb told reporters after the meeting."
	)
	for _, tt := range []struct{ name, old, new string }{
		{"grown past its sentence",
			"Regional leader Marcos Herrera said: “We cannot do this alone any longer.”",
			"Regional leader Marcos Herrera said: “We cannot do this alone any longer. Madrid has to keep its word.”"},
		{"replaced under the same attribution",
			fireLead + "“The next 24 hours are critical,” fire service spokesman Yiannis Drakos said." + fireTail,
			fireLead + "“The front is under control, but flare-ups are still possible,” fire service spokesman Yiannis Drakos said." + fireTail},
		{"replaced in the first sentence",
			"“We need a ceasefire before we can talk about anything else,” Schoof told reporters after the meeting." + bernTail,
			"“We are closer to peace than at any time since the war began,” Schoof told reporters after the meeting." + bernTail},
		{"replaced twice", pullLead + door + "\n\n" + door + pullNext, pullLead + ceasefire + "\n\n" + ceasefire + pullNext},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := changesOf(tt.old, tt.new, KindQuote); len(got) != 1 || got[0].Before == "" || got[0].After == "" {
				t.Errorf("got %+v, want one quote changed", got)
			}
		})
	}
	// another speaker's words in the same place are another quote
	old := fireLead + "“The next 24 hours are critical,” fire service spokesman Yiannis Drakos said." + fireTail
	other := fireLead + "“The front is under control, but flare-ups are still possible,” Mayor Eleni Papa told reporters." + fireTail
	if got := changesOf(old, other, KindQuote); len(got) != 2 {
		t.Errorf("got %+v, want one quote removed and another speaker's added", got)
	}
}
