-- migrate:up
CREATE TABLE tags (id integer PRIMARY KEY, label text);

-- migrate:down
DROP TABLE tags;
