-- migrate:up
CREATE TABLE people (
    id integer PRIMARY KEY,
    nickname varchar(50),
    email varchar(255) NOT NULL
);

-- migrate:down
DROP TABLE people;
