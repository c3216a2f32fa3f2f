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
// <mjx-c>) stays inline.
func TestShadowHostIsABlock(t *testing.T) {
	const dsr = `<template shadowrootmode="open"><style>:host{display:block}</style><p part="text"><slot></slot></p></template>`
	page := []byte(`<html><head><title>Talks</title></head><body><article><h1>Talks</h1><div class="body">` +
		`<story-paragraph id="p-1">` + dsr + `The leaders met in Geneva on Monday, officials said, after weeks of talks between their envoys.</story-paragraph>` +
		`<story-paragraph id="p-2">` + dsr + `A second meeting is planned for next month in Vienna, according to two diplomats briefed on it.</story-paragraph>` +
		`<p>The formula <mjx-c>x</mjx-c> stays in its sentence, which goes on for long enough to be a paragraph of the story.</p>` +
		`</div></article></body></html>`)
	want := []string{
		"The leaders met in Geneva on Monday, officials said, after weeks of talks between their envoys.",
		"A second meeting is planned for next month in Vienna, according to two diplomats briefed on it.",
		"The formula x stays in its sentence, which goes on for long enough to be a paragraph of the story.",
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
