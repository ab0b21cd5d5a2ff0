-- migrate:up
SET lock_timeout = '5s';
ALTER TABLE orgs RENAME TO organisations;

-- migrate:down
ALTER TABLE organisations RENAME TO orgs;
