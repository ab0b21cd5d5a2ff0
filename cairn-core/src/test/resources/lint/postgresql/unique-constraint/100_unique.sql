-- migrate:up
SET lock_timeout = '5s';
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
ALTER TABLE legacy_accounts ADD PRIMARY KEY (id);

-- migrate:down
ALTER TABLE legacy_accounts DROP CONSTRAINT legacy_accounts_pkey;
ALTER TABLE users DROP CONSTRAINT users_email_key;
