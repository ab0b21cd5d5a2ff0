-- The email as the application compares it. The Java migration that follows fills it, and the
-- migration after that makes it unique.
-- migrate:up
ALTER TABLE users ADD COLUMN email_normalised varchar(320);

-- migrate:down
ALTER TABLE users DROP COLUMN email_normalised;
