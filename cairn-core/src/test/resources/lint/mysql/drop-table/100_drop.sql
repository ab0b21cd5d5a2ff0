-- migrate:up
SET SESSION lock_wait_timeout = 5;
DROP TABLE orgs;

-- migrate:down
CREATE TABLE orgs (id bigint PRIMARY KEY, name varchar(100));
