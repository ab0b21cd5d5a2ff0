-- migrate:up
CREATE TABLE orgs (id bigint PRIMARY KEY, name varchar(100)) ENGINE=InnoDB;
CREATE TABLE users (
    id bigint PRIMARY KEY AUTO_INCREMENT,
    email varchar(200),
    name varchar(50),
    org_id bigint,
    KEY users_name (name)
) ENGINE=InnoDB;

-- migrate:down
DROP TABLE users;
DROP TABLE orgs;
