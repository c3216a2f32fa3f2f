-- storywatch schema 1: the state the bbolt store keeps, as tables.
-- Times are text in one fixed-width UTC form (2006-01-02T15:04:05.000000000Z)
-- so they keep Go's nanoseconds exactly and sort as they compare; the zero
-- time is 0001-01-01T00:00:00.000000000Z. Ordered text columns use the "C"
-- collation: bytewise order, as bbolt's keys.

CREATE TABLE articles (
    id            text COLLATE "C" PRIMARY KEY,
    url           text NOT NULL,
    title         text NOT NULL DEFAULT '',
    outlet        text NOT NULL DEFAULT '',
    feeds         text[] NOT NULL DEFAULT '{}',
    aliases       text[] NOT NULL DEFAULT '{}',
    first_seen    text COLLATE "C" NOT NULL,
    last_changed  text COLLATE "C" NOT NULL,
    last_checked  text COLLATE "C" NOT NULL,
    published     text COLLATE "C" NOT NULL,
    versions      integer NOT NULL DEFAULT 0,
    etag          text NOT NULL DEFAULT '',
    last_modified text NOT NULL DEFAULT '',
    page_hash     text NOT NULL DEFAULT '',
    status        text NOT NULL DEFAULT '',
    latest_seq    integer NOT NULL DEFAULT 0,
    latest_hash   text NOT NULL DEFAULT ''
);

-- Every canonical and alias URL points at one article: the database, not a
-- process, decides which article a URL is.
CREATE TABLE urls (
    url        text PRIMARY KEY,
    article_id text COLLATE "C" NOT NULL REFERENCES articles (id)
);

-- One row per stored version; (article_id, seq) is unique, so two writers
-- can never store the same version number twice.
CREATE TABLE versions (
    article_id text COLLATE "C" NOT NULL REFERENCES articles (id),
    seq        integer NOT NULL,
    fetched_at text COLLATE "C" NOT NULL,
    hash       text NOT NULL,
    title      text NOT NULL DEFAULT '',
    byline     text NOT NULL DEFAULT '',
    published  text NOT NULL,
    modified   text NOT NULL,
    body       text NOT NULL DEFAULT '',
    source     text NOT NULL DEFAULT '',
    facts      jsonb,
    PRIMARY KEY (article_id, seq)
);

-- Changes: one per stored version after the first, plus status events
-- (status = true), which belong to no version's diff.
CREATE TABLE changes (
    detected_at text COLLATE "C" NOT NULL,
    version     integer NOT NULL,
    article_id  text COLLATE "C" NOT NULL,
    status      boolean NOT NULL DEFAULT false,
    article_url text NOT NULL,
    title       text NOT NULL DEFAULT '',
    facts       jsonb,
    since_first jsonb,
    inserted    integer NOT NULL DEFAULT 0,
    deleted     integer NOT NULL DEFAULT 0,
    changed     integer NOT NULL DEFAULT 0,
    moved       integer NOT NULL DEFAULT 0,
    PRIMARY KEY (detected_at, version, article_id)
);
CREATE INDEX changes_by_article ON changes (article_id, version) WHERE NOT status;

CREATE TABLE feeds (
    url           text COLLATE "C" PRIMARY KEY,
    name          text NOT NULL DEFAULT '',
    etag          text NOT NULL DEFAULT '',
    last_modified text NOT NULL DEFAULT '',
    last_polled   text NOT NULL,
    status        text NOT NULL DEFAULT '',
    error         text NOT NULL DEFAULT '',
    items         integer NOT NULL DEFAULT 0,
    matched       integer NOT NULL DEFAULT 0,
    next_poll     text NOT NULL,
    retry_after   text NOT NULL,
    failures      integer NOT NULL DEFAULT 0
);

-- The outbox and its dead letters (dead = true). The idempotency key is the
-- primary key: an alert exists once, whichever replica queued it.
CREATE TABLE alerts (
    key          text COLLATE "C" PRIMARY KEY,
    dead         boolean NOT NULL DEFAULT false,
    channel      text NOT NULL,
    body         bytea,
    created      text COLLATE "C" NOT NULL,
    next_attempt text COLLATE "C" NOT NULL,
    attempts     integer NOT NULL DEFAULT 0,
    last_error   text NOT NULL DEFAULT '',
    dead_at      text NOT NULL
);
CREATE INDEX alerts_due ON alerts (next_attempt) WHERE NOT dead;

-- Delivered keys, so a replay never queues an alert again.
CREATE TABLE delivered (
    key text PRIMARY KEY,
    at  text COLLATE "C" NOT NULL
);

CREATE TABLE sites (
    host        text PRIMARY KEY,
    agreed      integer NOT NULL DEFAULT 0,
    trusted     boolean NOT NULL DEFAULT false,
    since_check integer NOT NULL DEFAULT 0
);
