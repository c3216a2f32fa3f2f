package facts

import (
	"slices"
	"strings"
	"testing"
)

func TestExtractPositions(t *testing.T) {
	tests := []struct {
		name, text               string
		verb, actor, stance, obj string
	}{
		{"rule out", "Just before the talks began, Russia’s Foreign Ministry ruled out the deployment of troops from NATO countries to help secure a peace deal.",
			"ruled out", "Russia’s Foreign Ministry", "reject", "the deployment of troops from NATO countries"},
		{"said it could accept", "Russia’s Foreign Ministry said it could accept the deployment of troops from NATO countries.",
			"could accept", "Russia’s Foreign Ministry", "accept?", "the deployment of troops from NATO countries"},
		{"did not rule out", "Peskov did not rule out a meeting.", "did not rule out", "Peskov", "accept?", "a meeting"},
		{"negated accept", "Putin has not agreed to the meeting.", "has not agreed", "Putin", "reject", "the meeting"},
		{"hedge", "Zelensky may accept the proposal.", "may accept", "Zelensky", "accept?", "the proposal"},
		{"consider", "Ukraine was considering Russian demands.", "considering", "Ukraine", "consider?", "Russian demands"},
		{"conceded", "Holt conceded the race.", "conceded", "Holt", "accept", "the race"},
		{"a name ending in a number", "Teamsters Local 727 declined to comment.", "declined to comment", "Teamsters Local 727", "not comment", ""},
		{"studying a decision", "The company was studying the decision.", "studying the decision", "The company", "consider?", ""},
		// weighing a thing that is "to be" done is no view held
		{"considering a proposal to be put", "The board is considering a proposal to be put to shareholders.", "considering", "The board", "consider?", "a proposal"},
		{"considered sanctions to be imposed", "The EU considered sanctions to be imposed next week.", "considered", "EU", "consider?", "sanctions"},
		{"object control", "European leaders urged Trump to insist on a ceasefire.", "urged", "European leaders", "demand", "Trump"},
		{"parenthetical", "European leaders — who rushed to Washington — urged Trump to act.", "urged", "European leaders", "demand", "Trump"},
		{"coordinated verb", "Trump previously backed that proposal but reversed course after meeting Putin.", "reversed course", "Trump", "reverse", ""},
		{"refused to", "Putin declined to accept the invitation.", "declined to accept", "Putin", "reject", "the invitation"},
		// an act held back: the gerund's stance, not taken
		{"stopped short of", "The administration stopped short of endorsing the European plan.", "stopped short of endorsing", "The administration", "reject", "the European plan"},
		{"refrained from", "The council refrained from backing the proposal.", "refrained from backing", "The council", "reject", "the proposal"},
		{"phrase", "Merz and French President Emmanuel Macron both voiced support for a ceasefire.", "voiced support for", "Merz and French President Emmanuel Macron", "support", "a ceasefire"},
		{"drop demand", "Macron dropped his demand for a ceasefire.", "dropped his demand", "Macron", "reverse", ""},
		{"drop threat", "The union has dropped its threat to strike over the plan.", "dropped its threat", "The union", "reverse", ""},
		{"drop opposition", "The mayor dropped her opposition to the stadium.", "dropped her opposition", "The mayor", "reverse", ""},
		{"withdraw veto", "Acme’s board has withdrawn its veto of the merger.", "withdrawn its veto", "Acme’s board", "reverse", ""},
		{"pronoun", "Putin met Trump.\nHe rejected the plan.", "rejected", "Putin", "reject", "the plan"},
		{"told CNN she", "Senator Jane Roe signaled doubts — telling CNN she will not accept the offer.", "will not accept", "Senator Jane Roe", "reject", "the offer"},
		{"not disclosed", "Police have not disclosed the motive.", "have not disclosed", "Police", "not comment", "the motive"},
		{"refused, adverb between", "Mr Lee met Ann Ross.\nRoss declined to specifically discuss the plan.", "declined to specifically discuss", "Ross", "not comment", "the plan"},
		{"plans to", "Acme Corp plans to close the plant.", "plans to", "Acme Corp", "plan", "close the plant"},
		{"no plans to", "Mayor Jo Park has no plans to resign.", "no plans to", "Mayor Jo Park", "not plan", "resign"},
		{"does not plan to", "The firm does not plan to raise prices.", "does not plan to", "The firm", "not plan", "raise prices"},
		{"asked to", "Police asked residents to stay home.", "asked", "Police", "demand", "residents"},
		{"asked for", "The family asked for privacy.", "asked for", "The family", "demand", "privacy"},
		{"requested", "Lawyers requested a hearing.", "requested", "Lawyers", "demand", "a hearing"},
		{"the senator", "The senator has no plans to resign.", "no plans to", "The senator", "not plan", "resign"},
		// after "there is", a relative clause is what the sentence tells
		{"there are some who", "There are 10 senators who oppose the bill.", "oppose", "senators", "reject", "the bill"},
		// a quantifier opening the sentence is a plural subject
		{"most", "Most oppose the plan, a poll found.", "oppose", "Most", "reject", "the plan"},
		{"both", "Both reject the offer.", "reject", "Both", "reject", "the offer"},
		{"there were some who", "There were lawmakers who rejected the plan.", "rejected", "lawmakers", "reject", "the plan"},
		{"not yet decided", "Ann Lee hadn’t yet decided whether to run.", "hadn’t yet decided", "Ann Lee", "not decide", ""},
		{"a ruling", "The state Supreme Court ruled that the map was legal.", "ruled", "Supreme Court", "decide", "the map was legal"},
		{"willing to", "Iran is willing to listen.", "willing to", "Iran", "accept", "listen"},
		{"stand with", "The senators stand with the workers.", "stand with", "The senators", "support", "the workers"},
		{"seeking to", "Prosecutors are seeking to add a charge.", "seeking to", "Prosecutors", "demand", "add a charge"},
		{"promised", "The minister promised to release the documents.", "promised", "The minister", "warn", "release the documents"},
		{"a name before the day", "Trump on Saturday suggested troops could be deployed.", "suggested", "Trump", "propose", ""},
		{"would not: a refusal", "The official would not say how many died.", "would not say", "The official", "not comment", ""},
		{"the two sides", "Talks ended with the two sides planning on exchanging drafts.", "planning on", "the two sides", "plan", "exchanging drafts"},
		{"a defense team", "Burke’s defense asked to postpone the hearing.", "asked", "Burke’s defense", "demand", ""},
		{"claimed responsibility", "A militant group has claimed responsibility for the attack.", "claimed responsibility", "A militant group", "confirm", ""},
		{"warned to", "Ministers warned residents to avoid the area.", "warned", "Ministers", "demand", "residents"},
		{"since a year", "Since 2019, Acme has opposed the plan.", "opposed", "Acme", "reject", "the plan"},
		{"last year", "In 2024 the council rejected the plan.", "rejected", "the council", "reject", "the plan"},
		{"participle with agent", "They passed a law approved by Parliament.", "approved", "Parliament", "accept", ""},
		{"would not attend", "Its negotiators would not attend talks in Vienna.", "would not attend", "Its negotiators", "reject", "talks in Vienna"},
		{"as: at the same time, news", "Markets fell as Trump urged calm.", "urged", "Trump", "demand", "calm"},
		{"reported past perfect", "Lee said Acme had agreed to the deal.", "agreed", "Acme", "accept", "the deal"},
		{"had no plans", "The mayor had no plans to resign.", "no plans to", "The mayor", "not plan", "resign"},
		{"a name glued by the scraper", "Tom Hale spoke.\nYet Halerefuses to say whether he backs it.", "Halerefuses to say", "Hale", "not comment", ""},
		{"an adverb glued", "The court is alsoconsidering a case.", "alsoconsidering", "The court", "consider?", "a case"},
		{"a word glued after", "The court is consideringa case on tariffs.", "consideringa", "The court", "consider?", "a case on tariffs"},
		// a lower-case noun glued to its verb after a determiner or a name
		// "yet to": not done so far, a stance still pending
		{"has yet to endorse", "Senator Ames has yet to endorse the bill.", "has yet to endorse", "Senator Ames", "reject", "the bill"},
		{"is yet to decide", "The council is yet to decide whether to sell the land.", "is yet to decide", "The council", "not decide", ""},
		{"a noun glued before", "The regulatorapproved the merger on Friday.", "regulatorapproved", "The regulator", "accept", "the merger on Friday"},
		{"glued at both ends", "Local votersrejecteda plan to widen the road.", "votersrejecteda", "Local voters", "reject", "a plan"},
		{"an auxiliary glued to its subject", "City votershave rejected the plan.", "rejected", "City voters", "reject", "the plan"},
		{"an auxiliary glued to a name", "Ann Moore spoke.\nMoorewill oppose the bill.", "oppose", "Moore", "reject", "the bill"},
		{"a negation glued after", "Jo Ames, 34, has pleadednot guilty.", "pleadednot guilty", "Jo Ames", "plead not guilty", ""},
		{"instructed", "The mayor instructed officials to reopen the road.", "instructed", "The mayor", "order", "officials"},
		{"a wish suggested proposes", "Ann Roe praised Tom Hale and suggested she’d like him to return.", "suggested", "Ann Roe", "propose", ""},
		{"blamed", "The agency blamed the contractor for the delays.", "blamed", "The agency", "reject", "the contractor for the delays"},
		{"a participle after a quote", "Ann Roe said the plan “is dead on arrival,” blaming the board for the delay.", "blaming", "Ann Roe", "reject", "the board for the delay"},
		{"a which-relative", "The plan drew criticism from Acme, which rejected the terms.", "rejected", "Acme", "reject", "the terms"},
		{"an irregular past after a noun", "The minister withdrew his support for the plan.", "withdrew his support", "The minister", "reverse", "the plan"},
		{"said they would", "After the hearing, police said they would seek another charge.", "they would seek another charge", "police", "plan", "seek another charge"},
		{"said it won't", "Acme Corp said it won’t raise prices this year.", "it won’t raise prices this year", "Acme Corp", "not plan", "raise prices this year"},
		{"said he would attend", "Tom Hale said he would attend the summit in Oslo.", "he would attend the summit in Oslo", "Tom Hale", "plan", "attend the summit in Oslo"},
		{"a contracted will", "Ann Roe said she’ll close the store on Friday.", "she’ll close the store on Friday", "Ann Roe", "plan", "close the store on Friday"},
		{"announced she will not", "The mayor announced she will not seek a second term.", "she will not seek a second term", "The mayor", "not plan", "seek a second term"},
		{"said on a day that", "Ann Roe said on Monday that she would close the store.", "she would close the store", "Ann Roe", "plan", "close the store"},
		{"announced a day", "Acme announced Tuesday it would close the plant in Ohio.", "it would close the plant in Ohio", "Acme", "plan", "close the plant in Ohio"},
		{"issued a directive", "On Maui, officials issued an evacuation advisory for parts of the town.", "issued an evacuation advisory", "officials", "order", "an evacuation advisory for parts of the town"},
		{"a directive issued, no issuer", "Rain fell, and an evacuation order was issued for the river camp.", "evacuation order was issued", "evacuation order", "order", "for the river camp"},
		{"said X should", "The State Department said people in the border areas should seek shelter.", "should seek shelter", "State Department", "demand", ""},
		{"said X, apposition, should", "A Labour lawmaker said Tom Hale, the deputy who had served as envoy at the \u200ctime, should quit.", "should quit", "Labour lawmaker", "demand", ""},
		{"warned it could", "Its military warned it could target ports in the region.", "warned it could target ports in the region", "Its military", "warn", "target ports in the region"},
		{"warned it would, a threat", "Acme warned it would move its plants to Mexico.", "warned it would move its plants to Mexico", "Acme", "warn", "move its plants to Mexico"},
		{"a forecast is hedged", "Acme is expected to approve the budget.", "approve", "Acme", "accept?", "the budget"},
		{"a forecast negated", "Acme is not expected to approve the budget.", "is not expected to approve", "Acme", "reject?", "the budget"},
		{"unlikely to", "Acme is unlikely to approve the budget.", "unlikely to approve", "Acme", "reject?", "the budget"},
		{"pleaded not guilty", "Lee, 34, has pleaded not guilty.", "pleaded not guilty", "Lee", "plead not guilty", ""},
		{"pled guilty", "Jo Ames pled guilty to two counts of fraud.", "pled guilty to", "Jo Ames", "plead guilty", "two counts of fraud"},
		{"a common actor noun opening", "The police arrived.\nPolice have not disclosed the motive.", "have not disclosed", "Police", "not comment", "the motive"},
		{"a name's office", "Roe’s office did not return a request for comment.", "did not return a request", "Roe’s office", "not respond", "comment"},
		{"a name in apposition", "The party’s top budget negotiator, Sen. Ann Roe, declined to discuss the offer.", "declined to discuss", "Ann Roe", "not comment", "the offer"},
		{"coordinated, subject a common noun", "Ann Coe spoke.\nHer 20-year-old son was due home in May but was considering a longer tour.", "considering", "Her 20-year-old son", "consider?", "a longer tour"},
		{"coordinated, subject a pronoun", "Tom Hale met aides.\nHe is under investigation but has not commented on the claims.", "has not commented", "Tom Hale", "not comment", "the claims"},
		{"coordinated, subject with a determiner", "The former minister was arrested on Monday and has denied the charges.", "denied", "The former minister", "reject", "the charges"},
		{"a fronted clause names the pronoun", "The report named Tom Lee.\nAn aide said that once Ann Roe was told, she instructed staff to review the files.", "instructed", "Ann Roe", "order", "staff"},
		{"a possessive in a fronted clause names no one", "Ann Roe met aides.\nAfter Acme’s offer, she rejected the deal.", "rejected", "Ann Roe", "reject", "the deal"},
		{"a fronted when-clause", "Tom Lee spoke first.\nWhen Mayor Ann Roe saw the plan, she rejected it.", "rejected", "Mayor Ann Roe", "reject", "it"},
		{"a speech verb inside a name is none", "Ann Roe spoke.\nRoe was sacked when files were published in the United States.\nShe has denied the claims.", "denied", "Roe", "reject", "the claims"},
		{"an opening phrase is no subject", "Among the youngest in his unit, Tom Coady stood out.\nWhile he was due home in May, he was considering a longer tour.", "considering", "Tom Coady", "consider?", "a longer tour"},
		{"a contracted pronoun is no subject", "Ann Roe met aides.\nIt’s a hard call for the party.\nAnd as she mulls a run, she rejected the offer.", "rejected", "Ann Roe", "reject", "the offer"},
		{"a group of people", "Some critics have urged a boycott of the games.", "urged", "Some critics", "demand", "a boycott of the games"},
		{"a group with a modifier", "Local residents rejected the plan.", "rejected", "Local residents", "reject", "the plan"},
		{"ready to", "Türkiye is ready to host the meeting.", "ready to", "Türkiye", "accept", "host the meeting"},
		{"not prepared to", "Ukraine is not prepared to contribute troops.", "is not prepared to", "Ukraine", "reject", "contribute troops"},
		{"a modal before the subject", "Only then would Putin be willing to meet Zelensky.", "willing to", "Putin", "accept?", "meet Zelensky"},
		{"a name with a plus sign", "OPEC+ agreed to raise output in April.", "agreed", "OPEC+", "accept", "raise output in April"},
		{"a role and a name in apposition", "Acme's largest shareholder, the activist fund Gallatin Partners, declined to comment.", "declined to comment", "Gallatin Partners", "not comment", ""},
		{"a name in apposition, no title", "The union’s longtime chief, Bo Dale, rejected the offer.", "rejected", "Bo Dale", "reject", "the offer"},
		{"does not want", "The island’s council does not want the base.", "does not want", "The island’s council", "reject", "the base"},
		{"not aware of", "A spokesperson for the army said they were not yet aware of the blast.", "not yet aware", "the army", "not know", "of the blast"},
		{"unaware of", "Tom Hale said he is unaware of any delay.", "unaware", "Tom Hale", "not know", "of any delay"},
		{"do not suspect", "The police don’t suspect foul play.", "don’t suspect", "The police", "not view", "foul play"},
		{"made clear", "Party leaders have made clear they will not fund the agency.", "made clear", "Party leaders", "assert", ""},
		{"said X needs", "Envoy Tom Hale said on Monday the country needs new leaders.", "needs new leaders", "Envoy Tom Hale", "demand", ""},
		{"told reporters he needs to", "Senator Ann Roe told reporters that she needs to see the full text.", "needs to see the full text", "Senator Ann Roe", "demand", ""},
		{"an act: reopened the road", "State officials reopened the bridge on Monday.", "reopened", "State officials", "act", "the bridge on Monday"},
		{"an act: extended a truce", "The president extended a three-day truce.", "extended", "The president", "act", "a three-day truce"},
		{"a budget passed", "Portland city councilors on Wednesday passed a $7.1 billion budget.", "passed", "Portland city councilors", "accept", "a $7.1 billion budget"},
		{"readiness declared", "President Volodymyr Zelensky on Tuesday declared readiness to meet Vladimir Putin.", "declared readiness", "President Volodymyr Zelensky", "accept", "meet Vladimir Putin"},
		{"a vote for", "The Pirate Party said it would vote for the motion.", "would vote for", "Pirate Party", "support?", "the motion"},
		{"a vote against", "Labour voted against the bill.", "voted against", "Labour", "reject", "the bill"},
		{"an abstention", "The Pirate Party said it could abstain.", "could abstain", "Pirate Party", "abstain?", ""},
		{"an act: suspended a licence", "The Bank of Lithuania said it had suspended the exchange's licence.", "suspended", "Lithuania", "act", "the exchange's licence"},
		{"a day between the sayer and said", "The Kremlin on Tuesday said it was considering Budapest as a venue.", "considering", "Kremlin", "consider?", "Budapest"},
		{"an act: cut taxes", "The government has cut fuel taxes for a year.", "cut", "The government", "act", "fuel taxes for a year"},
		{"an act: a tax glued to a preposition", "Canada has cut fuel taxesin half.", "cut", "Canada", "act", ""},
		{"an act: announced charges", "Prosecutors announced charges against the driver.", "announced charges", "Prosecutors", "act", "against the driver"},
		{"welcome of a matter", "The union welcomed her release on Friday.", "welcomed", "The union", "support", "her release on Friday"},
		{"welcome of the US", "Kyiv welcomed US support for the plan.", "welcomed", "Kyiv", "support", ""},
		{"welcome of a step back", "Kyiv welcomed Moscow's step back from its demands.", "welcomed", "Kyiv", "support", ""},
		{"an act: announced a plan", "Senate leaders announced a sweeping plan to fund the agency.", "announced", "Senate leaders", "act", "a sweeping plan"},
		{"an act: announced a measure", "The mayor announced a nightly curfew for the district.", "announced", "The mayor", "act", "a nightly curfew for the district"},
		{"an act: announced early dismissals", "Schools in Ruritania announced early dismissals on Monday.", "announced", "Ruritania", "act", "early dismissals on Monday"},
		{"a day is no antecedent", "The State Department issued a notice.\nIts message was updated by Wednesday morning.\nIt said callers should stay on the line.", "should stay on the line", "State Department", "demand", ""},
		{"names joined by and take the bare form", "Merz and Macron support the plan.", "support", "Merz and Macron", "support", "the plan"},
		{"a plural name takes the bare form", "Republicans oppose the plan.", "oppose", "Republicans", "reject", "the plan"},
		{"a relative clause set off by commas", "Tom Hale, who opposed the plan, resigned on Monday.", "opposed", "Tom Hale", "reject", "the plan"},
		{"had to: a stance taken", "Acme had to withdraw its support for the plan.", "withdraw its support", "Acme", "reverse", ""},
		{"an infinitive after an aspect verb", "Acme continued to urge residents to leave.", "urge", "Acme", "demand", "residents"},
		// a place an authority closed or reopened, told by its state: a
		// decision, announced by the sentence's speaker
		{"a closure to come", "Springfield Public Schools will be closed Monday, the district said.", "will be closed", "the district", "close", "Springfield Public Schools"},
		{"a closure without be", "All county school campuses and offices will close early Monday due to the storm, the district said.", "will close", "the district", "close", "All county school campuses and offices"},
		{"a numbered road closed", "Authorities in Ruritania announced Sunday I-95 is closed in both directions.", "is closed", "Ruritania", "close", "I-95"},
		{"a closure, the day no speaker", "State police on Sunday said the Lakeview Bridge was closed.", "was closed", "State police", "close", "Lakeview Bridge"},
		{"a place deeper in the subject", "All city departments not working on storm response will be closed Friday, Mayor Ann Roe said.", "will be closed", "Mayor Ann Roe", "close", "All city departments"},
		{"a closure that remains", "The Harbor Tunnel will remain closed through Tuesday, the transport agency said.", "will remain closed", "the transport agency", "close", "Harbor Tunnel"},
		{"a reopening to come", "The Elm Street Bridge will reopen on Friday, officials said.", "will reopen", "officials", "reopen", "Elm Street Bridge"},
		// a claim disputed by an auxiliary whose verb is left out
		{"elliptic denial", "Officers said the driver was drunk, but Mayor Ann Lee said he wasn’t, citing a blood test.", "said he wasn’t", "Mayor Ann Lee", "reject", ""},
		{"elliptic denial with not", "The report said the firm had paid. The firm said it had not.", "said it had not", "The firm", "reject", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var found []Fact
			for _, f := range factsOf(t, tt.text, KindPosition) {
				if f.Text == tt.verb {
					found = append(found, f)
				}
			}
			if len(found) != 1 {
				t.Fatalf("want one position %q in %+v", tt.verb, factsOf(t, tt.text, KindPosition))
			}
			f := found[0]
			stance, obj, _ := strings.Cut(f.Value, ": ")
			if f.Subject != tt.actor || stance != tt.stance || (tt.obj != "" && obj != tt.obj) {
				t.Errorf("got %q %q %q, want %q %q %q", f.Subject, stance, obj, tt.actor, tt.stance, tt.obj)
			}
		})
	}
}

