-- migrate:up
SET lock_timeout = '5s';
ALTER TABLE users ALTER COLUMN name TYPE character varying(100);
ALTER TABLE users ALTER COLUMN score TYPE numeric(12, 2);

-- migrate:down
ALTER TABLE users ALTER COLUMN name TYPE varchar(50);
ALTER TABLE users ALTER COLUMN score TYPE numeric(10, 2);
