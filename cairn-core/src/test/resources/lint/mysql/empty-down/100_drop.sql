-- migrate:up
SET SESSION lock_wait_timeout = 5;
ALTER TABLE users DROP COLUMN email;

-- migrate:down
