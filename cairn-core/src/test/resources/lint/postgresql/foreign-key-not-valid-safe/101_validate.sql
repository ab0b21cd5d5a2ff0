-- migrate:up
ALTER TABLE users VALIDATE CONSTRAINT users_org_fk;

-- migrate:down
