-- migrate:up
SET LOCAL lock_timeout = '2s';
ALTER TABLE users ADD COLUMN x integer;

-- migrate:down
ALTER TABLE users DROP COLUMN x;
