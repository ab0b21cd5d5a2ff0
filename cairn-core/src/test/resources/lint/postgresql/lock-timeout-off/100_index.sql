-- migrate:up
SET lock_timeout = 0;
DROP INDEX users_name;

-- migrate:down
CREATE INDEX users_name ON users (name);
