-- migrate:up
SET SESSION lock_wait_timeout = 5;
-- the server refuses this rather than copy the table, should the type differ
ALTER TABLE legacy_accounts MODIFY code varchar(20) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE users ADD COLUMN nickname varchar(30), ALGORITHM=INSTANT;

-- migrate:down
ALTER TABLE users DROP COLUMN nickname;
ALTER TABLE legacy_accounts MODIFY code varchar(20);