func TestNotAPosition(t *testing.T) {
	for _, text := range []string{
		"It added complications to Trump’s offer.",
		"The offer of support was welcome news.",
		"He came back home.",
		// a player suspended, an airline's flights: no authority's act on a licence
		"The league suspended him for three games.",
		// passing no bill is no approval
		"The senator passed the test on Monday.",
		"The convoy passed through the city.",
		"Several airlines suspended flights to the region.",
		// a source's terms for speaking
		"A State Department official, who asked not to be named, said the United States would send an observer.",
		"She asked not to be identified to protect her son's privacy.",
		"The official, who asked for anonymity, described the talks.",
		// "short of" a place, not of an act
		"The convoy stopped short of the border.",
		// one word, no noun glued to a stance verb
		"Both uncompromising and shy, she rarely gave interviews.",
		"The overextended army retreated.",
		"A gesture of goodwill followed.",
		"The offer fell short of support.",
		// things are no group of people
		"The documents suggest a plan.",
		// a coordinated verb without an auxiliary may be a noun: no
		// subject is guessed for it
		"The pair bonded over running and planned to take part in a race.",
		"They discussed Russian demands for land.",
		"“We will reject it,” said nobody in particular.",
		// a stance word inside a name, or a noun after one
		"The White House Press Secretary spoke on Monday.",
		// "press" as the news media, lower case
		"“We will rebuild,” said Ann Roe, the agency press secretary.",
		"The general spoke at a Pentagon press briefing on Monday.",
		"The Kremlin press service issued the schedule on Monday.",
		"Lawmakers discussed the Senate offer at length.",
		// an act, not a reply to a request for comment
		"The navy responded to a distress call.",
		"She responded with humor.",
		// a claim, not a demand
		"The minister insisted the plan was working.",
		// an inquiry, no matter put to the actor to weigh
		"The National Weather Service is reviewing the damage.",
		"Investigators were looking into whether the victims were chosen at random.",
		// a date is no name that ends in a number
		"Rodriguez received a letter from ICE on January 8 asking her to come in.",
		// kept going, no demand of anyone
		"Officials pressed on with efforts to arrange a meeting.",
		"The company pressed ahead with the launch.",
		"Leaders have insisted that their party is unified.",
		// a passive without its agent states no one's stance
		"The sweater has not yet been confirmed to belong to him.",
		"Ports will be considered targets.",
		"The players had been threatened.",
		// no actor: an adjective's infinitive
		"The loss was hard to accept.",
		// asked about or supposed, not taken
		"Rubio was asked if he supported the tariff.",
		"He could face a vote if half of the members support a rival.",
		// the bare form after a singular noun is a noun
		"They discussed a peace plan to end the war.",
		"The court let a redistricting plan to proceed.",
		// a question, or how a source spoke, is no request
		"When asked about the deal, Lee said no.",
		"The source requested anonymity.",
		"Experts warned that prices could rise.",
		"Putin warned Trump that sending missiles to Kyiv would hurt ties.",
		// a participle before "by" is passive: its agent, if any, acts
		"Energy sites were targeted and threatened by all sides.",
		// a verb after the negated auxiliary is no elliptic denial
		"Mayor Ann Lee said she didn’t know the driver.",
		// a fact confirmed, or a quote's tag, is no stance
		"Officials confirmed four staff had been injured.",
		"Police confirmed they’re looking for three suspects.",
		"Lee acknowledged that the plan had failed.",
		"“The jet is painted,” an Air Force spokesperson confirmed to CNN.",
		"Premier Ann Roe spoke on Tuesday, confirming she took a call from the mayor.",
		// what was the case, suggested: a claim, no proposal
		"Tom Hale suggested that a letter from 2001 showing him and a friend may have been forged.",
		"Mayor Ann Roe suggested they hadn’t had a plan in place.",
		"Tom Hale has suggested she would have cast a vote against it.",
		// background dated years before the story (published 2025)
		"Ann Lee met Tom Hale.\nIn 2019, he agreed to an interview.",
		"She sued the firm in 2021, accusing it of fraud.",
		"The envoy will attend the talks in Vienna.",
		// saying or disclosing is a stance only when refused
		"She said the vote was close.",
		"The company disclosed the breach on Monday.",
		// a stance the writer reads into the actor, not one stated
		"The senator seemed to suggest a deal was near.",
		"One outlet went so far as to dismiss the reports.",
		// glued words stay whole unless their first part is a word alone
		"The board disapproved the budget.",
		// a stance noun a name qualifies: the wire's own request, an offer
		"A letter cited a Reuters request for comment on the deal.",
		"An AP request for the records was denied by no one.",
		"The White House offer drew no reply.",
		"Acme said Smithblocked the plan.",
		// a common noun opening the sentence is no name
		"Water levels began to fall on Friday and could reverse that trend.\nThe water was cold.",
		// a state or a wish said of oneself is no plan; another's future
		// is told, not planned, by the speaker
		"Ann Roe said she would be happy to help.",
		"Tom Hale said he would like a deal.",
		"Ann Roe said the storm will bring heavy rain.",
		"Ann Roe said she’d been told to leave.",
		"The airport warned it had a shortage of staff.",
		"Tom Hale said he’d gone home early.",
		// only a directive is issued as a stance: no statement, no
		// storm warning
		"Several senators issued statements on Monday.",
		"The weather service issued a blizzard warning for the county.",
		"A flash flood warning has been issued for the area.",
		// told of years before the story (published 2025)
		"In 2019, Acme said it would close the plant.",
		"In 2019, Ann Roe said the board should resign.",
		// a judgement, not a call; a clause of its own before "should"
		"Ann Roe said the plan should be scrapped.",
		"Tom Hale said the board, which met on Monday, should have acted sooner.",
		"Ann Roe said the deal was close and both sides should rest.",
		// an event's taking place is its happening: no call of the speaker's
		"Ann Roe, the mayor, said the vote should take place within two weeks.",
		// words given, not a proposal
		"The governor offered condolences to the family.",
		// not wanting to speak, or what one wants of another
		"The coach said she didn’t want to get into the details.",
		"The council does not want Acme to build the plant.",
		"Wanted or not, the plan went ahead.",
		// knowing or believing is a stance only when denied; inside a
		// quote it is the quote's
		"Tom Hale was aware of the risks.",
		"Police believe the fire was set.",
		"“I don’t think so,” Ann Roe said.",
		// a need inside a relative clause, or no speech at all
		"Ann Roe said the town, which needs new roads, voted.",
		"The country needs new leaders.",
		// no one's decision: a thing closing, a passive, an aim, an
		// object that is no measure
		"The road closed because of snow.",
		"The bridge was closed on Monday.",
		"Leaders called to reopen the port.",
		"The CEO extended a friendly hand to rivals.",
		"Acme cut 300 jobs.",
		// "consider" as regard: a view, no matter weighed
		"Today the agency considers the rocket to be fully operational.",
		"Built in 1990, the dam was large and considered to be safe.",
		// the tag of a statement, or what a fact suggests
		"The risk, Jones suggested, is small.",
		"Orders rose in May, suggesting broader demand.",
		// what one can, cannot or must do, or a choice still open, is
		// no stance taken
		"Lawmakers were unable to agree on the budget.",
		"Senators said they would need more to support the bill.",
		// a need in a free relative measures what is offered
		"The union said the offer fell far short of what members need to keep up with living costs.",
		"The driver has to ask for more time on rent.",
		"Many voters still do not know who to support.",
		"Members must choose whether to back the merger.",
		// a clause that defines a noun tells whom the sentence is about
		"Lawmakers who opposed the rule last year met on Monday.",
		"The judge who ordered the release spoke on Monday.",
		"Only residents who have been granted a permit may enter.",
		"Permits that authorize night work are rare.",
		// the bare form after one name agrees with no verb: a condition,
		// a demand's content or a noun
		"Should Acme order a recall, prices would rise.",
		"The rules require that Acme lift the ban.",
		"Local support from charities has helped.",
		// a closure that may come, an aim, a noun, what happened, or a
		// thing that is no place
		"The bridge could close if winds rise.",
		"Officials are working to reopen the strait.",
		"The road closed because of snow.",
		"The deal is closed.",
		"Polls will close at 7 p.m.",
		"Polling stations will close at 8 p.m., the election commission said.",
		"The closure of the road angered drivers.",
		"Leaders met in closed-door talks.",
		"If the Lakeview Bridge is closed, drivers will detour.",
		"The Lakeview Bridge is not closed.",
		// people received are no matter backed
		"Ruritania is set to welcome millions of visitors for the games.",
		"Her colleagues at Acme warmly welcomed her back on Monday.",
		"The mayor welcomed them at the station.",
		// what is announced is a decision only if it is one
		"The palace announced the death of the duke.",
		"The commission announced the results on Tuesday.",
		"The commission announced the results of its investigation.",
		"The club announced a new coach.",
		"The agency will announce a plan next week.",
		// what the weather closed is no one's decision
		"Heavy snow closed all schools in the district.",
		"Storm Amy closed the bridge overnight.",
		"I-95 was closed by a landslide on Friday.",
	} {
		t.Run(text, func(t *testing.T) {
			if ps := factsOf(t, text, KindPosition); len(ps) != 0 {
				t.Errorf("got %+v", ps)
			}
		})
	}
}

