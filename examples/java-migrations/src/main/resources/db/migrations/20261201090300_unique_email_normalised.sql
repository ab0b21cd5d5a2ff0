-- One account per email. Shipped in the application's jar (classpath:db/migrations), it runs after
-- the Java migration that fills the column.
-- migrate:up
CREATE UNIQUE INDEX users_email_normalised ON users (email_normalised);

-- migrate:down
DROP INDEX users_email_normalised;
