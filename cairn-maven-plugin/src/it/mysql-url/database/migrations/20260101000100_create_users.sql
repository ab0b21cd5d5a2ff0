-- migrate:up
CREATE TABLE users (id bigint PRIMARY KEY, email varchar(200) NOT NULL);

-- migrate:down
DROP TABLE users;
