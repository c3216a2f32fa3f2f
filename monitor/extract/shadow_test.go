package extract

import (
	"slices"
	"testing"
)

// TestShadowHostIsABlock: a web component with a declarative shadow root
// (Lit's <story-paragraph>, its text in the light DOM) renders a box of its
// own, so two of them side by side are two paragraphs for readability, the
// fast path and the region's blocks alike; before, they ran together into
// one, and whether an insert drawn per request stood between them decided
// the text. An inline custom element without a shadow root (MathJax's
// <mjx-c>) stays inline. The host's end ends its box too: inline text
// after it (an insert drawn per request) is a block of its own, not the
// end of the host's paragraph, in the region's blocks as for readability.
func TestShadowHostIsABlock(t *testing.T) {
	const dsr = `<template shadowrootmode="open"><style>:host{display:block}</style><p part="text"><slot></slot></p></template>`
	const insert = "Sponsored: a word from the people who make the widgets you like."
	for _, tc := range []struct{ name, after string }{
		{"side by side", ""},
		{"inline insert after", "<span>" + insert + "</span>"},
		{"bare text after", " " + insert + " "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			shadowHostIsABlock(t, dsr, tc.after, insert)
		})
	}
}

func shadowHostIsABlock(t *testing.T, dsr, after, insert string) {
	page := []byte(`<html><head><title>Talks</title></head><body><article><h1>Talks</h1><div class="body">` +
		`<story-paragraph id="p-1">` + dsr + `The leaders met in Geneva on Monday, officials said, after weeks of talks between their envoys.</story-paragraph>` + after +
		`<story-paragraph id="p-2">` + dsr + `A second meeting is planned for next month in Vienna, according to two diplomats briefed on it.</story-paragraph>` +
		`<p>The formula <mjx-c>x</mjx-c> stays in its sentence, which goes on for long enough to be a paragraph of the story.</p>` +
		`</div></article></body></html>`)
	want := []string{
		"The leaders met in Geneva on Monday, officials said, after weeks of talks between their envoys.",
		"A second meeting is planned for next month in Vienna, according to two diplomats briefed on it.",
		"The formula x stays in its sentence, which goes on for long enough to be a paragraph of the story.",
	}
	if after != "" {
		want = slices.Insert(want, 1, insert)
	}
	full, err := Extract(page, "https://news.example/a")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(full.Paragraphs, want) {
		t.Errorf("readability: %q, want %q", full.Paragraphs, want)
	}
	sc := Scan(page)
	fast, err := sc.ExtractLearned("https://news.example/a", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(fast.Paragraphs, want) {
		t.Errorf("fast path: %q, want %q", fast.Paragraphs, want)
	}
	var blocks []string
	for _, el := range sc.Elements() {
		blocks = append(blocks, el.Blocks...)
	}
	for _, w := range want {
		if !slices.Contains(blocks, w) {
			t.Errorf("no block of the region is %q", w)
		}
	}
}

// TestDeclaresShadowRoot: the region's blocks read a <template>'s
// attributes as cleanDoc's parser does: after a newline or a tab too, and
// not inside another attribute's value.
func TestDeclaresShadowRoot(t *testing.T) {
	for _, tc := range []struct {
		tag  string
		want bool
	}{
		{`<template shadowrootmode="open">`, true},
		{"<template\n  shadowrootmode=\"open\">", true},
		{"<template\tshadowroot=open>", true},
		{`<TEMPLATE ShadowRootMode="closed">`, true},
		{`<template class="card shadowroot">`, false},
		{`<template data-x=" shadowrootmode">`, false},
		{`<template>`, false},
	} {
		if got := declaresShadowRoot([]byte(tc.tag)); got != tc.want {
			t.Errorf("declaresShadowRoot(%q) = %v, want %v", tc.tag, got, tc.want)
		}
	}
}
