-- migrate:up
SET lock_timeout = '5s';
ALTER TABLE users DROP COLUMN email;

-- migrate:down
