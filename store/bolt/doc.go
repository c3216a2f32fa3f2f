// Package bolt keeps storywatch's state in one embedded bbolt file, the
// default store (store/postgres is the other): tracked
// articles and every version of their text, the per-version change summaries,
// feed health, and the persistent alert outbox with its dead letters.
//
// # Layout
//
// The file holds these top-level buckets (bbolt types never leave the package):
//
//	meta        "schema" -> schema version; Open refuses newer files (ErrSchema);
//	            "dict/" + big-endian id -> zstd dictionary; "dictstate" ->
//	            keyframes written and when to train next
//	articles    article id -> article record (binary, articlecodec.go;
//	            JSON records of older binaries are still read)
//	urls        12-byte SHA-256 prefix of the canonical URL and of every
//	            alias URL -> article id (urls.go)
//	aliases     schema 2: canonical and alias URL -> article id; still read
//	vrecords    big-endian record number, in write order -> compressed
//	            version; appends only touch the last leaf (versionset.go)
//	vindex      uint16 len(id) + id + big-endian seq -> record number, so a
//	            cursor walks an article's versions in order
//	versions    schema 2: one nested bucket per article id, key = big-endian
//	            seq, value = compressed version; still read and appended to
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
// A version value is a short binary header (format, kind, dictionary id,
// base seq, raw length, fetch time) and a body. The payload it encodes is
// the version's metadata, text and facts in a compact binary form (record
// format 2, payloadenc.go: varints, fact kinds as small numbers, fact
// offsets delta-coded, a fact's words left out when the text holds them).
// Records of format 1, whose payload metadata was JSON, are still read;
// new versions of such an article start a binary keyframe, and Compact
// rewrites the format 1 records it re-encodes in the binary form.
//
// A keyframe's body is the zstd-compressed payload. Any other version's
// body is a copy/insert delta against its article's latest keyframe
// (zstd-compressed when that helps), so an edited article costs little
// more than its edits and reading any version takes one decompression plus
// one delta pass. A new keyframe starts when the delta would be more than
// half a keyframe (the story was rewritten) or after keyframeEvery deltas.
// Compact re-encodes versions whose keyframe it removes. On the seed
// article edited six times the versions take about a tenth of the raw
// title+text bytes.
//
// # Dictionaries
//
// A first version has nothing to be a delta of, and zstd alone leaves it
// at about half its size. Once the store holds 64 binary keyframes, the
// writer trains a zstd dictionary from a sample of them (dict.go), stores
// it in the meta bucket in the same transaction as the first records that
// use it, recompresses the sampled keyframes with it and compresses later
// records with it; the record header names the dictionary (0 = none). It
// retrains at 1,024 and 16,384 keyframes and keeps a new dictionary only
// when it compresses held-out keyframes clearly better. Dictionaries are
// never deleted, count in Stats().StoredBytes, and learn only from what
// the store holds: nothing is built into the binary. On the benchmark's
// synthetic corpus a first version then takes about a third of its text.
//
// zstd raw dictionaries of the previous text compress a delta about as
// well as the copy/insert form, but klauspost/compress rebuilds
// megabyte-sized match tables for every new dictionary, which made each
// stored version cost milliseconds; a trained dictionary's tables are built
// once per store.
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
package bolt
