-- migrate:up
CREATE TABLE account_settings (account_id bigint PRIMARY KEY REFERENCES accounts (id), theme text);

-- migrate:down
DROP TABLE account_settings;
