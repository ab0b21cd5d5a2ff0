-- Slow enough (on PostgreSQL) that replicas started together meet at the lock.
-- migrate:up
CREATE TABLE accounts (id integer PRIMARY KEY, name varchar(50));
SELECT pg_sleep(1);
-- migrate:down
DROP TABLE accounts;
