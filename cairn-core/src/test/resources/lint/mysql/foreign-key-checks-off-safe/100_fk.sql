-- migrate:up
SET SESSION lock_wait_timeout = 5;
-- existing rows are not checked: the orphans were cleaned up in 099
SET foreign_key_checks = 0;
ALTER TABLE users ADD CONSTRAINT users_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id);
SET foreign_key_checks = 1;

-- migrate:down
ALTER TABLE users DROP FOREIGN KEY users_org_fk;
