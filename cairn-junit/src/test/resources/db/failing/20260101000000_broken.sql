-- migrate:up
CREATE TABLE broken (
    id integer PRIMARY KEY
);
INSERT INTO no_such_table VALUES (1);

-- migrate:down
DROP TABLE broken;
