-- migrate:up
SET SESSION lock_wait_timeout = 5;
ALTER TABLE legacy_accounts DROP PRIMARY KEY;
ALTER TABLE users ADD CONSTRAINT users_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id);
ALTER TABLE users ADD CONSTRAINT users_email_check CHECK (email LIKE '%@%');
ALTER TABLE events CONVERT TO CHARACTER SET utf8mb4;

-- migrate:down
ALTER TABLE events CONVERT TO CHARACTER SET latin1;
ALTER TABLE users DROP CONSTRAINT users_email_check;
ALTER TABLE users DROP FOREIGN KEY users_org_fk;
ALTER TABLE legacy_accounts ADD PRIMARY KEY (id);
