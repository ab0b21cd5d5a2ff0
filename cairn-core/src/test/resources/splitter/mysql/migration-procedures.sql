-- V7__order_workflow.sql: routines written with plain semicolons, as Flyway and Liquibase users
-- write them (no DELIMITER: each statement goes to the server whole over JDBC).

CREATE TABLE order_events (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  order_id INT NOT NULL,
  kind VARCHAR(20) NOT NULL,
  begin_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  end_at DATETIME NULL
);

CREATE DEFINER=`app`@`%` PROCEDURE archive_orders(IN cutoff DATE, OUT moved INT)
  MODIFIES SQL DATA
  COMMENT 'moves paid orders older than cutoff; see ADR-12'
proc: BEGIN
  DECLARE done BOOLEAN DEFAULT FALSE;
  DECLARE o_id INT;
  DECLARE cur CURSOR FOR
    SELECT id FROM orders WHERE status = 'paid' AND created_at < cutoff FOR UPDATE;
  DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = TRUE;
  DECLARE EXIT HANDLER FOR SQLEXCEPTION
  BEGIN
    GET DIAGNOSTICS CONDITION 1 @msg = MESSAGE_TEXT;
    INSERT INTO order_events (order_id, kind) VALUES (-1, LEFT(CONCAT('error: ', @msg), 20));
    RESIGNAL;
  END;

  IF cutoff IS NULL THEN
    SET moved = 0;
    LEAVE proc;
  END IF;

  SET moved = 0;
  OPEN cur;
  read_loop: LOOP
    FETCH cur INTO o_id;
    IF done THEN
      LEAVE read_loop;
    END IF;
    INSERT INTO orders_archive SELECT * FROM orders WHERE id = o_id;
    DELETE FROM orders WHERE id = o_id;
    SET moved = moved + 1;
  END LOOP read_loop;
  CLOSE cur;
END proc;

CREATE PROCEDURE retry_payments(max_tries INT)
BEGIN
  DECLARE tries INT DEFAULT 0;
  DECLARE pending INT;
  retry: WHILE tries < max_tries DO
    SET tries = tries + 1;
    SELECT COUNT(*) INTO pending FROM payments WHERE state = 'pending';
    IF pending = 0 THEN
      LEAVE retry;
    ELSEIF pending > 100 THEN
      CALL alert('backlog; paging on-call');
    ELSE
      UPDATE payments SET state = IF(amount > 0, 'retry', 'void') WHERE state = 'pending';
    END IF;
  END WHILE retry;

  REPEAT
    SET tries = tries - 1;
  UNTIL tries <= 0 END REPEAT;

  CASE
    WHEN pending IS NULL THEN SELECT 'nothing pending' AS result;
    WHEN pending > 0 THEN
      BEGIN
        DECLARE msg VARCHAR(100) DEFAULT CONCAT(pending, ' still pending; giving up');
        INSERT INTO order_events (order_id, kind) VALUES (0, 'retry-failed');
        SELECT msg AS result;
      END;
    ELSE SELECT 'done' AS result;
  END CASE;
END;

CREATE FUNCTION order_state_label(s VARCHAR(10)) RETURNS VARCHAR(20)
  DETERMINISTIC
  RETURN CASE s WHEN 'open' THEN 'Open' WHEN 'paid' THEN 'Paid; thank you' ELSE REPEAT('?', 3) END;

CREATE FUNCTION net_amount(gross DECIMAL(10,2), rate DECIMAL(4,2)) RETURNS DECIMAL(10,2)
DETERMINISTIC
BEGIN
  DECLARE net DECIMAL(10,2);
  SET net = gross / (1 + rate / 100);
  RETURN CASE WHEN net < 0 THEN 0 ELSE ROUND(net, 2) END;
END;

CREATE TRIGGER order_events_close BEFORE UPDATE ON order_events
FOR EACH ROW
IF NEW.kind = 'closed' AND OLD.end_at IS NULL THEN
  SET NEW.end_at = NOW();
END IF;

CREATE TRIGGER orders_audit AFTER UPDATE ON orders FOR EACH ROW
BEGIN
  IF NEW.status <> OLD.status THEN
    INSERT INTO order_events (order_id, kind) VALUES (NEW.id, NEW.status);
  END IF;
END;

CREATE EVENT IF NOT EXISTS nightly_archive
  ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 02:00:00'
  DISABLE
  DO BEGIN
    CALL archive_orders(CURDATE() - INTERVAL 1 YEAR, @moved);
    INSERT INTO order_events (order_id, kind) VALUES (0, 'archived');
  END;

DROP PROCEDURE IF EXISTS legacy_archive;
