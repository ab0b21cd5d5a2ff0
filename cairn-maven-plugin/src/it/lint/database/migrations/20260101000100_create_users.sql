-- migrate:up
CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL, name text);
CREATE TABLE sessions (id integer PRIMARY KEY, user_id integer NOT NULL);

-- migrate:down
DROP TABLE sessions;
DROP TABLE users;