func TestComparePositions(t *testing.T) {
	old := "Russia’s Foreign Ministry ruled out the deployment of troops from NATO countries."
	tests := []struct {
		name, new     string
		before, after string
	}{
		{"reversal", "Russia’s Foreign Ministry said it could accept the deployment of troops from NATO countries.", "ruled out", "could accept"},
		{"synonym", "Russia’s Foreign Ministry rejected the deployment of troops from NATO countries.", "", ""},
		{"flip by negation", "Russia’s Foreign Ministry did not rule out the deployment of troops from NATO countries.", "ruled out", "did not rule out"},
		{"other actor", "Germany ruled out the deployment of troops from NATO countries.", "ruled out", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := changesOf(old, tt.new, KindPosition)
			if tt.before == "" && tt.after == "" {
				if len(got) != 0 {
					t.Fatalf("got %+v, want none", got)
				}
				return
			}
			if len(got) == 0 || got[0].Before != tt.before || got[0].After != tt.after {
				t.Fatalf("got %+v, want %q -> %q", got, tt.before, tt.after)
			}
			if got[0].Subject == "" {
				t.Errorf("change has no actor: %+v", got[0])
			}
		})
	}
}

// TestActorWithPoints: "the US" and "the U.S." are one actor, whose stance
// a house-style edit leaves as it was.
func TestActorWithPoints(t *testing.T) {
	for _, tt := range [][2]string{
		{"Talks stall until the US agrees to the terms.", "Talks stall until the U.S. agrees to the terms."},
		{"The rebels, who US officials have suggested are behind the attack, left.", "The rebels, who U.S. officials have suggested are behind the attack, left."},
	} {
		if got := changesOf(tt[0], tt[1], KindPosition); len(got) != 0 {
			t.Errorf("%q → %q: got %+v, want none", tt[0], tt[1], got)
		}
	}
}

