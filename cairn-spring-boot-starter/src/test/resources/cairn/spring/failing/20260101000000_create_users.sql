-- migrate:up
CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL);
INSERT INTO users (id, email) VALUES (1, 'first@example.com');
-- migrate:down
DROP TABLE users;
