-- migrate:up
CREATE TABLE drafts (id integer PRIMARY KEY, body text);
ALTER TABLE drafts RENAME COLUMN body TO text_body;
ALTER TABLE drafts RENAME TO notes;

-- migrate:down
DROP TABLE notes;
