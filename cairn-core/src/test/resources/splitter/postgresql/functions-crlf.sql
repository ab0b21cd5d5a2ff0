-- Stored with LF; the test runs it with CRLF line endings.
CREATE FUNCTION add_one(i int) RETURNS int AS $body$
BEGIN
    RETURN i + 1; -- one;
END;
$body$ LANGUAGE plpgsql;

INSERT INTO notes VALUES ('two
lines;');

/* a block
   comment */ SELECT add_one(1)
