-- migrate:up
ALTER TABLE accounts ADD COLUMN email varchar(100);
-- migrate:down
ALTER TABLE accounts DROP COLUMN email;
