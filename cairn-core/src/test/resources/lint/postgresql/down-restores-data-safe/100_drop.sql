-- migrate:up
SET lock_timeout = '5s';
CREATE TABLE users_name_backup AS SELECT id, name FROM users;
-- cairn:lint-ignore drop-column
ALTER TABLE users DROP COLUMN name;

-- migrate:down
ALTER TABLE users ADD COLUMN name varchar(50);
UPDATE users SET name = (SELECT b.name FROM users_name_backup b WHERE b.id = users.id);
DROP TABLE users_name_backup;
