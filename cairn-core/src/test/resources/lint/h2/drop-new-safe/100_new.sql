-- migrate:up
CREATE TABLE drafts (id integer PRIMARY KEY, body text, extra text);
ALTER TABLE drafts DROP COLUMN extra;
DROP TABLE drafts;

-- migrate:down
