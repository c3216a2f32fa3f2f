// Package extract pulls the article text and metadata out of a news page.
//
// [Extract] is built so that the same story fetched twice gives the same
// text, even though news pages rotate ads, "most read" lists, comment counts,
// related links and relative timestamps on every request. It works in stages:
//
//  1. the page is made safe to parse: decoded to UTF-8 (meta charset or BOM,
//     else UTF-8 with windows-1252 as the fallback), NUL bytes dropped and
//     element nesting capped, so hostile pages cannot make the HTML parser or
//     readability go quadratic or recurse without bound;
//  2. metadata (canonical URL, dates from meta tags, JSON-LD and <time>) is
//     read from the full document;
//  3. boilerplate is removed from the DOM: nav, aside, footer, forms, scripts,
//     iframes, headers outside the article, hidden elements, and any element
//     whose class, id, role or aria-label names ads, promos, sponsors,
//     related or popular lists, comments, share bars, newsletters, cookie
//     banners, recommendations and the like. Elements holding the article
//     itself (article, main, articleBody, or most of the page's paragraph
//     text) are never removed, so a "has-comments" class on a wrapper does not
//     delete the story;
//  4. readability (codeberg.org/readeck/go-readability/v2) picks the main
//     content;
//  5. its text is split into paragraphs at block elements, whitespace is
//     normalised and short lines that are UI ("Advertisement", "Share",
//     "Read more", "12 comments", "Updated 3 minutes ago") are dropped.
//
// [Region] and [Canonical] are cheap tokenizer-only helpers for the pipeline:
// hash the main region to skip extraction when it has not changed, and find
// the canonical URL without a full parse.
//
// [Scan] tokenises a page once for the pipeline's fast path, and [Layout]
// learns, per site, which elements of the article region are not article
// text (readability drops them, or their text recurs on the site's other
// pages): [Scanned.Fingerprint] leaves them out, so rotating inserts nested
// in the article body do not make an unchanged page look changed, and
// [Scanned.ExtractLearned] extracts the region without them.
package extract
