-- migrate:up
CREATE TABLE orgs (id bigint PRIMARY KEY, name varchar(100)) ENGINE=InnoDB;
CREATE TABLE users (
    id bigint PRIMARY KEY AUTO_INCREMENT,
    email varchar(200),
    name varchar(50),
    org_id bigint,
    status enum('active', 'blocked') NOT NULL DEFAULT 'active',
    bio text,
    KEY users_name (name)
) ENGINE=InnoDB;
CREATE TABLE events (
    id bigint NOT NULL,
    kind varchar(20) NOT NULL,
    body text
) ENGINE=InnoDB DEFAULT CHARSET=latin1;

-- migrate:down
DROP TABLE events;
DROP TABLE users;
DROP TABLE orgs;
