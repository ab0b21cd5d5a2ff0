-- The down re-adds the column, which lands last: equivalent, not reversible.
-- migrate:up
ALTER TABLE people DROP COLUMN nickname;

-- migrate:down
ALTER TABLE people ADD COLUMN nickname varchar(50);
