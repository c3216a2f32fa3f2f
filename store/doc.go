// Package store holds what every storywatch store speaks: the records
// (Article, Version, Change, FeedState, OutboxEntry, SiteState, Stats), the
// Update a pipeline step writes, the rules both engines share (MergeArticle,
// HashVersion, CompleteChange, the retention rule Keep and Cutoff, ArticleID)
// and the sentinel errors. The engines live below it: store/bolt, the
// embedded default (one bbolt file), and store/postgres, for replicas
// sharing one PostgreSQL database. Each consumer declares the interface it
// needs (monitor.Store, web.Store, query.Store, the CLI's Store), and
// store/storetest holds the conformance suite both engines pass.
package store
