package timeline

// The lexicons are read-only after package initialisation.

// events maps an event noun (lower case) to the canonical event a date or a
// place can be about. Several words for one event share a name so that
// outlets calling it a "meeting" or a "summit" land in one thread.
var events = map[string]string{
	"meeting": "summit", "meetings": "summit", "summit": "summit", "summits": "summit",
	"meet-up": "summit", "face-to-face": "summit",
	"talks": "talks", "negotiations": "talks", "negotiation": "talks",
	"ceasefire": "ceasefire", "cease-fire": "ceasefire", "truce": "ceasefire", "armistice": "ceasefire",
	"guarantees": "security guarantees", "guarantee": "security guarantees",
	"deal": "deal", "agreement": "deal", "accord": "deal", "settlement": "deal",
	"announcement": "announcement", "announced": "announcement", "announce": "announcement",
	"invasion": "invasion", "war": "war", "offensive": "offensive",
	"attack": "attack", "attacks": "attack", "strike": "attack", "strikes": "attack",
	"election": "election", "elections": "election", "vote": "vote", "referendum": "vote",
	"visit": "visit", "deployment": "deployment", "deadline": "deadline",
	"sanctions": "sanctions", "conference": "conference", "inauguration": "inauguration",
	"withdrawal": "withdrawal", "exchange": "exchange", "swap": "exchange",
}

// gerunds are event nouns that are verbs after a preposition ("after
// meeting with Putin on Friday" is not the summit).
var gerunds = map[string]bool{"meeting": true}

// verbPreps make a following gerund a verb.
var verbPreps = map[string]bool{
	"after": true, "before": true, "since": true, "while": true, "when": true, "without": true,
	"by": true, "for": true, "of": true, "on": true, "in": true, "about": true, "from": true,
}

// pastMarks before an event noun name an earlier occurrence ("the last
// direct talks"), kept apart from the upcoming one.
var pastMarks = map[string]bool{"last": true, "previous": true, "earlier": true, "past": true, "former": true}

// pronouns that, as a subject, refer back to an event named earlier in
// the sentence ("... the meeting on August 29, and officials said it would
// be held in Budapest").
var pronouns = map[string]bool{"it": true}

// eventLabels are the human names of canonical events.
var eventLabels = map[string]string{
	"summit": "the summit", "talks": "the talks", "ceasefire": "a ceasefire",
	"security guarantees": "security guarantees", "deal": "the deal",
	"announcement": "the announcement", "invasion": "the invasion", "war": "the war",
}

// topics maps a word of a position's object to the topic it is about. The
// first such word in the object wins.
var topics = map[string]string{
	"ceasefire": "a ceasefire", "cease-fire": "a ceasefire", "truce": "a ceasefire",
	"troops": "troops", "soldiers": "troops", "peacekeepers": "troops", "forces": "troops",
	"guarantees": "security guarantees", "guarantee": "security guarantees",
	"meeting": "the summit", "summit": "the summit", "meet": "the summit",
	"talks": "talks", "negotiations": "talks",
	"host": "hosting the summit", "hosting": "hosting the summit",
	"weapons": "weapons", "arms": "weapons",
	"sanctions": "sanctions",
	"territory": "territory", "territories": "territory", "land": "territory",
	"deal": "a peace deal", "agreement": "a peace deal", "settlement": "a peace deal",
	"buy": "purchases", "purchase": "purchases", "purchases": "purchases",
	"invitation": "the invitation", "proposal": "the proposal", "promise": "the promise",
}

// troopQualifiers name whose troops a position is about.
var troopQualifiers = map[string]string{
	"nato": "NATO troops", "european": "European troops", "western": "Western troops",
	"foreign": "foreign troops", "us": "US troops", "american": "US troops",
	"british": "British troops", "french": "French troops",
}

// function words skipped when a position's topic falls back to the first
// content word of its object.
var function = map[string]bool{
	"the": true, "a": true, "an": true, "that": true, "to": true, "any": true, "his": true,
	"her": true, "its": true, "their": true, "this": true, "these": true, "those": true,
	"of": true, "for": true, "with": true, "on": true, "in": true, "be": true, "it": true,
	"some": true, "all": true, "more": true, "new": true,
}

// titleWords are stripped from the front of an actor's name.
var titleWords = map[string]bool{
	"president": true, "prime": true, "minister": true, "chancellor": true, "foreign": true,
	"defence": true, "defense": true, "secretary": true, "general": true, "state": true,
	"aide": true, "envoy": true, "special": true, "vice": true, "spokesman": true,
	"spokeswoman": true, "spokesperson": true, "chief": true, "commission": true,
	"us": true, "u.s.": true, "russian": true, "ukrainian": true, "german": true, "french": true,
	"italian": true, "hungarian": true, "british": true, "finnish": true, "polish": true,
	"american": true, "european": true, "nato": true, "kremlin": true, "senior": true,
	"former": true, "deputy": true, "chancellor's": true, "mr": true, "mr.": true, "ms": true, "ms.": true,
}

// orgWords mark an actor as an institution, kept whole.
var orgWords = map[string]bool{
	"ministry": true, "office": true, "government": true, "council": true, "parliament": true,
	"commission": true, "union": true, "department": true, "cabinet": true, "army": true,
	"military": true, "leaders": true, "officials": true, "countries": true, "capitals": true,
	"coalition": true, "alliance": true, "administration": true, "spokesman": true,
}

// deictic words make an unchanged date throwaway: "Monday" is the day
// before the report, not a tracked fact.
var deictic = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "today": true, "yesterday": true, "tonight": true,
	"tomorrow": true, "now": true, "week": true, "weekend": true, "morning": true,
	"evening": true, "afternoon": true, "night": true, "currently": true, "recently": true,
}

// currencies are units that make a number an amount of money.
var currencies = map[string]bool{
	"usd": true, "eur": true, "gbp": true, "rub": true, "uah": true, "jpy": true, "cny": true, "chf": true,
}

// pastCues in a date's words place it before the report: "last week",
// "two days ago", "earlier this month".
var pastCues = map[string]bool{
	"last": true, "ago": true, "yesterday": true, "earlier": true, "previous": true,
	"past": true, "former": true, "previously": true,
}

// asideWords before a value mark it as replaced: "originally planned for
// August 29".
var asideWords = map[string]bool{
	"originally": true, "initially": true, "previously": true, "formerly": true,
}

// firstPlanned are the participles after which "first" marks a replaced
// value ("first planned for August 29"), unlike "the first meeting on".
var firstPlanned = map[string]bool{
	"planned": true, "scheduled": true, "set": true, "slated": true, "expected": true,
	"due": true, "announced": true, "reported": true,
}
