-- migrate:up
SET lock_timeout = '5s';
ALTER TABLE users ADD CONSTRAINT users_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;

-- migrate:down
ALTER TABLE users DROP CONSTRAINT users_org_fk;
