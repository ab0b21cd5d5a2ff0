-- Stored with LF; the test runs it with CRLF line endings, as files from Windows editors have.
DELIMITER $$
CREATE PROCEDURE hello()
BEGIN
  SELECT 'hello; world';
END$$
DELIMITER ;

CALL hello();
