-- migrate:up
ALTER TABLE users ALTER COLUMN name RENAME TO full_name;

-- migrate:down
ALTER TABLE users RENAME COLUMN full_name TO name;
