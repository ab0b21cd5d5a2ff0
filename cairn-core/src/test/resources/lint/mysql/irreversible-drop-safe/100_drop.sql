-- migrate:up
SET SESSION lock_wait_timeout = 5;
-- cairn:lint-ignore drop-table
DROP TABLE orgs;
