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
//	changes     12-byte detected-time key + id + seq -> small change record;
//	            Changes(since) is one cursor seek plus a scan
//	artchanges  id + 0x00 + seq -> key in changes (per-article index)
//	feeds       feed URL -> feed state (JSON)
//	outbox      alert key -> pending alert (JSON)
//	dead        alert key -> dead-lettered alert (JSON)
//	delivered   alert key -> delivery time; stops a replay re-adding an alert
//
// # Version encoding
//
// A version value is a short binary header (format, kind, base seq, raw
// length, fetch time) followed by zstd-compressed JSON of the version. A
// keyframe is compressed on its own. Every other version is compressed with
// its article's latest keyframe as a raw zstd dictionary, so an edited
// article costs little more than its edits, and reading any version takes at
// most two decompressions. A new keyframe starts when the dictionary stops
// paying off or after keyframeEvery versions. Compact re-encodes versions
// whose keyframe it removes.
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
