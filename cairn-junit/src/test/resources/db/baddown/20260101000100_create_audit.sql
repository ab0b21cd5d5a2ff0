-- A down that does not undo its up: it leaves audit and adds a table of its own.
-- migrate:up
CREATE TABLE audit (
    id integer PRIMARY KEY
);

-- migrate:down
CREATE TABLE audit_leftover (
    id integer PRIMARY KEY
);
