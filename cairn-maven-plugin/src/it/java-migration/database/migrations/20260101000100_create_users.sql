-- migrate:up
CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL);

-- migrate:down
DROP TABLE users;
