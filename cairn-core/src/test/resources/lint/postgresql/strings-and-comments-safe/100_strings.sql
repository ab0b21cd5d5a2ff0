-- migrate:up
SET lock_timeout = '5s';
-- DROP TABLE users; CREATE INDEX x ON users (email);
INSERT INTO orgs (id, name) VALUES (1, 'DROP TABLE users; ALTER TABLE users RENAME TO x');
/* ALTER TABLE users ALTER COLUMN email SET NOT NULL; */
CREATE FUNCTION note() RETURNS text LANGUAGE sql AS $$ SELECT 'DROP TABLE orgs' $$;

-- migrate:down
DROP FUNCTION note();
DELETE FROM orgs WHERE id = 1;
