-- migrate:up
-- the table is small: a plain index is fine
-- cairn:lint-ignore index-not-concurrent, lock-timeout
CREATE INDEX users_email ON users (email);
CREATE INDEX users_org ON users (org_id); -- cairn:lint-ignore index-not-concurrent
-- cairn:lint-ignore index-not-concurent
CREATE INDEX users_created ON users (created_at);

-- migrate:down
DROP INDEX users_created;
DROP INDEX users_org;
DROP INDEX users_email;
