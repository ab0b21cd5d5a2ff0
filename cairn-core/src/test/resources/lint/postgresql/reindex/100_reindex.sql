-- migrate:up
SET lock_timeout = '5s';
REINDEX INDEX users_name;
REINDEX (VERBOSE) TABLE users;

-- migrate:down
