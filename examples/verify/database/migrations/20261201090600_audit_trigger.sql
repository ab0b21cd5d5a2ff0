-- migrate:up
CREATE TABLE account_audit (id bigserial PRIMARY KEY, changed_at timestamptz NOT NULL DEFAULT now());

CREATE FUNCTION audit_accounts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO account_audit DEFAULT VALUES;
    RETURN NULL;
END;
$$;

CREATE TRIGGER accounts_audit AFTER UPDATE ON accounts
    FOR EACH STATEMENT EXECUTE FUNCTION audit_accounts();

-- migrate:down
DROP TRIGGER accounts_audit ON accounts;
DROP FUNCTION audit_accounts();
DROP TABLE account_audit;
