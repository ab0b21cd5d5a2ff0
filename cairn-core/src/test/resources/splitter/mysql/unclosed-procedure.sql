CREATE TABLE t (id INT);

CREATE PROCEDURE fill(n INT)
BEGIN
  DECLARE i INT DEFAULT 0;
  WHILE i < n DO
    INSERT INTO t VALUES (i);
    SET i = i + 1;
  END WHILE;
-- the END of the procedure is missing, so the body would swallow the statements below

CREATE TABLE u (id INT);
