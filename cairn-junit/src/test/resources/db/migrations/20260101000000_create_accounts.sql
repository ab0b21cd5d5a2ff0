-- The accounts of the fixture project.
-- migrate:up
CREATE TABLE accounts (
    id integer PRIMARY KEY,
    email varchar(255) NOT NULL
);

-- migrate:down
DROP TABLE accounts;
