package align_test

import (
	"fmt"

	"github.com/storywatch/storywatch/diff/align"
)

func ExampleSplit() {
	text := "U.S. President Donald Trump met Mr. Zelensky at 10 a.m. Monday. “It went well,” he said.\nTalks resume in Jan. 2026."
	for _, s := range align.Split(text) {
		fmt.Println(s.Para, s.Start, s.End, s.Text)
	}
	// Output:
	// 0 0 63 U.S. President Donald Trump met Mr. Zelensky at 10 a.m. Monday.
	// 0 64 92 “It went well,” he said.
	// 1 93 119 Talks resume in Jan. 2026.
}

func ExampleAlign() {
	old := align.Split("Talks began on Monday. Ukraine offered $90 billion. A peace deal seemed far off.")
	new := align.Split("A peace deal seemed far off. Talks began on Tuesday. Ukraine offered $100 billion.")
	for _, l := range align.Align(old, new) {
		fmt.Println(l.Op, l.Old, l.New)
	}
	// Output:
	// move 2 0
	// change 0 1
	// change 1 2
}
