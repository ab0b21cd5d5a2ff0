-- migrate:up
ALTER TABLE users ADD COLUMN x integer;
ALTER TABLE users ADD COLUMN y integer;

-- migrate:down
ALTER TABLE users DROP COLUMN y, DROP COLUMN x;
