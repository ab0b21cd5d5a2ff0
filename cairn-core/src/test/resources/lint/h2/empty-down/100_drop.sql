-- migrate:up
ALTER TABLE users DROP COLUMN email;

-- migrate:down
