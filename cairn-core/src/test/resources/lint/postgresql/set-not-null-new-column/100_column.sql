-- migrate:up
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN nickname text;
UPDATE users SET nickname = name;
ALTER TABLE users ALTER COLUMN nickname SET NOT NULL;

-- migrate:down
ALTER TABLE users DROP COLUMN nickname;
