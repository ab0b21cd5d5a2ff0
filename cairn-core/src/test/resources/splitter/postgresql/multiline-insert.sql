INSERT INTO articles (id, title, body) VALUES
    (1, 'Semicolons', 'A sentence; another sentence.
A second paragraph -- with dashes;
and a third, with a quote: ''done''.'),
    (2, 'Empty', '');

UPDATE articles
   SET body = body || '
-- footer;'
 WHERE id = 1;
-- the last statement has no semicolon
DELETE FROM articles
 WHERE title = 'Empty'
-- and a comment after it
