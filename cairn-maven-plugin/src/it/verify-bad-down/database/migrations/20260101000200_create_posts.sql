-- migrate:up
CREATE TABLE posts (id integer PRIMARY KEY, title text);
CREATE TABLE post_tags (post_id integer NOT NULL, tag text NOT NULL);

-- migrate:down
-- Forgets post_tags: the down does not undo the up.
DROP TABLE posts;
