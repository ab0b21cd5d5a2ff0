-- The accounts, with emails as people typed them: the data an application has when it needs a
-- backfill.
-- migrate:up
CREATE TABLE users (
    id integer PRIMARY KEY,
    email varchar(320) NOT NULL
);
INSERT INTO users (id, email) VALUES (1, '  Ada.Lovelace@Example.COM ');
INSERT INTO users (id, email) VALUES (2, 'grace@Bücher.Example');
INSERT INTO users (id, email) VALUES (3, 'alan@example.org');

-- migrate:down
DROP TABLE users;
