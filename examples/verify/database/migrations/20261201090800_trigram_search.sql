-- The extension is created if missing and never dropped: a full rollback leaves it behind.
-- migrate:up
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX accounts_email_trgm ON accounts USING gin (email gin_trgm_ops);

-- migrate:down
DROP INDEX accounts_email_trgm;
