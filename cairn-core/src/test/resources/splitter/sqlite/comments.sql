/*
 * Leading comments before the first statement; SQLite block comments do not nest:
 * /* this opener is text, and the next closer ends the whole comment
 */
-- another; leading comment
CREATE TABLE notes (
    id INTEGER PRIMARY KEY, -- the key; explained
    body TEXT /* inline; */ NOT NULL
);

INSERT INTO notes (body) VALUES ('-- not a comment'), ('/* nor this */'), ('it''s; text');;;

-- a comment after the last statement
/* and a block; */
