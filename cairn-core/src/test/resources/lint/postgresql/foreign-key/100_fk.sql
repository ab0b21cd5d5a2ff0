-- migrate:up
ALTER TABLE users
    ADD CONSTRAINT users_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id);

-- migrate:down
ALTER TABLE users DROP CONSTRAINT users_org_fk;
