// Package fetch is storywatch's HTTP client for feeds and article pages.
//
// One [Client] is built per process with [New] and shared by every worker. It
// applies the project's HTTP hygiene in one place:
//
//   - a descriptive User-Agent and conditional GET (If-None-Match /
//     If-Modified-Since), with 304 reported as [Response.NotModified]; a 304
//     to a request that was not conditional is [ErrUnaskedNotModified];
//   - a time limit on the whole request including the body (its wait for a
//     per-host slot has a budget of its own, twice the limit), and a cap on the body size that also applies to the
//     decompressed size of compressed bodies, so a gzip or zstd bomb stops at
//     the cap ([ErrTooLarge]);
//   - gzip is requested and decoded here, including servers that send gzip
//     bytes without a Content-Encoding header, gzip applied twice, zstd, and
//     deflate when the header says so; a brotli or other body it cannot
//     decode fails with [ErrEncoding];
//   - only http and https, also on redirects ([ErrScheme]), a bounded number of
//     redirects and clear reporting of redirect loops;
//   - unless [Options.AllowPrivate] is set, connections to loopback, private,
//     link-local, multicast, unspecified and cloud metadata addresses are
//     refused ([ErrBlockedAddress]). The check runs on the IP actually dialed,
//     after DNS resolution, so DNS rebinding and redirects are covered too;
//   - per-host concurrency and spacing limits, so a burst of article links on
//     one site does not hammer it;
//   - with [Request.Robots] set (article pages), the host's robots.txt is
//     honoured for the [RobotsAgent] token, else "*" (RFC 9309: groups,
//     longest match, "*" and "$"), cached per scheme and host for
//     [Options.RobotsTTL]; a page it forbids fails with [ErrDisallowed]
//     without being fetched. robots.txt travels through the same client, so
//     the address, scheme and size rules apply to it too (only its first
//     500 KiB are read). A missing robots.txt (4xx) allows everything; one
//     that fails with a server error or timeout disallows everything, as the
//     RFC asks, unless an earlier copy was read, and is retried after a
//     minute;
//   - non-2xx answers become a [*StatusError] carrying Retry-After for 429/503;
//   - errors name the URL through [Redact], because URLs may carry tokens.
//
// [Canonicalize] normalises article URLs (tracking parameters, default ports,
// fragments) so the same story reached through different links gets one key.
package fetch
