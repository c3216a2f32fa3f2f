package diff_test

import (
	"fmt"

	"github.com/storywatch/storywatch/diff"
)

func ExampleWords() {
	for _, op := range diff.Words("Ukraine offered about $90 billion.", "Ukraine offered about $100 billion.", diff.Options{}) {
		fmt.Printf("%s %q\n", op.Op, op.Text)
	}
	// Output:
	// equal "Ukraine offered about $"
	// delete "90"
	// insert "100"
	// equal " billion."
}

func ExampleCompare() {
	old := diff.Document{Title: "Summit set", Text: "Merz said the meeting would be within two weeks. No date was set."}
	new := diff.Document{Title: "Summit set", Text: "Merz said the meeting would be on August 29. No date was set. Kyiv welcomed it."}
	r := diff.Compare(old, new, diff.Options{})
	for _, e := range r.Edits {
		fmt.Println(e.Op, e.OldIndex, e.NewIndex)
	}
	fmt.Printf("%+v\n", r.Summary)
	// Output:
	// change 0 0
	// equal 1 1
	// insert -1 2
	// {Inserted:1 Deleted:0 Changed:1 Moved:0 Equal:1}
}
