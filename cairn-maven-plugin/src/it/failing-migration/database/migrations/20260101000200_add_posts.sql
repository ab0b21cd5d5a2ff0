-- migrate:up
CREATE TABLE posts (id integer PRIMARY KEY, user_id integer NOT NULL);
INSERT INTO posts (id, user_id) VALUES (1, 1);
INSERT INTO no_such_table (id) VALUES (1);

-- migrate:down
DROP TABLE posts;
