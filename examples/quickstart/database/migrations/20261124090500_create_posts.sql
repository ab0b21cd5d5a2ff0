-- Posts belong to a user and go when the user goes.
-- migrate:up
CREATE TABLE posts (
    id integer PRIMARY KEY,
    user_id integer NOT NULL,
    title varchar(200) NOT NULL,
    body text,
    published_at timestamp NULL,
    -- A table constraint, not a column's REFERENCES: MySQL ignores the column form.
    FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX posts_user_id ON posts (user_id);

-- migrate:down
-- The index goes with its table (MySQL would not drop it alone: the foreign key needs it).
DROP TABLE posts;
