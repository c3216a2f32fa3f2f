package timeline

import (
	"slices"
	"strings"
	"testing"
)

const (
	merzTwoWeeks = "German Chancellor Friedrich Merz said Putin had agreed to the bilateral meeting within the next two weeks, but there was no confirmation of a date or location."
	merzAug29    = "German Chancellor Friedrich Merz said Putin had agreed to the bilateral meeting on August 29, but there was no confirmation of a location."
	merzBudapest = "German Chancellor Friedrich Merz said Putin had agreed to the bilateral meeting on August 29, and two European officials said it would be held in Budapest."
	merzSept     = "German Chancellor Friedrich Merz said Putin had agreed to the bilateral meeting in early September, and two European officials said it would be held in Budapest."
	courierTwo   = "European leaders who flew to Washington on Monday left the White House hopeful that a meeting between Vladimir Putin and Volodymyr Zelensky could take place within two weeks."
	courierEnd   = "European leaders who flew to Washington on Monday left the White House hopeful that a meeting between Vladimir Putin and Volodymyr Zelensky could take place by the end of August."
	courierSept  = "European leaders who flew to Washington on Monday left the White House hopeful that a meeting between Vladimir Putin and Volodymyr Zelensky could take place in early September."
	ruledOut     = "Just before the talks began, Russia’s Foreign Ministry ruled out the deployment of troops from NATO countries to help secure a peace deal."
	couldConsid  = "Just before the talks began, Russia’s Foreign Ministry said it could consider the deployment of troops from NATO countries to help secure a peace deal."
	tone         = "The tone on Monday was much warmer than a disastrous Oval Office meeting in February. Trump reversed course after meeting with Putin on Friday."
)

var (
	twoWeeks  = date("the next two weeks", "P2W", "DURATION")
	aug29     = date("August 29", "2025-08-29", "DATE")
	earlySept = date("early September", "2025-09", "DATE")
)

