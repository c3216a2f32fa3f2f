package facts

import (
	"slices"
	"strings"
	"testing"
)

func TestExtractLocations(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // Text=Value
	}{
		{"in city", "The talks took place in Istanbul.", []string{"Istanbul=Istanbul"}},
		{"alias", "He arrived in Kiev on Sunday.", []string{"Kiev=Kyiv"}},
		{"a known place a distance from", "The convoy was stopped 60 kilometres north of Agadez, a source said.", []string{"Agadez=Agadez"}},
		{"an unknown town a distance from", "The quake struck 20 miles southwest of Zorbaville.", []string{"Zorbaville=Zorbaville"}},
		{"a venue now the front-runner", "Diplomats say Riyadh is now the front-runner to host the summit.", []string{"Riyadh=Riyadh"}},
		{"cities weighed", "The White House is weighing Budapest, Geneva and Istanbul.", []string{"Budapest=Budapest", "Geneva=Geneva", "Istanbul=Istanbul"}},
		{"a country weighed is no place", "The board is considering Ukraine for membership.", nil},
		{"a venue named by a copula", "The venue now being discussed is Geneva.", []string{"Geneva=Geneva"}},
		{"no venue before the copula", "The problem is Budapest, he said.", nil},
		{"a city's long name", "The parade was held in New York City on Sunday.", []string{"New York City=New York"}},
		{"venue", "They met at the White House.", []string{"White House=White House"}},
		{"a venue by its kind", "Talks would take place at the Vienna International Centre.", []string{"Vienna International Centre=Vienna International Centre"}},
		{"a monastery", "The leaders could meet at the Carmelite Monastery.", []string{"Carmelite Monastery=Carmelite Monastery"}},
		{"a school moved to", "Students will move to Roosevelt Middle School.", []string{"Roosevelt Middle School=Roosevelt Middle School"}},
		{"a university is an affiliation", "Kim Lee, a lecturer at Yale University, said.", nil},
		{"filler", "They met in the Turkish city of Istanbul.", []string{"Istanbul=Istanbul"}},
		{"a known port after its kind", "The boat had left the Tunisian port of Sfax on Tuesday.", []string{"Sfax=Sfax"}},
		{"motion to", "European leaders rushed to Washington.", []string{"Washington=Washington"}},
		{"a flight diverted to", "A United flight was diverted to Omaha, Nebraska, on Wednesday.", []string{"Omaha=Omaha", "Nebraska=Nebraska"}},
		{"a patient airlifted to", "She was airlifted to Tucson for treatment.", []string{"Tucson=Tucson"}},
		{"recipient to", "The US will give weapons to Ukraine.", nil},
		{"metonymy", "Moscow’s invasion and Kyiv said.", nil},
		{"possessive after in", "in Moscow’s view", nil},
		{"chain", "They will meet in Anchorage, Alaska.", []string{"Anchorage=Anchorage", "Alaska=Alaska"}},
		{"multi word", "Officials met in Saudi Arabia and in New York.", []string{"Saudi Arabia=Saudi Arabia", "New York=New York"}},
		{"list with or", "The talks could be held in Geneva, Rome or Istanbul.", []string{"Geneva=Geneva", "Rome=Rome", "Istanbul=Istanbul"}},
		{"list after an attack verb", "Drones struck Kharkiv, Odesa and Zaporizhzhia overnight.", []string{"Kharkiv=Kharkiv", "Odesa=Odesa", "Zaporizhzhia=Zaporizhzhia"}},
		{"attacked country's grid is an actor", "Russia struck Ukraine’s energy grid.", nil},
		{"town of a known state", "The crash happened in Greenville, Texas, on Monday.", []string{"Greenville=Greenville", "Texas=Texas"}},
		{"a name before a state without a locative is none", "Greenville, Texas, police said.", []string{}},
		{"hometown with its state", "Sgt. Ann Lee, 26, of Glendale, Kentucky, was killed.", []string{"Glendale=Glendale", "Kentucky=Kentucky"}},
		{"hometown the gazetteer knows", "Lee was from Sacramento, California, her family said.", []string{"Sacramento=Sacramento", "California=California"}},
		{"of a place without a state is no hometown", "The president of France spoke.", nil},
		{"part of an institute's name", "Lee, a fellow at the Arab Gulf States Institute, said so.", nil},
		{"part of a university's name", "The car was found at the University of Maryland.", nil},
		{"airport named after a country", "Drones hit Kuwait International Airport.", []string{"Kuwait International Airport=Kuwait International Airport"}},
		{"air base", "He was injured at Prince Hamid Air Base last week.", []string{"Prince Hamid Air Base=Prince Hamid Air Base"}},
		{"a site after on", "Traffic would be halted on the Chain Bridge and Margaret Bridge.", []string{"Chain Bridge=Chain Bridge", "Margaret Bridge=Margaret Bridge"}},
		{"a country after on is an actor", "The EU imposed sanctions on Russia.", nil},
		{"a site word in lower case leaves the place", "Troops at Kuwait base camps waited.", []string{"Kuwait=Kuwait"}},
		{"a hotel the gazetteer lacks", "The envoys will meet at the Lakeview Grand hotel on Friday.", []string{"Lakeview Grand hotel=Lakeview Grand hotel"}},
		{"a hotel named in capitals", "The envoys will meet at the Lakeview Grand Hotel on Friday.", []string{"Lakeview Grand Hotel=Lakeview Grand Hotel"}},
		{"a station with its own modifier", "A second desk opened at Brindle railway station.", []string{"Brindle railway station=Brindle railway station"}},
		{"a site word in lower case after a known town is the town's", "Flights at Miami airport were canceled.", []string{"Miami=Miami"}},
		{"a party's base is no site", "The plan is popular in the Tory base.", nil},
		{"a day after the place is a date", "Storms hit Texas Monday.", []string{"Texas=Texas"}},
		{"county", "Storms flattened homes in Hardin County overnight.", []string{"Hardin County=Hardin County"}},
		{"county named after a state", "A tornado touched down in Arkansas County, Arkansas.", []string{"Arkansas County=Arkansas County", "Arkansas=Arkansas"}},
		{"including", "Wind threatens several cities, including Denver and Omaha.", []string{"Denver=Denver", "Omaha=Omaha"}},
		{"a place after a comma and the is no list", "The leaders will meet in Norway, the Kremlin said.", []string{"Norway=Norway"}},
		{"a listed place described", "Venues under study include sites in Oslo, Vienna and the Saudi capital Riyadh.", []string{"Oslo=Oslo", "Vienna=Vienna", "Riyadh=Riyadh"}},
		{"through", "The storm ripped through Lawrence County overnight.", []string{"Lawrence County=Lawrence County"}},
		{"parts of a place", "Rain fell in parts of Kansas overnight.", []string{"Kansas=Kansas"}},
		{"parts of places hit", "Hail hit parts of Iowa and Nebraska.", []string{"Iowa=Iowa", "Nebraska=Nebraska"}},
		{"much of a place", "Flights were canceled across much of Florida.", []string{"Florida=Florida"}},
		{"other parts of a place", "Power was out in other parts of Ohio.", []string{"Ohio=Ohio"}},
		{"cities like a town", "Records fell in cities like Fargo, North Dakota.", []string{"Fargo=Fargo", "North Dakota=North Dakota"}},
		{"states such as a state", "Prices rose in states such as Utah and Idaho.", []string{"Utah=Utah", "Idaho=Idaho"}},
		{"such as without a locative", "Some states, such as Ohio, said no.", nil},
		// the subject of an attack in the passive, as the active's object
		{"attacked place in the passive", "Kharkiv was hit by drones overnight.", []string{"Kharkiv=Kharkiv"}},
		{"a place under fire after a relative clause", "Even Qatar, which hosted the talks, has come under fire.", []string{"Qatar=Qatar"}},
		{"a place battered by storms", "Kansas was battered by hail on Sunday.", []string{"Kansas=Kansas"}},
		{"a country hit with sanctions is no site", "Russia was hit with new sanctions.", nil},
		{"a country hit by tariffs is no site", "Canada was hit by tariffs.", nil},
		{"a place that speaks stays an actor", "Qatar, which hosted the talks, has condemned the strikes.", nil},
		{"span of places", "Storms raced from Kansas to the Great Lakes overnight.", []string{"from Kansas to the Great Lakes=Kansas to Great Lakes"}},
		{"span into a region", "Heat records fell from Denver into the Southeast.", []string{"from Denver into the Southeast=Denver to Southeast"}},
		{"span widened by a place after it", "Storms hit from Georgia to Ohio and Maine.", []string{"from Georgia to Ohio and Maine=Georgia to Ohio and Maine"}},
		{"span widened by a region after it", "Gusts are possible from Iowa to the Great Lakes and the Northeast.", []string{"from Iowa to the Great Lakes and the Northeast=Iowa to Great Lakes and Northeast"}},
		{"span told by its reach", "A broad area from Minnesota to as far south as Texas was under a watch.", []string{"from Minnesota to as far south as Texas=Minnesota to Texas"}},
		{"span closing at a border", "Snow fell from Iowa to the Nebraska border on Monday.", []string{"from Iowa to the Nebraska border=Iowa to Nebraska border"}},
		{"span closing at a border of two places", "Storms raced from Ohio to the Maryland-Pennsylvania border.", []string{"from Ohio to the Maryland-Pennsylvania border=Ohio to Maryland-Pennsylvania border"}},
		{"a place after and that owns a noun ends the span", "Rain fell from Texas to Ohio and Iran talks stalled.", []string{"from Texas to Ohio=Texas to Ohio"}},
		{"a place after and that acts is no part of the span", "Rain fell from Texas to Ohio and Iran said nothing.", []string{"from Texas to Ohio=Texas to Ohio", "Iran=Iran"}},
		{"a place after and before a verb is no part of the span", "Rain fell from Texas to Ohio and Iowa was spared.", []string{"from Texas to Ohio=Texas to Ohio", "Iowa=Iowa"}},
		{"from alone is an origin", "The call came from Paris on Monday.", nil},
		{"a town set within a known place after it", "Volunteers filled sandbags in Kelso on the North Shore of Oahu.", []string{"Kelso=Kelso", "Oahu=Oahu"}},
		{"a town set within a named area after it", "A tornado touched down near Varnell in Whitfield County, Georgia, on Sunday.", []string{"Varnell=Varnell", "Whitfield County=Whitfield County", "Georgia=Georgia"}},
		{"a name followed by in and no place is no town", "Officials in Kelso in recent days said so.", nil},
		{"a town after a glued locative", "Crews stacked sandbags on Monday and stored sandbagsin Kelso on the North Shore of Oahu.", []string{"Kelso=Kelso", "Oahu=Oahu"}},
		{"a locative glued to the word before", "A drone strikein Kuwait killed six soldiers; the strike came at night.", []string{"Kuwait=Kuwait"}},
		{"a word ending in in whose stem never stands alone stays whole", "The captain Ohio officials hired was late.", nil},
		{"a place under a weather alert", "A tornado watch remains in effect for parts of Ohio until 8 p.m.", []string{"Ohio=Ohio"}},
		{"a place under a weather alert glued to for", "Forecasters issued a tornado watchfor areas of Iowa and Nebraska.", []string{"Iowa=Iowa", "Nebraska=Nebraska"}},
		{"a state under a flood watch", "A flood watch is in place for all of Hawaii.", []string{"Hawaii=Hawaii"}},
		{"a warning for a country is no place", "The minister issued a stark warning for Iran on Monday.", nil},
		{"war named by its place", "Leaders discussed ending the war in Ukraine.", nil},
		{"fighting in a place", "Fighting in Kharkiv went on.", []string{"Kharkiv=Kharkiv"}},
		{"offensive named by its place", "The army's offensive in Syria has killed hundreds.", nil},
		{"campaign named by its place", "Officials said the air campaign in Yemen would go on.", nil},
		{"off the coast", "A warship sank off the coast of Sri Lanka.", []string{"Sri Lanka=Sri Lanka"}},
		{"place where", "He brought his children over from Uganda, where their mother lives.", []string{"Uganda=Uganda"}},
		{"town where", "Several cities were hit, including Qarwa, where a school was struck.", []string{"Qarwa=Qarwa"}},
		{"a name before where needs a locative", "Officials named Qarwa, where a school was struck.", nil},
		{"a town after in and before a full stop", "Two people were killed in Lviv and another in Pravdyne.", []string{"Lviv=Lviv", "Pravdyne=Pravdyne"}},
		{"a town after near", "A tornado touched down near Varnell, forecasters said.", []string{"Varnell=Varnell"}},
		{"a two-word town", "Sandbags were handed out in Kelso Ridge on Friday; crews also worked in Pine Hollow.", []string{"Pine Hollow=Pine Hollow"}},
		{"a town beginning a sentence", "In Varnell, roofs were torn off.", []string{"Varnell=Varnell"}},
		{"a language is no town", "She answered the question in Portuguese.", nil},
		{"a person named in full elsewhere", "Elon Musk spoke on Monday. Investors kept their faith in Musk.", nil},
		{"an institution after in", "The bill stalled in Congress.", nil},
		{"near inside a name", "He is a fellow at the Institute for Near Gulf Policy, which he joined.", nil},
		{"a compass word before a known place", "Strikes hit a village in Southern Lebanon.", []string{"Lebanon=Lebanon"}},
		{"a strait wherever named", "Iran announced drills closing parts of the Strait of Hormuz.", []string{"Strait of Hormuz=Strait of Hormuz"}},
		{"a country after of is no place", "Drills near the coast were announced by the president of Iran.", nil},
		{"camp", "She served at Camp Harlow in the desert.", []string{"Camp Harlow=Camp Harlow"}},
		{"airport named after a fort", "Lines were long at Fort Kellam Regional Airport on Monday.", []string{"Fort Kellam Regional Airport=Fort Kellam Regional Airport"}},
		{"around a landmark", "Blasts were heard around the landmark Veszy Tower at dawn.", []string{"Veszy Tower=Veszy Tower"}},
		{"around a city", "Explosions echoed around Tehran overnight.", []string{"Tehran=Tehran"}},
		{"mount", "Rain totals led by 14 inches at Mt. Kaleo were recorded.", []string{"Mt. Kaleo=Mt. Kaleo"}},
		{"bay", "The road was closed at Pelican Bay on Friday.", []string{"Pelican Bay=Pelican Bay"}},
		{"a country's waters", "The crew was rescued from a ship in Norwegian waters.", []string{"Norwegian waters=Norwegian waters"}},
		{"a country's airspace", "Drones were shot down in Latvian airspace on Sunday.", []string{"Latvian airspace=Latvian airspace"}},
		{"waters after no locative", "Norwegian waters are cold.", nil},
		{"storm verb", "Hail pelted east Texas on Sunday.", []string{"east Texas=Texas"}},
		{"part of a state as an object", "The storms soaked central Ohio overnight.", []string{"central Ohio=Ohio"}},
		{"part of a state after portions of", "Hail threatens portions of western Kansas.", []string{"western Kansas=Kansas"}},
		{"joined bearings", "A watch remains for parts of Iowa and west-central Kansas.", []string{"west-central Kansas=Kansas"}},
		{"part of an ocean", "The probe fell into the sea near the equatorial Pacific.", []string{"equatorial Pacific=Pacific Ocean"}},
		{"a capitalised bearing is no part", "Officials in Kyiv reported that Western Ukraine was calm.", []string{"Kyiv=Kyiv"}},
		{"a town and the part of its country", "She was born in Leeds, northern England, in 1970.", []string{"Leeds=Leeds", "northern England=England"}},
		{"a town and its region", "The concert was held in Brighton, England.", []string{"Brighton=Brighton", "England=England"}},
		{"town as the subject", "Marlow, Wisconsin, picked up 23 inches of snow.", []string{"Marlow=Marlow", "Wisconsin=Wisconsin"}},
		{"county as the subject", "Bell County, Tennessee, saw heavy damage.", []string{"Bell County=Bell County", "Tennessee=Tennessee"}},
		{"heading for", "A missile heading for Turkey was shot down.", []string{"Turkey=Turkey"}},
		{"for alone is no destination", "The plan was good for Turkey.", nil},
		{"province", "In one video from a village in Fars province, people fled.", []string{"Fars province=Fars province"}},
		{"list named as venues", "Aides were weighing Oslo, Vienna and Rome as possible venues for the talks.", []string{"Oslo=Oslo", "Vienna=Vienna", "Rome=Rome"}},
		{"list offering venues", "Capitals are jostling, with Oslo, Vienna and Rome all offering venues as diplomats wait.", []string{"Oslo=Oslo", "Vienna=Vienna", "Rome=Rome"}},
		{"list vying to host", "Oslo and Vienna are both vying to host the talks.", []string{"Oslo=Oslo", "Vienna=Vienna"}},
		{"a list with a verb that offers nothing", "Oslo, Vienna and Rome all reported rain as the storm passed.", nil},
		{"one place as a venue", "with diplomats discussing Geneva as a possible venue", []string{"Geneva=Geneva"}},
		{"as the host city", "The league chose Denver as the host city.", []string{"Denver=Denver"}},
		{"as without a venue noun is no place", "Analysts see Berlin as a key ally.", nil},
		{"a border of two places", "The swap took place on the Poland-Ukraine border on Friday.", []string{"Poland-Ukraine border=Poland-Ukraine border"}},
		{"a border with a place", "Guards were posted at the border with Hungary, officials said.", []string{"border with Hungary=Hungary border"}},
		{"a place's border with another", "The swap took place on Ukraine's border with Belarus.", []string{"border with Belarus=Belarus-Ukraine border"}},
		{"another owner's border is no place", "The swap took place at Acme's border with Belarus.", nil},
		{"a border between two places", "Tanks massed along the border between Russia and Finland.", []string{"border between Russia and Finland=Finland-Russia border"}},
		{"a border of one place", "The road is closed near the Nebraska border.", []string{"Nebraska border=Nebraska border"}},
		{"a border that modifies a noun is no place", "He joined the Texas border patrol in May.", nil},
		{"sharing a border names no place", "Russia shares a border with Finland.", nil},
		{"a border after to is no place of its own but a span's end", "Storms are likely from Kansas to the Iowa-Nebraska border.", []string{"from Kansas to the Iowa-Nebraska border=Kansas to Iowa-Nebraska border"}},
		{"a border after to without a span is no place", "Storms are likely to reach the Iowa-Nebraska border.", nil},
		{"a place that emerged as the venue", "Officials said Oslo has emerged as the leading venue for the talks.", []string{"Oslo=Oslo"}},
		{"a place that emerged as the front-runner", "Diplomats say Oslo has emerged as the front-runner to host the talks.", []string{"Oslo=Oslo"}},
		{"a place that became the venue after other words", "Aides said Vienna had beaten its rivals as the main venue.", []string{"Vienna=Vienna"}},
		{"a place that remains the likeliest location", "An envoy said Rome remained the most likely location.", []string{"Rome=Rome"}},
		{"a place seen as a possible venue", "Helsinki is seen as a possible venue.", []string{"Helsinki=Helsinki"}},
		{"a copula without a venue noun is no place", "Analysts said Berlin remained a key ally.", nil},
		{"a verb of saying ends the venue phrase", "Paris told reporters as the main venue was named that it would wait.", nil},
		{"held in a place", "The forum was held in Vienna last spring.", []string{"Vienna=Vienna"}},
		{"a host is an actor", "The forum was hosted by Austria last spring.", nil},
		{"a host city is an actor too", "Delegates praised the dinner hosted by Vienna on Monday.", nil},
		{"a titled person after community of", "We mourn with the family and community of Sgt. Lee Pratt.", nil},
		{"a war named by its place", "Two more soldiers died in the Ukraine war last month.", nil},
		{"an army named by its place", "She held a senior post in the US military for a decade.", nil},
		{"a record named by its place", "It was the longest strike in US history.", nil},
		{"a market named by its place", "A brief rally in US stocks faded by noon.", nil},
		{"an army's, named by its place", "Dozens were wounded throughout the US military’s operation.", nil},
		{"a town's market is a site in it", "A gunman opened fire at a Miami market on Sunday.", []string{"Miami=Miami"}},
		{"a town's case happened there", "The trial in the Minneapolis case begins next week.", []string{"Minneapolis=Minneapolis"}},
		{"a list of places before an owned noun", "The carrier served in the Syria and Yemen operations.", nil},
		{"a site an owned noun describes", "He landed at a US military base on Friday.", []string{"US=United States"}},
		{"an area is no owned noun", "Prices rose in the Chicago area.", []string{"Chicago=Chicago"}},
		{"member states that act", "Some countries, including Chile and Peru, have begun rationing fuel.", nil},
		{"member states that speak", "The states, including Ohio and Texas, said the rule was unlawful.", nil},
		{"member states between dashes", "Fourteen realms – including Canada and Jamaica – would be required to agree.", nil},
		{"member states asked to act", "He called on other nations, including France, Japan and Britain, to send ships.", nil},
		{"places a singular verb is not about", "Travel to several countries, including Iran and Iraq, was restricted.", []string{"Iran=Iran", "Iraq=Iraq"}},
		{"places hit, a verb after", "Strikes on several cities, including Kyiv and Odesa, killed 12 people.", []string{"Kyiv=Kyiv", "Odesa=Odesa"}},
		{"member states that report what happened there", "Several states, including Ohio and Iowa, reported damage.", []string{"Ohio=Ohio", "Iowa=Iowa"}},
		{"states where, no verb after", "Blasts were heard in several countries, including Qatar and Bahrain.", []string{"Qatar=Qatar", "Bahrain=Bahrain"}},
		{"the seat of a speaker", "The weather service office in Honolulu said the storm would weaken.", nil},
		{"sources in a place", "Sources in Israel told CNN that talks had stalled.", nil},
		{"the seat in an apposition", "Ann Lee, a union leader in Atlanta, said Monday that workers were tired.", nil},
		{"inverted attribution keeps the place", "The strike hit a school in Kyiv, said the mayor.", []string{"Kyiv=Kyiv"}},
		{"residents tell where they are", "Residents in Tulsa said the storm tore off roofs.", []string{"Tulsa=Tulsa"}},
		{"a witness in an apposition", "Ann Lee, a witness in Tulsa, said the storm tore off roofs.", []string{"Tulsa=Tulsa"}},
		{"a speaker's place told by what happened there", "A man arrested in Miami told police he had no gun.", []string{"Miami=Miami"}},
		{"a speaker stranded at a place", "A passenger stranded at Heathrow told CNN the wait was long.", []string{"Heathrow=Heathrow Airport"}},
		{"inverted attribution after an opening comma", "On Monday, a gunman opened fire in a mall in Miami, said the chief.", []string{"Miami=Miami"}},
		{"attribution after the clause keeps the place", "He was killed in Kyiv, officials said.", []string{"Kyiv=Kyiv"}},
		{"a place before the speaker", "Speaking in Geneva, Lavrov said talks would go on.", []string{"Geneva=Geneva"}},
		{"a noun that may be a verb of saying", "Lawmakers in the Florida state capital voted.", []string{"Florida=Florida"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := textValues(t, tt.text, KindLocation)
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("location %d = %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestCompareLocations(t *testing.T) {
	old := "The last direct talks took place in Turkey, and officials met again later."
	tests := []struct {
		name, new     string
		after, detail string
		n             int
	}{
		{"refinement", "The last direct talks took place in Istanbul, and officials met again later.", "Istanbul", "refinement", 1},
		{"other place", "The last direct talks took place in Geneva, and officials met again later.", "Geneva", "", 1},
		{"alias", "The last direct talks took place in Türkiye, and officials met again later.", "", "", 0},
		{"removed", "The last direct talks took place, and officials met again later.", "", "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := changesOf(old, tt.new, KindLocation)
			if len(got) != tt.n {
				t.Fatalf("got %+v, want %d changes", got, tt.n)
			}
			if tt.n == 1 && (got[0].After != tt.after || got[0].Detail != tt.detail) {
				t.Errorf("got %+v, want after %q detail %q", got[0], tt.after, tt.detail)
			}
		})
	}
}

// TestSiteNamedWithoutItsKind: a site told once with its kind and once
// without ("Tokyo's Haneda Airport" → "at Haneda") is one place; a site
// whose name is a place of its own is not named by that place.
func TestSiteNamedWithoutItsKind(t *testing.T) {
	for _, tt := range []struct {
		old, new string
		n        int
	}{
		{"Long lines formed at Tokyo's Haneda Airport, where staff checked in passengers by hand.", "Long lines formed at Haneda, where staff checked in passengers by hand.", 0},
		{"Drones hit Kuwait International Airport overnight.", "Drones hit targets in Kuwait overnight.", 1},
	} {
		if got := changesOf(tt.old, tt.new, KindLocation); len(got) != tt.n {
			t.Errorf("%q → %q: got %+v, want %d changes", tt.old, tt.new, got, tt.n)
		}
	}
}

func TestNamedPlaceOutsideGazetteer(t *testing.T) {
	tests := []struct{ text, value, typ string }{
		{"Two people were killed in the eastern town of Zarichne.", "Zarichne", "town"},
		{"An order was issued for the coastal community of Pali Camp.", "Pali Camp", "community"},
		{"Homes in the county seat of Norville were damaged.", "Norville", "seat"},
	}
	for _, tt := range tests {
		got := factsOf(t, tt.text, KindLocation)
		if len(got) != 1 || got[0].Value != tt.value || got[0].Type != tt.typ {
			t.Errorf("%q: got %+v, want %s (%s)", tt.text, got, tt.value, tt.typ)
		}
	}
}

// TestTownAndItsState: "Mobile, Alabama" is one place, the town; its state
// takes part in matching but is never reported on its own.
func TestTownAndItsState(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           []string // Before>After of each change
	}{
		{"town added", "The ship is moored at sea.", "The ship is moored in Mobile, Alabama.", []string{">Mobile"}},
		{"town dropped, state kept", "He pleaded guilty in Chatham County, Georgia, last June.",
			"He pleaded guilty in Georgia last June.", []string{"Chatham County>"}},
		{"town added in a state named before", "The storm hit Alabama on Sunday.", "The storm hit Lexington, Alabama, on Sunday.", []string{">Lexington"}},
		{"unrelated place the old text named", "Blasts hit Qatar and Jordan.\nOfficials in Kuwait were alarmed.",
			"Blasts hit Kuwait and Jordan.\nOfficials in Kuwait were alarmed.", []string{"Qatar>"}},
		{"venue moved, the old one still named for another event", "Envoys will meet in Lisbon next week.\nThey last met in Lisbon in May.",
			"Envoys will meet in Oslo next week.\nThey last met in Lisbon in May.", []string{"Lisbon>Oslo"}},
		{"city refined to a venue in it", "Envoys will meet in Istanbul next week.", "Envoys will meet at the Dolmabahce Palace next week.",
			[]string{"Istanbul>Dolmabahce Palace"}},
		{"venue given, its city still named", "Envoys will meet in Istanbul next week.", "Envoys will meet at Istanbul’s Dolmabahce Palace next week.",
			[]string{">Dolmabahce Palace"}},
		{"places swapped", "Drones hit an airport in Kuwait.\nDebris fell in Bahrain.",
			"Drones hit an airport in Bahrain.\nDebris fell in Kuwait.", nil},
		{"world region added", "Talks went on.", "Talks went on as strikes spread across the Middle East.", nil},
		{"continent dropped", "Prices rose in Europe and in Japan.", "Prices rose in Japan.", nil},
		{"world region refined", "Strikes hit targets in the Middle East.", "Strikes hit targets in Iran.", []string{">Iran"}},
		{"named before by another name", "US officials met in Geneva.", "US officials met in Geneva.\nThe envoy arrived in the United States on Monday.", nil},
		{"site with its city", "Queues were short.", "Queues were long at Zayed International Airport in Abu Dhabi.", []string{">Zayed International Airport"}},
		{"town of another state", "The car was stolen in Maricopa, Arizona.", "The car was stolen in Mesa, Arizona.", []string{"Maricopa>Mesa"}},
		{"small town added with its county and state", "Storms moved east on Sunday.",
			"Storms moved east on Sunday.\nA tornado touched down near Varnell in Whitfield County, Georgia.", []string{">Varnell"}},
		{"small town added on a shore of an island", "Crews worked all night.",
			"Crews worked all night.\nSandbags were handed out in Kelso on the North Shore of Oahu.", []string{">Kelso"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := placeChanges(tt.old, tt.new); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// Places added together as one list in one sentence are one change, the
// list; a span takes the places joined to its closing place.
func TestPlaceListIsOneChange(t *testing.T) {
	old := "Officials met on Monday to review the damage.\n"
	tests := []struct {
		name, new string
		want      []string
	}{
		{"three places", old + "Sirens sounded in Latvia, Estonia and Lithuania overnight.", []string{"Latvia, Estonia and Lithuania"}},
		{"two places with or", old + "The next round may be held in Geneva or Vienna.", []string{"Geneva or Vienna"}},
		{"a span takes the places joined to its end", old + "Storms moved from Kansas to the Ohio Valley and Virginia on Tuesday.",
			[]string{"from Kansas to the Ohio Valley and Virginia"}},
		{"a span stays apart from a place in another clause", old + "Storms moved from Kansas to Ohio, and rain fell in Virginia.",
			[]string{"from Kansas to Ohio", "Virginia"}},
		{"apart in the sentence", old + "Talks began in Oslo, while troops massed in Poland.", []string{"Oslo", "Poland"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range changesOf(old, tt.new, KindLocation) {
				if c.Before != "" {
					t.Errorf("got %+v, want only places added", c)
				}
				got = append(got, c.After)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// A list whose middle places the other version names is still one list;
// places inserted into a list the other version has are news one by one.
func TestPlaceListAroundPlacesNamedBefore(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           []string
	}{
		{"a listed place named elsewhere before", "Officials met in Estonia on Monday.",
			"Officials met in Estonia on Monday.\nSirens sounded in Latvia, Estonia and Lithuania overnight.", []string{">Latvia, Estonia and Lithuania"}},
		{"places inserted into a list", "Drones struck targets in Kyiv, Lviv and Odesa overnight.",
			"Drones struck targets in Kyiv, Kharkiv, Lviv, Dnipro and Odesa overnight.", []string{">Kharkiv", ">Dnipro"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := placeChanges(tt.old, tt.new); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// A place that says which institution is meant ("the regime in Syria") is
// not where the news happened; an event's place stays.
func TestPlaceOfAnInstitution(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"After the fall of the old regime in Libya, exiles returned.", nil},
		{"The talks weakened the militia in Yemen, officials said.", nil},
		{"The firm, a subsidiary of Acme in Ohio, raised prices.", nil},
		{"Sheriff departments in the US train for such attacks.", nil},
		{"Crowds gathered in Tripoli on Friday.", []string{"Tripoli"}},
		{"An explosion hit the US Embassy in Oslo.", []string{"Oslo"}},
	}
	for _, tt := range tests {
		if got := textsOf(t, tt.text, KindLocation); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

// A place added (or removed) in two sentences is one piece of news, told
// once.
func TestPlaceNamedTwiceIsOneChange(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           []string
	}{
		{"added twice", "The ship left port.", "The ship left port.\nIt is moored in Mobile, Alabama.\nIt was also docked in Mobile last month.", []string{">Mobile"}},
		{"removed twice", "Crews worked in Tulsa on Monday.\nSchools in Tulsa were closed.\nThe roads were icy.", "The roads were icy.", []string{"Tulsa>"}},
		{"two places added", "The ship left port.", "The ship left port.\nIt is moored in Mobile, Alabama.\nIt was also docked in Tampa last month.", []string{">Mobile", ">Tampa"}},
		// the end of a longer name names another place (containsPlace)
		{"named only in a longer name", "Tankers crossed the Gulf of Oman.", "Tankers crossed the Gulf of Oman.\nDrones struck Oman overnight.", []string{">Oman"}},
		{"named only as another state", "Rain fell over New Mexico.", "Rain fell over New Mexico.\nFloods hit Mexico overnight.", []string{">Mexico"}},
		{"named by the state's title", "Talks were held in the Sultanate of Oman.", "Talks were held in the Sultanate of Oman.\nDrones struck Oman overnight.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := placeChanges(tt.old, tt.new); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// A place inside a quote added is a place of the story whoever says it,
// reported with the quote.
func TestPlaceInsideAQuote(t *testing.T) {
	old := "Investigators searched offices on Monday."
	new := old + "\n“The money was then wired to an account in Liechtenstein,” the bureau said."
	var places []string
	for _, c := range changesOf(old, new, KindLocation) {
		places = append(places, c.Before+">"+c.After)
	}
	if strings.Join(places, "|") != ">Liechtenstein" {
		t.Errorf("got %q, want the place added", places)
	}
}

// placeChanges lists the location changes between two texts as
// "before>after".
func placeChanges(old, new string) []string {
	var got []string
	for _, c := range changesOf(old, new, KindLocation) {
		got = append(got, c.Before+">"+c.After)
	}
	return got
}

// Two places of the gazetteer a letter or two apart are two places, never
// a typo fixed: "Iran" -> "Iraq" moves the event.
func TestPlaceNamesAreNoSlips(t *testing.T) {
	tests := []struct{ old, new, want string }{
		{"Two aid workers were detained in Iran last week.", "Two aid workers were detained in Iraq last week.", "Iran>Iraq"},
		{"The team trained in Austria before the final.", "The team trained in Australia before the final.", "Austria>Australia"},
	}
	for _, tt := range tests {
		if g := strings.Join(placeChanges(tt.old, tt.new), "|"); g != tt.want {
			t.Errorf("%q -> %q: got %q, want %q", tt.old, tt.new, g, tt.want)
		}
	}
}

// TestPlaceRetractedByNoticeIsChanged: a correction notice names the
// wrong place to retract it; the place it names is not still told, so
// the corrected sentence's place is one change, old to new.
func TestPlaceRetractedByNoticeIsChanged(t *testing.T) {
	old := "Officials held technical talks in the Belarusian city of Brest on Thursday.\nThe talks lasted three hours.\n"
	new := "Officials held technical talks in the Belarusian city of Gomel on Thursday.\nThe talks lasted three hours.\n" +
		"Correction: An earlier version of this story gave the wrong place for the talks. They took place in Gomel, not Brest.\n"
	if got := placeChanges(old, new); !slices.Equal(got, []string{"Brest>Gomel"}) {
		t.Errorf("got %q, want Brest>Gomel", got)
	}
}

// TestPlaceDescribingAPlace: a place that describes the kind of place
// named after it ("the Black Sea port of Odesa", "the Mediterranean resort
// of Antalya") is not where the news happened; the place after "of" is.
func TestPlaceDescribingAPlace(t *testing.T) {
	var got []string
	for _, f := range factsOf(t, "Ships left the Black Sea port of Odesa on Monday.", KindLocation) {
		got = append(got, f.Text)
	}
	if !slices.Equal(got, []string{"Odesa"}) {
		t.Errorf("places %q, want Odesa alone", got)
	}
	old := "Negotiators could hold talks in Istanbul as early as next week, officials said.\n"
	new := "Negotiators could hold talks in the Mediterranean resort of Antalya as early as next week, officials said.\n"
	if got := placeChanges(old, new); !slices.Equal(got, []string{"Istanbul>Antalya"}) {
		t.Errorf("got %q, want Istanbul>Antalya", got)
	}
}

func TestPlaceNamingNoWhereIsNoChange(t *testing.T) {
	old := "Officials met on Monday."
	tests := []struct {
		name, added string
		want        int
	}{
		{"a war named by its place", "Casualties mounted in the Sudan war, officials said.", 0},
		{"an army named by its place", "Morale sagged in the Chad army, officials said.", 0},
		{"member states that act", "Several countries, including Chile and Peru, have begun rationing fuel.", 0},
		{"the seat of a speaker", "Bo Kim, a professor at a college in Boston, said the plan would fail.", 0},
		{"the place where", "Casualties mounted in Sudan, officials said.", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := changesOf(old, old+"\n\n"+tt.added, KindLocation); len(got) != tt.want {
				t.Errorf("got %+v, want %d changes", got, tt.want)
			}
		})
	}
}

// TestCompareBorders: a border told in other words is the same border; a
// border newly named is a place added unless the other version names its
// place.
func TestCompareBorders(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           []string // location changes, "before -> after"
	}{
		{"pair and with", "The swap took place on the Poland-Ukraine border on Friday.", "The swap took place at the border with Poland on Friday.", nil},
		{"between and pair", "Guards massed on the border between Finland and Russia.", "Guards massed along the Russia-Finland border.", nil},
		{"border added", "The swap took place on Friday, officials said.", "The swap took place on Friday at the border with Hungary, officials said.", []string{" -> border with Hungary"}},
		{"its place named before", "Hungary mediated. The swap took place on Friday.", "Hungary mediated. The swap took place on Friday at the border with Hungary.", nil},
		{"a place's border and the pair", "Guards massed on Finland’s border with Russia.", "Guards massed along the Russia-Finland border.", nil},
		{"the border named by its people", "Ukraine freed 84 men on the Belarusian border.", "Ukraine freed 84 men on Ukraine's border with Belarus.", nil},
		{"a pair named by its peoples", "The swap took place on the Hungarian-Ukrainian border.", "The swap took place on the Hungary-Ukraine border.", nil},
		{"one place of a pair named before", "Ukraine mediated. The swap took place on Friday.", "Ukraine mediated. The swap took place on Friday on the Poland-Ukraine border.", []string{" -> Poland-Ukraine border"}},
		{"another border", "The swap took place on the Poland-Ukraine border.", "The swap took place on the Hungary-Romania border.", []string{"Poland-Ukraine border -> Hungary-Romania border"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := changeTexts(tt.old, tt.new, KindLocation); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestQuarterOfACity: a quarter of a city the gazetteer does not know is
// named by capitalised words and a lower-case "district" or
// "neighborhood" ("in the Zarvanytskyi district"); capitalised, the word
// names an institution or a constituency, and a known city before it is
// the place read.
func TestQuarterOfACity(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"A drone hit a school in the Zarvanytskyi district overnight.", []string{"Zarvanytskyi district"}},
		{"Police searched a house in the Oak Ridge neighborhood on Monday.", []string{"Oak Ridge neighborhood"}},
		{"A fire broke out in the Bellmont neighbourhood of the city.", []string{"Bellmont neighbourhood"}},
		// an institution or a constituency, not a quarter
		{"He appeared in the Northern District of Ohio on Monday.", nil},
		{"She won in the Fourth Congressional District.", nil},
		// the city is the place
		{"The attack happened in a Paris neighborhood on Friday.", []string{"Paris"}},
	}
	for _, tt := range tests {
		if got := textsOf(t, tt.text, KindLocation); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
	got := changeTexts("Debris damaged homes in the Zarvanytskyi district, the mayor said.",
		"Debris damaged homes in the Zarvanytskyi district and the nearby Pokrovskyi district, the mayor said.", KindLocation)
	if strings.Join(got, "|") != " -> Pokrovskyi district" {
		t.Errorf("a second quarter named: got %q", got)
	}
}

// TestVenueChangedIsOneChange: a venue named by a name the gazetteer lacks
// and a site's noun ("the Lakeview Grand hotel") is a place, so moving a
// meeting from it to a known venue is one change, not a venue added.
func TestVenueChangedIsOneChange(t *testing.T) {
	got := changeTexts("The talks in Geneva will take place at the Lakeview Grand hotel, the ministry said.",
		"The talks in Geneva will take place at the Palais des Nations, the ministry said.", KindLocation)
	if strings.Join(got, "|") != "Lakeview Grand hotel -> Palais des Nations" {
		t.Errorf("venue moved: got %q", got)
	}
	// a site the gazetteer knows whole stays its entry, whatever alias
	if got := changeTexts("The leaders met at the Dolmabahçe Palace on Monday.", "The leaders met at the Dolmabahce Palace on Monday.", KindLocation); len(got) != 0 {
		t.Errorf("alias of a known palace: got %q", got)
	}
}

// TestListedInWholeWords: a list's inner places count only as whole words
// next to a list join: "New York" in "the New Yorker" or "New York-based"
// is no New York listed, and made a list that grew ("in Boston, New York
// and Chicago") read as places inserted one by one into a list already
// there.
func TestListedInWholeWords(t *testing.T) {
	for _, tt := range []struct {
		text, inner string
		want        bool
	}{
		{"strikes on Kharkiv, Lviv and Odesa overnight", "Lviv and Odesa", true},
		{"in Boston, New York and Chicago", "New York", true},
		{"New York, Boston", "New York", true},
		{"Passengers, the New Yorker reported", "New York", false},
		{"Boston, New York-based airlines", "New York", false},
		{"Boston, New Yorkers waited", "New York", false},
		{"the NewNew York, and", "New York", false},
		{"Passengers, the New Yorker reported, waited in New York, and left", "New York", true}, // a later whole match
		{"in Kyiv, Lvivska oblast", "Lviv", false},
		{"Kyiv, Lviv", "Lviv", true},
		{"Kyiv, Lviv’s mayor", "Lviv", true}, // a possessive names the place
	} {
		if got := listedIn(tt.text, tt.inner); got != tt.want {
			t.Errorf("listedIn(%q, %q) = %v, want %v", tt.text, tt.inner, got, tt.want)
		}
	}
}

// TestCreditLinesNameNoPlace: the places of a credit line say where a
// reporter sat: a credit line edited is no place come or gone. A place in
// the story's own text still is one.
func TestCreditLinesNameNoPlace(t *testing.T) {
	old := "The talks were set for Thursday.\nReporting by Ann Roe; Editing by Tom Hale"
	for _, tt := range []struct {
		name, new string
		want      int
	}{
		{"wire credit", "The talks were set for Thursday.\nReporting by Ann Roe in Kyiv and Ben Cole in Moscow; Additional reporting by Kim Lee in Geneva; Editing by Tom Hale", 0},
		{"bracketed credit", "The talks were set for Thursday.\n(Reporting by Ann Roe in Kyiv; Editing by Tom Hale)", 0},
		{"contributed to this report", "The talks were set for Thursday.\nCNN’s Ann Roe in London and Ben Cole in Kyiv contributed to this report.", 0},
		{"contributed", "The talks were set for Thursday.\nAssociated Press writers Ann Roe in Geneva and Ben Cole in Washington contributed.", 0},
		{"a place of the story", "The talks were set for Thursday in Geneva.\nReporting by Ann Roe; Editing by Tom Hale", 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := changesOf(old, tt.new, KindLocation); len(got) != tt.want {
				t.Errorf("got %+v, want %d place changes", got, tt.want)
			}
		})
	}
}

// TestPlaceInTheDateline: a city its dateline names in capitals ("PARIS,
// Sept 2 (Reuters) -") is named for the reader, so the body naming it
// later adds no place; a city the dateline does not name still does.
func TestPlaceInTheDateline(t *testing.T) {
	old := "PARIS, Sept 2 (Reuters) - Macron said Russia would face sanctions.\n\"We are still waiting,\" Macron told a news conference."
	tests := []struct {
		name, new string
		want      int
	}{
		{"the dateline's city", "PARIS, Sept 2 (Reuters) - Macron said Russia would face sanctions.\n\"We are still waiting,\" Macron told a news conference in Paris.", 0},
		{"another city", "PARIS, Sept 2 (Reuters) - Macron said Russia would face sanctions.\n\"We are still waiting,\" Macron told a news conference in Brussels.", 1},
	}
	for _, tt := range tests {
		if got := changesOf(old, tt.new, KindLocation); len(got) != tt.want {
			t.Errorf("%s: got %+v, want %d changes", tt.name, got, tt.want)
		}
	}
}

// TestCapitalByItsCountry: "the German capital" is Berlin, so a sentence
// that names the city either way names one place; a capital told by its
// country and then named ("the Saudi capital Riyadh") is the named place.
func TestCapitalByItsCountry(t *testing.T) {
	runChangeCases(t, KindLocation, []changeCase{
		{"the same city in other words", "The leaders met in Berlin on Wednesday.", "The leaders met in the German capital on Wednesday.", nil},
		{"and back", "Strikes hit the Ukrainian capital overnight.", "Strikes hit Kyiv overnight.", nil},
		{"another city", "The leaders met in Munich on Wednesday.", "The leaders met in the German capital on Wednesday.", []string{"Munich -> German capital"}},
		{"told, then named", "The talks could be held in Geneva or Budapest.", "The talks could be held in Geneva or the Saudi capital Riyadh.", []string{"Budapest -> Riyadh"}},
	})
}

// TestCityOfASite: the city a named site stands in comes and goes with the
// site, but another city there is the place changed.
func TestCityOfASite(t *testing.T) {
	runChangeCases(t, KindLocation, []changeCase{
		{"another city", "She was a cheerleader at Temple Christian School in Titusville, Florida.", "She was a cheerleader at Temple Christian School in Tampa, Florida.", []string{"Titusville -> Tampa"}},
		{"another city of an airport", "Lines grew at Bush Intercontinental Airport in Houston.", "Lines grew at Bush Intercontinental Airport in Dallas.", []string{"Houston -> Dallas"}},
		{"a site added with its city", "Wait times grew at the airport.", "Wait times grew at George Bush Intercontinental Airport in Houston.", []string{" -> George Bush Intercontinental Airport"}},
	})
}
