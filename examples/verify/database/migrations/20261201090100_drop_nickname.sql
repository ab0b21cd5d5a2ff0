-- Nicknames moved to the profile service. The down puts the column back: it lands last.
-- migrate:up
ALTER TABLE accounts DROP COLUMN nickname;

-- migrate:down
ALTER TABLE accounts ADD COLUMN nickname text;
