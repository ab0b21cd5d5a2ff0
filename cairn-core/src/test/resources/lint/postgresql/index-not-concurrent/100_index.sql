-- migrate:up
CREATE INDEX users_email ON users (email);

-- migrate:down
DROP INDEX users_email;
