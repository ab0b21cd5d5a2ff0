-- migrate:up
DROP TABLE orgs;

-- migrate:down
CREATE TABLE orgs (id bigint PRIMARY KEY, name varchar(100));
