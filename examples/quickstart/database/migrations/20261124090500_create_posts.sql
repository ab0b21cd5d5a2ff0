-- Posts belong to a user and go when the user goes.
-- migrate:up
CREATE TABLE posts (
    id integer PRIMARY KEY,
    user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title varchar(200) NOT NULL,
    body text,
    published_at timestamp
);
CREATE INDEX posts_user_id ON posts (user_id);

-- migrate:down
DROP INDEX posts_user_id;
DROP TABLE posts;