// TestStanceStillToldInOtherWords: a stance the lexicon reads on one side
// of a rewritten sentence only, whose actor and object are still there on
// the other, is a rewording, not a stance gone or come; an actor or object
// that goes with it is a change.
func TestStanceStillToldInOtherWords(t *testing.T) {
	tests := []struct {
		old, new string
		want     int
	}{
		{"He said Moscow opposed any deployment of Western troops in Ukraine.", "He said Moscow was against any deployment of Western troops in Ukraine.", 0},
		{"Lawmakers approved the budget bill on Friday.", "Lawmakers passed the budget bill on Friday.", 0},
		{"He said Moscow opposed any deployment of Western troops in Ukraine.", "He said the talks would go on next week in Geneva.", 1},
		// a refusal where the other version told, with no negative word,
		// what the actor will do: the stance turned, not reworded
		{"Oslo will host talks on the fishing quota in Bergen.", "Oslo rejected talks on the fishing quota in Bergen.", 1},
		{"Oslo rejected talks on the fishing quota in Bergen.", "Oslo plans to host talks on the fishing quota in Bergen.", 1},
		{"Oslo will not host talks on the fishing quota in Bergen.", "Oslo rejected talks on the fishing quota in Bergen.", 0},
	}
	for _, tt := range tests {
		if got := changesOf(tt.old, tt.new, KindPosition); len(got) != tt.want {
			t.Errorf("%q → %q: got %+v, want %d", tt.old, tt.new, got, tt.want)
		}
	}
}

// TestTitleHolder: "the president", "the prime minister" after a name
// written with that title is that person, so a version naming the actor
// one way and the other the other way tells one stance, not a stance
// removed and another added; another person's stance stays a change.
func TestTitleHolder(t *testing.T) {
	lead := "Prime Minister Ann Roe met her aides on Monday.\nThe talks ran late.\n"
	tests := []struct {
		name, old, new string
		want           int
	}{
		{"title for name", lead + "Roe has no plans to resign.", lead + "The prime minister has no plans to resign.", 0},
		{"name for title", lead + "The prime minister rejected the offer.", lead + "Roe rejected the offer.", 0},
		{"a one-word title", "President Tom Hale spoke.\nHale criticized the bank.", "President Tom Hale spoke.\nThe president criticized the bank.", 0},
		{"no one so named", "Ann Roe spoke.\nRoe rejected the offer.", "Ann Roe spoke.\nThe president rejected the offer.", 2},
		{"another holder", lead + "Tom Hale rejected the offer.", lead + "The prime minister rejected the offer.", 2},
		{"another title", "President Tom Hale spoke.\nVice President Ann Roe spoke.\nHale rejected the offer.", "President Tom Hale spoke.\nVice President Ann Roe spoke.\nThe president rejected the offer.", 0},
		{"a former holder", "Former President Jo Park spoke.\nAnn Roe spoke.\nRoe rejected the offer.", "Former President Jo Park spoke.\nAnn Roe spoke.\nThe president rejected the offer.", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := changesOf(tt.old, tt.new, KindPosition); len(got) != tt.want {
				t.Errorf("got %+v, want %d changes", got, tt.want)
			}
		})
	}
}

// TestZeroWidthInName: a zero-width space a page carries inside a name
// ("Ann \u200bRoe") keys the actor as the name without it.
func TestZeroWidthInName(t *testing.T) {
	tests := []struct{ old, new string }{
		{"Ann Roe rejected the offer late on Monday.", "Ann \u200bRoe firmly rejected the offer on Monday."},
		{"Prime Minister Ann Roe spoke.\nThe prime minister rejected the offer on Monday.", "Prime Minister Ann \ufeffRoe spoke.\nThe prime minister again rejected the offer on Monday."},
		{"Tom Hale has denied the claims.", "Tom \u200cHale has strongly denied the claims."},
	}
	for _, tt := range tests {
		if got := changesOf(tt.old, tt.new, KindPosition); len(got) != 0 {
			t.Errorf("%q → %q: got %+v, want none", tt.old, tt.new, got)
		}
	}
}

// TestMovedSentenceKeepsStance: a sentence moved word for word (a
// paragraph reordered, a sentence split off) keeps its stance, though its
// pronoun subject may now be read as someone named nearer its new place.
func TestMovedSentenceKeepsStance(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           int
	}{
		{"paragraph moved before the name it stands for",
			"Tom Hale was questioned by police on Monday.\nHe has not commented publicly on the claims.\nThe inquiry goes on.",
			"He has not commented publicly on the claims.\nTom Hale was questioned by police on Monday.\nThe inquiry goes on.", 0},
		{"paragraph moved after another name",
			"Mayor Ann Roe met aides on Monday.\nTom Hale was questioned by police.\nHe rejected the offer from the city.\nThe talks ended late.\nGovernor Jo Park spoke on Tuesday.",
			"Mayor Ann Roe met aides on Monday.\nTom Hale was questioned by police.\nThe talks ended late.\nGovernor Jo Park spoke on Tuesday.\nHe rejected the offer from the city.", 0},
		{"a stance reworded is still a change",
			"Tom Hale spoke on Monday.\nHe rejected the offer from the city.",
			"Tom Hale spoke on Monday.\nHe accepted the offer from the city.", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := changesOf(tt.old, tt.new, KindPosition); len(got) != tt.want {
				t.Errorf("got %+v, want %d changes", got, tt.want)
			}
		})
	}
}

// TestStanceOnAPronoun: a stance whose object is a pronoun ("will block
// it") replaces the same actor's stance on a named object in a rewritten
// sentence: one change, not a removed and an added stance.
func TestStanceOnAPronoun(t *testing.T) {
	got := changesOf("Poland has said it will support the treaty after talks, an aide said.",
		"Poland, which fears the cost, now says it cannot sign the treaty yet and will block it, an aide said.", KindPosition)
	if len(got) != 1 || got[0].Before == "" || got[0].After == "" {
		t.Errorf("got %+v, want one stance changed", got)
	}
}

// TestNewsStances: the stances of real news beyond diplomacy, as a reader
// of a desk's wire would flag them.
func TestNewsStances(t *testing.T) {
	tests := []struct {
		name, old, new string
		before, after  string // the change expected; "" for added or removed
	}{
		{"considering to approved", "Lawmakers said the committee is considering the bill.", "Lawmakers said the committee approved the bill.", "considering", "approved"},
		{"no reply to disputed", "The school did not respond to a request for comment.", "The school disputed the report in a statement.", "did not respond", "disputed"},
		{"no reply to declined", "The Pentagon did not immediately respond to a request for comment.", "The Pentagon declined to comment.", "did not immediately respond", "declined to comment"},
		{"disagrees added", "The court ruled on Monday.", "The court ruled on Monday.\nThe ministry disagrees with the ruling.", "", "disagrees"},
		{"objected to to open to", "Kyiv objected to Budapest as a venue.", "Kyiv is open to Budapest as a venue.", "objected to", "open to"},
		// a state held on stands for a copula, in any tense (summit set 13)
		{"remained open to to would only agree", "An aide said Ruritania remained open to a meeting.", "An aide said Ruritania would only agree to a meeting in its capital.", "remained open to", "would only agree"},
		{"remains open to to rejected", "The union remains open to the offer.", "The union rejected the offer.", "remains open to", "rejected"},
		{"appeal", "The company lost the case.", "The company lost the case.\nThe company will appeal the verdict.", "", "appeal"},
		{"confirm", "Officials did not confirm the deaths.", "Officials confirmed the deaths.", "did not confirm", "confirmed"},
		{"a spokesman speaks for his office", "The Kremlin did not respond to a request for comment.", "Kremlin spokesman Dmitry Peskov denied the report.", "did not respond", "denied"},
		{"a day is no actor", "The European Union is considering new sanctions, diplomats said.", "European Union governments on Thursday approved new sanctions, diplomats said.", "considering", "approved"},
		// a monarch is an actor as a minister is, named or not
		{"a king's stance turned", "The king rejected the new constitution.", "The king approved the new constitution.", "rejected", "approved"},
		{"a prince's denial", "The palace was silent.", "The palace was silent.\nThe former prince has denied all accusations against him.", "", "denied"},
		// praise is the other side of a stance turned, both ways
		{"condemned to praised", "The council condemned the new curfew.", "The council praised the new curfew.", "condemned", "praised"},
		{"applauded to rejected", "The union applauded the pay offer.", "The union rejected the pay offer.", "applauded", "rejected"},
		// a phrase of a preposition between the actor and its verb
		{"leaders in a bloc", "Leaders in the alliance refused the request for ships.", "Leaders in the alliance accepted the request for ships.", "refused", "accepted"},
		{"in effect", "The talks stalled.", "The talks stalled.\nAna Ruiz in effect rejected the offer.", "", "rejected"},
		// a refusal beside a statement to the press answers the reply asked for
		{"no reply to a statement and a refusal", "The port was shut.\nReuters asked the Treasury whether a date had been set, but it did not respond to a request for comment.", "The port was shut.\n“Nothing is decided yet,” Treasury spokesman Ed Ode told reporters, though he declined to comment on whether a date had been set.", "did not respond", "declined to comment"},
		// a signal is told as a statement is: its "it" is the one who signals
		{"opposes to signaled it won't block", "Norway opposes the tariffs, officials said.", "Norway has signaled it won’t block the tariffs, officials said.", "opposes", "won’t block"},
		{"a plea changed", "Jo Ames pleaded not guilty to fraud.", "Jo Ames pleaded guilty to fraud.", "pleaded not guilty to", "pleaded guilty to"},
		{"a threat dropped", "The union threatened to strike over the plan.", "The union dropped its threat to strike over the plan.", "threatened", "dropped its threat"},
		{"a call dropped", "Trump has called for an immediate ceasefire.", "Trump dropped his call for an immediate ceasefire.", "called for", "dropped his call"},
		{"would not say", "The ministry confirmed the strike.", "The ministry confirmed the strike.\nThe official would not say how many people died.", "", "would not say"},
		{"outreach answered", "Mr Ode was fired.\nCNN has reached out to Acme for comment.", "Mr Ode was fired.\nA spokesperson for Acme told CNN the firing was lawful.", "reached out", "A spokesperson for Acme told CNN the firing was lawful"},
		{"no reply to a statement", "Mr Ode was fired.\nAcme did not respond to a request for comment.", "Mr Ode was fired.\nAcme said in a statement that the firing was lawful.", "did not respond", "Acme said in a statement that the firing was lawful"},
		{"a stance told as history corrected", "The vote was set for May.\nAcme had backed the merger before the vote.", "The vote was set for May.\nAcme had opposed the merger before the vote.", "backed", "opposed"},
		{"a stance told as earlier, then corrected", "The vote was set for May.\nAcme has previously backed the merger.", "The vote was set for May.\nAcme has previously opposed the merger.", "backed", "opposed"},
		{"attitude expressed", "The talks resumed.", "The talks resumed.\nThe ministry expressed scepticism about the deal.", "", "expressed scepticism"},
		{"a reply to a request", "The city hall was closed.", "The city hall was closed.\nThe mayor’s office responded to CNN’s questions.", "", "responded"},
		{"no reply answered by a stance of another speaker", "The port offered to host the talks.\nThe union has not publicly responded to the offer.\nTalks resume in May.",
			"The port offered to host the talks.\nTransport minister Ana Ruiz rejected the offer, saying the port was “hardly the right place” for two rival unions to negotiate.\nTalks resume in May.", "has not publicly responded", "rejected"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []Change
			for _, c := range Compare(tt.old, tt.new, pub) {
				if c.Kind == KindPosition {
					got = append(got, c)
				}
			}
			if len(got) != 1 || got[0].Before != tt.before || got[0].After != tt.after {
				t.Errorf("got %+v, want one position change %q → %q", got, tt.before, tt.after)
			}
		})
	}
}

