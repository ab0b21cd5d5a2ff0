-- PL/pgSQL with a dollar quote inside another, and DO blocks.
CREATE OR REPLACE FUNCTION audit.create_partition(parent regclass, day date)
RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    child text := format('%s_%s', parent, to_char(day, 'YYYYMMDD'));
BEGIN
    -- the statement below is built in a $q$ quote; its semicolon is text twice over
    EXECUTE format($q$
        CREATE TABLE IF NOT EXISTS %I PARTITION OF %s
            FOR VALUES FROM (%L) TO (%L);
        COMMENT ON TABLE %I IS 'made by create_partition; do not edit';
    $q$, child, parent, day, day + 1, child);
    RAISE NOTICE 'created %; done', child;
END;
$$;

CREATE FUNCTION audit.strip(t text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $function$SELECT regexp_replace(t, '\s+$', '', 'g')$function$;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'reporting') THEN
        CREATE ROLE reporting;
    END IF;
END
$$;

DO LANGUAGE plpgsql $do$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'audit' LOOP
        EXECUTE 'GRANT SELECT ON audit.' || quote_ident(r.tablename) || ' TO reporting';
    END LOOP;
END $do$;

SELECT audit.create_partition('audit.events', current_date)
