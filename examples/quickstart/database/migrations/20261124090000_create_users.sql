-- The people who write posts.
-- migrate:up
CREATE TABLE users (
    id integer PRIMARY KEY,
    email varchar(255) NOT NULL UNIQUE,
    name varchar(100) NOT NULL,
    created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- migrate:down
DROP TABLE users;