// TestParticipleAfterAPhraseHasNoActor: "a letter from the ministry in
// May offering the post" holds no stance: the participle has no subject
// across the phrase before it.
func TestParticipleAfterAPhraseHasNoActor(t *testing.T) {
	old := "The post went to Ode."
	new := "The post went to Ode.\nA letter from the Foreign Office in May offering Ode the post was released."
	if got := changesOf(old, new, KindPosition); len(got) != 0 {
		t.Errorf("got %+v, want no position change", got)
	}
}

// TestPraiseIsNoStance: praise come or gone on its own is no stance news
// (a person praised: a eulogy, an official thanked on leaving), nor is it
// a stance changed when it stands beside support for the same matter.
func TestPraiseIsNoStance(t *testing.T) {
	for _, tt := range []struct{ old, new string }{
		{"The mayor fired the aide.", "The mayor fired the aide.\nThe mayor praised his former aide as a loyal servant."},
		{"The club mourned its coach.\nThe league commended the coach for his service.", "The club mourned its coach."},
		{"The council backed the new curfew.", "The council praised the new curfew."},
	} {
		if got := changesOf(tt.old, tt.new, KindPosition); len(got) != 0 {
			t.Errorf("%q -> %q: got %+v, want no position change", tt.old, tt.new, got)
		}
	}
}

// TestSameStanceReworded: a stance whose sentence was reworded, with an actor
// only inferred (a pronoun), is the same stance even when the pronoun now
// resolves to someone else.
// TestEarlierStanceIsNoNews: a stance the text tells as earlier than its
// news ("has previously pledged", "initially suggested") is no news when
// its sentence comes or goes.
func TestEarlierStanceIsNoNews(t *testing.T) {
	for _, tt := range []struct{ old, new string }{
		{"The panel met.\nThe board has previously pledged to review the rules.", "The panel met."},
		{"The panel met.", "The panel met.\nThe mayor initially suggested a delay."},
		{"The panel met.", "The panel met.\nAcme previously rejected the offer."},
		// a stance of a time clause, and a verb joined to it, is the
		// background of an earlier event
		{"The panel met.", "The panel met.\nThe unions last met in May, when they agreed to a pay freeze."},
		{"The panel met.", "The panel met.\nThe unions last met in Geneva in May, when their leaders talked for an hour and agreed to a pay freeze."},
		{"The panel met.", "The panel met.\nThe strike in Lyon ended once the owners talked to staff and accepted the terms."},
	} {
		if got := changesOf(tt.old, tt.new, KindPosition); len(got) != 0 {
			t.Errorf("%q -> %q: got %+v, want none", tt.old, tt.new, got)
		}
	}
}

func TestSameStanceReworded(t *testing.T) {
	tests := []struct{ name, old, new string }{
		{"pronoun resolves elsewhere", "Paul Ames resigned in May.\nHe has not commented publicly on these recent allegations of fraud.",
			"Paul Ames resigned in May.\nBerg was charged.\nHe has not commented publicly on the allegation of fraud."},
		{"the actor renamed", "Anna Berg met the press on Monday.\nThe Fenwick Constabulary, whose area covers the town, has said it is supporting the inquiry.",
			"Anna Berg met the press on Monday.\nThe Fenwick force told CNN it was supporting the inquiry."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := changesOf(tt.old, tt.new, KindPosition); len(got) != 0 {
				t.Errorf("got %+v, want none", got)
			}
		})
	}
}

// TestNestedStance: the stance before "to" holds the one after it ("plans
// to ask for"); what one actor asks of another ("urged Trump to insist",
// "urging the government to offer refuge") is no stance of the other's.
func TestNestedStance(t *testing.T) {
	for text, want := range map[string]int{
		"Senator Ann Lee plans to ask for more money.":                   1,
		"Leaders urged Trump to insist on a ceasefire.":                  1,
		"Fans had been urging the city to offer the team a new stadium.": 0,
		"Lee asked the board to approve the sale.":                       1,
	} {
		if got := factsOf(t, text, KindPosition); len(got) != want {
			t.Errorf("%s: got %+v, want %d positions", text, got, want)
		}
	}
}

// TestPressStatementAlone: a statement to the press is news only as the
// answer to a pending reply; alone, or a request for comment reworded, it
// changes no stance.
func TestPressStatementAlone(t *testing.T) {
	tests := []struct{ name, old, new string }{
		{"statement added", "Mr Ode was fired.", "Mr Ode was fired.\nA spokesperson for Acme told CNN the firing was lawful."},
		{"statement reworded", "Mr Ode was fired.\nAcme told CNN the firing was lawful.", "Mr Ode was fired.\nAcme said in a statement the firing was lawful and fair."},
		{"feelings", "Mr Ode was fired.", "Mr Ode was fired.\nThe mayor expressed her condolences to the family."},
		// the press asking for comment is no stance of the one asked:
		// news only once answered ("outreach answered" in TestNewsStances)
		{"outreach added", "Mr Ode was fired.", "Mr Ode was fired.\nCNN has reached out to Acme for comment."},
		{"outreach dropped unanswered", "Mr Ode was fired.\nThe firm has contacted Acme for comment.", "Mr Ode was fired."},
		{"outreach reworded", "Mr Ode was fired.\nCNN has reached out to the American, French and Thai embassies for comment.",
			"Mr Ode was fired.\nCNN has reached out to the French and Thai embassies for comment."},
		// a stance told as history: no news added, nor when retold as news
		{"history added", "The plant closed.", "The plant closed.\nUnions had been urging the owners to sell it."},
		{"a scene-setting clause", "The plant closed.", "The plant closed.\nThe firm fired him after he threatened to sue."},
		{"a reason clause", "The plant closed.", "The plant closed.\nShe quit because the board rejected her plan."},
		{"history retold", "The plant closed.\nThe mayor had promised to keep it open.", "The plant closed.\nThe mayor promised to keep it open."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := changesOf(tt.old, tt.new, KindPosition); len(got) != 0 {
				t.Errorf("got %+v, want none", got)
			}
		})
	}
}

