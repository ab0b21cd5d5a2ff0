-- The down restores an older body than the one the up replaced.
-- migrate:up
CREATE OR REPLACE FUNCTION account_score(plan text) RETURNS integer LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF plan = 'team' THEN
        RETURN 20;
    ELSIF plan = 'enterprise' THEN
        RETURN 100;
    END IF;
    RETURN 1;
END;
$$;

-- migrate:down
CREATE OR REPLACE FUNCTION account_score(plan text) RETURNS integer LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF plan = 'team' THEN
        RETURN 5;
    ELSIF plan = 'enterprise' THEN
        RETURN 100;
    END IF;
    RETURN 1;
END;
$$;
