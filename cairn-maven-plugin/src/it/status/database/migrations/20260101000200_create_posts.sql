-- migrate:up
CREATE TABLE posts (id integer PRIMARY KEY, title text);

-- migrate:down
DROP TABLE posts;