func TestBuild(t *testing.T) {
	tests := []struct {
		name  string
		obs   func(t *testing.T) []Observation
		check func(t *testing.T, th []Thread)
	}{
		{
			name: "summit date converges across two outlets",
			obs: func(t *testing.T) []Observation {
				return []Observation{
					obs(t, "wire", 1, 0, merzTwoWeeks, twoWeeks),
					obs(t, "wire", 2, 2, merzAug29, aug29),
					obs(t, "courier", 1, 4, courierTwo, date("two weeks", "P2W", "DURATION")),
					obs(t, "wire", 3, 9, merzSept, earlySept),
					obs(t, "courier", 2, 10, courierSept, earlySept),
				}
			},
			check: func(t *testing.T, th []Thread) {
				d := find(t, th, "date/summit")
				if got, want := distinct(d), []string{"P2W", "2025-08-29", "2025-09"}; !slices.Equal(got, want) {
					t.Errorf("values = %v, want %v", got, want)
				}
				if d.Articles != 2 || d.Changes != 2 {
					t.Errorf("articles, changes = %d, %d, want 2, 2", d.Articles, d.Changes)
				}
				if !d.Converged || d.Contradicted {
					t.Errorf("converged %v contradicted %v, want converged", d.Converged, d.Contradicted)
				}
				cur := current(d)
				if !slices.Equal(cur["wire"], []string{"2025-09"}) || !slices.Equal(cur["courier"], []string{"2025-09"}) {
					t.Errorf("current = %v", cur)
				}
				for _, v := range d.Values {
					if v.Value == "2025-08-29" && (v.Version != 2 || v.LastVersion != 2 || !strings.Contains(v.Sentence, "on August 29")) {
						t.Errorf("August 29 value = %+v", v)
					}
				}
				// "Monday" and "the White House" belong to the leaders' trip, not the summit
				for _, x := range th {
					if x.Key != "date/summit" && strings.HasPrefix(x.Key, "date/") {
						t.Errorf("unexpected date thread %s", x.Key)
					}
				}
			},
		},
		{
			name: "outlets contradict each other",
			obs: func(t *testing.T) []Observation {
				return []Observation{
					obs(t, "wire", 1, 0, merzAug29, aug29),
					obs(t, "courier", 1, 1, courierSept, earlySept),
				}
			},
			check: func(t *testing.T, th []Thread) {
				d := find(t, th, "date/summit")
				if !d.Contradicted || d.Converged {
					t.Errorf("contradicted %v converged %v, want contradicted", d.Contradicted, d.Converged)
				}
			},
		},
		{
			name: "a date within the other's period agrees",
			obs: func(t *testing.T) []Observation {
				return []Observation{
					obs(t, "wire", 1, 0, merzAug29, aug29),
					obs(t, "courier", 1, 1, courierEnd, date("the end of August", "2025-08", "DATE")),
				}
			},
			check: func(t *testing.T, th []Thread) {
				d := find(t, th, "date/summit")
				if d.Contradicted || !d.Converged {
					t.Errorf("contradicted %v converged %v, want agreement", d.Contradicted, d.Converged)
				}
			},
		},
		{
			name: "an article's own change is no contradiction",
			obs: func(t *testing.T) []Observation {
				return []Observation{
					obs(t, "wire", 1, 0, merzTwoWeeks, twoWeeks),
					obs(t, "wire", 2, 1, merzAug29, aug29),
				}
			},
			check: func(t *testing.T, th []Thread) {
				d := find(t, th, "date/summit")
				if d.Contradicted || d.Converged || d.Changes != 1 {
					t.Errorf("got %+v", d)
				}
			},
		},
		{
			name: "Foreign Ministry changes position on NATO troops",
			obs: func(t *testing.T) []Observation {
				return []Observation{
					obs(t, "wire", 1, 0, ruledOut, pos("ruled out", "reject: the deployment of troops from NATO countries to help secure a peace deal", "Russia’s Foreign Ministry")),
					obs(t, "wire", 2, 1, couldConsid, pos("could consider", "consider?: the deployment of troops from NATO countries", "Russia’s Foreign Ministry")),
				}
			},
			check: func(t *testing.T, th []Thread) {
				p := find(t, th, "position/russia's foreign ministry/NATO troops")
				if got, want := distinct(p), []string{"against", "consider?"}; !slices.Equal(got, want) {
					t.Errorf("values = %v, want %v", got, want)
				}
				if p.Topic != "Russia's Foreign Ministry on NATO troops" {
					t.Errorf("topic = %q", p.Topic)
				}
				if p.Values[1].Text != "could consider" || !p.Values[1].Current || p.Values[0].Current {
					t.Errorf("values = %+v", p.Values)
				}
			},
		},
		{
			name: "Moscow and the Kremlin are one actor, titles drop, pairs split",
			obs: func(t *testing.T) []Observation {
				a := "Moscow rejected a ceasefire. Merz and French President Emmanuel Macron backed a ceasefire."
				b := "The Kremlin said it could accept a ceasefire. Merz and French President Emmanuel Macron backed a ceasefire."
				return []Observation{
					obs(t, "wire", 1, 0, a, pos("rejected", "reject: a ceasefire", "Moscow"), pos("backed", "support: a ceasefire", "Merz and French President Emmanuel Macron")),
					obs(t, "courier", 1, 1, b, pos("could accept", "accept?: a ceasefire", "the Kremlin"), pos("backed", "support: a ceasefire", "Merz and French President Emmanuel Macron")),
				}
			},
			check: func(t *testing.T, th []Thread) {
				k := find(t, th, "position/russia/a ceasefire")
				if !k.Contradicted || k.Articles != 2 {
					t.Errorf("Kremlin thread = %+v", k)
				}
				m := find(t, th, "position/macron/a ceasefire")
				if m.Topic != "Macron on a ceasefire" || !m.Converged {
					t.Errorf("Macron thread = %+v", m)
				}
				find(t, th, "position/merz/a ceasefire")
			},
		},
		{
			name: "unchanged Monday and a gerund's Friday are not shown",
			obs: func(t *testing.T) []Observation {
				talks := "Putin and Zelensky looked set for a summit after fast-moving talks Monday in Washington."
				return []Observation{
					obs(t, "wire", 1, 0, talks+" "+tone, date("Monday", "2025-08-18", "DATE"), date("Monday", "2025-08-18", "DATE"), date("February", "2025-02", "DATE"), date("Friday", "2025-08-15", "DATE")),
					obs(t, "wire", 2, 1, talks+" "+tone, date("Monday", "2025-08-18", "DATE"), date("Monday", "2025-08-18", "DATE"), date("February", "2025-02", "DATE"), date("Friday", "2025-08-15", "DATE")),
					obs(t, "courier", 1, 2, talks, date("Monday", "2025-08-18", "DATE")),
				}
			},
			check: func(t *testing.T, th []Thread) {
				if len(th) != 0 {
					t.Errorf("threads = %v, want none", keys(th))
				}
			},
		},
		{
			name: "a changed Monday is shown",
			obs: func(t *testing.T) []Observation {
				return []Observation{
					obs(t, "wire", 1, 0, "The talks Monday went well.", date("Monday", "2025-08-18", "DATE")),
					obs(t, "wire", 2, 1, "The talks Tuesday went well.", date("Tuesday", "2025-08-19", "DATE")),
				}
			},
			check: func(t *testing.T, th []Thread) {
				d := find(t, th, "date/talks")
				if got := distinct(d); len(got) != 2 {
					t.Errorf("values = %v", got)
				}
			},
		},
		{
			name: "a pronoun carries the place to the meeting; past talks stay apart",
			obs: func(t *testing.T) []Observation {
				last := " The last direct talks between Russia and Ukraine took place in Turkey in June."
				last2 := " The last direct talks between Russia and Ukraine took place in Istanbul in July."
				return []Observation{
					obs(t, "wire", 1, 0, merzAug29+last, aug29, place("Turkey"), date("June", "2025-06", "DATE")),
					obs(t, "wire", 2, 1, merzBudapest+last2, aug29, place("Budapest"), place("Istanbul"), date("July", "2025-07", "DATE")),
				}
			},
			check: func(t *testing.T, th []Thread) {
				p := find(t, th, "location/summit")
				if got := distinct(p); !slices.Equal(got, []string{"Budapest"}) || p.Values[0].Version != 2 {
					t.Errorf("place of the summit = %+v", p.Values)
				}
				l := find(t, th, "location/last talks")
				if got := distinct(l); !slices.Equal(got, []string{"Turkey", "Istanbul"}) {
					t.Errorf("place of the last talks = %v", got)
				}
				if d := find(t, th, "date/last talks"); !slices.Equal(distinct(d), []string{"2025-06", "2025-07"}) {
					t.Errorf("date of the last talks = %v", distinct(d))
				}
				// one article, one value, never changed: not worth a thread
				if slices.Contains(keys(th), "date/summit") {
					t.Errorf("unchanged date of the summit shown")
				}
			},
		},
		{
			name: "a past occurrence of the event stays out of the summit's threads",
			obs: func(t *testing.T) []Observation {
				alaska := "Trump and Putin held a summit in Alaska last week. "
				return []Observation{
					obs(t, "wire", 1, 0, alaska+merzBudapest, place("Alaska"), date("last week", "2025-W33", "DATE"), aug29, place("Budapest")),
					obs(t, "courier", 1, 1, alaska+merzSept, place("Alaska"), date("last week", "2025-W33", "DATE"), earlySept, place("Budapest")),
				}
			},
			check: func(t *testing.T, th []Thread) {
				if p := find(t, th, "location/summit"); !slices.Equal(distinct(p), []string{"Budapest"}) || p.Contradicted {
					t.Errorf("place of the summit = %v", distinct(p))
				}
				if d := find(t, th, "date/summit"); !slices.Equal(distinct(d), []string{"2025-08-29", "2025-09"}) {
					t.Errorf("date of the summit = %v", distinct(d))
				}
			},
		},
		{
			name: "numbers: the weapons deal changes, approximate counts agree",
			obs: func(t *testing.T) []Observation {
				w1 := "Ukraine offered to buy about $90 billion worth of US weapons."
				w2 := "Ukraine offered to buy about $100 billion worth of US weapons."
				c1 := "A coalition of some 30 countries would meet."
				c2 := "A coalition of 31 countries would meet."
				return []Observation{
					obs(t, "wire", 1, 0, w1+" "+c1, num("about $90 billion", "~90000000000 USD", "weapons"), num("some 30 countries", "~30 countries", "countries")),
					obs(t, "wire", 2, 1, w2+" "+c1, num("about $100 billion", "~100000000000 USD", "weapons"), num("some 30 countries", "~30 countries", "countries")),
					obs(t, "courier", 1, 2, c2, num("31 countries", "31 countries", "countries")),
				}
			},
			check: func(t *testing.T, th []Thread) {
				w := find(t, th, "number/weapon/USD")
				if got := distinct(w); !slices.Equal(got, []string{"~90000000000 USD", "~100000000000 USD"}) {
					t.Errorf("weapons = %v", got)
				}
				c := find(t, th, "number/country/country")
				if c.Contradicted || !c.Converged {
					t.Errorf("countries = %+v", c)
				}
			},
		},
		{
			name: "quotes: spelling is no change, rewording is, a dropped quote is shown",
			obs: func(t *testing.T) []Observation {
				q1 := "Zelensky said the guarantees would be “formalized on paper within the next week to 10 days”. Dmitriev called it “an important day of diplomacy”."
				q2 := "Zelensky said the guarantees would be “formalised on paper within the next week to 10 days”."
				q3 := "Zelensky said the guarantees would be “formalised on paper within ten days”."
				return []Observation{
					obs(t, "wire", 1, 0, q1, quote("formalized on paper within the next week to 10 days", "Zelensky"), quote("an important day of diplomacy", "Kirill Dmitriev")),
					obs(t, "wire", 2, 1, q2, quote("formalised on paper within the next week to 10 days", "Zelensky")),
					obs(t, "wire", 3, 2, q3, quote("formalised on paper within ten days", "Zelensky")),
				}
			},
			check: func(t *testing.T, th []Thread) {
				var zel []Thread
				for _, x := range th {
					if strings.HasPrefix(x.Key, "quote/zelensky/") {
						zel = append(zel, x)
					}
				}
				if len(zel) != 1 || len(zel[0].Values) != 2 {
					t.Fatalf("Zelensky quote threads = %+v", zel)
				}
				if v := zel[0].Values[0]; v.LastVersion != 2 || v.Current {
					t.Errorf("first wording = %+v", v)
				}
				d := find(t, th, "quote/dmitriev/an important day of diplomacy")
				if d.Values[0].Current {
					t.Errorf("dropped quote still current")
				}
			},
		},
		{
			name: "facts outside the text are skipped",
			obs: func(t *testing.T) []Observation {
				o := obs(t, "wire", 1, 0, merzAug29, aug29)
				o.Facts[0].Start, o.Facts[0].End = 500, 510
				return []Observation{o, obs(t, "wire", 2, 1, merzAug29)}
			},
			check: func(t *testing.T, th []Thread) {
				if len(th) != 0 {
					t.Errorf("threads = %v", keys(th))
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.check(t, Build(tt.obs(t)))
		})
	}
}
