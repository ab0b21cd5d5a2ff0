-- migrate:up
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN nickname text NOT NULL DEFAULT '';
CREATE TABLE notes (id bigint PRIMARY KEY, body text);
ALTER TABLE notes ALTER COLUMN body SET NOT NULL;

-- migrate:down
DROP TABLE notes;
ALTER TABLE users DROP COLUMN nickname;
