-- migrate:up
CREATE FUNCTION account_score(plan text) RETURNS integer LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF plan = 'team' THEN
        RETURN 10;
    ELSIF plan = 'enterprise' THEN
        RETURN 100;
    END IF;
    RETURN 1;
END;
$$;

-- migrate:down
DROP FUNCTION account_score(text);
