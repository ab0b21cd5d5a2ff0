-- MariaDB runs compound statements outside routines; MySQL refuses them, but they split the same.
BEGIN;
INSERT INTO flags (name) VALUES ('begin');
COMMIT;

BEGIN NOT ATOMIC
  DECLARE n INT DEFAULT 0;
  WHILE n < 3 DO
    INSERT INTO flags (name) VALUES (CONCAT('flag-', n));
    SET n = n + 1;
  END WHILE;
END;

IF (SELECT COUNT(*) FROM flags) > 2 THEN
  UPDATE flags SET enabled = 1;
ELSE
  DELETE FROM flags;
END IF;

FOR i IN 1..2 DO
  INSERT INTO flags (name) VALUES (CONCAT('loop-', i));
END FOR;

CREATE PROCEDURE enable_all()
BEGIN
  FOR f IN (SELECT name FROM flags) DO
    UPDATE flags SET enabled = 1 WHERE name = f.name;
  END FOR;
  SELECT 'done';
END;

CASE (SELECT COUNT(*) FROM flags)
  WHEN 0 THEN SELECT 'none';
  ELSE SELECT 'some';
END CASE;
