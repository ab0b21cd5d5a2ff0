-- migrate:up
CREATE TABLE posts (id integer PRIMARY KEY, user_id integer NOT NULL REFERENCES users (id), title text);
CREATE INDEX posts_user_id ON posts (user_id);

-- migrate:down
DROP TABLE posts;
