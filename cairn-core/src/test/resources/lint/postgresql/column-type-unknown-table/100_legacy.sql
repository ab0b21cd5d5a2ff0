-- migrate:up
SET lock_timeout = '5s';
ALTER TABLE legacy_accounts ALTER COLUMN code TYPE text;

-- migrate:down
ALTER TABLE legacy_accounts ALTER COLUMN code TYPE varchar(10);
