-- migrate:up
CREATE TABLE events (id bigint PRIMARY KEY, user_id bigint);
CREATE INDEX events_user ON events (user_id);
CREATE UNIQUE INDEX events_id ON events (id);

-- migrate:down
DROP TABLE events;
