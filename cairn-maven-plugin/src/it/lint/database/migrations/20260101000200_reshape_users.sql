-- migrate:up
ALTER TABLE users RENAME TO accounts;
ALTER TABLE accounts RENAME COLUMN name TO full_name;
ALTER TABLE accounts DROP COLUMN email;
DROP TABLE sessions;

-- migrate:down
