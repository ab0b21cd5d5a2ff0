-- 'now' in a view is evaluated once, when the view is created, and frozen into its definition.
-- migrate:up
CREATE VIEW recent_accounts AS
    SELECT id, email FROM accounts WHERE created_at > 'now'::timestamptz - interval '30 days';

-- migrate:down
DROP VIEW recent_accounts;
