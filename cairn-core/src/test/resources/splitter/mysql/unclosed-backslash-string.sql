INSERT INTO paths VALUES ('D:\\backup\\');
-- a Windows path written as in PostgreSQL: the last backslash hides the closing quote
INSERT INTO paths VALUES ('C:\temp\');
INSERT INTO paths VALUES (NULL);
