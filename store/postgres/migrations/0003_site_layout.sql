-- storywatch schema 3: what the site learner knows of a site's layout (the
-- elements of its article region that hold no article text, and the texts
-- seen in them and on several pages), kept as JSON: the hashes are
-- unsigned 64-bit numbers, which bigint cannot hold.

ALTER TABLE sites ADD COLUMN layout jsonb NOT NULL DEFAULT '{}'::jsonb;
