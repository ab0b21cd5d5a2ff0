-- migrate:up
ALTER TABLE users ADD COLUMN nickname varchar(30);
ALTER TABLE users ADD COLUMN locale varchar(10);

-- migrate:down
ALTER TABLE users DROP COLUMN locale, DROP COLUMN nickname;
