-- migrate:up
-- cairn:lint-ignore drop-table
DROP TABLE orgs;
