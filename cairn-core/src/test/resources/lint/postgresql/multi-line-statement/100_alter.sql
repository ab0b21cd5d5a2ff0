-- migrate:up
SET lock_timeout = '5s';
ALTER TABLE users
    ADD COLUMN nickname text,
    -- the email is required from now on
    ALTER COLUMN email SET NOT NULL,
    ADD CONSTRAINT users_org_fk
        FOREIGN KEY (org_id) REFERENCES orgs (id);

-- migrate:down
ALTER TABLE users DROP CONSTRAINT users_org_fk, ALTER COLUMN email DROP NOT NULL, DROP COLUMN nickname;
