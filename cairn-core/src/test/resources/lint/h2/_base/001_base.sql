-- migrate:up
CREATE TABLE orgs (id bigint PRIMARY KEY, name varchar(100));
CREATE TABLE users (id bigint PRIMARY KEY, email varchar(200), name varchar(50), org_id bigint);

-- migrate:down
DROP TABLE users;
DROP TABLE orgs;
