-- migrate:up
SET SESSION lock_wait_timeout = 5;
ALTER TABLE users DROP COLUMN name;

-- migrate:down
ALTER TABLE users ADD COLUMN name varchar(50);
