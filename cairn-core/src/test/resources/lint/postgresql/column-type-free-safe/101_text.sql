-- migrate:up
SET lock_timeout = '5s';
ALTER TABLE users ALTER COLUMN name TYPE text;

-- migrate:down
ALTER TABLE users ALTER COLUMN name TYPE varchar(100);
