-- storywatch schema 2: replicas. A feed is polled by the replica holding
-- its lease; an alert is delivered by the replica that claimed it. Both
-- expire, so a replica that dies hands its work on.

CREATE TABLE feed_leases (
    url         text PRIMARY KEY,
    owner       text NOT NULL DEFAULT '',
    until       text COLLATE "C" NOT NULL, -- held while polling, until then
    polled_at   text COLLATE "C" NOT NULL  -- when the last poll ended
);

ALTER TABLE alerts
    ADD COLUMN claimed_by  text NOT NULL DEFAULT '',
    ADD COLUMN claim_until text COLLATE "C" NOT NULL DEFAULT '0001-01-01T00:00:00.000000000Z';
