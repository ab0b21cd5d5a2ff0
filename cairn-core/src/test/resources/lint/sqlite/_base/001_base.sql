-- migrate:up
CREATE TABLE orgs (id integer PRIMARY KEY, name text);
CREATE TABLE users (id integer PRIMARY KEY, email text, name varchar(50), org_id integer);

-- migrate:down
DROP TABLE users;
DROP TABLE orgs;
