-- migrate:up transaction:false
DROP INDEX CONCURRENTLY users_name;

-- migrate:down
CREATE INDEX CONCURRENTLY users_name ON users (name);
