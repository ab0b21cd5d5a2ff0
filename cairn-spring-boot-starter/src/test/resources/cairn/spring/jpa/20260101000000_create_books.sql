-- migrate:up
-- shelf_mark is not mapped by the Book entity: it survives only if Hibernate leaves the table alone.
CREATE TABLE books (id INTEGER PRIMARY KEY, title VARCHAR(200) NOT NULL, shelf_mark VARCHAR(20) DEFAULT 'new');
INSERT INTO books (id, title, shelf_mark) VALUES (1, 'Migrated by Cairn', 'A-1');
-- migrate:down
DROP TABLE books;
