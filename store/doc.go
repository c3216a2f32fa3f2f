// Package store keeps storywatch's state in one embedded bbolt file: tracked
// articles and every version of their text, the per-version change summaries,
// feed health, and the persistent alert outbox with its dead letters.
//
// # Layout
//
// The file holds these top-level buckets (bbolt types never leave the package):
//
//	meta        "schema" -> schema version; Open refuses newer files (ErrSchema)
//	articles    article id -> article record (JSON)
//	aliases     canonical URL and every alias URL -> article id
//	versions    one nested bucket per article id; key = big-endian seq, so a
//	            cursor walks versions in order; value = compressed version
//	changes     12-byte detected time + 8-byte seq + id -> small change record;
//	            Changes(since) walks it backwards from the end to since
//	artchanges  id + 0x00 + seq -> key in changes (per-article index)
//	feeds       feed URL -> feed state (JSON)
//	outbox      alert key -> pending alert (JSON)
//	dead        alert key -> dead-lettered alert (JSON)
//	delivered   alert key -> delivery time; stops a replay re-adding an alert
//
// # Version encoding
//
// A version value is a short binary header (format, kind, base seq, raw
// length, fetch time) and a body. The payload it encodes is the version's
// metadata as JSON followed by the raw text. A keyframe's body is the
// zstd-compressed payload. Any other version's body is a copy/insert delta
// against its article's latest keyframe (zstd-compressed when that helps),
// so an edited article costs little more than its edits and reading any
// version takes one decompression plus one delta pass. A new keyframe starts
// when the delta would be more than half a keyframe (the story was
// rewritten) or after keyframeEvery deltas. Compact re-encodes versions whose
// keyframe it removes. On the seed article edited six times the versions
// take about a tenth of the raw title+text bytes.
//
// zstd raw dictionaries (the previous text as dictionary) compress about as
// well, but klauspost/compress rebuilds megabyte-sized match tables for
// every new dictionary, which made each stored version cost milliseconds.
//
// Change records use a small binary form (see changecodec.go) because
// Changes reads them in bulk.
//
// # Locking
//
// bbolt flocks the file: a write-open holds an exclusive lock, a read-only
// open a shared one. While the daemon runs, CLI read commands therefore fail
// after Options.Timeout with ErrLocked instead of blocking forever.
//
// # Crash safety
//
// Apply writes everything one poll produced in a single transaction. A
// version whose hash equals the latest stored one is skipped along with its
// change and alerts, and alert keys already queued or delivered are not
// queued again, so replaying a pass after a crash stores no duplicates.
package store
