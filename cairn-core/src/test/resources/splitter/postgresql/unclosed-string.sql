INSERT INTO t VALUES ('ok');
-- the backslash escapes the closing quote, so the second string runs to the end of the section
INSERT INTO t VALUES (E'it\'s', E'C:\');
INSERT INTO t VALUES (1);
