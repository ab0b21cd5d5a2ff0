-- migrate:up
SET SESSION lock_wait_timeout = 5;
-- 200 to 240 bytes at utf8mb4: the length still fits one byte
ALTER TABLE users MODIFY name varchar(60);
-- 800 to 1200 bytes: two length bytes before and after
ALTER TABLE users MODIFY email varchar(300);
ALTER TABLE users MODIFY status enum('active', 'blocked', 'deleted') NOT NULL DEFAULT 'active';
ALTER TABLE users MODIFY org_id bigint(20) DEFAULT 0;
ALTER TABLE users ALTER COLUMN status SET DEFAULT 'blocked';

-- migrate:down
ALTER TABLE users ALTER COLUMN status SET DEFAULT 'active';
ALTER TABLE users MODIFY org_id bigint;
ALTER TABLE users MODIFY status enum('active', 'blocked') NOT NULL DEFAULT 'active';
ALTER TABLE users MODIFY email varchar(200);
ALTER TABLE users MODIFY name varchar(50);
