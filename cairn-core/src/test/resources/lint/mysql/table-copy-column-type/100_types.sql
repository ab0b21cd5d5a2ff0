-- migrate:up
SET SESSION lock_wait_timeout = 5;
ALTER TABLE users MODIFY org_id int;
ALTER TABLE users
    ADD INDEX users_email (email),
    MODIFY COLUMN name varchar(100);
ALTER TABLE users MODIFY email varchar(150);
ALTER TABLE users MODIFY status enum('blocked', 'active') NOT NULL DEFAULT 'active';
ALTER TABLE users CHANGE bio biography mediumtext;

-- migrate:down
ALTER TABLE users CHANGE biography bio text;
ALTER TABLE users MODIFY status enum('active', 'blocked') NOT NULL DEFAULT 'active';
ALTER TABLE users MODIFY email varchar(200);
ALTER TABLE users DROP INDEX users_email, MODIFY name varchar(50);
ALTER TABLE users MODIFY org_id bigint;
