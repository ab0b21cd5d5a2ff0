-- Routines written for the mysql client, with DELIMITER changes as tutorials teach them.
CREATE TABLE counters (name VARCHAR(20) PRIMARY KEY, n INT NOT NULL DEFAULT 0);

DELIMITER $$

CREATE PROCEDURE bump(IN counter VARCHAR(20))
BEGIN
  INSERT INTO counters (name, n) VALUES (counter, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END$$

CREATE FUNCTION counter_value(counter VARCHAR(20)) RETURNS INT
READS SQL DATA
BEGIN
  RETURN (SELECT n FROM counters WHERE name = counter);
END $$
DELIMITER ;

CALL bump('visits');

delimiter //
-- a comment right after the DELIMITER line; the statement starts below it
CREATE TRIGGER counters_floor BEFORE UPDATE ON counters
FOR EACH ROW
BEGIN
  IF NEW.n < 0 THEN SET NEW.n = 0; END IF;
END//
SELECT 'a // in a string', "$$" //
  DELIMITER ;;
CREATE EVENT reset_counters ON SCHEDULE EVERY 1 WEEK DISABLE DO
  UPDATE counters SET n = 0;;
CREATE PROCEDURE noop() BEGIN END;;
DELIMITER ;
SELECT counter_value('visits');
DELIMITER |
SELECT 1 | SELECT 2|
SELECT '|' AS pipe
