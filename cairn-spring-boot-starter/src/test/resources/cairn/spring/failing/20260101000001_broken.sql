-- migrate:up
CREATE TABLE accounts (id INTEGER PRIMARY KEY);
INSERT INTO no_such_table (id) VALUES (1);
-- migrate:down
DROP TABLE accounts;
