CREATE TABLE t (id int);

CREATE FUNCTION f() RETURNS void AS $fn$
BEGIN
    PERFORM 1;
END;
$$ LANGUAGE plpgsql;

CREATE TABLE u (id int);
