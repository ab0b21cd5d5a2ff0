-- migrate:up
DROP INDEX users_name;

-- migrate:down
CREATE INDEX users_name ON users (name);
