-- migrate:up
SET SESSION lock_wait_timeout = 5;
ALTER TABLE legacy_accounts MODIFY code varchar(20) NOT NULL;

-- migrate:down
ALTER TABLE legacy_accounts MODIFY code varchar(20);
