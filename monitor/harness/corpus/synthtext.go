package corpus

// Pools the synthetic generator recombines. Sentences are the seed article's,
// with names, places and numbers turned into {slots}; each article draws its
// own cast, so no two articles read alike, yet every one looks like coverage
// of a summit story.

// party is one side of the conflict.
type party struct {
	adj, country, capital, leader, surname string
}

var parties = [][2]party{
	{{"Russian", "Russia", "Moscow", "Vladimir Putin", "Putin"}, {"Ukrainian", "Ukraine", "Kyiv", "Volodymyr Zelensky", "Zelensky"}},
	{{"Valdorian", "Valdoria", "Kessel", "Anton Kresh", "Kresh"}, {"Ostrian", "Ostria", "Marvik", "Lars Halvorsen", "Halvorsen"}},
	{{"Tarsan", "Tarsa", "Ombra", "Dmitri Vasko", "Vasko"}, {"Lirian", "Liria", "Peldor", "Ivan Solak", "Solak"}},
	{{"Karesian", "Karesia", "Vorn", "Mikhail Doran", "Doran"}, {"Beltic", "Beltica", "Sarn", "Ostap Leit", "Leit"}},
	{{"Norvan", "Norva", "Grell", "Yuri Makar", "Makar"}, {"Selvian", "Selvia", "Tovin", "Andrei Kostal", "Kostal"}},
}

// mediator hosts the talks.
type mediator struct {
	title, surname, country, weapons, seat, capital, he string
}

var mediators = []mediator{
	{"US President Donald Trump", "Trump", "the United States", "US", "the White House", "Washington", "he"},
	{"US President Joan Whitaker", "Whitaker", "the United States", "American", "the White House", "Washington", "she"},
	{"Turkish President Recep Tayyip Erdogan", "Erdogan", "Turkey", "Turkish", "the presidential palace", "Ankara", "he"},
	{"Swiss President Karin Keller-Sutter", "Keller-Sutter", "Switzerland", "Swiss", "the Federal Palace", "Bern", "she"},
}

// European leaders; two distinct ones appear per article.
var europeans = [][2]string{
	{"German Chancellor Friedrich Merz", "Merz"},
	{"French President Emmanuel Macron", "Macron"},
	{"Italian Prime Minister Giorgia Meloni", "Meloni"},
	{"Finnish President Alexander Stubb", "Stubb"},
	{"Polish Prime Minister Donald Tusk", "Tusk"},
	{"British Prime Minister Keir Starmer", "Starmer"},
	{"Dutch Prime Minister Dick Schoof", "Schoof"},
	{"Danish Prime Minister Mette Frederiksen", "Frederiksen"},
}

