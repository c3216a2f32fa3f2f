package timeline_test

import (
	"fmt"
	"time"

	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/diff/timeline"
)

func ExampleBuild() {
	published := time.Date(2025, 8, 19, 6, 0, 0, 0, time.UTC)
	texts := []string{
		"Merz said Putin had agreed to the bilateral meeting within the next two weeks.",
		"Merz said Putin had agreed to the bilateral meeting on August 29.",
	}
	var obs []timeline.Observation
	for i, text := range texts {
		obs = append(obs, timeline.Observation{
			Article: "https://example.com/summit", Outlet: "Meridian Wire", Version: i + 1,
			Seen: published.Add(time.Duration(i) * 2 * time.Hour), Published: published,
			Text: text, Facts: facts.Extract(text, published),
		})
	}
	for _, th := range timeline.Build(obs) {
		if th.Kind != facts.KindDate {
			continue
		}
		fmt.Println(th.Topic)
		for _, v := range th.Values {
			fmt.Printf("  %s %s v%d %s current=%v\n", v.First.Format("15:04"), v.Outlet, v.Version, v.Value, v.Current)
		}
	}
	// Output:
	// date of the summit
	//   06:00 Meridian Wire v1 P2W current=false
	//   08:00 Meridian Wire v2 2025-08-29 current=true
}
