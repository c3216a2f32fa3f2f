// Package feed turns a fetched feed body into storywatch's own [Feed] and
// [Item] types.
//
// [Parse] accepts RSS 0.9x/2.0, RDF (RSS 1.0), Atom and JSON Feed, parsed by
// github.com/mmcdole/gofeed after this package has made the bytes safe:
//
//   - byte order marks and whitespace before the root are removed;
//   - the body is converted to UTF-8 first, from the encoding named by the XML
//     declaration, else the Content-Type charset; with neither, valid UTF-8 is
//     kept and every byte that is not part of a valid UTF-8 sequence is read
//     as windows-1252 (which covers Latin-1 feeds without a declaration and
//     UTF-8 feeds with stray Latin-1 bytes);
//   - NUL bytes and invalid UTF-8 never reach the result.
//
// Item links are resolved against the feed URL and only http(s) links are
// kept; Title and Summary are reduced to plain text while Content keeps its
// HTML. An item listed twice (same GUID, same link) is kept once, the first
// time; items that share a GUID but not a link are all kept. A body that is
// not a feed fails with an error wrapping [ErrNotFeed] that says what was
// found instead.
package feed