var (
	aides    = []string{"Kremlin aide Yuri Ushakov", "presidential aide Sergei Ratko", "senior adviser Pavel Orlin", "chief of staff Viktor Samsin"}
	envoys   = []string{"Kirill Dmitriev", "Oleg Brandt", "Timur Vessel", "Nadia Korin"}
	weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	months   = []string{"January", "February", "March", "April", "May", "June", "July"}
	places   = []string{"Alaska", "Turkey", "Saudi Arabia", "Belarus", "Switzerland", "Qatar"}
	yearsAgo = []string{"two", "three", "three and a half", "four", "two and a half"}
	natoHead = []string{"Mark Rutte", "Jens Holm", "Anna Lindqvist"}

	// Editable slot pools: Revise moves a slot to another value of its pool.
	whenPool = []string{
		"within the next two weeks", "on August 29", "in early September", "next week",
		"by the end of the month", "on September 3", "later this week", "on Friday",
		"within 10 days", "before the end of August", "on August 27", "in mid-September",
	}
	venuePool  = []string{"Budapest", "Geneva", "Istanbul", "Vienna", "Rome", "Riyadh", "Helsinki", "Doha", "Oslo", "Belgrade"}
	amountPool = []string{"$90 billion", "$100 billion", "$50 billion", "$75 billion", "$120 billion", "$60 billion", "$35 billion", "$80 billion"}
	troopsPool = []string{"10,000", "15,000", "20,000", "25,000", "30,000", "8,000", "12,000", "40,000"}
	stancePool = []string{"ruled out", "said it could consider", "rejected", "said it would not object to", "warned against", "welcomed"}
	quotePool  = []string{
		"We are closer to peace than at any time since the war began",
		"There will be no deal without real security guarantees",
		"This is a moment of opportunity that we must not waste",
		"Nothing is agreed until everything is agreed",
		"We need a ceasefire before we can talk about anything else",
		"Europe is ready to do its part",
		"The door to diplomacy is open, but it will not stay open forever",
		"We will not accept a peace that is imposed on us",
		"When it comes to security, there is going to be a lot of help",
		"We cannot negotiate under the bombs",
	}
	titlePool = []string{
		"{As} and {Bs} set for peace summit after talks in {Mcap}",
		"{Bs} welcomes security guarantees as {As} summit takes shape",
		"Europe presses for ceasefire before {As}–{Bs} meeting",
		"{As} agrees to meet {Bs}, {E1s} says",
		"Hopes rise for {Actry}–{Bctry} peace talks after {Mcap} meeting",
		"{Ms} promises help on security as {Bctry} seeks guarantees",
		"Leaders race to arrange first {As}–{Bs} summit",
		"{Bs} hails ‘major step forward’ after {Mcap} talks",
	}
)

// Core sentences carry the editable slots, so every kind of edit changes the text.
const (
	coreWhen   = "{E1} said {As} had agreed to the bilateral meeting {When}, but there was no confirmation of the format."
	coreVenue  = "Two officials briefed on the plans said the summit would be held in {Venue}."
	coreAmount = "{Bs} said {Bctry} had offered to buy about {Amount} worth of {Mweap} weapons as part of the guarantees."
	coreTroops = "{Bctry}’s allies have discussed a reassurance force of some {Troops} troops that would be stationed away from the front line."
	coreStance = "Just before the talks began, {Actry}’s Foreign Ministry {Stance} the deployment of troops from NATO countries to help secure a peace deal."
	coreQuote  = "“{Quote},” {E2s} told reporters after the meeting."
)

