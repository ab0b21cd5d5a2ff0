-- migrate:up
CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL UNIQUE);

-- migrate:down
DROP TABLE users;
