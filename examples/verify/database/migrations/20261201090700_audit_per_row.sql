-- The down restores the trigger FOR EACH ROW, where it was FOR EACH STATEMENT.
-- migrate:up
DROP TRIGGER accounts_audit ON accounts;

-- migrate:down
CREATE TRIGGER accounts_audit AFTER UPDATE ON accounts
    FOR EACH ROW EXECUTE FUNCTION audit_accounts();
