CREATE TABLE t (id INTEGER);

CREATE TRIGGER t_check
BEFORE INSERT ON t
BEGIN
    SELECT CASE WHEN NEW.id < 0 THEN RAISE(ABORT, 'negative') END;
    INSERT INTO log VALUES ('end');
-- END; was forgotten: everything below is swallowed by the body, so this is an error

CREATE TABLE u (id INTEGER);
