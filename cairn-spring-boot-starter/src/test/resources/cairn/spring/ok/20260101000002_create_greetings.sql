-- migrate:up
CREATE TABLE greetings (id INTEGER PRIMARY KEY, text VARCHAR(200) NOT NULL);
-- migrate:down
DROP TABLE greetings;
