-- migrate:up
SET SESSION lock_wait_timeout = 5;
ALTER TABLE users ADD COLUMN token char(36) DEFAULT (UUID());
ALTER TABLE users ADD COLUMN display_name varchar(50) DEFAULT (name);
ALTER TABLE users ADD COLUMN name_length int AS (char_length(name)) STORED;
ALTER TABLE events
    ADD COLUMN seq bigint NOT NULL AUTO_INCREMENT,
    ADD UNIQUE KEY events_seq (seq);
ALTER TABLE users
    ADD COLUMN nickname varchar(30),
    ADD FULLTEXT INDEX users_bio (bio);
CREATE FULLTEXT INDEX events_body ON events (body);

-- migrate:down
DROP INDEX events_body ON events;
ALTER TABLE users DROP INDEX users_bio, DROP COLUMN nickname;
ALTER TABLE events DROP INDEX events_seq, DROP COLUMN seq;
ALTER TABLE users DROP COLUMN name_length, DROP COLUMN display_name, DROP COLUMN token;
