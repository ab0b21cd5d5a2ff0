-- migrate:up
ALTER TABLE orgs RENAME TO organisations;

-- migrate:down
ALTER TABLE organisations RENAME TO orgs;
