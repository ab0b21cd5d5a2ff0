-- The down names the wrong index: it fails.
-- migrate:up
CREATE INDEX accounts_plan ON accounts (plan);

-- migrate:down
DROP INDEX accounts_plan_idx;
