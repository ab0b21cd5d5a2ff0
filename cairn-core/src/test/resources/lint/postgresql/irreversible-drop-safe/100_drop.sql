-- migrate:up
SET lock_timeout = '5s';
-- cairn:lint-ignore drop-table
DROP TABLE orgs;