// fillers never change after generation. The first always opens the article.
var fillers = []string{
	"{Aadj} and {Badj} leaders {A} and {B} looked set for a peace summit after fast-moving talks on {Day} between {M} and European leaders that focused on the key issue of long-term security guarantees for {Bcap}.",
	"Hopes of a breakthrough rose after {Ms} said {Mhe} had spoken by phone with {As} — whom {Mhe} met in {Place} last week — following a “very good” meeting with the Europeans and the {Badj} leader at {Mseat}.",
	"It would be the first meeting between the {Aadj} and {Badj} leaders since {Acap}’s invasion nearly {Years} years ago, and comes as {Ms} tries to live up to a promise to quickly end the war.",
	"{Ms} told {Bs} that {Mctry} would help guarantee {Bctry}’s security in any deal to end the war, though the extent of any assistance was not immediately clear.",
	"{Ms} told reporters that European countries would be involved, calling them “a first line of defense because they’re there.”",
	"The tone on {Day} was much warmer than a disastrous meeting at {Mseat} that saw {Ms} publicly criticize the {Badj} leader in {Month2}.",
	"But a peace deal still appeared far from imminent.",
	"The last direct talks between {Actry} and {Bctry} took place in {Place2} in {Month}. {As} declined {Bs}’s public invitation to meet face-to-face there and sent a low-level delegation instead.",
	"{Aide} said in audio remarks on {Day} that {Ms} and {As} had discussed “the possibility of raising the level of representatives” at the direct negotiations.",
	"Meanwhile, European leaders — who rushed to {Mcap} to back up {Bs} — urged {Ms} to insist that {As} agree to a ceasefire before any talks can advance.",
	"{Ms} previously backed that proposal but reversed course after meeting with {As} on {Day2}, instead adopting {Acap}’s position that any peace agreement be comprehensive.",
	"{Ms} told reporters that {Mhe} liked the concept of a ceasefire but that the two sides could work on a peace deal while the fighting continued.",
	"“I wish they could stop, I’d like them to stop,” {Ms} said. “But strategically that could be a disadvantage for one side or the other.”",
	"{As}’s special envoy for investment and economic cooperation, {Envoy}, called it “an important day of diplomacy” in a post on social media.",
	"{E1s} and {E2} both voiced support for a ceasefire as a prerequisite to any direct talks with {Actry}.",
	"{E2s} also said European leaders would eventually need to be included in any peace talks.",
	"“When we speak about security guarantees, we speak about the whole security of the European continent,” {E2s} told {Ms}.",
	"{Bs} hailed the promise as “a major step forward,” adding that the guarantees would be put on paper within {GuarDays} days.",
	"Analysts cautioned that previous rounds of diplomacy had collapsed over the question of territory, and that neither side had publicly softened its demands.",
	"Officials in {Bcap} said {Civ} civilians had been killed in overnight strikes on energy facilities, underscoring the urgency of a deal.",
	"European stocks edged higher on hopes of a deal, while oil prices slipped by {Pct} percent in early trading.",
	"The {Aadj} Defense Ministry said its forces had taken control of {Vill} villages in the east over the past week, a claim that could not be independently verified.",
	"Diplomats said any agreement would need to address prisoner exchanges, the return of deported children and the future of occupied territory.",
	"{Ms} said {Mhe} would decide on the next steps after speaking again with both leaders, adding that {Mhe} was “not in a rush.”",
	"A senior European official, speaking on condition of anonymity, said the mood in the room had been “constructive but sober.”",
	"{Bs} has repeatedly said he will not cede territory that {Actry} has failed to capture on the battlefield.",
	"{E1s} told reporters that the next step would be a trilateral meeting involving {Ms}, {As} and {Bs}.",
	"The talks came {Gap} days after {Ms} and {As} met at a military base in {Place}, their first face-to-face encounter in more than {Yrs2} years.",
	"NATO Secretary General {Nato} said allies were prepared to help {Bctry} rebuild its armed forces after any ceasefire.",
	"Polls suggest a majority of {Badj} citizens would support negotiations, though fewer than {Pct2} percent would accept territorial concessions.",
	"Humanitarian agencies estimate that more than {Disp} million people have been displaced inside {Bctry} since the start of the war.",
	"{Acap} has long demanded that {Bctry} abandon its ambition to join NATO, a condition {Bcap} and its allies reject.",
	"The meeting at {Mseat} lasted more than {Hours} hours, according to officials familiar with the schedule.",
	"{Ms} later posted on social media that the meeting had been “very productive” and that arrangements for the summit were under way.",
	"Some European governments worry that a rushed deal could reward aggression and leave {Bctry} vulnerable to a future attack.",
	"Energy prices, sanctions relief and the fate of frozen {Aadj} assets are expected to feature in any broader settlement.",
	"{E2} said Europe would keep up the pressure on {Acap} with a new package of sanctions if the talks stalled.",
	"Officials from {Mctry} and {Bctry} met separately to discuss air defense systems, according to a person familiar with the talks.",
	"The {Badj} delegation included the foreign and defense ministers as well as the head of military intelligence.",
	"In {Acap}, state television presented the call between {Ms} and {As} as evidence that the West was ready to negotiate on {Aadj} terms.",
	"Critics of the talks say {As} has used previous negotiations to buy time while his forces pressed ahead on the battlefield.",
	"Aid groups warned that the coming winter would be the hardest yet for communities near the front line.",
}
