package report_test

import (
	"fmt"
	"os"

	"github.com/storywatch/storywatch/diff"
	"github.com/storywatch/storywatch/diff/facts"
	"github.com/storywatch/storywatch/diff/report"
)

func ExampleDescribeChange() {
	fmt.Println(report.DescribeChange(facts.Change{
		Kind: facts.KindPosition, Before: "ruled out", After: "could accept", Subject: "Russia's Foreign Ministry",
	}))
	// Output:
	// Position changed (Russia's Foreign Ministry): ruled out → could accept
}

func ExampleWriteDiff() {
	old := diff.Document{Text: "Talks began.\nUkraine offered $90 billion.\nNo date was set.\nA deal seemed far off."}
	new := diff.Document{Text: "Talks began.\nUkraine offered $100 billion.\nNo date was set.\nA deal seemed far off."}
	r := diff.Compare(old, new, diff.Options{})
	r.Facts = []facts.Change{{Kind: facts.KindNumber, Before: "$90 billion", After: "$100 billion"}}
	if err := report.WriteDiff(os.Stdout, r, report.Style{Context: -1}); err != nil {
		panic(err)
	}
	// Output:
	// 1 changed, 0 inserted, 0 deleted, 0 moved, 3 unchanged sentences
	//
	//   …
	// ~ Ukraine offered $[-90-]{+100+} billion.
	//   …
	//
	// Fact changes:
	//   - Number changed: "$90 billion" → "$100 billion"
}
