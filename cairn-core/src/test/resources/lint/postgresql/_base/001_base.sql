-- migrate:up
CREATE TABLE orgs (id bigint PRIMARY KEY, name text);
CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text,
    name varchar(50),
    org_id bigint,
    score numeric(10, 2),
    created_at timestamptz
);
CREATE INDEX users_name ON users (name);

-- migrate:down
DROP TABLE users;
DROP TABLE orgs;
