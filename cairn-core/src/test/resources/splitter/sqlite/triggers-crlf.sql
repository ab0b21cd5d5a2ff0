-- Stored with LF; the test runs it with CRLF line endings.
CREATE TRIGGER users_audit AFTER INSERT ON users
BEGIN
    INSERT INTO audit (what) VALUES ('user added;
on two lines');
    SELECT CASE WHEN NEW.id > 1000 THEN RAISE(IGNORE) END;
END;

INSERT INTO users (email) VALUES ('a@b');
