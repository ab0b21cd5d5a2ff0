-- migrate:up
CREATE TABLE users (id integer PRIMARY KEY, email varchar(200) NOT NULL);

-- migrate:down
DROP TABLE users;
