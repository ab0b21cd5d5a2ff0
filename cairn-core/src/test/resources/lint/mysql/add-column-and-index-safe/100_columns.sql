-- migrate:up
SET SESSION lock_wait_timeout = 5;
ALTER TABLE users ADD COLUMN nickname varchar(30);
ALTER TABLE users ADD COLUMN created_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE users ADD COLUMN name_upper varchar(50) AS (upper(name)) VIRTUAL;
ALTER TABLE users ADD INDEX users_org (org_id), ADD UNIQUE KEY users_email (email);
ALTER TABLE users RENAME INDEX users_name TO users_by_name;
ALTER TABLE users COMMENT = 'people who sign in';

-- migrate:down
ALTER TABLE users COMMENT = '';
ALTER TABLE users RENAME INDEX users_by_name TO users_name;
ALTER TABLE users DROP INDEX users_email, DROP INDEX users_org;
ALTER TABLE users DROP COLUMN name_upper, DROP COLUMN created_at, DROP COLUMN nickname;
