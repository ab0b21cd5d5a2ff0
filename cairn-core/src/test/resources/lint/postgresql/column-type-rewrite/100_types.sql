-- migrate:up
SET lock_timeout = '5s';
ALTER TABLE users ALTER COLUMN id TYPE integer;
ALTER TABLE users
    ALTER COLUMN name TYPE varchar(20),
    ALTER COLUMN email SET DATA TYPE varchar(200) USING trim(email);

-- migrate:down
ALTER TABLE users ALTER COLUMN id TYPE bigint;
ALTER TABLE users ALTER COLUMN name TYPE varchar(50), ALTER COLUMN email TYPE text;
