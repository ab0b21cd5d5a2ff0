-- migrate:up
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL UNIQUE);

-- migrate:down
DROP TABLE users;
