-- A short biography shown on a user's page. Optional, so existing rows need no value.
-- migrate:up
ALTER TABLE users ADD COLUMN bio varchar(500);

-- migrate:down
ALTER TABLE users DROP COLUMN bio;
