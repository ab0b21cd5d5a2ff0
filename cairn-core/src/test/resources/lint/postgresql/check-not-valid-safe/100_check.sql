-- migrate:up
SET lock_timeout = '5s';
ALTER TABLE users ADD CONSTRAINT users_email_check CHECK (email <> '') NOT VALID;

-- migrate:down
ALTER TABLE users DROP CONSTRAINT users_email_check;
