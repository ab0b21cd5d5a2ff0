-- migrate:up
SET SESSION lock_wait_timeout = 5;
ALTER TABLE users ADD COLUMN nickname varchar(30), ALGORITHM=COPY;
ALTER TABLE orgs MODIFY id int unsigned, ALGORITHM=INPLACE, LOCK=NONE;

-- migrate:down
ALTER TABLE orgs MODIFY id bigint;
ALTER TABLE users DROP COLUMN nickname;
