-- migrate:up
DROP VIEW recent_accounts;
CREATE VIEW recent_accounts AS
    SELECT id, email, plan FROM accounts WHERE created_at > now() - interval '30 days';

-- migrate:down
DROP VIEW recent_accounts;
CREATE VIEW recent_accounts AS
    SELECT id, email FROM accounts WHERE created_at > 'now'::timestamptz - interval '30 days';
