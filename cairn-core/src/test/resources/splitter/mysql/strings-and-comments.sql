# MySQL strings and comments: backslash escapes, # comments, and -- only with a space after it.
INSERT INTO messages (id, body) VALUES (1, 'it\'s; fine'), (2, "say \"hi\"; then leave"), (3, '\\');
INSERT INTO messages (id, body) VALUES (4, 'a doubled '' quote; and a \\\' mixed one');

SELECT 'a#b', "x -- y", 1 AS `weird``name;`, 'tab\there' FROM messages; # trailing; comment
SELECT 5--2 AS seven, 5 -- 2 AS three; this is a comment
  AS actually_five;
SELECT 1 #;
  + 1 AS two;

-- a comment line; with 'a quote
--
--	a comment after a tab
SELECT id FROM messages WHERE body LIKE '%\_%' ESCAPE '\\' AND body NOT LIKE "%\\%";
SELECT _utf8mb4'caf\'e' COLLATE utf8mb4_general_ci, X'3B', N'naïve; text';

UPDATE settings SET value = '{"path": "C:\\\\data", "sep": ";"}' WHERE name = 'import'/* end; */;
/*+ not a statement on its own */
SELECT /*+ MAX_EXECUTION_TIME(1000) */ COUNT(*) FROM messages