// TestActorKey: an actor without a name is keyed by its head noun, not by
// its article, so "the ministry" and "the school" are two actors.
func TestActorKey(t *testing.T) {
	for name, want := range map[string]string{
		"The two sides":             "sides",
		"the ministry":              "ministry",
		"Russia's Foreign Ministry": "ministry",
		"Kremlin aide Yuri Ushakov": "ushakov",
		"The US":                    "us",
		"the U.S.":                  "us",
		"the U.K.":                  "uk",
		"Dunn’s office":             "dunn",
	} {
		if got := actorKey(name); got != want {
			t.Errorf("actorKey(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestStanceRestated: the same actor's same stance, added twice (a new
// paragraph and the summary above it), is one change.
func TestStanceRestated(t *testing.T) {
	old := "The plant closed on Monday."
	new := "Acme rejected the union’s offer.\nThe plant closed on Monday.\nWorkers marched in protest.\nIn a letter, Acme again rejected the offer, calling it unrealistic."
	if got := changesOf(old, new, KindPosition); len(got) != 1 {
		t.Errorf("got %+v, want one change", got)
	}
	// two actors, two stances
	new = "Acme rejected the union’s offer.\nThe plant closed on Monday.\nThe mayor rejected the offer too."
	if got := changesOf(old, new, KindPosition); len(got) != 2 {
		t.Errorf("got %+v, want two changes", got)
	}
}

// TestStanceOnAnotherMatter: the same actor's same stance, added on another
// matter while the old version holds it on the first, is news; the same
// stance on the same matter, moved, is not.
func TestStanceOnAnotherMatter(t *testing.T) {
	old := "Talks began on Monday.\nThe mayor urged residents to conserve water."
	added := old + "\nThe dam held overnight.\nLater, the mayor urged the utility to lower its prices."
	if got := changesOf(old, added, KindPosition); len(got) != 1 {
		t.Errorf("another matter: got %+v, want one change", got)
	}
	moved := "The mayor urged residents to conserve water, officials said.\nTalks began on Monday."
	if got := changesOf(old, moved, KindPosition); len(got) != 0 {
		t.Errorf("moved: got %+v, want none", got)
	}
}

func TestCompareIntentions(t *testing.T) {
	old := "Acme Corp said it would close the plant in Ohio."
	tests := []struct {
		name, new     string
		before, after string
	}{
		{"tense of the report", "Acme Corp said it will close the plant in Ohio.", "", ""},
		{"plan dropped", "Acme Corp said it won’t close the plant in Ohio.", "it would close the plant in Ohio", "it won’t close the plant in Ohio"},
		{"plan gone", "Acme Corp said sales fell.", "it would close the plant in Ohio", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantOneChange(t, changesOf(old, tt.new, KindPosition), tt.before, tt.after)
		})
	}
}

func TestNegationIsNoSlip(t *testing.T) {
	old := "Acme Corp has agreed to the merger with Beta Inc this week."
	got := changesOf(old, "Acme Corp has not agreed to the merger with Beta Inc this week.", KindPosition)
	if len(got) != 1 || got[0].Before != "agreed" || got[0].After != "has not agreed" {
		t.Fatalf("got %+v, want agreed -> has not agreed", got)
	}
}

func TestCompareDirectives(t *testing.T) {
	old := "On Maui, officials issued an evacuation advisory for parts of the town."
	got := changesOf(old, "On Maui, officials issued an evacuation warning for several parts of the town.", KindPosition)
	if len(got) != 1 || got[0].Before != "issued an evacuation advisory" || got[0].After != "issued an evacuation warning" {
		t.Fatalf("got %+v, want advisory -> warning", got)
	}
	if got := changesOf(old, "On Maui, officials issued an evacuation advisory for parts of the old town.", KindPosition); len(got) != 0 {
		t.Fatalf("got %+v, want none", got)
	}
}

func TestCompareStanceActorRenamed(t *testing.T) {
	old := "Foreign Minister Ann Roe said on Monday that Ruritania was open to a meeting between the two presidents."
	tests := []struct{ name, new, before, after string }{
		{"flip, actor named otherwise", "Foreign Minister Ann Roe on Monday ruled out a meeting between the two presidents for now.", "open to", "ruled out"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := changesOf(old, tt.new, KindPosition)
			if tt.before == "" {
				if len(got) != 0 {
					t.Fatalf("got %+v, want none", got)
				}
				return
			}
			if len(got) != 1 || got[0].Before != tt.before || got[0].After != tt.after {
				t.Fatalf("got %+v, want %q -> %q", got, tt.before, tt.after)
			}
		})
	}
}

func TestReplyHoldsItsStance(t *testing.T) {
	old := "Acme weighs new fees.\nThe ministry did not respond to a request for comment.\nTalks resume next week."
	nw := "Acme weighs new fees.\nMinistry spokesperson Ann Roe said the administration supported the new fees on imports.\nTalks resume next week."
	got := changesOf(old, nw, KindPosition)
	if len(got) != 1 || got[0].Before != "did not respond" {
		t.Fatalf("got %+v, want one change from did not respond", got)
	}
}

func TestReplyRewordedElsewhere(t *testing.T) {
	old := "Acme faces a probe.\nAnn Roe has not commented on the claims, and a lawyer for Ann Roe did not comment on the report.\nShares fell."
	nw := "Acme faces a probe.\nAnn Roe has not commented on the claims.\nA lawyer for Ann Roe did not comment on Thursday about the vetting process.\nShares fell."
	if got := changesOf(old, nw, KindPosition); len(got) != 0 {
		t.Fatalf("got %+v, want none", got)
	}
}

func TestZeroWidthIsNoToken(t *testing.T) {
	var words []string
	for _, tk := range tokenize("at the \u200ctime of the\ufeff vote") {
		words = append(words, tk.text)
	}
	if got := strings.Join(words, "|"); got != "at|the|time|of|the|vote" {
		t.Fatalf("got %s", got)
	}
}

// A place after a preposition qualifies the actor named before it: "the
// council in Leeds approved" is the council's stance, and the place edited
// leaves the stance as it was.
func TestActorQualifiedByAPlace(t *testing.T) {
	old := "Regional authorities in Bavaria have approved a ban on the sale of fireworks."
	new := "Regional authorities in Saxony have approved a ban on the sale of fireworks."
	ps := factsOf(t, old, KindPosition)
	if len(ps) != 1 || !strings.Contains(ps[0].Subject, "authorities") {
		t.Errorf("positions %+v, want one of the authorities", ps)
	}
	if got := changesOf(old, new, KindPosition); len(got) != 0 {
		t.Errorf("position changes %+v, want none", got)
	}
}

// A date between a relative pronoun and its verb ("Lee, who last week
// rejected …", "the board, which on Monday approved …") leaves the
// relative's antecedent the actor.
func TestRelativeClauseWithADate(t *testing.T) {
	for text, want := range map[string]string{
		"The remarks of Mayor Ann Lee, who last week rejected the budget, drew criticism.": "Ann Lee",
		"The board, which on Monday approved the merger, met again on Friday.":             "board",
	} {
		ps := factsOf(t, text, KindPosition)
		if len(ps) != 1 || !strings.Contains(ps[0].Subject, want) {
			t.Errorf("%q: positions %+v, want one of %s", text, ps, want)
		}
	}
}

// A date of any words between the subject and a finite stance verb ("Iran
// last week denied", "the ministry earlier this month rejected") leaves
// the subject the actor; a participle after a date has none there.
func TestDateBetweenActorAndVerb(t *testing.T) {
	for text, want := range map[string]string{
		"Norway last week denied the report.":                        "Norway",
		"The ministry earlier this month rejected the proposal.":     "ministry",
		"A memo from the Treasury in May last year offering a deal.": "",
	} {
		ps := factsOf(t, text, KindPosition)
		switch {
		case want == "" && len(ps) != 0:
			t.Errorf("%q: positions %+v, want none", text, ps)
		case want != "" && (len(ps) != 1 || !strings.Contains(ps[0].Subject, want)):
			t.Errorf("%q: positions %+v, want one of %s", text, ps, want)
		}
	}
}

// TestConfirmedThatIsAReplyNotNews: "X confirmed that …" states a fact:
// added on its own it is no stance, but it answers the same speaker's
// "declined to comment".
func TestConfirmedThatIsAReplyNotNews(t *testing.T) {
	old := "Officials said talks could move to Antalya.\nAsked about the report, Kremlin spokesman Dmitry Peskov declined to comment.\n"
	answered := "Officials said talks could move to Antalya.\nKremlin spokesman Dmitry Peskov confirmed that preparations for the meeting were under way.\n"
	got := changesOf(old, answered, KindPosition)
	if len(got) != 1 || got[0].Before != "declined to comment" || got[0].After == "" {
		t.Errorf("answered: got %+v, want declined to comment -> confirmed", got)
	}
	alone := "Officials said talks could move to Antalya.\n"
	added := alone + "Kremlin spokesman Dmitry Peskov confirmed that preparations for the meeting were under way.\n"
	if got := changesOf(alone, added, KindPosition); len(got) != 0 {
		t.Errorf("added alone: got %+v, want no stance", got)
	}
}

// TestStanceOfOneParty: the names outlets give one party ("the Kremlin",
// "Moscow", "Kremlin spokesman Dmitry Peskov" are Russia; see
// lexicon/en/parties.txt) hold one stance, which a rewrite changes; two
// parties' stances stay one removed and one added.
func TestStanceOfOneParty(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           []string // "before -> after" of each change
	}{
		{"seat to capital", "The Kremlin ruled out a ceasefire.", "Moscow said it was open to a ceasefire.", []string{"ruled out -> open to"}},
		{"spokesman to country", "Kremlin spokesman Dmitry Peskov ruled out a ceasefire on Tuesday.", "Russia said on Tuesday that it was open to a ceasefire.", []string{"ruled out -> open to"}},
		{"capital to administration", "Washington rejected the tariffs.", "The US administration backed the tariffs.", []string{"rejected -> backed"}},
		{"two parties", "Russia ruled out a ceasefire.", "Germany ruled out a ceasefire.", []string{"ruled out -> ", " -> ruled out"}},
		{"a leader keeps his own", "The Kremlin ruled out a ceasefire.", "Putin said he was open to a ceasefire.", []string{"ruled out -> ", " -> open to"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range changesOf(tt.old, tt.new, KindPosition) {
				got = append(got, c.Before+" -> "+c.After)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestStanceVerbRetold: a rewritten sentence that still holds a stance's
// verb, negated as before, still tells the stance, however its subject is
// now named; the verb gone or its negation changed is a change.
func TestStanceVerbRetold(t *testing.T) {
	old := "Blasts hit Rome and Lisbon, as well as Portugal, which vowed to take “all necessary steps” to defend itself."
	tests := []struct {
		name, new string
		want      int
	}{
		{"subject renamed", "Blasts hit Rome, Lisbon and Portugal — the region’s key power, which vowed to take “all necessary steps” to defend itself.", 0},
		{"verb gone", "Blasts hit Rome, Lisbon and Portugal — the region’s key power, which has stayed calm since.", 1},
		{"negation changed", "Blasts hit Rome, Lisbon and Portugal — the region’s key power, which never vowed to take “all necessary steps” to defend itself.", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := changesOf(old, tt.new, KindPosition); len(got) != tt.want {
				t.Errorf("got %+v, want %d", got, tt.want)
			}
		})
	}
}

// TestStanceVerbTurned: a rewrite that turns the negation of a party's
// verb is one change, before → after, where the lexicon reads a stance on
// one side only (a forecast told by others, "is expected to", is none):
// "A Polish delegation is expected to attend" → "will not attend" said
// nothing before. A plan's object verb ("no plans to send") turned is the
// change too; the same verb as a noun's modifier ("the planned meeting")
// is no verb told: read as one, "no plans to" came out as turned from
// "planned".
func TestStanceVerbTurned(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           []string // position changes, "before -> after"
	}{
		{"forecast turned down", "A Polish delegation is expected to attend the trade talks in Gdansk on Monday, officials said.",
			"A Polish delegation will not attend the trade talks in Gdansk on Monday, the ministry said.",
			[]string{"is expected to attend -> will not attend"}},
		{"refusal turned", "A Polish delegation will not attend the trade talks in Gdansk on Monday, the ministry said.",
			"A Polish delegation is expected to attend the trade talks in Gdansk on Monday, officials said.",
			[]string{"will not attend -> is expected to attend"}},
		{"a plan's verb turned, a modifier no verb", "Oslo will send an envoy to the planned meeting in Bergen, its ministry said Friday.",
			"Oslo has no plans to send an envoy to the planned meeting in Bergen, its ministry said Friday.",
			[]string{"will send -> no plans to"}},
		{"a refusal of what was done", "The minister has apologised for the remarks about the strike, his office said.",
			"The minister has refused to apologise for the remarks about the strike, his office said.",
			[]string{"has apologised -> refused"}},
		{"a denial turned to an admission", "Russia denied involvement in the attack on the depot.", "Russia has admitted involvement in the attack on the depot.",
			[]string{"denied -> admitted"}},
		{"a deal not reached", "Negotiators reached a tentative agreement early Saturday, the union said.", "Negotiators failed to reach an agreement early Saturday, the union said.",
			[]string{"reached a tentative agreement -> failed to reach an agreement"}},
		{"a deal wanted of another is no stance", "Talks went on in the capital.", "Talks went on in the capital. Pressure is growing for Congress to reach a deal.", nil},
		{"a veto turned", "The governor vetoed the bill on Friday, her office said.", "The governor signed the bill into law on Friday, her office said.",
			[]string{"vetoed -> signed the bill into law"}},
		{"a refusal reworded", "Turkey supplies drones to Ukraine while refusing to join Western sanctions on Russia.",
			"Turkey sells drones to Ukraine but is declining to join Western sanctions on Russia.", nil},
		{"negation kept", "A Polish delegation will not attend the trade talks in Gdansk on Monday, the ministry said.",
			"A Polish delegation will not attend the trade talks in Gdansk on Monday, the ministry said on Sunday.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := changeTexts(tt.old, tt.new, KindPosition); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestVerdictTurned: a verdict is a court's or a jury's stance: "found
// guilty" turned to "not guilty" (or "acquitted") is one change, a
// conviction told another way none.
func TestVerdictTurned(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"not guilty", "A jury found Smith guilty of second-degree murder on Friday.", "A jury found Smith not guilty of second-degree murder on Friday.",
			[]string{"found Smith guilty -> found Smith not guilty"}},
		{"acquitted", "A jury found John Smith guilty of murder.", "A jury acquitted John Smith of murder.",
			[]string{"found John Smith guilty -> acquitted"}},
		{"convicted told otherwise", "A federal jury convicted Smith of fraud on Tuesday.", "A federal jury found Smith guilty of fraud on Tuesday.", nil},
		{"an adjective is no verdict", "Ann Lee said the killer escaped.", "Ann Lee said the convicted killer escaped.", nil},
	})
}

// TestChargeChanged: a charge brought is a stance whose object is the
// news: another charge is one change; the day it was brought is a date,
// not the charge; a charge not brought is no stance.
func TestChargeChanged(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"another charge", "Prosecutors charged him with murder, police said.", "Prosecutors charged him with manslaughter, police said.",
			[]string{"charged him with murder -> charged him with manslaughter"}},
		{"the day is no charge", "Prosecutors charged John Smith with murder on Monday.", "Prosecutors charged John Smith with murder on Tuesday.", nil},
		{"a charge not brought", "Police spoke on Friday.", "Police spoke on Friday. Police have not charged Lee with any offense.", nil},
	})
}

// TestPlanToldAsTheStance: a plan ("plans to appeal") and the stance its
// actor will take ("would appeal") are one intention; the stance taken or
// negated is a change.
func TestPlanToldAsTheStance(t *testing.T) {
	const lead = "The ministry said it disagrees with the ruling and "
	tests := []struct {
		name, old, new string
		want           []string // position changes, "before -> after"
	}{
		{"would → plans to", "would appeal.", "plans to appeal.", nil},
		{"plans to → will", "plans to veto the bill.", "will veto the bill.", nil},
		{"contracted will", "said it’ll appeal.", "intends to appeal.", nil},
		{"the plan carried out", "plans to appeal.", "has appealed.", []string{"plans to -> appealed"}},
		{"negated", "will not appeal.", "plans to appeal.", []string{"will not appeal -> plans to"}},
		{"no plans", "would appeal.", "has no plans to appeal.", []string{"would appeal -> no plans to"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := changeTexts(lead+tt.old, lead+tt.new, KindPosition); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestStanceOnTheMatter: an object that only names the story's matter
// ("the allegations", "wrongdoing") is the same matter as any other object
// of the same actor's same stance, so a rewritten denial is no denial
// removed and another added; a denial of something named apart still is.
// An object named in another form ("negotiate", "negotiations") is the
// same matter too.
func TestStanceOnTheMatter(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"denial restated in a new sentence", "The company denied the allegations.",
			"The company has denied wrongdoing and said it would fight the lawsuit in court.", nil},
		{"charges and the claims", "Lindqvist has denied all charges, his lawyer said on Monday.",
			"Through his lawyer, Lindqvist on Monday again denied the claims that led to his arrest in Malmo.", nil},
		{"a stance on the matter in another form", "The government said it would not negotiate.", "The government said it was open to negotiations.",
			[]string{"it would not negotiate -> open to"}},
		{"a denial of another thing", "The company denied polluting the river.",
			"The company has denied bribing the regulator and said it would fight the lawsuit in court.",
			[]string{"denied -> ", " -> denied"}},
	})
}

// TestStanceToldForAState: an official who tells his state's stance ("Ruiz
// said Madrid was open to talks") holds it too, so his own stance on the
// matter in the other version ("Ruiz ruled out talks") is the one changed;
// a stance of someone else stays removed and added.
func TestStanceToldForAState(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           []string // position changes, "before -> after"
	}{
		{"told reporters that the state was open", "Ana Ruiz ruled out any new tariffs on steel.", "Ana Ruiz told reporters afterwards that Madrid was open to discussing tariffs on steel with Rome.",
			[]string{"ruled out -> open to"}},
		{"said the state would accept", "Tom Lee rejected the proposed border deal.", "Tom Lee said Oslo could accept a revised deal next year.",
			[]string{"rejected -> could accept"}},
		{"another speaker's state is another actor", "Ana Ruiz ruled out any new tariffs on steel.", "Tom Lee told reporters that Oslo was open to discussing tariffs with Rome.",
			[]string{"ruled out -> ", " -> open to"}},
		{"the same sentence", "Ana Ruiz said Madrid was open to talks.", "Ana Ruiz said Madrid was open to talks.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := changeTexts(tt.old, tt.new, KindPosition); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCompareClosures: a closure undone is one decision changed, a closure
// restated in another tense none, and a closure in force told of a place
// already named no news.
func TestCompareClosures(t *testing.T) {
	tests := []struct{ name, old, new, before, after string }{
		{"closed, then reopened",
			"Snow fell overnight. Authorities in Ruritania announced Sunday I-95 is closed in both directions.",
			"Snow fell overnight. Ruritania authorities reopened the highway Monday morning.",
			"is closed", "reopened"},
		{"closed by an act, then reopened",
			"State officials closed the Elm Street Bridge on Monday.",
			"State officials reopened the Elm Street Bridge on Monday.",
			"closed", "reopened"},
		{"an evacuation order lifted",
			"Authorities have ordered the evacuation of 5,000 residents.",
			"Authorities have lifted the evacuation order for 5,000 residents.",
			"ordered", "lifted"},
		{"restated in another tense",
			"All city departments will be closed in Springfield on Friday, Mayor Ann Roe said.",
			"All city departments were closed in Springfield on Friday, Mayor Ann Roe said.",
			"", ""},
		{"a closure called off",
			"Springfield Public Schools will be closed Friday, the district said.",
			"Springfield Public Schools will not be closed Friday, the district said.",
			"will be closed", "will not be closed"},
		{"a decision added",
			"Heavy rain is expected on Friday.",
			"Heavy rain is expected on Friday. Springfield Public Schools will be closed Friday, the district said.",
			"", "will be closed"},
		{"background of a place named before",
			"Officials shut the coast road after a rockfall on Friday.",
			"Officials shut the coast road after a rockfall on Friday. The road remained closed on Saturday.",
			"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantOneChange(t, changesOf(tt.old, tt.new, KindPosition), tt.before, tt.after)
		})
	}
}

// wantOneChange fails unless got is the one change before -> after, or
// empty when both are "".
func wantOneChange(t *testing.T, got []Change, before, after string) {
	t.Helper()
	if before == "" && after == "" {
		if len(got) != 0 {
			t.Fatalf("got %+v, want none", got)
		}
		return
	}
	if len(got) != 1 || got[0].Before != before || got[0].After != after {
		t.Fatalf("got %+v, want %q -> %q", got, before, after)
	}
}

// TestClaimConfirmedThenDenied: a claim the actor confirmed, now denied
// (or the other way round), is one change of its stance; a confirmation
// kept, or one of another claim, is none.
func TestClaimConfirmedThenDenied(t *testing.T) {
	tests := []struct {
		name, old, new, before, after string
	}{
		{"confirmed -> denied", "The ministry has confirmed that the envoy agreed to meet the rebels, officials said.",
			"The ministry has denied that the envoy agreed to meet the rebels, officials said.", "confirmed", "denied"},
		{"denied -> confirmed", "The ministry denied that the envoy agreed to meet the rebels.",
			"The ministry confirmed that the envoy agreed to meet the rebels.", "denied", "confirmed"},
		{"not confirmed -> confirmed", "The ministry has not confirmed whether the envoy will travel to the talks.",
			"The ministry has confirmed that the envoy will travel to the talks.", "has not confirmed", "confirmed"},
		{"confirmation kept", "The ministry has confirmed that the envoy agreed to meet the rebels.",
			"The ministry confirmed on Monday that the envoy agreed to meet the rebels.", "", ""},
		{"another actor denies", "The ministry has confirmed that the envoy agreed to meet the rebels.\nThe rebels said nothing.",
			"The ministry has confirmed that the envoy agreed to meet the rebels.\nThe rebels denied that the envoy agreed to meet them.", "", "denied"},
		// the tag of a statement turned: the statement is the claim
		{"tag confirmed -> denied", "The driver was arrested at the border on Friday, the agency confirmed.",
			"The driver was arrested at the border on Friday, the agency denied.", "confirmed", "denied"},
		{"tag to CNN denied -> confirmed", "The mill will close in June, a company spokesperson denied to CNN.",
			"The mill will close in June, a company spokesperson confirmed to CNN.", "denied", "confirmed"},
		{"tag added", "The driver was arrested at the border on Friday.",
			"The driver was arrested at the border on Friday, the agency confirmed.", "", ""},
		{"denying tag added", "The driver was arrested at the border on Friday.",
			"The driver was arrested at the border on Friday, the agency denied.", "", "denied"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantOneChange(t, changesOf(tt.old, tt.new, KindPosition), tt.before, tt.after)
		})
	}
}

// TestClosureByAnAuthorityNamedForNature: an authority whose name holds a
// word of weather ("ICE", "the Flood Control District") decides what it
// closes; only a subject that is the natural event itself does not.
func TestClosureByAnAuthorityNamedForNature(t *testing.T) {
	tests := []struct{ text, actor string }{
		{"ICE closed the detention office on Monday.", "ICE"},
		{"ICE agents closed the border crossing on Monday.", "ICE agents"},
		{"The Flood Control District closed the road on Monday.", "Flood Control District"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			ps := factsOf(t, tt.text, KindPosition)
			if len(ps) != 1 || ps[0].Subject != tt.actor || ps[0].Text != "closed" {
				t.Errorf("positions %+v, want %q closed", ps, tt.actor)
			}
		})
	}
}

// TestRestrictiveStanceTurned: a stance in a clause that defines a noun
// ("lawmakers who opposed the rule") is no news when it comes or goes, but
// the same people's stance turned is a fact changed.
func TestRestrictiveStanceTurned(t *testing.T) {
	tests := []stanceChange{
		{"turned", "Lawmakers who opposed the rule last year met on Monday.", "Lawmakers who supported the rule last year met on Monday.", "opposed", "supported"},
		{"turned in a longer sentence", "Board members who have backed the merger in the past want more time.", "Board members who have rejected the merger in the past want more time.", "backed", "rejected"},
		{"added", "The council met on Monday.", "The council met on Monday. Lawmakers who opposed the rule last year attended.", "", ""},
		{"removed", "The council met on Monday. Voters who support the plan cheered.", "The council met on Monday.", "", ""},
		{"unchanged", "Lawmakers who opposed the rule met on Monday.", "Lawmakers who opposed the rule met again on Monday.", "", ""},
	}
	checkStanceChanges(t, tests)
}

// TestYearOfASincePhraseIsNoBackground: a year closing a "since" phrase
// ("since the war began in 2022") starts the period the sentence measures
// from; the stance is the story's own, not background of that year. A
// sentence dated to an old year by "in" alone stays background. So is a
// stance whose object's own clause holds the year ("blamed the previous
// administration for allowing him to become a citizen in 2019"): the
// year dates what the stance is about.
func TestYearOfASincePhraseIsNoBackground(t *testing.T) {
	const old = "The panel met."
	tests := []struct {
		new  string
		want int
	}{
		{old + "\nThe union has rejected the offer, the first strike since the law took effect in 2019.", 1},
		{old + "\nAcme has backed the merger, its biggest deal since it was founded in 2011, officials said.", 1},
		{old + "\nThe mayor opposed the plan, her first veto since taking office in 2020.", 1},
		{old + "\nDHS blamed the previous administration for allowing him to become a citizen in 2019.", 1},
		{old + "\nThe agency denied reports that it had paid the fine in 2019.", 1},
		// no "since": the stance is told of 2019
		{old + "\nThe union rejected the offer in 2019, officials said.", 0},
		// a comma ends the "since" phrase before the year
		{old + "\nSince the vote, the union rejected the offer in 2019.", 0},
	}
	for _, tt := range tests {
		if got := changesOf(old, tt.new, KindPosition); len(got) != tt.want {
			t.Errorf("%q: got %+v, want %d change(s)", tt.new, got, tt.want)
		}
	}
}

// TestPendingStanceSettled: a stance left pending in one version ("has not
// yet been accepted", "is weighing", "will decide") and the decision of the
// other version are one stance changed, even when the decision is told of
// one who speaks for the actor by the same verb; a pending stance and
// another actor's decision by another verb, or two decisions, stay apart.
func TestPendingStanceSettled(t *testing.T) {
	const (
		top    = "Talks on the budget went on for a week.\n"
		bottom = "\nTalks resume next week.\n"
	)
	tests := []struct {
		name, old, new string
		want           []string // "before -> after"
	}{
		{"pending acceptance, refused by the actor's leader", top + "The offer has not yet been accepted by Democrats." + bottom,
			top + "Senate leader Chuck Roe told reporters he will not accept the offer and wants more." + bottom,
			[]string{"has not yet been accepted -> will not accept"}},
		{"pending acceptance, another verb of another actor", top + "The offer has not yet been accepted by Democrats." + bottom,
			top + "Senate leader Chuck Roe told reporters he supports the offer and wants more." + bottom,
			[]string{"has not yet been accepted -> ", " -> supports"}},
		{"two decisions of two actors stay apart", top + "The offer was accepted by Teamsters." + bottom,
			top + "Teamsters president Jane Roe told reporters she will not accept the offer and wants more." + bottom,
			[]string{"accepted -> ", " -> will not accept"}},
		{"a decision dropped, another actor weighing another matter", "Acme said it will not raise prices this year.\n\nThe mayor urged calm.\n",
			"The mayor urged calm.\n\nRivals are considering a price rise this year.\n",
			[]string{"it will not raise prices this year -> ", " -> considering"}},
		{"weighing, then no plans", "Harbor Authority officials are weighing a ban on cruise ships in the harbor.\n\nThe harbor saw 300 ships last year.\n",
			"The harbor saw 300 ships last year.\n\nHarbor Authority officials have no plans to ban cruise ships from the harbor.\n",
			[]string{"weighing -> no plans to"}},
		{"will decide, then approved", "The council will decide on Friday whether to build the new bridge.\n",
			"The council approved the new bridge on Friday.\n", []string{"decide -> approved"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := changeTexts(tt.old, tt.new, KindPosition)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestGluedPendingSettled: a vote announced and a vote taken, both with
// words the scraper glued ("voterswill", "votersapproveda"), are one
// stance settled, read once each word is split off.
func TestGluedPendingSettled(t *testing.T) {
	old := "Rivertown held a rally.\n\nRivertown voterswill decide Tuesdayon a new zoning plan that the council backs."
	new := "Rivertown held a rally.\n\nRivertown votersapproveda new zoning plan that the council backs."
	got := changesOf(old, new, KindPosition)
	if len(got) != 1 || got[0].Before == "" || got[0].After == "" {
		t.Fatalf("got %+v, want one position changed", got)
	}
	if !strings.Contains(got[0].Before, "decide") || !strings.Contains(got[0].After, "approved") {
		t.Errorf("got %q -> %q, want the pending vote -> the vote taken", got[0].Before, got[0].After)
	}
}

// TestPlanToldToAHearer: a plan told to a hearer ("told partners that it
// will not stand in the way", "told regulators it would close") is the
// speaker's, as one told after "said" is, and a refusal stated first with
// its attribution after it ("Mayor Tom Roe will not travel to Oslo, his
// spokeswoman said") the named actor's; either settles a stance pending
// before as one change. A plan stated first is as often a schedule, and a
// thing's future no one's stance.
func TestPlanToldToAHearer(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           []string // "before -> after"
	}{
		{"told a hearer that", "Norland has yet to say whether it will support the loan, a diplomat said.\n",
			"Norland has told partners that it will not stand in the way of the loan, a diplomat said.\n",
			[]string{"has yet to say -> it will not stand in the way of the loan"}},
		{"told a hearer, no that", "Acme told regulators it would close the plant.\n", "Acme told regulators it would not close the plant.\n",
			[]string{"it would close the plant -> it would not close the plant"}},
		// a state told, no plan
		{"told a hearer of a state", "Acme told regulators that it would be ready.\n", "Acme told regulators that it would be late.\n", nil},
		{"refusal stated first", "Mayor Tom Roe is considering traveling to Oslo for the talks, two aides said.\n",
			"Mayor Tom Roe will not travel to Oslo for the talks, his spokeswoman said.\n",
			[]string{"considering -> will not travel to Oslo for the talks"}},
		{"refusal contracted", "Acme is weighing whether to raise prices this year, a spokesperson said.\n", "Acme won’t raise prices this year, a spokesperson said.\n",
			[]string{"weighing -> won’t raise prices this year"}},
		{"plan stated first is no stance", "Mayor Tom Roe will travel to Oslo for the talks, his spokeswoman said.\n",
			"Mayor Tom Roe will travel to Bergen for the talks, his spokeswoman said.\n", nil},
		{"refusal of no actor", "The storm will not reach the coast, forecasters said.\n", "The storm will not reach the city, forecasters said.\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := changeTexts(tt.old, tt.new, KindPosition)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPressServiceReplyPairs: "the Kremlin press service" is an actor, not
// a stance "press", so its no-reply and a Kremlin spokesman's refusal to
// comment are one stance changed (summit set 12's Meduza pair; "press
// service" names state bodies' media offices in sets 7 and 10 too).
func TestPressServiceReplyPairs(t *testing.T) {
	got := changeTexts("The Kremlin press service did not respond to a request for comment.",
		"Kremlin spokesman Dmitry Peskov declined to comment on the reports.", KindPosition)
	if strings.Join(got, "|") != "did not respond -> declined to comment" {
		t.Errorf("got %q, want one change did not respond -> declined to comment", got)
	}
}

// TestStanceInAWithClause: a stance told by the participle of a "with"
// clause ("the talks ended, with the union agreeing to …") goes with the
// main event in passing: no news when the sentence comes or goes, but
// the same actor's stance turned in it is a change. A stance of the main
// clause stays news.
func TestStanceInAWithClause(t *testing.T) {
	tests := []stanceChange{
		{"added", "The talks resumed on Monday.", "The talks resumed on Monday.\nThe round ended in Oslo, with the union agreeing to a pause in strikes.", "", ""},
		{"added, several words", "The board met.", "The board met.\nThe session closed at noon, with several directors making clear they backed the chair.", "", ""},
		{"removed, said", "The strikes went on for a week, with the ministry saying it will not raise wages.\nThe board met.", "The board met.", "", ""},
		{"turned", "The round ended, with the union agreeing to a pause.", "The round ended, with the union rejecting a pause.", "agreeing", "rejecting"},
		{"main clause", "The board met.", "The board met.\nThe union agreed to a pause, with talks set to resume.", "", "agreed"},
		// a preposition, no clause: the stance is news
		{"talks with", "The board met.", "The board met.\nThey held talks with the two unions agreeing to a pause.", "", "agreeing"},
	}
	checkStanceChanges(t, tests)
}

// stanceChange is one case of checkStanceChanges: an edit and the one
// position change it makes, or none when before and after are empty.
type stanceChange struct {
	name, old, new string
	before, after  string
}

func checkStanceChanges(t *testing.T, tests []stanceChange) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := changesOf(tt.old, tt.new, KindPosition)
			if tt.before == "" && tt.after == "" {
				if len(got) != 0 {
					t.Fatalf("got %+v, want none", got)
				}
				return
			}
			if len(got) != 1 || got[0].Before != tt.before || got[0].After != tt.after {
				t.Fatalf("got %+v, want %q -> %q", got, tt.before, tt.after)
			}
		})
	}
}

// positionCase is one edit and the position changes it makes.
type positionCase = changeCase

// runPositionCases runs each case's compare as a subtest.
func runPositionCases(t *testing.T, cases []positionCase) {
	t.Helper()
	runChangeCases(t, KindPosition, cases)
}

// TestStanceKeptOrTurned: each old stance, told again in other words
// (same), is no change; turned (turned), it is one. "will likely insist"
// is the forecast "is likely to insist" was, "will insist" firms it up;
// "its crew" is "the Alaska crew" named once.
func TestStanceKeptOrTurned(t *testing.T) {
	for _, tt := range []struct{ name, old, same, turned string }{
		{"likely hedges after a modal",
			"Kyiv is likely to insist on security guarantees before any summit.",
			"Kyiv will likely insist on security guarantees before any summit.",
			"Kyiv will insist on security guarantees before any summit."},
		{"an owner told by a pronoun",
			"Controllers canceled the clearance and the Alaska crew rejected the takeoff at 80 knots.",
			"Controllers canceled the Alaska jet's clearance, and its crew rejected the takeoff at 80 knots.",
			"Controllers canceled the clearance and the Alaska crew accepted the takeoff at 80 knots."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := changesOf(tt.old, tt.same, KindPosition); len(got) != 0 {
				t.Errorf("same: got %+v, want no position change", got)
			}
			if got := changesOf(tt.old, tt.turned, KindPosition); len(got) != 1 {
				t.Errorf("turned: got %+v, want one position change", got)
			}
		})
	}
}

// TestStateStanceToldByItsLeader: "Tusk has not ruled out sending
// instructors" → "Poland will not send soldiers, Tusk said": the leader
// tells his state's stance, told after it; one stance turned, not one
// removed and another added.
func TestStateStanceToldByItsLeader(t *testing.T) {
	old := "Prime Minister Donald Tusk has not ruled out sending Polish instructors to western Ukraine, he said on Thursday."
	for _, new := range []string{
		"Poland will not send soldiers or instructors to western Ukraine, Prime Minister Donald Tusk said on Thursday.",
		"Poland rejected sending instructors to western Ukraine, Prime Minister Donald Tusk said on Thursday.",
	} {
		if got := changesOf(old, new, KindPosition); len(got) != 1 || got[0].Before == "" || got[0].After == "" {
			t.Errorf("%q: got %+v, want one stance changed", new, got)
		}
	}
}
